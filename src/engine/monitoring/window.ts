import { isCalendarDate } from '../../domain/index.ts';
import { addMonths } from '../dates.ts';

const DAY_MS = 86_400_000;

/** A date plus whole days (negative: before), in UTC calendar terms: no clock is read. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last day of a monitoring window of `within` from `asOf` (`30d`, `6w`, `3m`, `1y`), or
 * undefined when `within` is not such a length. Months and years are calendar months (a day past
 * the end of the month clamps to its last day).
 *
 * @example
 * windowEndOf('2026-06-01', '30d'); // '2026-07-01'
 * windowEndOf('2026-01-31', '1m'); // '2026-02-28'
 */
export function windowEndOf(asOf: string, within: string): string | undefined {
  const m = /^(\d{1,4})([dwmy])$/.exec(within.trim());
  if (!m || !isCalendarDate(asOf)) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'd':
      return addDays(asOf, n);
    case 'w':
      return addDays(asOf, 7 * n);
    case 'm':
      return addMonths(asOf, n);
    default:
      return addMonths(asOf, 12 * n);
  }
}
