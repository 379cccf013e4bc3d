import { compilePack, type CompiledPack } from '../../compilePack.ts';
import { evaluate } from '../../evaluate.ts';
import { EvaluationError, PackInvalidError } from '../../types.ts';
import { importDmn } from './importDmn.ts';
import type { DmnMapping } from './dmnNames.ts';
import { readTckCases, type TckTestCase, type TckValue } from './tckCases.ts';

export type TckCaseResult = {
  /** The test file, e.g. `0004-simpletable-U-test-01.xml`. */
  file: string;
  id: string;
  pass: boolean;
  /** Why it failed: the first result that differs, or why the model could not run. */
  detail?: string;
};

const NUMERIC = new Set(['decimal', 'double', 'float', 'integer', 'int', 'long', 'short']);

/**
 * Numbers are compared as decimals, equal when they agree to 12 significant digits (a relative
 * difference of at most 1e-12). Exact equality would fail a correct engine: the TCK's expected
 * `562.707359373292` (0008-LX-arithmetic) is the exact decimal `562.70735937326593...` only to 12
 * digits, having been computed in binary floating point.
 */
export function sameDecimal(actual: unknown, expected: string): boolean {
  if (typeof actual !== 'number' || !Number.isFinite(actual)) return false;
  const e = Number(expected.trim());
  return actual === e || Math.abs(actual - e) <= 1e-12 * Math.abs(e);
}

/**
 * A TCK value as the engine's input takes it; null when the test gives none. A value without
 * `xsi:type` is read as the input's declared type (`factType`).
 */
function toInput(v: TckValue, factType?: string): unknown {
  switch (v.kind) {
    case 'null':
      return null;
    case 'list':
      return v.items.map((i) => toInput(i));
    case 'components':
      return Object.fromEntries(v.components.map((c) => [c.name, toInput(c.value)]));
    case 'value': {
      const type = v.type || factType;
      if (NUMERIC.has(type ?? '') || type === 'number') return Number(v.text.trim());
      if (type === 'boolean') return v.text.trim() === 'true';
      return v.text;
    }
  }
}

/** Why `actual` is not `expected`, or undefined when they agree. */
function difference(actual: unknown, expected: TckValue): string | undefined {
  const shown = JSON.stringify(actual ?? null);
  switch (expected.kind) {
    case 'null':
      return actual === null || actual === undefined ? undefined : `expected null, got ${shown}`;
    case 'value': {
      // Without xsi:type the expected text is read as the kind of value the engine gave.
      const type = expected.type || (typeof actual === 'number' ? 'decimal' : typeof actual);
      const ok = NUMERIC.has(type)
        ? sameDecimal(actual, expected.text)
        : type === 'boolean'
          ? actual === (expected.text.trim() === 'true')
          : actual === expected.text;
      return ok ? undefined : `expected ${expected.text}, got ${shown}`;
    }
    case 'list': {
      if (!Array.isArray(actual) || actual.length !== expected.items.length)
        return `expected a list of ${expected.items.length}, got ${shown}`;
      for (const [i, item] of expected.items.entries()) {
        const d = difference(actual[i], item);
        if (d) return `[${i}]: ${d}`;
      }
      return undefined;
    }
    case 'components': {
      if (actual === null || typeof actual !== 'object')
        return `expected a structure, got ${shown}`;
      for (const c of expected.components) {
        const d = difference((actual as Record<string, unknown>)[c.name], c.value);
        if (d) return `${c.name}: ${d}`;
      }
      return undefined;
    }
  }
}

function runCase(compiled: CompiledPack, mapping: DmnMapping, tc: TckTestCase): string | undefined {
  const facts: Record<string, unknown> = {};
  const typeOf = (fact: string) => compiled.index.facts.get(fact)?.type;
  for (const input of tc.inputs) {
    const target = mapping.inputs.get(input.name);
    if (!target) return `input "${input.name}" is not an input of the imported model`;
    if ('fact' in target) {
      const value = toInput(input.value, typeOf(target.fact));
      if (value !== null) facts[target.fact] = value;
      continue;
    }
    for (const [component, fact] of target.components) {
      const given =
        input.value.kind === 'components'
          ? input.value.components.find((c) => c.name === component)?.value
          : undefined;
      const v = given ? toInput(given, typeOf(fact)) : null;
      if (v !== null && v !== undefined) facts[fact] = v;
    }
  }
  let outputs: Record<string, unknown> = {};
  let failure: string | undefined;
  try {
    outputs = evaluate(
      compiled,
      { clientId: tc.id, facts, answers: {}, evaluationDate: '2000-01-01' } as never,
      { rationale: false },
    ).outputs;
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
    // An evaluation the engine refuses gives null results, as a DMN error does.
    failure = `${e.code}: ${e.message}`;
  }
  for (const r of tc.results) {
    const decision = mapping.decisions.get(r.name);
    if (!decision) return `decision "${r.name}" was not imported`;
    // A table with several outputs gives one output per column; compare them as the structure.
    const actual =
      'components' in decision
        ? Object.fromEntries([...decision.components].map(([c, o]) => [c, outputs[o]]))
        : outputs[decision.output];
    const d = difference(actual, r.expected);
    if (d) return `${r.name}: ${d}${failure ? ` (${failure})` : ''}`;
  }
  return undefined;
}

/**
 * Imports one TCK model and runs its test files through the engine. A model that does not
 * import or compile fails every one of its test cases, saying why.
 */
export async function runTckModel(
  dmnXml: string,
  testFiles: { name: string; xml: string }[],
): Promise<TckCaseResult[]> {
  const files = testFiles.map((f) => ({ name: f.name, cases: readTckCases(f.xml).testCases }));
  let compiled: CompiledPack;
  let mapping: DmnMapping;
  try {
    const imported = await importDmn(dmnXml);
    mapping = imported.mapping;
    compiled = compilePack(imported.pack);
  } catch (e) {
    const why =
      e instanceof PackInvalidError
        ? (e.problems.find((p) => p.severity === 'error')?.message.en ?? e.message)
        : (e as Error).message;
    return files.flatMap((f) =>
      f.cases.map((tc) => ({ file: f.name, id: tc.id, pass: false, detail: `model: ${why}` })),
    );
  }
  return files.flatMap((f) =>
    f.cases.map((tc) => {
      const detail = runCase(compiled, mapping, tc);
      return detail === undefined
        ? { file: f.name, id: tc.id, pass: true }
        : { file: f.name, id: tc.id, pass: false, detail };
    }),
  );
}
