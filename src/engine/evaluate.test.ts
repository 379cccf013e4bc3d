import { describe, expect, it } from 'vitest';
import type { EvaluationInputDraft } from '../domain/index.ts';
import { baseClient, buildPack } from '../testing/fixtures.ts';
import { compilePack } from './compilePack.ts';
import { evaluate, evaluateAll } from './evaluate.ts';
import { EvaluationError } from './types.ts';

const compiled = compilePack(
  buildPack((p) => {
    const facts = p.vocabulary.facts as Record<string, unknown>[];
    facts[0]!['required'] = true;
  }),
);

function errorOf(input: EvaluationInputDraft): EvaluationError {
  try {
    evaluate(compiled, input);
  } catch (e) {
    if (e instanceof EvaluationError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('evaluate: input errors', () => {
  const answers = baseClient().answers ?? {};
  const cases: [string, EvaluationInputDraft, string, string][] = [
    ['missing required fact', baseClient({ facts: {} }), 'input.missingFact', '$.facts.age'],
    ['number out of bounds', baseClient({ facts: { age: 131 } }), 'input.factRange', '$.facts.age'],
    ['not an integer', baseClient({ facts: { age: 40.5 } }), 'input.factType', '$.facts.age'],
    [
      'unknown enum value',
      baseClient({ facts: { age: 40, horizonFact: 'H9' } }),
      'input.unknownValue',
      '$.facts.horizonFact',
    ],
    [
      'unknown set value',
      baseClient({ facts: { age: 40, varieties: ['VA', 'VX'] } }),
      'input.unknownValue',
      '$.facts.varieties[1]',
    ],
    [
      'boolean of the wrong type',
      baseClient({ facts: { age: 40, professional: 'yes' } }),
      'input.factType',
      '$.facts.professional',
    ],
    [
      'bad date fact',
      baseClient({ facts: { age: 40, birthday: '1990-02-30' } }),
      'input.factType',
      '$.facts.birthday',
    ],
    [
      'unknown fact',
      baseClient({ facts: { age: 40, income: 1 } }),
      'input.unknownFact',
      '$.facts.income',
    ],
    [
      'unknown option',
      baseClient({ answers: { ...answers, Q3: 45, Q1: 'Z' } }),
      'input.unknownOption',
      '$.answers.Q1',
    ],
    [
      'unknown option in a list',
      baseClient({ answers: { ...answers, Q2: ['A', 'Z'] } }),
      'input.unknownOption',
      '$.answers.Q2[1]',
    ],
    [
      'single answer to a multiple question',
      baseClient({ answers: { ...answers, Q2: 'A' } }),
      'input.answerType',
      '$.answers.Q2',
    ],
    [
      'numeric answer out of range',
      baseClient({ answers: { ...answers, Q3: 101 } }),
      'input.answerRange',
      '$.answers.Q3',
    ],
    [
      'unknown question',
      baseClient({ answers: { ...answers, Q99: 'A' } }),
      'input.unknownQuestion',
      '$.answers.Q99',
    ],
    [
      'bad evaluation date',
      baseClient({ evaluationDate: '2026-13-01' }),
      'input.date',
      '$.evaluationDate',
    ],
    [
      'bad initiator',
      baseClient({ initiator: 'robot' as never }),
      'input.initiator',
      '$.initiator',
    ],
    ['answers not an object', baseClient({ answers: ['A'] as never }), 'input.type', '$.answers'],
  ];
  it.each(cases)('%s', (_name, input, code, path) => {
    const e = errorOf(input);
    expect(e.code).toBe(code);
    expect(e.path).toBe(path);
    expect(e.localized.en).toContain(path);
    expect(e.localized['zh-CN']).toContain(path);
  });

  it('refuses an input that is not an object', () => {
    expect(() => evaluate(compiled, null as never)).toThrow(
      expect.objectContaining({ code: 'input.type', path: '$' }),
    );
  });

  it('localizes the thrown message on request', () => {
    expect.assertions(1);
    try {
      evaluate(compiled, baseClient({ facts: {} }), { locale: 'zh-CN' });
    } catch (e) {
      expect((e as Error).message).toBe('$.facts.age：缺少必填的客户事实');
    }
  });

  it('never reads inherited properties of the input', () => {
    const answers = Object.assign(Object.create({ Q1: 'C' }) as object, { Q3: 45 });
    const result = evaluate(compiled, baseClient({ answers }), { trace: true });
    const q = result.trace?.find((t) => t.nodeId === 'q')?.output as {
      byQuestion: Record<string, number>;
    };
    expect(q.byQuestion['Q1']).toBe(0);
  });
});

describe('evaluate: result', () => {
  it('gives named outputs, flags and product verdicts', () => {
    const r = evaluate(compiled, baseClient());
    expect(r.outputs).toEqual({
      score: 17,
      level: 'C3',
      lowestCategory: false,
      reassessmentDue: false,
    });
    expect(r.flags).toEqual([]);
    expect(Object.keys(r.products)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(r.trace).toBeUndefined();
  });

  it('lists true flags', () => {
    const r = evaluate(
      compiled,
      baseClient({ answers: { Q1: 'B', Q4: 'yes' }, assessmentDate: '2020-01-01' }),
    );
    expect(r.flags).toEqual(['lowestCategory', 'reassessmentDue']);
  });

  it('is deterministic', () => {
    const a = evaluate(compiled, baseClient(), { trace: true });
    const b = evaluate(compiled, baseClient(), { trace: true });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('explains itself in both locales: score, knock-out, cap, expiry and matching', () => {
    const r = evaluate(compiled, baseClient({ answers: { ...baseClient().answers, Q4: 'yes' } }));
    const en = r.rationale.map((l) => l.en);
    expect(en).toEqual([
      'Your score in "Risk questionnaire" is 15 out of 32.',
      'The score counts as 0: you cannot bear any loss of principal.',
      'This assessment is valid until 2028-01-10.',
      'Client: "level C1" (a score of 0).',
      'Also: reason knockout.',
      'Of 4 products, 1 match you, 0 need your confirmation of a risk warning, and 3 cannot be bought.',
      '"Equity fund" cannot be bought: reason riskMismatch; reason lowest.',
      '"Leveraged fund" cannot be bought: reason riskMismatch; reason horizonMismatch; reason lowest.',
      '"Structured note" cannot be bought: reason riskMismatch; reason horizonMismatch; reason lowest.',
    ]);
    expect(r.rationale[0]?.['zh-CN']).toBe('您在“风险测评”中的得分为 15 分（满分 32 分）。');
    expect(evaluate(compiled, baseClient(), { rationale: false }).rationale).toEqual([]);
  });

  it('names a classification by its label and speaks of a total only when the pack reads it', () => {
    const pack = buildPack((p) => {
      const cls = p.graph.nodes.find((n) => n.id === 'cls') as Record<string, unknown>;
      cls['label'] = { 'zh-CN': '风险等级', en: 'Risk level' };
      (cls['config'] as Record<string, unknown>)['input'] = 'q.byQuestion.Q1';
      (cls['config'] as Record<string, unknown>)['bands'] = [
        { level: 'C1', min: 0, max: 1 },
        { level: 'C2', min: 2, max: 3 },
        { level: 'C3', min: 4, max: 100 },
      ];
      const out = p.graph.nodes.find((n) => n.id === 'out') as { config: { outputs: object[] } };
      out.config.outputs = out.config.outputs.filter(
        (o) => (o as { ref: string }).ref !== 'q.total',
      );
    });
    const r = evaluate(compilePack(pack), baseClient());
    expect(r.rationale.some((l) => l.en.startsWith('Your score'))).toBe(false);
    expect(r.rationale.map((l) => l.en)).toContain('Risk level: "level C3" (a score of 5).');
    expect(r.rationale.map((l) => l['zh-CN'])).toContain('风险等级：“级别C3”（得分 5 分）。');
  });

  it('traces every node: what it read, its output, what fired, and time from the given clock', () => {
    let clock = 0;
    const r = evaluate(compiled, baseClient({ facts: { age: 75 }, initiator: 'firm' }), {
      trace: true,
      now: () => (clock += 0.002),
    });
    const trace = r.trace ?? [];
    expect(trace.map((t) => t.nodeId)).toEqual(['in', 'q', 'r', 'cls', 'm', 'out']);
    expect(trace.every((t) => t.micros === 2)).toBe(true);
    const byId = Object.fromEntries(trace.map((t) => [t.nodeId, t]));
    expect(byId['r']?.fired).toEqual(['senior', 'firm']);
    expect(byId['r']?.input).toEqual({
      age: 75,
      context: expect.objectContaining({ initiator: 'firm' }),
    });
    expect(byId['cls']?.fired).toEqual(['C3']);
    expect(byId['cls']?.input).toMatchObject({
      'q.total': 17,
      'q.flags.noLoss': false,
      'r.cap': 'C3',
    });
    expect(byId['m']?.fired).toEqual(['C3xR1', 'C3xR3', 'C3xR4', 'C3xR5']);
    expect(byId['cls']?.output).toMatchObject({ level: 'C3' });
  });

  it('evaluateAll returns errors in place of results', () => {
    const results = evaluateAll(compiled, [baseClient(), baseClient({ facts: {} })], {
      rationale: false,
    });
    expect(results[0]).toMatchObject({ outputs: { level: 'C3' } });
    expect(results[1]).toBeInstanceOf(EvaluationError);
  });
});

describe('evaluate: errors inside nodes', () => {
  it('ties a condition error to its node and its place in the pack', () => {
    const pack = buildPack((p) => {
      const rules = (p.graph.nodes[2] as { config: { rules: unknown[] } }).config.rules;
      rules.push({
        name: 'odd',
        conditions: { all: [{ fact: 'nickname', operator: 'in', value: { fact: 'age' } }] },
        event: { type: 'flag', params: { name: 'odd' } },
      });
    });
    expect(() =>
      evaluate(compilePack(pack), baseClient({ facts: { age: 40, nickname: 'x' } })),
    ).toThrow(
      expect.objectContaining({
        code: 'condition.notAList',
        nodeId: 'r',
        path: '$.graph.nodes[2].config.rules[2].conditions.all[0]',
      }),
    );
  });
});
