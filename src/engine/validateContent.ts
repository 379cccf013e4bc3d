import { lt, type TopLevelCondition } from '../domain/index.ts';
import { conditionFacts } from './conditions.ts';
import type { PackIndex } from './packIndex.ts';
import { validateQuestionnaires } from './questionnaire/validateQuestionnaires.ts';
import type { Problem } from './types.ts';
import { duplicates, problem } from './validateContext.ts';

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

  // A `requiredWhen` is checked before any node runs: it may read only the input's facts and context.
  const inputCondition = (c: TopLevelCondition | undefined, path: string) => {
    for (const fact of c ? conditionFacts(c) : [])
      if (fact !== 'context' && !index.facts.has(fact))
        err(
          'condition.inputOnly',
          path,
          `条件只能读取客户事实和 context，不能读取“${fact}”`,
          `the condition may read only client facts and context, not "${fact}"`,
        );
  };
  pack.vocabulary.facts.forEach((f, i) =>
    inputCondition(f.requiredWhen, `$.vocabulary.facts[${i}].requiredWhen`),
  );
  pack.questionnaires.forEach((q, i) =>
    inputCondition(q.requiredWhen, `$.questionnaires[${i}].requiredWhen`),
  );
  validateQuestionnaires(index, problems);

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
