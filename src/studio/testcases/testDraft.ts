import type {
  EvaluationInputDraft,
  Expectation,
  FactValue,
  LocalizedText,
  Pack,
  PackChange,
  TestCase,
  Verdict,
} from '../../domain/index.ts';
import type { EvaluationResult } from '../../engine/index.ts';

/** The names the output nodes declare as flags, in declaration order. */
export function declaredFlags(pack: Pack): string[] {
  const names: string[] = [];
  for (const n of pack.graph.nodes)
    if (n.kind === 'output')
      for (const o of n.config.outputs)
        if (o.kind === 'flag' && !names.includes(o.name)) names.push(o.name);
  return names;
}

/** The names the output nodes declare as values (not flags), in declaration order. */
export function declaredValues(pack: Pack): string[] {
  const names: string[] = [];
  for (const n of pack.graph.nodes)
    if (n.kind === 'output')
      for (const o of n.config.outputs)
        if (o.kind !== 'flag' && !names.includes(o.name)) names.push(o.name);
  return names;
}

/** An id like `base`, `base-2`, ... that no test of the pack has yet. */
export function uniqueTestId(pack: Pack, base: string): string {
  const taken = new Set(pack.tests.map((t) => t.id));
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'test';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

/**
 * Everything a result says, as an expectation: every value output, every declared flag (true or
 * false) and every product's verdict. The author then removes what the test should not pin.
 */
export function expectationFrom(pack: Pack, result: EvaluationResult): Expectation {
  const outputs: Record<string, FactValue> = {};
  for (const name of declaredValues(pack)) {
    const v = result.outputs[name];
    if (v !== undefined) outputs[name] = v;
  }
  const flags: Record<string, boolean> = {};
  for (const name of declaredFlags(pack)) flags[name] = result.flags.includes(name);
  const products: Record<string, Verdict> = {};
  for (const [id, v] of Object.entries(result.products)) products[id] = v.verdict;
  return { outputs, flags, products };
}

/**
 * A test case of this simulation: expectations prefilled from its result, or, for an input the
 * engine refuses, the error code it must keep failing with.
 */
export function testFromSimulation(
  pack: Pack,
  input: EvaluationInputDraft,
  outcome: EvaluationResult | { errorCode: string },
  name: LocalizedText,
): TestCase {
  const id = uniqueTestId(pack, input.clientId ? `sim-${input.clientId}` : 'sim');
  return {
    id,
    name,
    input: structuredClone({
      ...input,
      facts: input.facts ?? {},
      answers: input.answers ?? {},
      initiator: input.initiator ?? 'client',
    }),
    expect: 'errorCode' in outcome ? { error: outcome.errorCode } : expectationFrom(pack, outcome),
  };
}

/** The change that appends a test case (one undoable step). */
export function addTestChange(pack: Pack, test: TestCase): PackChange {
  return { type: 'insert', path: ['tests'], index: pack.tests.length, value: test };
}

/** The change that sets one part of the test at `index`. */
export function setTestChange(
  index: number,
  part: 'id' | 'name' | 'input' | 'expect',
  value: unknown,
): PackChange {
  return { type: 'set', path: ['tests', index, part], value };
}

export function removeTestChange(index: number): PackChange {
  return { type: 'remove', path: ['tests'], index };
}

/** The expectation with one entry set, or removed when `value` is undefined. */
export function withExpectation(
  expect: Expectation,
  group: 'outputs' | 'flags' | 'products' | 'reasons',
  key: string,
  value: FactValue | boolean | Verdict | string[] | undefined,
): Expectation {
  const entries = { ...(expect[group] ?? {}) } as Record<string, unknown>;
  if (value === undefined) delete entries[key];
  else entries[key] = value;
  const next = { ...expect } as Record<string, unknown>;
  if (Object.keys(entries).length === 0) delete next[group];
  else next[group] = entries;
  return next as Expectation;
}
