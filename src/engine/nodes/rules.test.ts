import { describe, expect, it } from 'vitest';
import { RulesConfigSchema, lt } from '../../domain/index.ts';
import { baseClient, buildPack, nodeOf, nodeOutput, reason } from '../../testing/fixtures.ts';
import { applyRuleEvents, ruleRunOrder, type RulesOutput } from './rules.ts';

const always = { all: [] };
const config = RulesConfigSchema.parse({
  scale: 'C',
  outputs: [{ name: 'segment', type: 'string', default: 'retail' }],
  rules: [
    {
      name: 'capC4',
      conditions: always,
      event: { type: 'cap', params: { level: 'C4', reason: reason('c4') } },
    },
    {
      name: 'capC2',
      conditions: always,
      event: { type: 'cap', params: { level: 'C2', reason: reason('c2') } },
    },
    { name: 'floorC1', conditions: always, event: { type: 'floor', params: { level: 'C1' } } },
    {
      name: 'floorC3',
      priority: 5,
      conditions: always,
      event: { type: 'floor', params: { level: 'C3' } },
    },
    {
      name: 'vip',
      conditions: always,
      event: { type: 'set', params: { name: 'segment', value: 'vip' } },
    },
    {
      name: 'senior',
      priority: 2,
      conditions: always,
      event: { type: 'flag', params: { name: 'senior', reason: reason('old') } },
    },
    {
      name: 'note',
      conditions: always,
      event: { type: 'reason', params: { code: 'n', text: lt('注', 'note') } },
    },
  ],
});
const levels = ['C1', 'C2', 'C3', 'C4', 'C5'];

describe('rules events', () => {
  it('runs higher priority first, then document order', () => {
    expect(ruleRunOrder(config.rules).map((r) => r.name)).toEqual([
      'floorC3',
      'senior',
      'capC4',
      'capC2',
      'floorC1',
      'vip',
      'note',
    ]);
  });

  it('shapes the output: the lowest cap and the highest floor win, flags default to false', () => {
    const none = applyRuleEvents(config, [], levels);
    expect(none).toEqual({
      segment: 'retail',
      senior: false,
      cap: null,
      floor: null,
      capReason: null,
      floorReason: null,
      reasons: [],
      fired: [],
    });
    const all = applyRuleEvents(
      config,
      ['note', 'vip', 'capC4', 'floorC1', 'capC2', 'senior', 'floorC3'],
      levels,
    );
    expect(all).toMatchObject({ segment: 'vip', senior: true, cap: 'C2', floor: 'C3' });
    expect(all.capReason?.code).toBe('c2');
    expect(all.fired).toEqual(['floorC3', 'senior', 'capC4', 'capC2', 'floorC1', 'vip', 'note']);
    expect(all.reasons.map((r) => r.code)).toEqual(['old', 'c4', 'c2', 'n']);
  });

  it('does not depend on the order fired names arrive in', () => {
    const names = config.rules.map((r) => r.name);
    const forward = applyRuleEvents(config, names, levels);
    expect(applyRuleEvents(config, [...names].reverse(), levels)).toEqual(forward);
  });

  it('evaluates conditions over facts, context and upstream outputs in a graph', () => {
    const pack = buildPack((p) => {
      (nodeOf(p, 'r').config['rules'] as unknown[]).push({
        name: 'highScore',
        conditions: { any: [{ fact: 'answers', path: '$.Q3', operator: 'lessThan', value: 30 }] },
        event: { type: 'flag', params: { name: 'young' } },
      });
    });
    const out = (input: ReturnType<typeof baseClient>) =>
      nodeOutput(pack, input, 'r') as RulesOutput;
    expect(out(baseClient({ initiator: 'firm', facts: { age: 71 } }))).toMatchObject({
      cap: 'C3',
      firmInitiated: true,
      young: false,
      fired: ['senior', 'firm'],
    });
    const young = baseClient({ answers: { Q1: 'B', Q2: ['A'], Q3: 20, Q4: 'no', Q6: 'M' } });
    expect(out(young)).toMatchObject({
      cap: null,
      firmInitiated: false,
      young: true,
      fired: ['highScore'],
    });
  });
});

describe('applyRuleEvents caching', () => {
  it('ranks caps by the levels passed in each call', () => {
    const fired = ['capC4', 'capC2'];
    expect(applyRuleEvents(config, fired, ['C5', 'C4', 'C3', 'C2', 'C1']).cap).toBe('C4');
    expect(applyRuleEvents(config, fired, levels).cap).toBe('C2');
  });
});
