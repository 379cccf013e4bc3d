import { lt, type Pack, type PathKey } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { RefPicker } from '../common/RefPicker.tsx';
import { SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { scaleChoices } from '../common/choiceNames.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { nextId } from '../questionnaire/questionEdits.ts';
import {
  addColumn,
  moveColumn,
  removeColumn,
  setColumnField,
  type TableConfig,
} from './tableEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    inputs: '输入列',
    outputs: '输出列',
    id: '列代码',
    zh: '中文名',
    en: '英文名',
    type: '类型',
    number: '数字',
    string: '文本',
    boolean: '是/否',
    level: '等级',
    scale: '量表',
    ref: '取值',
    add: '添加列',
    newColumn: '新列',
  },
  en: {
    inputs: 'Input columns',
    outputs: 'Output columns',
    id: 'Code',
    zh: '中文',
    en: 'English',
    type: 'Type',
    number: 'number',
    string: 'text',
    boolean: 'yes/no',
    level: 'level',
    scale: 'Scale',
    ref: 'Reads',
    add: 'Add column',
    newColumn: 'New column',
  },
});

const TYPES = ['number', 'string', 'boolean', 'level'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

type Props = {
  pack: Pack;
  nodeId: string;
  config: TableConfig;
  base: readonly PathKey[];
  dispatch: Dispatch;
  side: 'inputs' | 'outputs';
};

/** The typed columns of one side of the table; inputs pick the value they read. */
export function ColumnsEditor({ pack, nodeId, config, base, dispatch, side }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const columns = config[side];
  const scales = scaleChoices(pack, localize);
  const set = (i: number, key: string, value: unknown) =>
    dispatch(setColumnField(base, side, i, key, value));
  return (
    // Wide tables fold their column settings away so that the rows stay in view.
    <details className={`table-columns table-${side}`} open={columns.length <= 4}>
      <summary>
        {t(side)} ({columns.length})
      </summary>
      {columns.map((c, i) => (
        <div key={`${c.id}-${i}`} className="q-row" data-column={c.id}>
          <TextCell
            label={`${t('id')} ${i + 1}`}
            value={c.id}
            pattern={ID}
            onCommit={(v) => set(i, 'id', v)}
          />
          <TextCell
            label={`${t('zh')} ${c.id}`}
            value={c.label['zh-CN']}
            onCommit={(v) => set(i, 'label', { ...c.label, 'zh-CN': v })}
          />
          <TextCell
            label={`${t('en')} ${c.id}`}
            value={c.label.en}
            onCommit={(v) => set(i, 'label', { ...c.label, en: v })}
          />
          <SelectField
            label={`${t('type')} ${c.id}`}
            hideLabel
            value={c.type}
            options={TYPES}
            optionLabel={t}
            onChange={(type) => set(i, 'type', type)}
          />
          {c.type === 'level' && (
            <SelectField
              label={`${t('scale')} ${c.id}`}
              hideLabel
              value={c.scale}
              emptyLabel="—"
              options={scales.ids}
              optionLabel={scales.name}
              onChange={(scale) => set(i, 'scale', scale)}
            />
          )}
          {'ref' in c && typeof c.ref === 'string' && (
            <RefPicker
              pack={pack}
              nodeId={nodeId}
              value={c.ref}
              label={`${t('ref')} ${c.id}`}
              onChange={(ref) => set(i, 'ref', ref)}
            />
          )}
          <RowControls
            direction="horizontal"
            name={c.id}
            onMove={(by) => dispatch(moveColumn(base, config, side, i, i + by))}
            canMoveUp={i > 0}
            canMoveDown={i < columns.length - 1}
            onRemove={() => dispatch(removeColumn(base, config, side, i))}
            canRemove={columns.length > 1}
          />
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          const id = nextId(
            side === 'inputs' ? 'in' : 'out',
            columns.map((c) => c.id),
          );
          const label = lt(t('newColumn'), id);
          const column =
            side === 'inputs'
              ? {
                  id,
                  label,
                  type: 'number' as const,
                  ref: pack.vocabulary.facts.find((f) => f.type === 'number')?.id ?? 'context',
                }
              : { id, label, type: 'string' as const };
          dispatch(addColumn(base, config, side, column));
        }}
      >
        + {t('add')}
      </button>
    </details>
  );
}
