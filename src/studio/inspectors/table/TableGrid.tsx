import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LocalizedText, PathKey } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { RowControls } from '../common/RowControls.tsx';
import { TextCell } from '../questionnaire/TextCell.tsx';
import type { CellError } from './tableAnalysis.ts';
import {
  insertRow,
  moveRow,
  parseOutputCell,
  removeRow,
  setAnnotation,
  setInputCell,
  setOutputCell,
  type TableConfig,
} from './tableEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    row: '行',
    annotation: '备注',
    insert: '在下方插入',
    input: '输入',
    output: '输出',
    overlap: '与其他行重叠',
    badOutput: '不是该列类型的值',
  },
  en: {
    row: 'Row',
    annotation: 'Note',
    insert: 'Insert below',
    input: 'Input',
    output: 'Output',
    overlap: 'Overlaps another row',
    badOutput: 'Not a value of the column type',
  },
});

export const ROW_HEIGHT = 30;
const CELL_WIDTH = 120;

type Props = {
  config: TableConfig;
  base: readonly PathKey[];
  dispatch: Dispatch;
  /** Levels of each output column's scale, for typing output cells. */
  outputLevels: readonly (readonly string[])[];
  errors: readonly CellError[];
  overlapping: ReadonlySet<number>;
  /** Used where there is no layout (server rendering, tests): the viewport to fill. */
  initialHeight?: number;
};

/**
 * The rows of a decision table, virtualized: only the rows in view (plus a few) are in the DOM,
 * so a table of hundreds of rows scrolls as smoothly as one of ten.
 */
export function TableGrid({
  config,
  base,
  dispatch,
  outputLevels,
  errors,
  overlapping,
  initialHeight = 480,
}: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: config.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 1200, height: initialHeight },
  });
  const errorAt = new Map(errors.map((e) => [`${e.row}:${e.column}`, e.error]));
  const columns = `48px repeat(${config.inputs.length}, ${CELL_WIDTH}px) repeat(${config.outputs.length}, ${CELL_WIDTH}px) 160px 120px`;
  const width = 48 + (config.inputs.length + config.outputs.length) * CELL_WIDTH + 280;
  const header = (label: LocalizedText, kind: 'in' | 'out', sub: string) => (
    <div className={`tg-head tg-${kind}`} title={sub}>
      {localize(label)}
      <small>{sub}</small>
    </div>
  );
  return (
    <div
      ref={scrollRef}
      className="table-grid"
      style={{ height: initialHeight, overflow: 'auto' }}
      role="grid"
      aria-rowcount={config.rows.length + 1}
    >
      <div className="tg-row tg-header" style={{ gridTemplateColumns: columns, width }} role="row">
        <div className="tg-head">#</div>
        {config.inputs.map((c) => (
          <div key={`i-${c.id}`} role="columnheader">
            {header(c.label, 'in', c.ref)}
          </div>
        ))}
        {config.outputs.map((c) => (
          <div key={`o-${c.id}`} role="columnheader">
            {header(c.label, 'out', c.id)}
          </div>
        ))}
        <div className="tg-head">{t('annotation')}</div>
        <div className="tg-head" />
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width }}>
        {virtualizer.getVirtualItems().map((item) => {
          const r = item.index;
          const row = config.rows[r];
          if (!row) return null;
          return (
            <div
              key={row.id}
              role="row"
              data-row={r}
              aria-rowindex={r + 2}
              className={`tg-row${overlapping.has(r) ? ' overlap' : ''}`}
              style={{
                gridTemplateColumns: columns,
                width,
                position: 'absolute',
                top: 0,
                transform: `translateY(${item.start}px)`,
                height: ROW_HEIGHT,
              }}
              title={overlapping.has(r) ? t('overlap') : undefined}
            >
              <div className="tg-num">{r + 1}</div>
              {config.inputs.map((c, ci) => {
                const error = errorAt.get(`${r}:${ci}`);
                return (
                  <div
                    key={`i-${ci}`}
                    className={error ? 'tg-cell invalid' : 'tg-cell'}
                    title={error ? localize(error) : undefined}
                    role="gridcell"
                  >
                    <TextCell
                      label={`${t('input')} ${localize(c.label)} ${t('row')} ${r + 1}`}
                      value={row.inputs[ci] ?? '-'}
                      className={error ? 'invalid' : undefined}
                      onCommit={(v) => dispatch(setInputCell(base, r, ci, v))}
                    />
                  </div>
                );
              })}
              {config.outputs.map((c, ci) => {
                const cell = row.outputs[ci] ?? null;
                const levels = outputLevels[ci] ?? [];
                return (
                  <div key={`o-${ci}`} className="tg-cell tg-out" role="gridcell">
                    <TextCell
                      label={`${t('output')} ${localize(c.label)} ${t('row')} ${r + 1}`}
                      value={cell === null ? '' : String(cell)}
                      validate={(v) => parseOutputCell(v, c, levels) !== undefined}
                      onCommit={(v) =>
                        dispatch(setOutputCell(base, r, ci, parseOutputCell(v, c, levels) ?? null))
                      }
                    />
                  </div>
                );
              })}
              <div className="tg-cell" role="gridcell">
                <TextCell
                  label={`${t('annotation')} ${r + 1}`}
                  value={row.annotation ?? ''}
                  onCommit={(v) => dispatch(setAnnotation(base, r, v))}
                />
              </div>
              <RowControls
                className="tg-tools"
                name={String(r + 1)}
                movedName={(by) => String(r + 1 + by)}
                onMove={(by) => dispatch(moveRow(base, r, r + by))}
                canMoveUp={r > 0}
                canMoveDown={r < config.rows.length - 1}
                onRemove={() => dispatch(removeRow(base, r))}
              >
                <button
                  type="button"
                  aria-label={`${t('insert')} ${r + 1}`}
                  title={`${t('insert')} ${r + 1}`}
                  onClick={() => dispatch(insertRow(base, config, r + 1))}
                >
                  +
                </button>
              </RowControls>
            </div>
          );
        })}
      </div>
    </div>
  );
}
