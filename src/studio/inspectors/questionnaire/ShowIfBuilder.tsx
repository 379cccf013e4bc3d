import type { PathKey, Question, ShowIf } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { NumberField } from '../common/NumberField.tsx';
import { CheckList, SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import * as edit from './questionnaireEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    showIf: '显示条件',
    always: '总是显示',
    add: '添加显示条件',
    clear: '去掉条件',
    addChild: '添加条件',
    all: '全部满足',
    any: '任一满足',
    not: '不满足',
    answered: '已回答',
    selected: '选择了',
    compare: '数值比较',
    question: '问题',
    noEarlier: '只能引用前面的问题；这是第一题',
    lt: '小于',
    lte: '小于等于',
    gt: '大于',
    gte: '大于等于',
    eq: '等于',
  },
  en: {
    showIf: 'Show if',
    always: 'Always shown',
    add: 'Add a display condition',
    clear: 'Remove condition',
    addChild: 'Add condition',
    all: 'all of',
    any: 'any of',
    not: 'not',
    answered: 'answered',
    selected: 'chose',
    compare: 'number is',
    question: 'Question',
    noEarlier: 'Only earlier questions can be referenced; this is the first',
    lt: 'less than',
    lte: 'at most',
    gt: 'greater than',
    gte: 'at least',
    eq: 'equal to',
  },
});

type Op = ShowIf['op'];
const OPS: Op[] = ['all', 'any', 'not', 'answered', 'selected', 'compare'];
const COMPARE = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;

/** A condition of the given kind over the earlier questions, keeping what carries over. */
export function showIfOf(op: Op, earlier: readonly Question[], from?: ShowIf): ShowIf {
  const first = earlier[0]?.id ?? '';
  const question = from && 'question' in from ? from.question : first;
  const choice =
    earlier.find((q) => q.type !== 'numeric' && q.id === question) ??
    earlier.find((q) => q.type !== 'numeric');
  const numeric =
    earlier.find((q) => q.type === 'numeric' && q.id === question) ??
    earlier.find((q) => q.type === 'numeric');
  const children =
    from && (from.op === 'all' || from.op === 'any') ? from.conditions : from ? [from] : [];
  switch (op) {
    case 'all':
    case 'any':
      return { op, conditions: children };
    case 'not':
      return { op, condition: from ?? { op: 'answered', question } };
    case 'answered':
      return { op, question };
    case 'selected': {
      const q = choice && choice.type !== 'numeric' ? choice : undefined;
      return { op, question: q?.id ?? question, options: q?.options[0] ? [q.options[0].id] : [] };
    }
    case 'compare':
      return { op, question: numeric?.id ?? question, operator: 'gte', value: 0 };
  }
}

type NodeProps = {
  value: ShowIf;
  path: readonly PathKey[];
  earlier: readonly Question[];
  dispatch: Dispatch;
  onRemove?: () => void;
};

function ShowIfNode({ value, path, earlier, dispatch, onRemove }: NodeProps) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const set = (v: ShowIf | unknown, sub: PathKey[] = []) => dispatch(edit.setShowIf(path, v, sub));
  const questionPicker = (filter: (q: Question) => boolean) => {
    const offered = earlier.filter(filter);
    return (
      <SelectField
        label={t('question')}
        hideLabel
        value={'question' in value ? value.question : ''}
        options={offered.map((q) => q.id)}
        optionLabel={(id) => {
          const q = offered.find((x) => x.id === id);
          return q ? `${q.id} · ${localize(q.text).slice(0, 30)}` : id;
        }}
        onChange={(id) =>
          set(
            showIfOf(
              value.op,
              earlier.filter((q) => q.id === id),
            ),
          )
        }
      />
    );
  };
  return (
    <div className={`showif-node showif-${value.op}`}>
      <SelectField
        label={t('showIf')}
        hideLabel
        value={value.op}
        options={OPS}
        optionLabel={t}
        onChange={(op) => set(showIfOf(op, earlier, value))}
      />
      {value.op === 'answered' && questionPicker(() => true)}
      {value.op === 'selected' && (
        <>
          {questionPicker((q) => q.type !== 'numeric')}
          {(() => {
            const q = earlier.find((x) => x.id === value.question);
            if (!q || q.type === 'numeric') return null;
            const labels = new Map(q.options.map((o) => [o.id, localize(o.label)]));
            return (
              <CheckList
                label={t('selected')}
                options={q.options.map((o) => o.id)}
                selected={value.options}
                optionLabel={(id) => `${id} ${labels.get(id) ?? ''}`}
                itemClassName={() => 'showif-option'}
                keepOne
                onChange={(next) => set(next, ['options'])}
              />
            );
          })()}
        </>
      )}
      {value.op === 'compare' && (
        <>
          {questionPicker((q) => q.type === 'numeric')}
          <SelectField
            label={t('compare')}
            hideLabel
            value={value.operator}
            options={COMPARE}
            optionLabel={t}
            onChange={(c) => set(c, ['operator'])}
          />
          <NumberField
            label={t('compare')}
            value={value.value}
            onCommit={(v) => set(v, ['value'])}
          />
        </>
      )}
      {onRemove && <RowControls className="" onRemove={onRemove} />}
      {(value.op === 'all' || value.op === 'any') && (
        <div className="showif-children">
          {value.conditions.map((c, i) => (
            <ShowIfNode
              key={i}
              value={c}
              path={[...path, 'conditions', i]}
              earlier={earlier}
              dispatch={dispatch}
              onRemove={() => dispatch(edit.removeShowIfChild(path, i))}
            />
          ))}
          <button
            type="button"
            onClick={() =>
              dispatch(
                edit.addShowIfChild(path, value.conditions.length, showIfOf('selected', earlier)),
              )
            }
          >
            + {t('addChild')}
          </button>
        </div>
      )}
      {value.op === 'not' && (
        <div className="showif-children">
          <ShowIfNode
            value={value.condition}
            path={[...path, 'condition']}
            earlier={earlier}
            dispatch={dispatch}
          />
        </div>
      )}
    </div>
  );
}

/** A small builder of show-if conditions over the questions before this one. */
export function ShowIfBuilder(props: {
  value: ShowIf | undefined;
  path: readonly PathKey[];
  earlier: readonly Question[];
  dispatch: Dispatch;
}) {
  const { value, path, earlier, dispatch } = props;
  const t = useMessages(messages);
  return (
    <fieldset className="q-showif">
      <legend>{t('showIf')}</legend>
      {value ? (
        <ShowIfNode
          value={value}
          path={path}
          earlier={earlier}
          dispatch={dispatch}
          onRemove={() => dispatch(edit.setShowIf(path, undefined))}
        />
      ) : earlier.length === 0 ? (
        <p className="hint">{t('noEarlier')}</p>
      ) : (
        <p>
          {t('always')}{' '}
          <button
            type="button"
            onClick={() => dispatch(edit.setShowIf(path, showIfOf('selected', earlier)))}
          >
            + {t('add')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
