import { lt, type LocalizedText, type Pack, type Question } from '../domain/index.ts';
import type { PackIndex } from './packIndex.ts';
import { showIfQuestions } from './questionnaire/showIf.ts';
import { EvaluationError, type Problem } from './types.ts';
import { compileInputCheck, type InputShape } from './inputCheck.ts';
import { problem } from './validateContext.ts';

function duplicates<T>(items: T[], key: (t: T) => string, report: (item: T, i: number) => void) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) report(item, i);
    seen.add(k);
  });
}

/** Vocabulary, questionnaires and the catalogue: ids unique, every level and option real. */
export function validateContent(index: PackIndex, problems: Problem[]): void {
  const { pack } = index;
  const err = (code: string, path: string, zh: string, en: string) =>
    problems.push(problem(code, path, lt(zh, en)));
  const levelOn = (scaleId: string | undefined, level: string, path: string) => {
    const s = scaleId ? index.scales.get(scaleId) : undefined;
    if (s && !s.rank.has(level))
      err(
        'level.unknown',
        path,
        `“${level}”不是量表“${s.scale.id}”的级别`,
        `"${level}" is not a level of scale "${s.scale.id}"`,
      );
  };
  const scaleExists = (scaleId: string | undefined, path: string) => {
    if (scaleId && !index.scales.has(scaleId))
      err(
        'scale.unknown',
        path,
        `量表“${scaleId}”不存在`,
        `scale "${scaleId}" is not in the vocabulary`,
      );
  };

  duplicates(
    pack.vocabulary.facts,
    (f) => f.id,
    (f, i) =>
      err(
        'fact.duplicateId',
        `$.vocabulary.facts[${i}].id`,
        `事实“${f.id}”重复`,
        `fact "${f.id}" is defined twice`,
      ),
  );
  duplicates(
    pack.vocabulary.scales,
    (s) => s.id,
    (s, i) =>
      err(
        'scale.duplicateId',
        `$.vocabulary.scales[${i}].id`,
        `量表“${s.id}”重复`,
        `scale "${s.id}" is defined twice`,
      ),
  );
  pack.vocabulary.scales.forEach((s, i) =>
    duplicates(
      s.levels,
      (l) => l.id,
      (l, j) =>
        err(
          'level.duplicateId',
          `$.vocabulary.scales[${i}].levels[${j}].id`,
          `级别“${l.id}”重复`,
          `level "${l.id}" appears twice`,
        ),
    ),
  );
  pack.vocabulary.facts.forEach((f, i) => {
    if ((f.type === 'enum' || f.type === 'set') && f.scale)
      scaleExists(f.scale, `$.vocabulary.facts[${i}].scale`);
    if ((f.type === 'enum' || f.type === 'set') && !f.scale && !f.values?.length)
      err(
        'fact.noValues',
        `$.vocabulary.facts[${i}]`,
        `事实“${f.id}”需要 scale 或 values`,
        `fact "${f.id}" needs a scale or values`,
      );
    if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max)
      err(
        'fact.range',
        `$.vocabulary.facts[${i}]`,
        `事实“${f.id}”的 min 大于 max`,
        `fact "${f.id}" has min above max`,
      );
  });

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

  const cat = pack.products;
  scaleExists(cat.riskScale, '$.products.riskScale');
  scaleExists(cat.horizonScale, '$.products.horizonScale');
  scaleExists(cat.varietyScale, '$.products.varietyScale');
  duplicates(
    cat.items,
    (p) => p.id,
    (p, i) =>
      err(
        'product.duplicateId',
        `$.products.items[${i}].id`,
        `产品“${p.id}”重复`,
        `product "${p.id}" is listed twice`,
      ),
  );
  cat.items.forEach((p, i) => {
    levelOn(cat.riskScale, p.risk, `$.products.items[${i}].risk`);
    if (p.horizon) levelOn(cat.horizonScale, p.horizon, `$.products.items[${i}].horizon`);
    if (p.variety) levelOn(cat.varietyScale, p.variety, `$.products.items[${i}].variety`);
  });
}

/** Test cases name real products, outputs and flags. */
export function validateTests(pack: Pack, index: PackIndex, problems: Problem[]): void {
  const outputs = new Map<string, string>();
  for (const n of pack.graph.nodes)
    if (n.kind === 'output') for (const o of n.config.outputs) outputs.set(o.name, o.kind);
  duplicates(
    pack.tests,
    (t) => t.id,
    (t, i) =>
      problems.push(
        problem(
          'test.duplicateId',
          `$.tests[${i}].id`,
          lt(`测试“${t.id}”重复`, `test "${t.id}" is defined twice`),
        ),
      ),
  );
  const checkInput = compileInputCheck(index);
  const inputProblem = (input: unknown, at: string, what: LocalizedText): void => {
    try {
      checkInput(input as InputShape);
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      const path = at + e.path.slice(1);
      problems.push(
        problem(
          'test.input',
          path,
          lt(
            `${what['zh-CN']}的输入有误：${e.localized['zh-CN']}`,
            `${what.en}: bad input: ${e.localized.en}`,
          ),
        ),
      );
    }
  };
  pack.sampleClients.forEach((c, i) =>
    inputProblem(
      c.input,
      `$.sampleClients[${i}].input`,
      lt(`示例客户“${c.id}”`, `sample client "${c.id}"`),
    ),
  );
  pack.tests.forEach((t, i) => {
    // A case that expects an error may well feed bad input on purpose.
    if (t.expect.error === undefined)
      inputProblem(t.input, `$.tests[${i}].input`, lt(`测试“${t.id}”`, `test "${t.id}"`));
    const at = `$.tests[${i}].expect`;
    for (const id of [
      ...Object.keys(t.expect.products ?? {}),
      ...Object.keys(t.expect.reasons ?? {}),
    ])
      if (!index.products.has(id))
        problems.push(
          problem(
            'test.unknownProduct',
            `${at}.products.${id}`,
            lt(
              `测试“${t.id}”引用的产品“${id}”不存在`,
              `test "${t.id}" names product "${id}", which is not in the catalogue`,
            ),
          ),
        );
    for (const name of Object.keys(t.expect.outputs ?? {}))
      if (!outputs.has(name))
        problems.push(
          problem(
            'test.unknownOutput',
            `${at}.outputs.${name}`,
            lt(
              `测试“${t.id}”引用的输出“${name}”不存在`,
              `test "${t.id}" names output "${name}", which no output node has`,
            ),
          ),
        );
    for (const name of Object.keys(t.expect.flags ?? {}))
      if (outputs.get(name) !== 'flag')
        problems.push(
          problem(
            'test.unknownFlag',
            `${at}.flags.${name}`,
            lt(
              `测试“${t.id}”引用的标志“${name}”不是输出标志`,
              `test "${t.id}" names flag "${name}", which is not a flag output`,
            ),
          ),
        );
  });
}
