import { describe, expect, it } from 'vitest';
import { EvaluationInputSchema } from '../../domain/index.ts';
import { compilePack, evaluate } from '../index.ts';
import { buildPack } from '../../testing/fixtures.ts';
import { createPopulation, createRandom } from './population.ts';

const pack = buildPack();
const config = { seed: 7, evaluationDate: '2026-06-01' };

describe('createPopulation', () => {
  it('gives the same clients for the same seed, and client i on its own', () => {
    const a = createPopulation(pack, config).take(50);
    const b = createPopulation(pack, config).take(50);
    expect(b).toEqual(a);
    expect(createPopulation(pack, config).take(10, 20)).toEqual(a.slice(20, 30));
    expect(createPopulation(pack, { ...config, seed: 8 }).take(50)).not.toEqual(a);
  });

  it('draws inputs the schema and the engine accept, every question answered by default', () => {
    const compiled = compilePack(pack);
    const questions = pack.questionnaires.flatMap((q) => q.sections.flatMap((s) => s.questions));
    for (const input of createPopulation(pack, config).take(300)) {
      expect(EvaluationInputSchema.safeParse(input).success).toBe(true);
      expect(Object.keys(input.answers).sort()).toEqual(questions.map((q) => q.id).sort());
      expect(() => evaluate(compiled, input, { rationale: false })).not.toThrow();
    }
  });

  it('spreads clients over the levels, and the appetite moves them', () => {
    const compiled = compilePack(pack);
    const levels = (appetite: { a: number; b: number }) => {
      const counts: Record<string, number> = {};
      for (const input of createPopulation(pack, { ...config, appetite }).take(1000)) {
        const level = String(evaluate(compiled, input, { rationale: false }).outputs['level']);
        counts[level] = (counts[level] ?? 0) + 1;
      }
      return counts;
    };
    const even = levels({ a: 2, b: 2 });
    expect(Object.keys(even).length).toBeGreaterThanOrEqual(4);
    const bold = levels({ a: 6, b: 1.5 });
    const cautious = levels({ a: 1.5, b: 6 });
    expect(bold['C5'] ?? 0).toBeGreaterThan(cautious['C5'] ?? 0);
    expect(cautious['C1'] ?? 0).toBeGreaterThan(bold['C1'] ?? 0);
  });

  it('follows fact distributions, fixed option weights and the unanswered share', () => {
    const clients = createPopulation(pack, {
      ...config,
      facts: {
        age: { kind: 'uniform', min: 20, max: 30 },
        professional: { kind: 'boolean', p: 1 },
        nickname: { kind: 'constant', value: 'x', missing: 1 },
      },
      answers: { Q1: { A: 0, B: 1, C: 0 } },
      unanswered: 0.5,
    }).take(400);
    for (const c of clients) {
      expect(c.facts['age']).toBeGreaterThanOrEqual(20);
      expect(c.facts['age']).toBeLessThanOrEqual(30);
      expect(Number.isInteger(c.facts['age'])).toBe(true);
      expect(c.facts['professional']).toBe(true);
      expect(c.facts).not.toHaveProperty('nickname');
      if (c.answers['Q1'] !== undefined) expect(c.answers['Q1']).toBe('B');
    }
    const answered = clients.filter((c) => c.answers['Q1'] !== undefined).length;
    expect(answered).toBeGreaterThan(150);
    expect(answered).toBeLessThan(250);
  });

  it('has a uniform-looking generator', () => {
    const rand = createRandom(1);
    const buckets = new Array(10).fill(0) as number[];
    for (let i = 0; i < 10_000; i++) {
      const b = Math.floor(rand() * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const n of buckets) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});
