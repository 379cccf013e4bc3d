import { lt, REQUIRED_LOCALES, type Pack } from '../../domain/index.ts';
import type { Problem } from '../types.ts';
import { problem } from '../validateContext.ts';

/** Questionnaires that no questionnaire node scores: their questions are never used. */
export function lintQuestionnaires(pack: Pack): Problem[] {
  const scored = new Set(
    pack.graph.nodes.flatMap((n) => (n.kind === 'questionnaire' ? [n.config.questionnaire] : [])),
  );
  const out: Problem[] = [];
  pack.questionnaires.forEach((q, i) => {
    if (!scored.has(q.id))
      out.push(
        problem(
          'lint.questionnaire.unused',
          `$.questionnaires[${i}]`,
          lt(
            `问卷“${q.id}”没有被任何问卷节点引用，其中的问题不会被使用`,
            `questionnaire "${q.id}" is not scored by any questionnaire node; its questions are never used`,
          ),
          'warning',
        ),
      );
  });
  return out;
}

/** Every question id named anywhere as `answers.<id>`, `$.<id>` of fact answers, or in show-if. */
function referencedQuestions(pack: Pack): Set<string> {
  const used = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^answers\.([A-Za-z0-9_-]+)/.exec(v);
      if (m?.[1]) used.add(m[1]);
      return;
    }
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.fact === 'answers' && typeof o.path === 'string') {
      const m = /^\$\.([A-Za-z0-9_-]+)/.exec(o.path);
      if (m?.[1]) used.add(m[1]);
    }
    if (typeof o.op === 'string' && typeof o.question === 'string') used.add(o.question);
    Object.values(o).forEach(walk);
  };
  walk(pack.graph);
  walk(pack.questionnaires);
  return used;
}

/**
 * Questions whose options (or bands) all score 0 and that do nothing else — no knock-out, no
 * bound fact, read by no rule or show-if: most likely the points were never filled in.
 */
export function lintQuestions(pack: Pack): Problem[] {
  const used = referencedQuestions(pack);
  const out: Problem[] = [];
  pack.questionnaires.forEach((q, qi) =>
    q.sections.forEach((s, si) =>
      s.questions.forEach((question, i) => {
        const points =
          question.type === 'numeric'
            ? question.bands.map((b) => b.points)
            : question.options.map((o) => o.points);
        const knockout = question.type !== 'numeric' && question.options.some((o) => o.knockout);
        if (points.some((p) => p !== 0) || knockout || question.bindFact || used.has(question.id))
          return;
        out.push(
          problem(
            'lint.question.noPoints',
            `$.questionnaires[${qi}].sections[${si}].questions[${i}]`,
            lt(
              `问题“${question.id}”的所有选项都是 0 分，且没有否决项、绑定事实或被规则引用：它不影响任何结果`,
              `every option of question "${question.id}" scores 0 and it has no knock-out, bound fact or rule reading it: it changes no result`,
            ),
            'warning',
          ),
        );
      }),
    ),
  );
  return out;
}

/** Products whose horizon or variety the catalogue has no scale for (risk is validation's). */
export function lintProducts(pack: Pack): Problem[] {
  const out: Problem[] = [];
  const cat = pack.products;
  cat.items.forEach((p, i) => {
    for (const [field, scale] of [
      ['horizon', cat.horizonScale],
      ['variety', cat.varietyScale],
    ] as const)
      if (p[field] !== undefined && scale === undefined)
        out.push(
          problem(
            'lint.product.undefinedScale',
            `$.products.items[${i}].${field}`,
            lt(
              `产品“${p.id}”的 ${field} 为“${p[field]}”，但产品目录没有定义 ${field}Scale，该值无法比较`,
              `product "${p.id}" has ${field} "${p[field]}" but the catalogue defines no ${field}Scale, so it cannot be compared`,
            ),
            'error',
          ),
        );
  });
  return out;
}

const isLocalized = (o: Record<string, unknown>) =>
  REQUIRED_LOCALES.every((l) => typeof o[l] === 'string');

/** Localized text with an empty zh-CN or en: people reading the other language see nothing. */
export function lintTranslations(pack: Pack): Problem[] {
  const out: Problem[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) return v.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (isLocalized(o)) {
      const empty = REQUIRED_LOCALES.filter((l) => (o[l] as string).trim() === '');
      const other = REQUIRED_LOCALES.find((l) => !empty.includes(l));
      if (empty.length > 0)
        out.push(
          problem(
            'lint.translation.missing',
            path,
            lt(
              `缺少 ${empty.join('、')} 文本${other ? `（${other}：“${String(o[other]).slice(0, 40)}”）` : ''}`,
              `missing ${empty.join(' and ')} text${other ? ` (${other}: "${String(o[other]).slice(0, 40)}")` : ''}`,
            ),
            'warning',
          ),
        );
      return;
    }
    for (const [k, child] of Object.entries(o))
      walk(child, /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
  };
  const { integrity: _integrity, ...content } = pack;
  walk(content, '$');
  return out;
}
