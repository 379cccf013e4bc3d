import { reason } from './packBuilder.ts';

/**
 * The interop fixture's `limits` rules: every event kind (cap, floor, flag, set, reason),
 * priorities, `all` / `any` / `not`, paths, a fact-valued comparison and all ten operators.
 */
export const limitsRules = [
  {
    name: 'lowTolerance',
    conditions: {
      not: { fact: 'score', path: '$.total', operator: 'greaterThan', value: 20 },
    },
    event: { type: 'cap', params: { level: 'C3', reason: reason('lowTolerance') } },
  },
  {
    name: 'minor',
    conditions: { all: [{ fact: 'age', operator: 'lessThan', value: 18 }] },
    event: { type: 'cap', params: { level: 'C1', reason: reason('minor') } },
  },
  {
    name: 'senior',
    conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 70 }] },
    event: { type: 'cap', params: { level: 'C2', reason: reason('senior') } },
  },
  {
    name: 'noExperience',
    priority: 5,
    conditions: {
      any: [{ fact: 'score', path: '$.flags.noExperience', operator: 'equal', value: true }],
    },
    event: { type: 'flag', params: { name: 'lowestCategory', reason: reason('ko') } },
  },
  {
    name: 'pro',
    priority: 3,
    conditions: {
      all: [
        { fact: 'professional', operator: 'equal', value: true },
        { fact: 'assets', operator: 'greaterThanInclusive', value: 5000000 },
      ],
    },
    event: { type: 'floor', params: { level: 'C4', reason: reason('pro') } },
  },
  {
    name: 'proLabel',
    priority: 3,
    conditions: { all: [{ fact: 'professional', operator: 'equal', value: true }] },
    event: { type: 'set', params: { name: 'segmentLabel', value: 'professional' } },
  },
  {
    name: 'vip',
    conditions: { all: [{ fact: 'segment', operator: 'in', value: ['vip', 'private'] }] },
    event: { type: 'set', params: { name: 'segmentLabel', value: 'vip' } },
  },
  {
    name: 'growth',
    conditions: {
      all: [
        { fact: 'goals', operator: 'contains', value: 'growth' },
        { fact: 'goals', operator: 'doesNotContain', value: 'preserve' },
      ],
    },
    event: { type: 'set', params: { name: 'bonus', value: 5 } },
  },
  {
    name: 'futures',
    conditions: {
      all: [
        { fact: 'answers', path: '$.Q3', operator: 'contains', value: 'C' },
        {
          fact: 'score',
          path: '$.byQuestion.Q1',
          operator: 'greaterThan',
          value: { fact: 'score', path: '$.byQuestion.Q2' },
        },
      ],
    },
    event: { type: 'reason', params: reason('futuresHeld') },
  },
  {
    name: 'notRetired',
    conditions: {
      all: [
        { fact: 'segment', operator: 'notIn', value: ['retired'] },
        { fact: 'age', operator: 'lessThanInclusive', value: 60 },
        { fact: 'age', operator: 'notEqual', value: 0 },
      ],
    },
    event: { type: 'flag', params: { name: 'working' } },
  },
];
