import { describe, expect, it } from 'vitest';
import { lt, type EvaluationInputDraft, type PackInput } from '../../domain/index.ts';
import { baseClient, buildPack, nodeOf, nodeOutput, reason } from '../../testing/fixtures.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { validatePack } from '../validatePack.ts';
import type { MatchOutput } from './match.ts';

const match = (input: EvaluationInputDraft = baseClient(), change?: (p: PackInput) => void) =>
  nodeOutput(buildPack(change), input, 'm') as MatchOutput;
const verdicts = (o: MatchOutput) =>
  Object.fromEntries(Object.entries(o.products).map(([id, v]) => [id, v.verdict]));
const dims = (p: PackInput) => nodeOf(p, 'm').config['dimensions'] as Record<string, unknown>[];
const koAnswers = { Q1: 'B', Q2: ['A', 'B'], Q3: 45, Q4: 'yes', Q6: 'M' };

describe('match dimensions', () => {
  it('matrix and horizon: a C3 client with horizon H2', () => {
    const o = match();
    expect(verdicts(o)).toEqual({ P1: 'allowed', P2: 'allowed', P3: 'warn', P4: 'warn' });
    expect(o.products['P3']?.checks).toEqual({ risk: 'fail', horizon: 'fail' });
    expect(o.products['P3']?.reasons.map((r) => r.code)).toEqual([
      'riskMismatch',
      'horizonMismatch',
      'enhanced',
    ]);
    expect(o.counts).toEqual({ allowed: 2, warn: 2, prohibited: 0 });
  });

  it('the verdict is the most severe failing dimension', () => {
    const o = match(baseClient(), (p) => (dims(p)[1]!['onFail'] = 'prohibited'));
    expect(verdicts(o)).toEqual({
      P1: 'allowed',
      P2: 'allowed',
      P3: 'prohibited',
      P4: 'prohibited',
    });
  });

  it('a matrix cell may itself prohibit; a missing cell fails with onFail', () => {
    const o = match(baseClient(), (p) => {
      const cells = dims(p)[0]!['cells'] as Record<string, Record<string, string>>;
      cells['C3']!['R5'] = 'prohibited';
      delete cells['C3']!['R1'];
    });
    expect(verdicts(o)).toMatchObject({ P1: 'warn', P4: 'prohibited' });
  });

  it('compare: productAtLeastClient and whenMissing', () => {
    const o = match(baseClient(), (p) => {
      dims(p)[1]!['rule'] = 'productAtLeastClient';
      (p.products.items[3] as Record<string, unknown>)['horizon'] = undefined;
      dims(p)[1]!['whenMissing'] = 'fail';
    });
    expect(o.products['P1']?.checks['horizon']).toBe('fail');
    expect(o.products['P2']?.checks['horizon']).toBe('pass');
    expect(o.products['P4']?.checks['horizon']).toBe('fail');
  });

  it('contains: the product variety among the client varieties', () => {
    const change = (p: PackInput) =>
      dims(p).push({
        id: 'variety',
        kind: 'contains',
        label: lt('品种', 'Variety'),
        client: 'varieties',
        productField: 'variety',
        rule: 'productInClient',
        onFail: 'prohibited',
        reason: reason('variety'),
      });
    const o = match(baseClient({ facts: { age: 40, varieties: ['VA', 'VB'] } }), change);
    expect(o.products['P2']?.checks['variety']).toBe('pass');
    expect(o.products['P3']?.verdict).toBe('prohibited');
    const missing = match(baseClient(), change);
    expect(missing.products['P3']?.checks['variety']).toBe('pass');
  });

  it('condition: a json-rules-engine condition over the product and the scope', () => {
    const o = match(baseClient(), (p) => {
      (p.products.items[1] as Record<string, unknown>)['complex'] = true;
      dims(p).push({
        id: 'complexity',
        kind: 'condition',
        label: lt('复杂', 'Complex'),
        when: {
          any: [
            { fact: 'product', path: '$.complex', operator: 'equal', value: false },
            { fact: 'cls', path: '$.level', operator: 'in', value: ['C4', 'C5'] },
          ],
        },
        reason: reason('complex'),
      });
    });
    expect(o.products['P2']?.checks['complexity']).toBe('fail');
    expect(o.products['P1']?.checks['complexity']).toBe('pass');
  });
});

