import { lt, type Question } from '../../domain/index.ts';
import type { PackIndex } from '../packIndex.ts';
import type { Problem } from '../types.ts';
import { duplicates, problem } from '../validateContext.ts';
import { showIfQuestions } from './showIf.ts';
import { validateCoherence } from './validateCoherence.ts';

/**
 * Questionnaires: unique ids (question ids across all of them, since answers share one namespace),
 * options, yes/no shape, numeric ranges, show-if on earlier questions and their options, bound facts.
 */
export function validateQuestionnaires(index: PackIndex, problems: Problem[]): void {
  const { pack } = index;
  const err = (code: string, path: string, zh: string, en: string) =>
    problems.push(problem(code, path, lt(zh, en)));
  duplicates(
    pack.questionnaires,
    (q) => q.id,
    (q, i) =>
      err(
        'questionnaire.duplicateId',
        `$.questionnaires[${i}].id`,
        `问卷“${q.id}”重复`,
        `questionnaire "${q.id}" is defined twice`,
      ),
  );
  const allQuestions = new Set<string>();
  pack.questionnaires.forEach((qn, qi) => {
    const earlier = new Map<string, Question>();
    qn.sections.forEach((section, si) =>
      section.questions.forEach((q, k) => {
        const at = `$.questionnaires[${qi}].sections[${si}].questions[${k}]`;
        if (allQuestions.has(q.id))
          err(
            'question.duplicateId',
            `${at}.id`,
            `题号“${q.id}”重复（答案共用一个命名空间）`,
            `question id "${q.id}" is used twice (answers share one namespace)`,
          );
        allQuestions.add(q.id);
        if (q.type !== 'numeric') {
          duplicates(
            q.options,
            (o) => o.id,
            (o, j) =>
              err(
                'option.duplicateId',
                `${at}.options[${j}].id`,
                `选项“${o.id}”重复`,
                `option "${o.id}" appears twice`,
              ),
          );
          if (
            q.type === 'yesno' &&
            q.options
              .map((o) => o.id)
              .sort()
              .join() !== 'no,yes'
          )
            err(
              'question.yesno',
              `${at}.options`,
              '是非题的选项必须是 yes 和 no',
              'a yes/no question has exactly the options yes and no',
            );
        } else {
          if (q.min > q.max)
            err(
              'question.range',
              at,
              '数值题的 min 大于 max',
              'numeric question has min above max',
            );
          q.bands.forEach((b, j) => {
            if (b.min > b.max)
              err(
                'band.empty',
                `${at}.bands[${j}]`,
                '分段下限大于上限',
                'band min is above its max',
              );
          });
        }
        if (q.showIf)
          for (const ref of showIfQuestions(q.showIf)) {
            const target = earlier.get(ref.question);
            if (!target) {
              err(
                'showIf.unknownQuestion',
                `${at}.${ref.path}.question`,
                `显示条件引用的题目“${ref.question}”不在本题之前`,
                `show-if names "${ref.question}", which is not an earlier question`,
              );
              continue;
            }
            const leaf = ref.leaf;
            if (leaf.op === 'selected') {
              const options = target.type === 'numeric' ? [] : target.options.map((o) => o.id);
              leaf.options.forEach((o, j) => {
                if (!options.includes(o))
                  err(
                    'showIf.unknownOption',
                    `${at}.${ref.path}.options[${j}]`,
                    `“${o}”不是题目“${target.id}”的选项`,
                    `"${o}" is not an option of question "${target.id}"`,
                  );
              });
            }
            if (leaf.op === 'compare' && target.type !== 'numeric')
              err(
                'showIf.notNumeric',
                `${at}.${ref.path}`,
                `比较条件需要数值题，“${target.id}”不是`,
                `a compare test needs a numeric question; "${target.id}" is not one`,
              );
          }
        if (q.bindFact) {
          const fact = index.facts.get(q.bindFact.fact);
          if (!fact)
            err(
              'fact.unknown',
              `${at}.bindFact.fact`,
              `绑定的事实“${q.bindFact.fact}”不存在`,
              `bound fact "${q.bindFact.fact}" is not in the vocabulary`,
            );
          else if (q.type !== 'numeric' && (fact.type === 'enum' || fact.type === 'set')) {
            const ids = fact.scale
              ? index.scales.get(fact.scale)?.ids
              : fact.values?.map((v) => v.id);
            q.options.forEach((o, j) => {
              const v = o.factValue ?? o.id;
              if (ids && !ids.includes(String(v)))
                err(
                  'option.factValue',
                  `${at}.options[${j}].factValue`,
                  `“${String(v)}”不是事实“${fact.id}”的取值`,
                  `"${String(v)}" is not a value of fact "${fact.id}"`,
                );
            });
          }
        }
        earlier.set(q.id, q);
      }),
    );
  });
  validateCoherence(index, problems);
}
