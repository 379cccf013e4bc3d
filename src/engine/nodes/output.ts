import { lt } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T, type ValueType } from '../valueTypes.ts';
import type { Scope } from '../types.ts';
import type { MatchOutput } from './match.ts';
import { recordTemplate } from '../recordTemplate.ts';

export type OutputNodeOutput = {
  outputs: Record<string, unknown>;
  flags: string[];
  products: MatchOutput['products'];
};

const SCALAR = (t: ValueType) =>
  t.type === 'any' ||
  ['number', 'boolean', 'string', 'date', 'level'].includes(t.type) ||
  (t.type === 'list' && (!t.of || ['string', 'level', 'any'].includes(t.of.type)));

export const outputKind: NodeKindDef<'output'> = {
  kind: 'output',
  outputs(node) {
    const outputs: Record<string, ValueType> = {};
    for (const o of node.config.outputs) outputs[o.name] = o.kind === 'flag' ? T.boolean : T.any;
    return { outputs: T.record(outputs), flags: T.list(T.string), products: T.record() };
  },
  validate(node, ctx) {
    const names = new Set<string>();
    node.config.outputs.forEach((o, i) => {
      if (names.has(o.name))
        ctx.error(
          'output.duplicate',
          `config.outputs[${i}].name`,
          lt(`输出名“${o.name}”重复`, `output "${o.name}" is named twice`),
        );
      names.add(o.name);
      const t = ctx.ref(
        o.ref,
        `config.outputs[${i}].ref`,
        o.kind === 'flag' ? T.boolean : undefined,
      );
      if (t && !SCALAR(t))
        ctx.error(
          'output.notScalar',
          `config.outputs[${i}].ref`,
          lt(
            `输出“${o.name}”不是简单值（${t.type}）`,
            `output "${o.name}" is not a plain value (${t.type})`,
          ),
        );
    });
    const v = node.config.verdicts;
    if (v) {
      const target = ctx.index.nodes.get(v)?.node;
      if (target && target.kind !== 'match')
        ctx.error(
          'output.verdicts',
          'config.verdicts',
          lt(`“${v}”不是匹配节点`, `"${v}" is not a match node`),
        );
      else ctx.ref(`${v}.products`, 'config.verdicts');
    }
    return ctx.problems;
  },
  reads: (node) => [
    ...node.config.outputs.map((o) => o.ref),
    ...(node.config.verdicts ? [`${node.config.verdicts}.products`] : []),
  ],
  compile(node, ctx) {
    const outs = node.config.outputs.map((o) => ({ ...o, get: ctx.getter(o.ref) }));
    const template = recordTemplate(
      outs.map((o) => o.name),
      null as unknown,
    );
    const verdicts = node.config.verdicts
      ? ctx.getter(`${node.config.verdicts}.products`)
      : undefined;
    return (scope: Scope): OutputNodeOutput => {
      const outputs: Record<string, unknown> = { ...template };
      const flags: string[] = [];
      for (const o of outs) {
        const v = o.get(scope);
        outputs[o.name] = v === undefined ? null : v;
        if (o.kind === 'flag' && v === true) flags.push(o.name);
      }
      const products = verdicts ? (verdicts(scope) as MatchOutput['products']) : {};
      return { outputs, flags, products };
    };
  },
  fired: (_node, output) => (output as OutputNodeOutput).flags,
};
