import { useMemo } from 'react';
import { HIT_POLICIES } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { InspectorProps } from '../common/types.ts';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { ColumnsEditor } from './ColumnsEditor.tsx';
import { TableGrid } from './TableGrid.tsx';
import { analysisColumns, levelsOf } from './columnBounds.ts';
import type { TableAnalysis } from './tableAnalysis.ts';
import { useTableAnalysis } from './useTableAnalysis.ts';
import { insertRow, parseOutputCell, setOutputCell, setTableField } from './tableEdits.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';
import '../questionnaire/inspectorBase.css';
import './table.css';

const messages = defineMessages({
  'zh-CN': {
    hitPolicy: '命中策略',
    unique: '唯一（unique）',
    first: '首个（first）',
    priority: '优先级（priority）',
    any: '任一且一致（any）',
    collect: '汇总（collect）',
    ruleOrder: '按行顺序全部（rule order）',
    outputOrder: '按输出值顺序全部（output order）',
    aggregation: '汇总方式',
    list: '列表',
    sum: '求和',
    min: '最小',
    max: '最大',
    count: '计数',
    rows: '{n} 行',
    addRow: '添加行',
    useDefault: '无匹配时使用默认输出',
    defaultOutput: '默认输出',
    gaps: '未覆盖的输入（{n}）',
    gapsMore: '未覆盖的输入（至少 {n}）',
    noGaps: '所有输入都有行覆盖',
    defaultCovers: '有默认输出，未覆盖的输入会取默认值',
    overlaps: '“唯一”策略下重叠的行对（{n}）',
    cellErrors: '无法解析的单元格（{n}）',
    cellAt: '第 {row} 行 {column} 列',
  },
  en: {
    hitPolicy: 'Hit policy',
    unique: 'Unique',
    first: 'First',
    priority: 'Priority',
    any: 'Any (must agree)',
    collect: 'Collect',
    ruleOrder: 'Rule order',
    outputOrder: 'Output order',
    aggregation: 'Aggregation',
    list: 'list',
    sum: 'sum',
    min: 'min',
    max: 'max',
    count: 'count',
    rows: '{n} rows',
    addRow: 'Add row',
    useDefault: 'Use a default output when no row matches',
    defaultOutput: 'Default output',
    gaps: 'Inputs no row covers ({n})',
    gapsMore: 'Inputs no row covers (at least {n})',
    noGaps: 'Every input is covered by a row',
    defaultCovers: 'A default output applies where no row matches',
    overlaps: 'Pairs of rows that overlap under "unique" ({n})',
    cellErrors: 'Cells that do not parse ({n})',
    cellAt: 'row {row}, column {column}',
  },
});

const AGGREGATIONS = ['list', 'sum', 'min', 'max', 'count'] as const;
const EMPTY: TableAnalysis = { errors: [], gaps: [], overlaps: [], truncated: false };

