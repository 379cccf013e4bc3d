import type { Option, PathKey } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { NumberField } from '../common/NumberField.tsx';
import { CheckField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import * as edit from './questionnaireEdits.ts';
import { TextCell } from './TextCell.tsx';
import { nextOptionId } from './questionEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    options: '选项',
    id: '代码',
    labelZh: '中文',
    labelEn: 'English',
    points: '分值',
    knockout: '否决项',
    flag: '标记',
    reasonZh: '原因（中文）',
    reasonEn: '原因（English）',
    factValue: '事实取值',
    add: '添加选项',
    knockoutHint: '选中此项即触发否决：标记被置为真，可使分数归零并封顶为最低类别',
  },
  en: {
    options: 'Options',
    id: 'Code',
    labelZh: '中文',
    labelEn: 'English',
    points: 'Points',
    knockout: 'Knock-out',
    flag: 'Flag',
    reasonZh: 'Reason (中文)',
    reasonEn: 'Reason (English)',
    factValue: 'Fact value',
    add: 'Add option',
    knockoutHint:
      'Choosing this raises the flag; the score may be zeroed and the level capped at the lowest category',
  },
});

type Props = {
  options: readonly Option[];
  path: readonly PathKey[];
  dispatch: Dispatch;
  /** Yes / no questions keep exactly their two options. */
  fixed: boolean;
  /** Show the fact-value column: the question binds a fact. */
  binds: boolean;
};

/** The options of a choice question: labels side by side, points, knock-outs, order. */
export function OptionsEditor({ options, path, dispatch, fixed, binds }: Props) {
  const t = useMessages(messages);
  const set = (i: number, key: PathKey | PathKey[], value: unknown) =>
    dispatch(edit.setOptionField(path, i, key, value));
  const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
  return (
    <fieldset className="q-options">
      <legend>{t('options')}</legend>
      <ol className="q-option-list">
        {options.map((o, i) => (
          <li key={`${o.id}-${i}`} className={o.knockout ? 'q-option knockout' : 'q-option'}>
            <div className="q-option-line">
              <TextCell
                className="q-option-id"
                label={`${t('id')} ${i + 1}`}
                value={o.id}
                pattern={ID}
                disabled={fixed}
                onCommit={(v) => set(i, 'id', v)}
              />
              <label>
                {t('points')}{' '}
                <NumberField
                  label={`${t('points')} ${o.id}`}
                  value={o.points}
                  onCommit={(v) => set(i, 'points', v)}
                />
              </label>
              <CheckField
                label={`${t('knockout')} ${o.id}`}
                hint={t('knockoutHint')}
                checked={!!o.knockout}
                onChange={(checked) =>
                  set(
                    i,
                    'knockout',
                    checked
                      ? { flag: 'lowestCategory', reason: lt('选择了否决项', 'Knock-out answer') }
                      : undefined,
                  )
                }
              >
                {t('knockout')}
              </CheckField>
              {!fixed && (
                <RowControls
                  name={o.id}
                  onMove={(by) => dispatch(edit.moveOption(path, i, i + by))}
                  canMoveUp={i > 0}
                  canMoveDown={i < options.length - 1}
                  onRemove={() => dispatch(edit.removeOption(path, i))}
                  canRemove={options.length > 1}
                />
              )}
            </div>
            <div className="q-option-line">
              <span className="locale-tag">中文</span>
              <TextCell
                label={`${t('labelZh')} ${o.id}`}
                value={o.label['zh-CN']}
                onCommit={(v) => set(i, 'label', { ...o.label, 'zh-CN': v })}
              />
              <span className="locale-tag">EN</span>
              <TextCell
                label={`${t('labelEn')} ${o.id}`}
                value={o.label.en}
                onCommit={(v) => set(i, 'label', { ...o.label, en: v })}
              />
            </div>
            {binds && (
              <div className="q-option-line">
                <label>
                  {t('factValue')}{' '}
                  <TextCell
                    label={`${t('factValue')} ${o.id}`}
                    value={o.factValue === undefined ? '' : String(o.factValue)}
                    onCommit={(v) => set(i, 'factValue', parseFactValue(v))}
                  />
                </label>
              </div>
            )}
            {o.knockout && (
              <div className="q-option-line q-knockout">
                <label>
                  {t('flag')}{' '}
                  <TextCell
                    label={`${t('flag')} ${o.id}`}
                    value={o.knockout.flag}
                    pattern={ID}
                    onCommit={(v) => set(i, ['knockout', 'flag'], v)}
                  />
                </label>
                <TextCell
                  label={`${t('reasonZh')} ${o.id}`}
                  value={o.knockout.reason['zh-CN']}
                  onCommit={(v) => set(i, ['knockout', 'reason', 'zh-CN'], v)}
                />
                <TextCell
                  label={`${t('reasonEn')} ${o.id}`}
                  value={o.knockout.reason.en}
                  onCommit={(v) => set(i, ['knockout', 'reason', 'en'], v)}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      {!fixed && (
        <button
          type="button"
          className="q-add"
          onClick={() => {
            const id = nextOptionId(options);
            dispatch(edit.addOption(path, options.length, { id, label: lt(id, id), points: 0 }));
          }}
        >
          + {t('add')}
        </button>
      )}
    </fieldset>
  );
}

/** Fact values are typed by what they look like: `true`, `12`, else text; empty removes it. */
function parseFactValue(text: string): string | number | boolean | undefined {
  const v = text.trim();
  if (v === '') return undefined;
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}
