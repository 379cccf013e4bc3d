import {
  COHERENCE_SEVERITIES,
  questionsOf,
  type PackChange,
  type Questionnaire,
} from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { CheckList, SelectField } from '../common/ChoiceFields.tsx';
import { LocalizedField } from '../common/LocalizedField.tsx';
import {
  addCoherenceRule,
  clausesOf,
  removeCoherenceRule,
  setCoherenceClauses,
  setCoherenceLabel,
  setCoherenceSeverity,
  type Clause,
} from './coherenceEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '答案一致性规则',
    why: '互相矛盾的答案（如“没有投资经验”却“交易过衍生品”）。不改变任何结果，只在问卷分析中统计，提示顾问与客户核对。',
    add: '添加规则',
    remove: '删除规则',
    name: '规则名称',
    severity: '处理',
    review: '复核',
    info: '提示',
    question: '题目',
    answers: '答案为其中之一',
    addClause: '再加一题',
    removeClause: '去掉这题',
    json: '此规则的条件不是“各题答案组合”的形式，请在 JSON 视图中编辑。',
    firm: '公司做法',
    law: '法规',
    none: '还没有规则。',
  },
  en: {
    title: 'Coherence rules',
    why: 'Answers that contradict each other (e.g. "no investment experience" with "trades derivatives"). They change no result; questionnaire analytics counts them so that an adviser reviews the answers with the client.',
    add: 'Add a rule',
    remove: 'Remove the rule',
    name: 'Rule name',
    severity: 'Action',
    review: 'review',
    info: 'note',
    question: 'Question',
    answers: 'answered one of',
    addClause: 'Add a question',
    removeClause: 'Remove this question',
    json: 'This rule’s condition is not a combination of answers: edit it in the JSON view.',
    firm: 'firm practice',
    law: 'law',
    none: 'No rules yet.',
  },
});

type Props = {
  questionnaire: Questionnaire;
  qi: number;
  dispatch: (change: PackChange) => void;
};

/** Coherence rules of a questionnaire: name, action, and "question X answered one of ..." clauses. */
export function CoherenceEditor({ questionnaire, qi, dispatch }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const choice = questionsOf(questionnaire).filter((q) => q.type !== 'numeric');
  const byId = new Map(choice.map((q) => [q.id, q]));
  const rules = questionnaire.coherence ?? [];
  const add = addCoherenceRule(qi, questionnaire);
  return (
    <section className="q-coherence" data-testid="coherence-editor">
      <h4>{t('title')}</h4>
      <p className="hint">{t('why')}</p>
      {rules.length === 0 && <p className="hint">{t('none')}</p>}
      {rules.map((rule, index) => {
        const clauses = clausesOf(rule);
        const setClauses = (next: Clause[]) =>
          dispatch(setCoherenceClauses(qi, index, next, questionnaire));
        return (
          <div key={rule.id} className="q-coherence-rule" data-rule={rule.id}>
            <div className="q-row">
              <code>{rule.id}</code>
              <LocalizedField
                label={t('name')}
                value={rule.label}
                onCommit={(v) => dispatch(setCoherenceLabel(qi, index, v))}
              />
              <SelectField
                label={t('severity')}
                options={COHERENCE_SEVERITIES}
                optionLabel={(s) => t(s)}
                value={rule.severity}
                onChange={(s) => s && dispatch(setCoherenceSeverity(qi, index, s))}
              />
              <span className="chip">{t(rule.basis?.kind === 'law' ? 'law' : 'firm')}</span>
              <button
                className="btn btn-small"
                onClick={() => dispatch(removeCoherenceRule(qi, index, rule.id))}
              >
                {t('remove')}
              </button>
            </div>
            {clauses ? (
              <ul className="q-coherence-clauses">
                {clauses.map((clause, ci) => {
                  const q = byId.get(clause.question);
                  const options = q ? q.options.map((o) => o.id) : [];
                  const label = (id: string) =>
                    `${id} ${localize(q?.options.find((o) => o.id === id)?.label).slice(0, 16)}`;
                  const replace = (c: Clause) =>
                    setClauses(clauses.map((x, j) => (j === ci ? c : x)));
                  return (
                    <li key={ci} data-clause={clause.question}>
                      <SelectField
                        label={t('question')}
                        options={choice.map((x) => x.id)}
                        optionLabel={(id) => `${id} ${localize(byId.get(id)?.text).slice(0, 30)}`}
                        value={clause.question}
                        onChange={(id) => {
                          const first = byId.get(id ?? '');
                          if (first)
                            replace({ question: first.id, options: [first.options[0]?.id ?? ''] });
                        }}
                      />
                      <CheckList
                        label={t('answers')}
                        showLabel
                        options={options}
                        selected={clause.options}
                        optionLabel={label}
                        keepOne
                        onChange={(selected) => replace({ ...clause, options: selected })}
                      />
                      {clauses.length > 1 && (
                        <button
                          className="btn btn-small"
                          aria-label={t('removeClause')}
                          onClick={() => setClauses(clauses.filter((_, j) => j !== ci))}
                        >
                          ×
                        </button>
                      )}
                    </li>
                  );
                })}
                <li>
                  <button
                    className="btn btn-small"
                    onClick={() => {
                      const next = choice.find((q) => !clauses.some((c) => c.question === q.id));
                      if (next)
                        setClauses([
                          ...clauses,
                          { question: next.id, options: [next.options[0]?.id ?? ''] },
                        ]);
                    }}
                  >
                    {t('addClause')}
                  </button>
                </li>
              </ul>
            ) : (
              <p className="hint">{t('json')}</p>
            )}
          </div>
        );
      })}
      {add && (
        <button className="btn btn-small" data-action="add-coherence" onClick={() => dispatch(add)}>
          {t('add')}
        </button>
      )}
    </section>
  );
}