/** The decision table: hit policy, typed columns, a virtualized grid, and its gaps and overlaps. */
export function TableInspector({ pack, node, nodeIndex, dispatch }: InspectorProps<'table'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const config = node.config;
  const base = ['graph', 'nodes', nodeIndex, 'config'] as const;
  const columns = useMemo(() => analysisColumns(pack, config), [pack, config]);
  const inputRows = useMemo(() => config.rows.map((r) => r.inputs), [config.rows]);
  const { analysis: current, stale } = useTableAnalysis(columns, inputRows);
  const analysis = current ?? EMPTY;
  const overlapping = useMemo(
    () => new Set(config.hitPolicy === 'unique' ? analysis.overlaps.flatMap((o) => o.rows) : []),
    [analysis, config.hitPolicy],
  );
  const outputLevels = config.outputs.map((c) => levelsOf(pack, c.scale));
  const set = (key: 'hitPolicy' | 'aggregation' | 'defaultOutput', value: unknown) =>
    dispatch(setTableField(base, key, value));
  const inputLabel = (i: number) => localize(config.inputs[i]?.label) || String(i + 1);

  return (
    <div className="table-inspector">
      <div className="q-row">
        <SelectField
          label={t('hitPolicy')}
          value={config.hitPolicy}
          options={HIT_POLICIES}
          optionLabel={t}
          onChange={(h) => set('hitPolicy', h)}
        />
        {config.hitPolicy === 'collect' && (
          <SelectField
            label={t('aggregation')}
            value={config.aggregation}
            options={AGGREGATIONS}
            optionLabel={t}
            onChange={(a) => set('aggregation', a)}
          />
        )}
        <CheckField
          label={t('useDefault')}
          checked={!!config.defaultOutput}
          onChange={(on) => set('defaultOutput', on ? config.outputs.map(() => null) : undefined)}
        />
        <span>{t('rows', { n: config.rows.length })}</span>
      </div>
      {config.defaultOutput && (
        <div className="q-row table-default" role="group" aria-label={t('defaultOutput')}>
          {t('defaultOutput')}:
          {config.outputs.map((c, i) => {
            const cell = config.defaultOutput?.[i] ?? null;
            const levels = outputLevels[i] ?? [];
            return (
              <TextCell
                key={c.id}
                label={`${t('defaultOutput')} ${localize(c.label)}`}
                value={cell === null ? '' : String(cell)}
                validate={(v) => parseOutputCell(v, c, levels) !== undefined}
                onCommit={(v) =>
                  dispatch(setOutputCell(base, 'default', i, parseOutputCell(v, c, levels) ?? null))
                }
              />
            );
          })}
        </div>
      )}
      <ColumnsEditor
        pack={pack}
        nodeId={node.id}
        config={config}
        base={base}
        dispatch={dispatch}
        side="inputs"
      />
      <ColumnsEditor
        pack={pack}
        nodeId={node.id}
        config={config}
        base={base}
        dispatch={dispatch}
        side="outputs"
      />
      <section
        className={stale ? 'table-analysis stale' : 'table-analysis'}
        aria-live="polite"
        aria-busy={stale}
      >
        {analysis.errors.length > 0 && (
          <details open className="error">
            <summary>{t('cellErrors', { n: analysis.errors.length })}</summary>
            <ul>
              {analysis.errors.slice(0, 20).map((e, i) => (
                <li key={i}>
                  {t('cellAt', { row: e.row + 1, column: inputLabel(e.column) })}:{' '}
                  {localize(e.error)}
                </li>
              ))}
            </ul>
          </details>
        )}
        {config.defaultOutput ? (
          <p className="hint">{t('defaultCovers')}</p>
        ) : analysis.gaps.length === 0 ? (
          <p className="ok">{t('noGaps')}</p>
        ) : (
          <details open className="warning">
            <summary>
              {t(analysis.truncated ? 'gapsMore' : 'gaps', { n: analysis.gaps.length })}
            </summary>
            <ul>
              {analysis.gaps.map((g, i) => (
                <li key={i}>
                  {g.cells.map((c, ci) => (
                    <span key={ci} className="gap-cell">
                      {inputLabel(ci)} <code>{c}</code>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </details>
        )}
        {config.hitPolicy === 'unique' && analysis.overlaps.length > 0 && (
          <details open={analysis.overlaps.length <= 6} className="warning">
            <summary>{t('overlaps', { n: analysis.overlaps.length })}</summary>
            <p className="overlap-pairs">
              {analysis.overlaps.map((o) => `${o.rows[0] + 1}–${o.rows[1] + 1}`).join(', ')}
            </p>
          </details>
        )}
      </section>
      <TableGrid
        config={config}
        base={base}
        dispatch={dispatch}
        outputLevels={outputLevels}
        errors={analysis.errors}
        overlapping={overlapping}
      />
      <button type="button" onClick={() => dispatch(insertRow(base, config, config.rows.length))}>
        + {t('addRow')}
      </button>
    </div>
  );
}
