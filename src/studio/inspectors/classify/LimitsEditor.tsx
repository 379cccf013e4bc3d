import type { NodeConfig, Pack, PackChange, Scale } from '../../../domain/index.ts';
import { IdSchema, lt } from '../../../domain/index.ts';
import { T } from '../../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { RefPicker } from '../common/RefPicker.tsx';
import { scopeRefs } from '../common/scopeRefs.ts';
import { SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { levelChoices } from '../common/choiceNames.ts';
import {
  addLimit,
  removeLimit,
  setLimitFlag,
  setLimitLevel,
  setLimitReason,
  setLimitWhen,
  type LimitsRef,
} from './classifyEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    caps: '上限（封顶）',
    floors: '下限（保底）',
    capsHint: '条件成立时，等级不高于所选等级；上限优先于下限',
    floorsHint: '条件成立时，等级不低于所选等级',
    when: '条件',
    level: '等级',
    flag: '标记',
    flagHint: '条件成立时一并设置的标记，如 lowestCategory（可留空）',
    reason: '原因',
    add: '添加',
    badFlag: '标记名只能包含字母、数字、"_" 或 "-"',
    noBoolean: '上游没有可用的是/否值：先连接一个规则或问卷节点',
  },
  en: {
    caps: 'Caps',
    floors: 'Floors',
    capsHint: 'When the condition holds, the level is at most the chosen one; caps win over floors',
    floorsHint: 'When the condition holds, the level is at least the chosen one',
    when: 'When',
    level: 'Level',
    flag: 'Flag',
    flagHint: 'A flag raised with the limit, e.g. lowestCategory (optional)',
    reason: 'Reason',
    add: 'Add',
    badFlag: 'A flag name uses letters, digits, "_" or "-"',
    noBoolean: 'Nothing upstream gives a yes/no value: connect a rules or questionnaire node first',
  },
});

type Limit = NodeConfig<'classify'>['caps'][number];

type Props = {
  pack: Pack;
  nodeId: string;
  which: 'caps' | 'floors';
  limits: Limit[];
  scale: Scale | undefined;
  nodeIndex: number;
  dispatch: (change: PackChange) => void;
};

/** Caps or floors: a yes/no reference from upstream, the level it limits to, a flag and a reason. */
export function LimitsEditor({ pack, nodeId, nodeIndex, which, limits, scale, dispatch }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const levels = levelChoices(scale, localize);
  const at: LimitsRef = { nodeIndex, side: which, limits };
  const add = () => {
    const when = scopeRefs(pack, nodeId, T.boolean).find((o) => o.type.type === 'boolean')?.ref;
    const level = which === 'caps' ? levels.ids[0] : levels.ids.at(-1);
    const limit: Limit = {
      when: when ?? 'context',
      level: level ?? 'C1',
      reason: {
        code: `${which === 'caps' ? 'cap' : 'floor'}-${limits.length + 1}`,
        text: lt('', ''),
      },
    };
    dispatch(addLimit(at, limit));
  };
  return (
    <section className="insp-section">
      <h3>
        {t(which)}
        <button type="button" className="insp-button" onClick={add}>
          + {t('add')}
        </button>
      </h3>
      <p className="insp-muted">{t(which === 'caps' ? 'capsHint' : 'floorsHint')}</p>
      {limits.map((limit, i) => {
        return (
          <div key={i} className="limit-card">
            <div className="insp-row">
              <label>{t('when')}</label>
              <RefPicker
                pack={pack}
                nodeId={nodeId}
                value={limit.when}
                wanted={T.boolean}
                label={t('when')}
                onChange={(ref) => dispatch(setLimitWhen(at, i, ref))}
              />
              <RowControls
                className=""
                look="button"
                name={limit.reason.code}
                onRemove={() => dispatch(removeLimit(at, i))}
              />
            </div>
            <SelectField
              layout="row"
              label={t('level')}
              value={limit.level}
              options={levels.ids}
              optionLabel={levels.name}
              onChange={(level) => dispatch(setLimitLevel(at, i, level))}
            />
            <div className="insp-row">
              <label>{t('flag')}</label>
              <FlagInput
                value={limit.flag}
                label={t('flag')}
                hint={t('flagHint')}
                invalid={t('badFlag')}
                onCommit={(flag) => dispatch(setLimitFlag(at, i, flag))}
              />
            </div>
            <LocalizedField
              label={t('reason')}
              value={limit.reason.text}
              onCommit={(text) => dispatch(setLimitReason(at, i, text))}
            />
          </div>
        );
      })}
    </section>
  );
}

/** A flag is a new name the limit defines (not a reference), so it is typed, and checked as an id. */
function FlagInput(props: {
  value: string | undefined;
  label: string;
  hint: string;
  invalid: string;
  onCommit: (flag: string | undefined) => void;
}) {
  const { value, label, hint, invalid, onCommit } = props;
  return (
    <input
      key={value ?? ''}
      className="flag-input"
      aria-label={label}
      title={hint}
      placeholder="lowestCategory"
      defaultValue={value ?? ''}
      onBlur={(e) => {
        const text = e.target.value.trim();
        if (text === (value ?? '')) return;
        if (text === '') onCommit(undefined);
        else if (IdSchema.safeParse(text).success) onCommit(text);
        else {
          e.target.setCustomValidity(invalid);
          e.target.reportValidity();
        }
      }}
      onInput={(e) => e.currentTarget.setCustomValidity('')}
    />
  );
}
