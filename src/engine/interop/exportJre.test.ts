import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import type { EngineOptions, RuleProperties } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { EvaluationInputDraft } from '../../domain/index.ts';
import { evaluationInputArb } from '../../testing/arbitraries.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { createSafePathResolver } from '../safePath.ts';
import type { EvaluationResult } from '../types.ts';
import { exportJsonRulesEngine } from './exportJre.ts';
import { addPackOperators } from './jreOperators.ts';
import type { JreFactNeed, JreRule } from './exportJre.ts';
import { interopFixturePack } from '../../testing/interopPack.ts';

const pack = interopFixturePack();
const exported = exportJsonRulesEngine(pack);
const compiled = compilePack(interopFixturePack());

describe('exportJsonRulesEngine', () => {
  it('exports every rules node and every condition dimension', () => {
    expect(exported.format).toBe('json-rules-engine');
    expect(exported.pack).toEqual({ id: 'interop-fixture', version: '1.0.0' });
    expect(exported.engineOptions).toEqual({ allowUndefinedFacts: true });
    expect(exported.ruleSets.map((s) => s.nodeId)).toEqual(['limits', 'alerts']);
    expect(exported.matchConditions.map((c) => `${c.nodeId}.${c.dimensionId}`)).toEqual([
      'match.wealth',
      'match.complexity',
    ]);
    for (const note of exported.notes) {
      expect(note['zh-CN']).not.toBe('');
      expect(note.en).not.toBe('');
    }
  });

  it('lists the custom operators it uses, defined in words, and json-rules-engine runs them once registered', async () => {
    expect(exported.customOperators).toEqual([]);
    const dated = interopFixturePack();
    const limits = dated.graph.nodes.find((n) => n.id === 'limits');
    if (limits?.kind !== 'rules') throw new Error('no limits node');
    limits.config.rules[0] = {
      name: 'expired',
      conditions: {
        all: [
          {
            fact: 'context',
            path: '$.evaluationDate',
            operator: 'dateOnOrAfter',
            value: '2026-06-01',
          },
        ],
      },
      event: { type: 'flag', params: { name: 'late' } },
    };
    const out = exportJsonRulesEngine(dated);
    expect(out.customOperators.map((o) => o.name)).toEqual(['dateOnOrAfter']);
    expect(out.customOperators[0]?.definition.en).toContain('YYYY-MM-DD');
    expect(out.notes.some((n) => n.en.includes('engine.addOperator'))).toBe(true);
    const rules = out.ruleSets.find((s) => s.nodeId === 'limits')?.rules ?? [];
    const options = { allowUndefinedFacts: true };
    const on = (evaluationDate: string) => fire(rules, { context: { evaluationDate } }, options);
    expect(await on('2026-12-31')).toContain('expired');
    expect(await on('2026-05-31')).not.toContain('expired');
    await expect(new Engine(rules as RuleProperties[], options).run({})).rejects.toThrow(
      /dateOnOrAfter/,
    );
  });

  it('says which facts each set needs, where they come from and which paths it reads', () => {
    const limits = exported.ruleSets[0];
    const byId = Object.fromEntries((limits?.facts ?? []).map((f) => [f.id, f]));
    expect(byId['age']).toEqual({ id: 'age', source: 'clientFact', paths: [] });
    expect(byId['answers']).toEqual({ id: 'answers', source: 'answers', paths: ['$.Q3'] });
    expect(byId['score']).toEqual({
      id: 'score',
      source: 'node',
      nodeKind: 'questionnaire',
      paths: ['$.byQuestion.Q1', '$.byQuestion.Q2', '$.flags.noExperience', '$.total'],
    });
    expect(limits?.scale).toEqual({ id: 'clientLevel', levels: ['C1', 'C2', 'C3', 'C4', 'C5'] });
    const wealth = exported.matchConditions[0];
    expect(wealth?.facts.map((f) => [f.id, f.source])).toEqual([
      ['product', 'product'],
      ['assets', 'clientFact'],
    ]);
  });

  it('is plain JSON, shares nothing with the pack, and json-rules-engine takes it as it is', () => {
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(exportJsonRulesEngine(pack)).toEqual(exported);
    const again = exportJsonRulesEngine(pack);
    (again.ruleSets[0]?.rules[0]?.conditions as { all?: unknown[] }).all?.push('mutated');
    expect(exportJsonRulesEngine(pack)).toEqual(exported);
    for (const set of [...exported.ruleSets, ...exported.matchConditions]) {
      const engine = new Engine(JSON.parse(JSON.stringify(set.rules)) as RuleProperties[]);
      expect(engine).toBeInstanceOf(Engine);
    }
  });
});

/** The facts a set needs, taken the way its notes describe: input, answers, other nodes' outputs. */
function factsFor(needs: JreFactNeed[], input: EvaluationInputDraft, result: EvaluationResult) {
  const facts: Record<string, unknown> = {};
  const nodeOutputs = new Map(result.trace?.map((t) => [t.nodeId, t.output]));
  for (const need of needs) {
    if (need.source === 'clientFact') facts[need.id] = input.facts?.[need.id];
    else if (need.source === 'answers') facts[need.id] = input.answers ?? {};
    else if (need.source === 'node') facts[need.id] = nodeOutputs.get(need.id);
  }
  return facts;
}

/** Runs exported rules; what fired, ordered as the notes say: priority, then document order. */
async function fire(rules: JreRule[], facts: Record<string, unknown>, options: EngineOptions) {
  const engine = addPackOperators(new Engine(rules as RuleProperties[], options));
  const { results } = await engine.run(facts);
  const position = new Map(rules.map((r, i) => [r.name, i]));
  const pos = (name: string) => position.get(name) ?? -1;
  return results
    .map((r) => String(r.name))
    .sort(
      (a, b) => (rules[pos(b)]?.priority ?? 1) - (rules[pos(a)]?.priority ?? 1) || pos(a) - pos(b),
    );
}

describe('the export, run in json-rules-engine, matches the compiled engine', () => {
  const safe = { ...exported.engineOptions, pathResolver: createSafePathResolver() };

  it('on what each rules node fires and each condition dimension decides', async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(evaluationInputArb(pack), async (input) => {
        const result = evaluate(compiled, input, { trace: true });
        for (const set of exported.ruleSets) {
          const facts = factsFor(set.facts, input, result);
          const trace = result.trace?.find((t) => t.nodeId === set.nodeId);
          expect(await fire(set.rules, facts, safe)).toEqual(trace?.fired);
          // The default JSONPath resolver reads these simple paths the same way.
          expect(await fire(set.rules, facts, exported.engineOptions)).toEqual(trace?.fired);
        }
        for (const dim of exported.matchConditions) {
          const facts = factsFor(dim.facts, input, result);
          for (const product of pack.products.items) {
            const fired = await fire(dim.rules, { ...facts, product }, safe);
            const check = result.products[product.id]?.checks[dim.dimensionId];
            expect(fired.length === 1 ? 'pass' : 'fail').toBe(check);
            decided += fired.length;
          }
        }
      }),
      { seed: 5150, numRuns: 150 },
    );
    expect(decided).toBeGreaterThan(150);
  });
});
