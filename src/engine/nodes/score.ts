import { lt } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T } from '../valueTypes.ts';
import { EvaluationError } from '../types.ts';

const ROUND = {
  none: (x: number) => x,
  floor: Math.floor,
  round: Math.round,
  ceil: Math.ceil,
} as const;

export const scoreKind: NodeKindDef<'score'> = {
  kind: 'score',
  outputs: () => ({ value: T.number }),
  validate(node, ctx) {
    node.config.terms.forEach((t, i) => ctx.ref(t.ref, `config.terms[${i}].ref`, T.number));
    const n = node.config.normalize;
    if (n && n.fromMax === n.fromMin)
      ctx.error(
        'score.normalizeRange',
        'config.normalize',
        lt('归一化的原区间长度为 0', 'normalize: fromMin and fromMax are equal'),
      );
    return ctx.problems;
  },
  reads: (node) => node.config.terms.map((t) => t.ref),
  compile(node, ctx) {
    const { combine, normalize } = node.config;
    const round = ROUND[node.config.round];
    const terms = node.config.terms.map((t, i) => ({
      get: ctx.getter(t.ref),
      weight: t.weight,
      ref: t.ref,
      i,
    }));
    return (scope) => {
      let acc = combine === 'weightedSum' ? 0 : combine === 'max' ? -Infinity : Infinity;
      for (const t of terms) {
        const v = t.get(scope);
        if (typeof v !== 'number' || Number.isNaN(v))
          throw new EvaluationError(
            'score.notNumber',
            lt(
              `评分项“${t.ref}”不是数字（${String(v)}）`,
              `score term "${t.ref}" is not a number (${String(v)})`,
            ),
            `${ctx.path}.config.terms[${t.i}].ref`,
            node.id,
          );
        const x = v * t.weight;
        if (combine === 'weightedSum') acc += x;
        else if (combine === 'max') acc = x > acc ? x : acc;
        else acc = x < acc ? x : acc;
      }
      if (normalize)
        acc =
          ((acc - normalize.fromMin) / (normalize.fromMax - normalize.fromMin)) *
            (normalize.toMax - normalize.toMin) +
          normalize.toMin;
      return { value: round(acc) };
    };
  },
  fired: () => [],
};
