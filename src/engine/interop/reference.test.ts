import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeOfKind } from '../../domain/index.ts';
import { evaluationInputArb, factsArb, rulesConfigArb } from '../../testing/arbitraries.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { indexPack } from '../packIndex.ts';
import { rulesKind } from '../nodes/rules.ts';
import { compileGetter } from '../scope.ts';
import { EvaluationError } from '../types.ts';
import { interopFixturePack } from '../../testing/interopPack.ts';
import { evaluateReference, evaluateRulesReference } from './reference.ts';

const pack = interopFixturePack();
const LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'];
const limits = pack.graph.nodes.find((n) => n.id === 'limits') as NodeOfKind<'rules'>;

describe('evaluateRulesReference', () => {
  it('runs the rules through json-rules-engine and shapes the output like the engine', async () => {
    const out = await evaluateRulesReference(
      limits.config,
      {
        age: 72,
        professional: true,
        segment: 'vip',
        score: { total: 15, flags: {}, byQuestion: { Q1: 20, Q2: 0 } },
        answers: { Q3: ['C'] },
      },
      LEVELS,
    );
    // Priority 3 first, then document order among the rules of priority 1; the lowest cap wins.
    expect(out.fired).toEqual(['proLabel', 'lowTolerance', 'senior', 'vip', 'futures']);
    expect(out.segmentLabel).toBe('vip');
    expect(out.cap).toBe('C2');
    expect(out.capReason?.code).toBe('senior');
    expect(out.lowestCategory).toBe(false);
    expect(out.reasons.map((r) => r.code)).toEqual(['lowTolerance', 'senior', 'futuresHeld']);
  });

  it('takes a fact source as well as a scope object', async () => {
    const scope: Record<string, unknown> = { age: 12 };
    const out = await evaluateRulesReference(limits.config, (f) => scope[f], LEVELS);
    expect(out.fired).toEqual(['lowTolerance', 'minor', 'notRetired']);
    expect(out.cap).toBe('C1');
  });

  it('reads facts from a JSON scope with a __proto__ key as plain data', async () => {
    const scope = JSON.parse('{"__proto__": {"age": 12}, "segment": "retired"}') as Record<
      string,
      unknown
    >;
    const out = await evaluateRulesReference(limits.config, scope, LEVELS);
    expect(out.fired).toEqual(['lowTolerance']);
    expect(({} as Record<string, unknown>)['age']).toBeUndefined();
  });

  it('reports a json-rules-engine failure as a located EvaluationError', async () => {
    const config = {
      outputs: [],
      rules: [
        {
          name: 'bad',
          conditions: { all: [{ fact: 'x', operator: 'in' as const, value: { fact: 'y' } }] },
          event: { type: 'flag' as const, params: { name: 'f' } },
        },
      ],
    };
    const at = '$.graph.nodes[7]';
    // Twice in a row: a failed run must not leave json-rules-engine skipping the next one.
    for (let i = 0; i < 2; i++)
      await expect(evaluateRulesReference(config, { x: 1 }, [], at)).rejects.toMatchObject({
        name: 'EvaluationError',
        code: 'rules.reference',
        path: at,
      });
    expect((await evaluateRulesReference(config, { x: 1, y: [1] }, [], at)).fired).toEqual(['bad']);
  });
});

const index = indexPack(pack);
const compileRules = (config: NodeOfKind<'rules'>['config']) =>
  rulesKind.compile(
    { id: 'r', kind: 'rules', position: { x: 0, y: 0 }, config },
    // Untyped: random facts may hold anything, so every comparison counts as one that may throw.
    {
      index,
      memo: true,
      path: '$.graph.nodes[0]',
      getter: compileGetter,
      conditionTypes: () => () => ({}),
    },
  );

type Outcome = unknown;
const settle = async (run: () => unknown): Promise<Outcome> => {
  try {
    return await run();
  } catch (e) {
    if (e instanceof EvaluationError) return 'error';
    throw e;
  }
};

describe('a rules node: compiled and json-rules-engine agree', () => {
  it('on fired rules, their order and every output, for random rules and facts', async () => {
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(
        rulesConfigArb('clientLevel', LEVELS),
        fc.array(factsArb, { minLength: 1, maxLength: 3 }),
        async (config, factSets) => {
          const run = compileRules(config);
          for (const facts of factSets) {
            const compiledOut = await settle(() => run(facts));
            const referenceOut = await settle(() => evaluateRulesReference(config, facts, LEVELS));
            expect(referenceOut).toEqual(compiledOut);
            if (compiledOut !== 'error') fired += (compiledOut as { fired: string[] }).fired.length;
          }
        },
      ),
      { seed: 1128, numRuns: 400 },
    );
    expect(fired).toBeGreaterThan(400);
  });
});

describe('evaluateReference agrees with evaluate end to end', () => {
  // A pack of its own: nothing computed for the objects above may leak into this comparison.
  const compiled = compilePack(interopFixturePack());

  it('on the fixture pack, trace included', async () => {
    const levels = new Set<unknown>();
    await fc.assert(
      fc.asyncProperty(evaluationInputArb(pack), async (input) => {
        const compiledResult = evaluate(compiled, input, { trace: true });
        const referenceResult = await evaluateReference(compiled, input, { trace: true });
        expect(referenceResult).toEqual(compiledResult);
        levels.add(compiledResult.outputs['level']);
      }),
      { seed: 20261128, numRuns: 300 },
    );
    // The inputs reach more than one level, so the rules nodes' caps and floors were exercised.
    expect(levels.size).toBeGreaterThan(2);
  });

  it('fails where evaluate fails, in the caller’s locale', async () => {
    const bad = { facts: {}, answers: { Q1: 'Z', Q2: 1 }, evaluationDate: '2026-06-01' };
    expect(() => evaluate(compiled, bad)).toThrow(EvaluationError);
    await expect(evaluateReference(compiled, bad, { locale: 'zh-CN' })).rejects.toBeInstanceOf(
      EvaluationError,
    );
  });
});
