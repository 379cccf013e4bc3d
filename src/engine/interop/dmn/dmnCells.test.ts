import { describe, expect, it } from 'vitest';
import { inputCell, literalList, outputCell } from './dmnCells.ts';

const num = { type: 'number' } as const;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;

describe('DMN cells to table cells', () => {
  it('converts the S-FEEL unary tests the table holds', () => {
    expect(inputCell('>=18', num)).toEqual({ ok: true, value: '>= 18' });
    expect(inputCell('[1..5)', num)).toEqual({ ok: true, value: '[1..5)' });
    expect(inputCell(']1..-5.5[', num)).toMatchObject({ ok: false });
    expect(inputCell('"Medium","Low"', str)).toEqual({ ok: true, value: '"Medium", "Low"' });
    expect(inputCell('not("High")', str)).toEqual({ ok: true, value: 'not("High")' });
    expect(inputCell('-', num)).toEqual({ ok: true, value: '-' });
    expect(inputCell('', num)).toEqual({ ok: true, value: '-' });
    expect(inputCell('true', bool)).toEqual({ ok: true, value: 'true' });
    expect(inputCell('< -1', num)).toEqual({ ok: true, value: '< -1' });
  });

  it('reports what the table cannot hold', () => {
    expect(inputCell('date("2020-01-01")', str).ok).toBe(false);
    expect(inputCell('> Age', num).ok).toBe(false);
    expect(inputCell('null', str).ok).toBe(false);
    expect(inputCell('"a"', num).ok).toBe(false);
    expect(inputCell('>=', num).ok).toBe(false);
  });

  it('reads output entries and value lists', () => {
    expect(outputCell('"Approved"')).toEqual({ ok: true, value: 'Approved' });
    expect(outputCell('-2.5')).toEqual({ ok: true, value: -2.5 });
    expect(outputCell('null')).toEqual({ ok: true, value: null });
    expect(outputCell('Age * 2').ok).toBe(false);
    expect(literalList('"Approved", "Declined"')).toEqual({
      ok: true,
      value: ['Approved', 'Declined'],
    });
  });
});
