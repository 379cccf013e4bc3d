import { describe, expect, it } from 'vitest';
import { lt, type PackInput } from '../../domain/index.ts';
import { buildPack } from '../../testing/fixtures.ts';
import { validatePack } from '../validatePack.ts';

const rule = (when: unknown, id = 'r1') => ({ id, label: lt('规则', 'Rule'), when });
const withRules =
  (...rules: unknown[]) =>
  (pack: PackInput) => {
    (pack.questionnaires[0] as Record<string, unknown>)['coherence'] = rules;
  };
const errors = (...rules: unknown[]) =>
  validatePack(buildPack(withRules(...rules)))
    .filter((p) => p.code.startsWith('coherence.'))
    .map((p) => [p.code, p.path, p.severity]);

const AT = '$.questionnaires[0].coherence';

describe('coherence rules', () => {
  it('accepts rules over answers and client facts', () => {
    expect(
      errors(
        rule({
          all: [
            { fact: 'answers', path: '$.Q1', operator: 'in', value: ['A', 'B'] },
            { fact: 'answers', path: '$.Q2', operator: 'contains', value: 'C' },
            { fact: 'age', operator: 'lessThan', value: 30 },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses an unknown question, option or fact at its path', () => {
    expect(
      errors(
        rule({
          all: [
            { fact: 'answers', path: '$.Q9', operator: 'equal', value: 'A' },
            { fact: 'answers', path: '$.Q1', operator: 'in', value: ['A', 'Z'] },
            { not: { fact: 'answers', path: '$.Q4', operator: 'equal', value: 'maybe' } },
            { fact: 'cls', path: '$.level', operator: 'equal', value: 'C1' },
            { fact: 'answers', operator: 'equal', value: 'A' },
          ],
        }),
      ),
    ).toEqual([
      ['coherence.unknownQuestion', `${AT}[0].when.all[0].path`, 'error'],
      ['coherence.unknownOption', `${AT}[0].when.all[1].value[1]`, 'error'],
      ['coherence.unknownOption', `${AT}[0].when.all[2].not.value`, 'error'],
      ['coherence.unknownFact', `${AT}[0].when.all[3].fact`, 'error'],
      ['coherence.unknownQuestion', `${AT}[0].when.all[4].path`, 'error'],
    ]);
  });

  it('refuses a duplicate rule id', () => {
    const when = { all: [{ fact: 'answers', path: '$.Q1', operator: 'equal', value: 'A' }] };
    expect(errors(rule(when), rule(when))).toEqual([
      ['coherence.duplicateId', `${AT}[1].id`, 'error'],
    ]);
  });

  it('is a strict part of the format: an unknown key is refused by the schema', () => {
    expect(() =>
      buildPack(withRules({ ...rule({ all: [] }), severity: 'review', colour: 'red' })),
    ).toThrow(/colour/);
  });
});
