import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationInputArb } from '../testing/arbitraries.ts';
import { buildPack } from '../testing/fixtures.ts';
import { compilePack } from './compilePack.ts';
import { evaluate } from './evaluate.ts';
import type { QuestionnaireOutput } from './questionnaire/scoring.ts';

const pack = buildPack();
const compiled = compilePack(pack);
const clients = evaluationInputArb(pack);
const options = { seed: 20260601, numRuns: 300 };

describe('evaluate: properties over random valid clients (mini pack)', () => {
  it('never throws, and is deterministic', () => {
    fc.assert(
      fc.property(clients, (input) => {
        const a = evaluate(compiled, input, { trace: true });
        const b = evaluate(compiled, input, { trace: true });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      options,
    );
  });

  it('scores within [0, maxTotal], the total being the sum of questions unless knocked out', () => {
    fc.assert(
      fc.property(clients, (input) => {
        const q = evaluate(compiled, input, { trace: true }).trace?.find((t) => t.nodeId === 'q')
          ?.output as QuestionnaireOutput;
        const sum = Object.values(q.byQuestion).reduce((s, p) => s + p, 0);
        expect(q.total).toBe(q.knockedOut ? 0 : sum);
        expect(q.total).toBeGreaterThanOrEqual(0);
        expect(q.total).toBeLessThanOrEqual(q.maxTotal);
      }),
      options,
    );
  });

  it('keeps the suitability rules: lowest category, firm-initiated and expired never get a warning', () => {
    fc.assert(
      fc.property(clients, (input) => {
        const r = evaluate(compiled, input, { rationale: false });
        const verdicts = Object.values(r.products).map((p) => p.verdict);
        const professional = input.facts?.['professional'] === true;
        if (r.flags.includes('reassessmentDue'))
          expect(new Set(verdicts)).toEqual(new Set(['prohibited']));
        if (!professional && (r.flags.includes('lowestCategory') || input.initiator === 'firm'))
          expect(verdicts).not.toContain('warn');
        if (r.flags.includes('lowestCategory')) expect(r.outputs['level']).toBe('C1');
        const allowedAbove = Object.entries(r.products).filter(
          ([id, p]) => p.verdict === 'allowed' && p.checks['risk'] === 'fail' && id,
        );
        expect(allowedAbove).toEqual([]);
      }),
      options,
    );
  });

  it('counts every product once', () => {
    fc.assert(
      fc.property(clients, (input) => {
        const r = evaluate(compiled, input, { trace: true, rationale: false });
        const m = r.trace?.find((t) => t.nodeId === 'm')?.output as {
          counts: Record<string, number>;
        };
        const total = Object.values(m.counts).reduce((s, n) => s + n, 0);
        expect(total).toBe(pack.products.items.length);
      }),
      options,
    );
  });
});
