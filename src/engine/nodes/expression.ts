import type { NodeKindDef } from './kind.ts';
import { T, type ValueType } from '../valueTypes.ts';
import { compileFeelExpression } from '../feel/compileExpression.ts';

export type ExpressionOutput = { value: unknown };

const VALUE_TYPES: Record<string, ValueType> = {
  number: T.number,
  string: T.string,
  boolean: T.boolean,
  any: T.any,
};

/** An S-FEEL literal expression over named references (FEEL null semantics). */
export const expressionKind: NodeKindDef<'expression'> = {
  kind: 'expression',
  outputs: (node) => ({ value: VALUE_TYPES[node.config.type] ?? T.any }),
  validate(node, ctx) {
    const c = node.config;
    c.names.forEach((n, i) => ctx.ref(n.ref, `config.names[${i}].ref`));
    const compiled = compileFeelExpression(
      c.expression,
      c.names.map((n) => n.name),
      c.functions,
    );
    if (!compiled.ok) ctx.error('expression.syntax', 'config.expression', compiled.error);
    return ctx.problems;
  },
  reads: (node) => node.config.names.map((n) => n.ref),
  compile(node, ctx) {
    const c = node.config;
    const compiled = compileFeelExpression(
      c.expression,
      c.names.map((n) => n.name),
      c.functions,
    );
    if (!compiled.ok) throw new Error(compiled.error.en);
    const getters = c.names.map((n) => ctx.getter(n.ref));
    const run = compiled.run;
    return (scope): ExpressionOutput => {
      const value = run((i) => (getters[i] as (s: typeof scope) => unknown)(scope));
      return { value: value === undefined ? null : value };
    };
  },
  fired: () => [],
};