describe('appliesWhen', () => {
  // The horizon check applies only to firm-initiated sales (r.firmInitiated).
  const firmOnly = (p: PackInput) => (dims(p)[1]!['appliesWhen'] = 'r.firmInitiated');

  it('skips a dimension whose appliesWhen is not true: no verdict, no reason', () => {
    const o = match(baseClient(), firmOnly);
    expect(o.products['P3']?.checks).toEqual({ risk: 'fail', horizon: 'skipped' });
    expect(o.products['P3']?.reasons.map((r) => r.code)).toEqual(['riskMismatch', 'enhanced']);
    // P4 failed only on horizon before.
    expect(verdicts(match(baseClient())).P4).toBe('warn');
    expect(o.products['P4']).toMatchObject({ checks: { horizon: 'skipped' } });
  });

  it('checks the dimension when appliesWhen is true', () => {
    const o = match(baseClient({ initiator: 'firm' }), firmOnly);
    expect(o.products['P3']?.checks).toEqual({ risk: 'fail', horizon: 'fail' });
  });

  it('a skipped dimension stays skipped under exempt and counts for nothing', () => {
    const o = match(baseClient({ facts: { age: 40, professional: true } }), (p) => {
      firmOnly(p);
      dims(p)[1]!['exemptable'] = false;
    });
    expect(o.products['P4']?.checks).toEqual({ risk: 'skipped', horizon: 'skipped' });
    expect(o.products['P4']?.verdict).toBe('allowed');
  });

  it('lists matrix cells in the trace only when the matrix applies', () => {
    const pack = buildPack((p) => (dims(p)[0]!['appliesWhen'] = 'r.firmInitiated'));
    const fired = (input: EvaluationInputDraft) =>
      evaluate(compilePack(pack), input, { trace: true }).trace?.find((t) => t.nodeId === 'm')
        ?.fired;
    expect(fired(baseClient())).toEqual([]);
    expect(fired(baseClient({ initiator: 'firm' }))).toContain('C3xR3');
  });

  it('must be a boolean in scope', () => {
    const problems = validatePack(
      buildPack((p) => {
        dims(p)[0]!['appliesWhen'] = 'cls.level';
        dims(p)[1]!['appliesWhen'] = 'r.nothing';
      }),
    );
    expect(
      problems.filter((x) => x.path.endsWith('appliesWhen')).map((x) => [x.code, x.path]),
    ).toEqual([
      ['ref.type', '$.graph.nodes[4].config.dimensions[0].appliesWhen'],
      ['ref.unknownKey', '$.graph.nodes[4].config.dimensions[1].appliesWhen'],
    ]);
  });
});

describe('match policies, in order', () => {
  it('blockAll: an expired profile blocks every product', () => {
    const o = match(baseClient({ assessmentDate: '2020-01-01' }));
    expect(o.counts).toEqual({ allowed: 0, warn: 0, prohibited: 4 });
    expect(o.products['P1']?.reasons.map((r) => r.code)).toEqual(['expired']);
  });

  it('exempt: professional investors skip exemptable dimensions', () => {
    const o = match(baseClient({ facts: { age: 40, professional: true } }));
    expect(verdicts(o)).toEqual({ P1: 'allowed', P2: 'allowed', P3: 'allowed', P4: 'allowed' });
    expect(o.products['P4']?.checks).toEqual({ risk: 'skipped', horizon: 'skipped' });
    expect(o.products['P4']?.reasons.map((r) => r.code)).toEqual(['professional']);
    const strict = match(
      baseClient({ facts: { age: 40, professional: true } }),
      (p) => (dims(p)[1]!['exemptable'] = false),
    );
    expect(verdicts(strict)).toMatchObject({ P3: 'warn', P4: 'warn' });
    expect(strict.products['P4']?.checks).toEqual({ risk: 'skipped', horizon: 'fail' });
  });

  it('exempt does not lift an earlier blockAll', () => {
    const o = match(
      baseClient({ facts: { age: 40, professional: true }, assessmentDate: '2020-01-01' }),
    );
    expect(o.counts.prohibited).toBe(4);
  });

  it('escalate: the lowest category and firm-initiated mismatches become prohibited', () => {
    expect(verdicts(match(baseClient({ answers: koAnswers })))).toEqual({
      P1: 'allowed',
      P2: 'prohibited',
      P3: 'prohibited',
      P4: 'prohibited',
    });
    const firm = match(baseClient({ initiator: 'firm' }));
    expect(verdicts(firm)).toMatchObject({ P2: 'allowed', P3: 'prohibited' });
    expect(firm.products['P3']?.reasons.map((r) => r.code)).toContain('firm');
    expect(firm.products['P3']?.flags).toEqual([]);
  });

  it('flag: enhanced procedure for warned R4 and above only', () => {
    const o = match(baseClient({ answers: { Q1: 'A', Q2: ['A'], Q3: 45, Q4: 'no', Q6: 'L' } }));
    expect(o.products['P2']).toMatchObject({ verdict: 'warn', flags: [] });
    expect(o.products['P3']).toMatchObject({ verdict: 'warn', flags: ['enhancedProcedure'] });
  });
});
