import { describe, expect, it } from 'vitest';
import { lt, type EvaluationInputDraft, type PackInput } from '../../domain/index.ts';
import { baseClient, buildPack } from '../../testing/fixtures.ts';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';
import { createPopulation } from '../population/population.ts';
import { compilePack } from '../compilePack.ts';
import { analyzeQuestionnaire } from './analyze.ts';
import { mergeAnalyticsParts, prepareAnalytics } from './accumulate.ts';
import { analyticsToCsv, summarizeAnalytics } from './report.ts';

/** Two coherence rules on the mini pack's questionnaire. */
function withCoherence(pack: PackInput) {
  (pack.questionnaires[0] as Record<string, unknown>)['coherence'] = [
    {
      id: 'noIncomeButExperienced',
      label: lt('无收入却经验丰富', 'No income but experienced'),
      when: {
        all: [
          { fact: 'answers', path: '$.Q1', operator: 'equal', value: 'A' },
          { fact: 'answers', path: '$.Q2', operator: 'contains', value: 'A' },
        ],
      },
    },
    {
      id: 'youngRefusesLoss',
      label: lt('年轻却拒绝损失', 'Young but refuses loss'),
      when: {
        all: [
          { fact: 'answers', path: '$.Q3', operator: 'lessThan', value: 30 },
          { fact: 'answers', path: '$.Q4', operator: 'equal', value: 'yes' },
        ],
      },
    },
  ];
}

const client = (id: string, answers: EvaluationInputDraft['answers']) =>
  baseClient({ clientId: id, answers });

// Item points (Q1..Q6): c1 5,4,3,2,0,3 (17, C3); c2 0,1,0,2,0,1 (4, C1); c3 10,6,5,2,4,5 (32, C5);
// c4 5,4,3,0,0,3 (15, knocked out: capped at C1). Q5 is shown only after Q1 = C.
const CLIENTS = [
  client('c1', { Q1: 'B', Q2: ['A', 'B'], Q3: 45, Q4: 'no', Q6: 'M' }),
  client('c2', { Q1: 'A', Q2: ['A'], Q3: 70, Q4: 'no', Q6: 'S' }),
  client('c3', { Q1: 'C', Q2: ['C'], Q3: 20, Q4: 'no', Q5: 'B', Q6: 'L' }),
  client('c4', { Q1: 'B', Q2: ['B'], Q3: 50, Q4: 'yes', Q6: 'M' }),
];

const compiled = () => compilePack(buildPack(withCoherence));

