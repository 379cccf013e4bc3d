import { describe, expect, it } from 'vitest';
import { addMonths, isDate, periodLastDay, periodOver } from './dates.ts';

/** A day before or after, for the boundary cases only. */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(['2024-02-29', '2026-12-31', '2000-02-29'].every(isDate)).toBe(true);
    expect(
      ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-1-01', 20260101, null].some(
        isDate,
      ),
    ).toBe(false);
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-10', 24)).toBe('2028-01-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    // Memoized results are the same as fresh ones.
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('reads only four, two and two ASCII digits joined by dashes', () => {
    for (const d of ['0001-01-01', '9999-12-31']) expect(isDate(d)).toBe(true);
    for (const d of ['2026-00-10', '2026-06-01 ', '２026-06-01', '2026/06/01', '', '2026-06-0a'])
      expect(isDate(d)).toBe(false);
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('ends a period of months at the end of the corresponding day (Civil Code Arts. 201-203)', () => {
    // [start, months, last day]: the period is over only from the day after the last day.
    const cases = [
      ['2026-05-15', 24, '2028-05-15'],
      // No 29 February in the last month: its last day is the period's last day.
      ['2024-02-29', 12, '2025-02-28'],
    ] as const;
    for (const [start, months, last] of cases) {
      expect(periodLastDay(start, months)).toBe(last);
      const [before, after] = [addDays(last, -1), addDays(last, 1)];
      expect([before, last, after].map((d) => periodOver(last, d))).toEqual([false, false, true]);
    }
    // Into a leap February the corresponding day exists.
    expect(periodLastDay('2023-02-28', 12)).toBe('2024-02-28');
    expect(periodLastDay('2022-02-28', 24)).toBe('2024-02-28');
    expect(periodLastDay('2023-03-31', 11)).toBe('2024-02-29');
  });
});
