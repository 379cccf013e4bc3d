import { describe, expect, it } from 'vitest';
import {
  PackSchema,
  applyChange,
  type Pack,
  type TopLevelCondition,
} from '../../../domain/index.ts';
import miniPack from '../../../domain/fixtures/miniPack.json' with { type: 'json' };
import {
  conditionFor,
  conditionRef,
  factChoices,
  operatorsFor,
  refToCondition,
  switchGroup,
  valueChoices,
  valueKind,
} from './conditionModel.ts';

/** The mini pack with a rules node `policy` fed by the questionnaire node `score`. */
const pack: Pack = (() => {
  const base = PackSchema.parse(miniPack);
  const withNode = applyChange(base, {
    type: 'insert',
    path: ['graph', 'nodes'],
    index: base.graph.nodes.length,
    value: {
      id: 'policy',
      kind: 'rules',
      position: { x: 0, y: 0 },
      config: { outputs: [], rules: [] },
    },
  });
  return applyChange(withNode, {
    type: 'insert',
    path: ['graph', 'edges'],
    index: 0,
    value: { id: 'e-policy', source: 'score', target: 'policy' },
  });
})();

describe('fact choices', () => {
  it('offer facts, answers, context and upstream outputs, never records themselves', () => {
    const refs = factChoices(pack, 'policy').map((c) => c.ref);
    expect(refs).toContain('age');
    expect(refs).toContain('answers.Q1');
    expect(refs).toContain('context.initiator');
    expect(refs).toContain('score.total');
    expect(refs).toContain('score.byQuestion.Q2');
    expect(refs).toContain('score.flags.lowestCategory');
    expect(refs).not.toContain('score.byQuestion');
    // classify is downstream of nothing here: not offered.
    expect(refs.some((r) => r.startsWith('classify.'))).toBe(false);
  });

  it('add the product fields inside match conditions', () => {
    const product = factChoices(pack, 'policy', true).filter((c) => c.fact === 'product');
    expect(product.map((c) => c.path)).toContain('$.risk');
    expect(product.find((c) => c.path === '$.risk')?.type).toEqual({
      type: 'level',
      scale: 'risk',
    });
  });

  it('map dot-paths to json-rules-engine fact and path and back', () => {
    expect(refToCondition('score.byQuestion.Q1')).toEqual({
      fact: 'score',
      path: '$.byQuestion.Q1',
    });
    expect(refToCondition('age')).toEqual({ fact: 'age', path: undefined });
    expect(conditionRef({ fact: 'score', path: '$.byQuestion.Q1' })).toBe('score.byQuestion.Q1');
    expect(conditionRef({ fact: 'score', path: '$.knockouts[0].flag' })).toBe(
      'score.knockouts.0.flag',
    );
  });
});

describe('values and operators', () => {
  it('lists scale levels and question options', () => {
    expect(
      valueChoices(pack, 'classify.level', { type: 'level', scale: 'levels' })?.map((c) => c.id),
    ).toEqual(['C1', 'C2', 'C3']);
    expect(valueChoices(pack, 'answers.Q1', { type: 'string' })?.map((c) => c.id)).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(valueChoices(pack, 'age', { type: 'number' })).toBeUndefined();
  });

  it('offers operators by type and an editor by operator', () => {
    expect(operatorsFor({ type: 'boolean' })).toEqual(['equal', 'notEqual']);
    expect(operatorsFor({ type: 'level', scale: 'levels' })).not.toContain('lessThan');
    expect(operatorsFor({ type: 'list' })).toEqual(['contains', 'doesNotContain']);
    expect(operatorsFor({ type: 'date' })).toContain('dateOnOrBefore');
    expect(operatorsFor({ type: 'date' })).not.toContain('lessThanInclusive');
    expect(valueKind({ type: 'number' }, 'in', undefined)).toBe('numbers');
    expect(valueKind({ type: 'string' }, 'in', [{ id: 'A' }])).toBe('multi');
    expect(valueKind({ type: 'boolean' }, 'equal', undefined)).toBe('boolean');
    expect(
      valueKind({ type: 'list', of: { type: 'level', scale: 'x' } }, 'contains', [{ id: 'R1' }]),
    ).toBe('choice');
  });

  it('a new condition gets a value its editor can show, keeping what still fits', () => {
    const choices = factChoices(pack, 'policy');
    const q1 = choices.find((c) => c.ref === 'answers.Q1')!;
    expect(conditionFor(pack, q1)).toEqual({
      fact: 'answers',
      path: '$.Q1',
      operator: 'equal',
      value: 'A',
    });
    const total = choices.find((c) => c.ref === 'score.total')!;
    const kept = conditionFor(pack, total, { fact: 'x', operator: 'greaterThan', value: 30 });
    expect(kept).toEqual({ fact: 'score', path: '$.total', operator: 'greaterThan', value: 30 });
    const knocked = choices.find((c) => c.ref === 'score.knockedOut')!;
    expect(conditionFor(pack, knocked, kept)).toEqual({
      fact: 'score',
      path: '$.knockedOut',
      operator: 'equal',
      value: true,
    });
  });
});

describe('switchGroup', () => {
  const a = { fact: 'age', operator: 'lessThan' as const, value: 18 };
  const b = { fact: 'age', operator: 'greaterThan' as const, value: 70 };
  it('keeps the children and round-trips through not', () => {
    const all: TopLevelCondition = { all: [a, b] };
    expect(switchGroup(all, 'any')).toEqual({ any: [a, b] });
    const not = switchGroup(all, 'not');
    expect(not).toEqual({ not: { all: [a, b] } });
    expect(switchGroup(not, 'all')).toEqual(all);
    expect(switchGroup({ any: [a] }, 'not')).toEqual({ not: a });
  });
});