describe('questionnaire analytics', () => {
  it('counts answers per option, unanswered and hidden', () => {
    const r = analyzeQuestionnaire(compiled(), CLIENTS);
    expect(r.clients).toBe(4);
    const q1 = r.questions.find((q) => q.id === 'Q1');
    expect(q1?.categories.map((c) => [c.id, c.count])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 1],
    ]);
    expect(q1?.categories[1]?.rate).toBe(0.5);
    const q2 = r.questions.find((q) => q.id === 'Q2');
    // Multiple choice: each chosen option counts, shares of the clients who answered.
    expect(q2?.categories.map((c) => c.count)).toEqual([2, 2, 1]);
    const q5 = r.questions.find((q) => q.id === 'Q5');
    expect([q5?.answered, q5?.hidden, q5?.unanswered]).toEqual([1, 3, 0]);
    const q3 = r.questions.find((q) => q.id === 'Q3');
    expect(q3?.categories.map((c) => c.count)).toEqual([1, 2, 1]);
    expect(q3?.mean).toBe(46.25);
    expect(r.levels.map((l) => l.count)).toEqual([2, 0, 1, 0, 1]);
  });

  it("computes Cronbach's alpha and corrected item-total correlations by hand", () => {
    const r = analyzeQuestionnaire(compiled(), CLIENTS);
    const all = r.dimensions.find((d) => d.id === '*');
    // Item variances 50/3, 4.25, 4.25, 1, 4, 8/3 (sum 32.8333); totals 17, 4, 32, 15 have
    // variance 398/3. alpha = 6/5 x (1 - 32.8333 / 132.6667) = 0.9030150...
    expect(all?.clients).toBe(4);
    expect(all?.alpha).toBeCloseTo((6 / 5) * (1 - (32 + 5 / 6) / (398 / 3)), 12);
    // Q4 (2, 2, 2, 0) against the rest (15, 2, 30, 15): nearly unrelated.
    expect(all?.items.find((i) => i.question === 'Q4')?.itemRest).toBeCloseTo(0.0291234686, 8);
    // One-item dimensions have no alpha.
    expect(r.dimensions.find((d) => d.id === 'financial')?.alpha).toBeNull();
  });

  it('leaves a client with a visible unanswered item out of the scale', () => {
    const r = analyzeQuestionnaire(compiled(), [
      ...CLIENTS,
      client('c5', { Q1: 'B', Q2: ['A'], Q4: 'no', Q6: 'M' }),
    ]);
    expect(r.clients).toBe(5);
    expect(r.dimensions.find((d) => d.id === '*')?.clients).toBe(4);
    expect(r.questions.find((q) => q.id === 'Q3')?.unanswered).toBe(1);
  });

  it('finds the questions that move no one across a band edge', () => {
    // c1 (17 points, C3): Q1 = A gives 12 (C2), C gives 22 (C4); Q4 = yes caps at C1. Q2 (14-19),
    // Q3 (14-19) and Q6 (15-19) keep C3 whatever the answer; Q5 is hidden, so not varied.
    const r = analyzeQuestionnaire(compiled(), [CLIENTS[0] as EvaluationInputDraft]);
    expect(r.dead).toEqual(['Q2', 'Q3', 'Q6']);
    const q1 = r.questions.find((q) => q.id === 'Q1');
    expect([q1?.moved.count, q1?.up, q1?.down]).toEqual([1, 1, 1]);
    const q4 = r.questions.find((q) => q.id === 'Q4');
    expect([q4?.moved.count, q4?.up, q4?.down]).toEqual([1, 0, 1]);
    expect(r.questions.find((q) => q.id === 'Q5')?.varied).toBe(0);
    expect(r.movers.map((m) => m.question)).toEqual(['Q1', 'Q4']);
  });

  it('varies only every n-th client when sampling, and none at stride 0', () => {
    const sampled = analyzeQuestionnaire(compiled(), CLIENTS, { sensitivityStride: 2 });
    expect(sampled.sensitivity).toEqual({ sampled: 2, stride: 2 });
    const none = analyzeQuestionnaire(compiled(), CLIENTS, { sensitivityStride: 0 });
    expect(none.sensitivity.sampled).toBe(0);
    expect(none.dead).toEqual([]);
  });

  it('counts knock-outs, the limit flags they raise and incoherent answers', () => {
    const r = analyzeQuestionnaire(compiled(), CLIENTS);
    expect(r.knockout.count).toBe(1);
    expect(r.knockout.rate).toBe(0.25);
    expect(r.knockout.byOption).toEqual([
      { question: 'Q4', option: 'yes', flag: 'noLoss', count: 1, rate: 0.25 },
    ]);
    expect(r.limitFlags).toEqual([{ flag: 'lowestCategory', count: 1, rate: 0.25 }]);
    expect(r.coherence).toEqual([
      { id: 'noIncomeButExperienced', count: 1, rate: 0.25 },
      { id: 'youngRefusesLoss', count: 0, rate: 0 },
    ]);
    expect(r.incoherent.count).toBe(1);
  });

  it('counts a client whose input is refused as an error, not in the figures', () => {
    const r = analyzeQuestionnaire(compiled(), [...CLIENTS, client('bad', { Q1: 'Z' })]);
    expect(r.errors).toBe(1);
    expect(r.clients).toBe(4);
  });

  it('merges parts from any split to the figures of one pass', () => {
    const c = compiled();
    const whole = analyzeQuestionnaire(c, CLIENTS);
    for (let cut = 0; cut <= CLIENTS.length; cut++) {
      const analytics = prepareAnalytics(c);
      const a = analytics.createPart();
      const b = analytics.createPart();
      CLIENTS.forEach((x, i) => analytics.add(i < cut ? a : b, x, i));
      const merged = summarizeAnalytics(analytics.shape, mergeAnalyticsParts(b, a));
      expect(merged.questions).toEqual(whole.questions);
      expect(merged.knockout).toEqual(whole.knockout);
      expect(merged.dimensions[0]?.alpha).toBeCloseTo(whole.dimensions[0]?.alpha as number, 12);
    }
  });

  it('writes every figure as escaped CSV', () => {
    const csv = analyticsToCsv(analyzeQuestionnaire(compiled(), CLIENTS));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('figure,question,option,dimension,rule,count,of,value');
    expect(lines).toContain('answer,Q1,B,,,2,4,0.5');
    expect(lines).toContain('coherence,,,,noIncomeButExperienced,1,4,0.25');
    expect(lines.some((l) => l.startsWith('alpha,,,*,,,4,0.903'))).toBe(true);
  });
});

describe('starter packs', () => {
  it.each(['cn-csrc-2017', 'cn-bank-wealth', 'eu-mifid2'])(
    '%s declares coherence rules that analytics counts over a generated book',
    (name) => {
      const pack = loadStarterPack(name);
      // Answers drawn mostly at random (generator coherence 0.2), so incoherent pairs occur.
      const population = createPopulation(pack, {
        seed: 3,
        evaluationDate: '2026-06-01',
        coherence: 0.2,
      });
      const clients = Array.from({ length: 300 }, (_, i) => population.clientAt(i));
      const r = analyzeQuestionnaire(compilePack(pack), clients, { sensitivityStride: 0 });
      expect(r.errors).toBe(0);
      expect(r.coherence.length).toBeGreaterThanOrEqual(2);
      expect(r.incoherent.rate).toBeGreaterThan(0);
      expect(r.incoherent.rate).toBeLessThan(0.5);
      expect(r.dimensions[0]?.alpha).not.toBeNull();
    },
  );
});

describe('coherence rules in the semantic diff', () => {
  it('names a rule added, and a condition or action changed', async () => {
    const { diffPacks } = await import('../diff.ts');
    const before = buildPack();
    const after = buildPack(withCoherence);
    const added = diffPacks(before, after).map((e) => e.text.en);
    expect(added).toContain('coherence rule noIncomeButExperienced added');
    const changed = buildPack((p) => {
      withCoherence(p);
      const rules = (p.questionnaires[0] as Record<string, unknown>)['coherence'] as Record<
        string,
        unknown
      >[];
      (rules[1] as Record<string, unknown>)['severity'] = 'info';
    });
    const lines = diffPacks(after, changed).map((e) => e.text.en);
    expect(lines).toEqual(['coherence rule youngRefusesLoss action: review -> info']);
  });
});
