import { describe, expect, it } from 'vitest';
import { buildTablePack, tableColumn as column } from '../../src/testing/tablePack.ts';
import { differential } from './differential.ts';

/**
 * Rows over a number, a level, an answer (a text, or missing) and an optional boolean, with
 * comparisons, ranges of every kind, lists and not(): they overlap and leave gaps, so every hit
 * policy meets zero, one and several matches. (A list on a text column, which validation refuses
 * through references, is covered cell by cell in src/engine/interop/jdmTable.test.ts.)
 */
const ROWS: [string, string[], (number | string | null)[]][] = [
  ['young', ['< 30', '-', '-', '-'], [1, 'a']],
  ['mid', ['[30..60)', '>= C3', '-', '-'], [2, 'b']],
  ['c3', ['-', 'C3, C4', '"B"', '-'], [3, 'c']],
  ['old', ['> 60', 'not(C1)', '-', 'true'], [4, null]],
  ['rest', ['!= 45', '[C1..C2]', 'not("C", A)', 'false'], [null, 'e']],
  ['odd', [']40..70[', '< C2', 'C', '-'], [5, 'f']],
];

/** Table `t` over the rows above (two output columns unless `config` names its own, or `width` 1). */
function tablePack(config: Record<string, unknown>, read: string[], width = 2) {
  const outputs =
    (config['outputs'] as unknown[] | undefined) ??
    [column('o', 'number'), column('p', 'string')].slice(0, width);
  return buildTablePack(
    {
      hitPolicy: 'first',
      inputs: [
        column('age', 'number', { ref: 'age' }),
        column('lvl', 'level', { scale: 'C', ref: 'cls.level' }),
        column('income', 'string', { ref: 'answers.Q1' }),
        column('pro', 'boolean', { ref: 'professional' }),
      ],
      rows: ROWS.map(([id, inputs, out]) => ({
        id,
        inputs,
        outputs: out.slice(0, outputs.length),
      })),
      ...config,
      outputs,
    },
    read,
  );
}

type Case = {
  name: string;
  config: Record<string, unknown>;
  /** The errors the population runs into, as the engine raises them. */
  errors: string[];
  /** What the output node reads: `t.matched` makes the export collect every match. */
  read: string;
  /** Output columns: 1 for the numeric aggregations. */
  width: number;
};
const hit = (
  name: string,
  config: Record<string, unknown>,
  errors: string[],
  { read = 't.matched', width = 2 } = {},
): Case => ({ name, config, errors, read, width });

const NO_MATCH = 'table.noMatch';
const DEFAULT = { defaultOutput: [0, 'z'] };
const LISTED = [column('o', 'number', { values: [3, 2, 1, 4, 5] })];
const CASES: Case[] = [
  hit('first, a JDM first-hit table', DEFAULT, [], { read: 't.result.p' }),
  hit('first, collected for its matched rows', {}, [NO_MATCH]),
  hit('unique', { hitPolicy: 'unique' }, [NO_MATCH, 'table.notUnique']),
  hit('unique with a default', { hitPolicy: 'unique', ...DEFAULT }, ['table.notUnique']),
  hit('priority by listed values', { hitPolicy: 'priority', outputs: LISTED }, [NO_MATCH]),
  hit('priority by row order', { hitPolicy: 'priority' }, [NO_MATCH], { read: 't.result.o' }),
  hit('any', { hitPolicy: 'any' }, [NO_MATCH, 'table.anyConflict']),
  hit('collect list', { hitPolicy: 'collect', ...DEFAULT }, []),
  hit('collect sum', { hitPolicy: 'collect', aggregation: 'sum' }, [NO_MATCH], { width: 1 }),
  hit('collect min', { hitPolicy: 'collect', aggregation: 'min', defaultOutput: [-1] }, [], {
    width: 1,
  }),
  hit('collect max', { hitPolicy: 'collect', aggregation: 'max' }, [NO_MATCH], { width: 1 }),
  hit('collect count', { hitPolicy: 'collect', aggregation: 'count' }, [NO_MATCH]),
  hit('rule order', { hitPolicy: 'ruleOrder' }, [NO_MATCH]),
];

describe('decision tables through zen-engine agree with the compiled engine', () => {
  it.each(CASES)(
    '$name',
    async ({ config, read, width, errors }) => {
      const counts = await differential(
        tablePack(config, [read], width),
        { seed: 77, evaluationDate: '2026-06-01', coherence: 0.3, unanswered: 0.1 },
        150,
        ['t'],
      );
      const failed = Object.values(counts.tableErrors).reduce((a, b) => a + b, 0);
      expect(counts.compared + failed).toBe(150);
      expect(counts.refused).toEqual({});
      expect(Object.keys(counts.tableErrors).sort()).toEqual([...errors].sort());
      // The clients reach several results, not one value over and over.
      expect(counts.distinct['t.result']).toBeGreaterThan(1);
    },
    60_000,
  );
});
