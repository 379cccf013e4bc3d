import { daysInMonth, isCalendarDate, packedDate } from '../domain/index.ts';

/** Calendar dates as `YYYY-MM-DD` strings: they compare in order as strings, and need no clock. */
export const isDate = isCalendarDate;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Populations repeat the same few assessment dates: remember results, per month count, bounded.
const MEMO_LIMIT = 4096;
const addedMonths = new Map<number, Map<string, string>>();

/** Adds calendar months; a day past the end of the target month clamps to its last day. */
export function addMonths(date: string, months: number): string {
  let memo = addedMonths.get(months);
  if (!memo) {
    memo = new Map();
    addedMonths.set(months, memo);
  }
  const known = memo.get(date);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const result = computeAddMonths(date, months);
  memo.set(date, result);
  return result;
}

function computeAddMonths(date: string, months: number): string {
  const n = packedDate(date);
  if (n < 0) return date;
  const total = Math.floor(n / 10000) * 12 + (Math.floor(n / 100) % 100) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(n % 100, daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The last day of a period of `months` calendar months that starts with an event on `start`
 * (an assessment, a conversion), by the PRC Civil Code's period rules: the start day is not
 * counted (Art. 201), the period ends on the corresponding day of its last month, or on that
 * month's last day when it has none (Art. 202), and it ends at the end of that day (Art. 203).
 * The holiday extension of Art. 203 is not applied: a profile's validity is not a time limit
 * for an act that an office closed on a holiday would prevent.
 *
 * Every validity in the engine (a questionnaire's `expiresOn`) and in the studio comes from here,
 * and `periodOver` says when it has run out.
 *
 * @example
 * periodLastDay('2026-05-15', 24); // '2028-05-15': valid through that day, over from 2028-05-16
 * periodLastDay('2024-02-29', 12); // '2025-02-28': February 2025 has no 29th
 */
export function periodLastDay(start: string, months: number): string {
  return addMonths(start, months);
}

/**
 * Whether a period whose last day is `lastDay` is over on `date`: only from the next day on, since
 * the last day counts to its end (Civil Code Art. 203). Both are `YYYY-MM-DD`.
 */
export function periodOver(lastDay: string, date: string): boolean {
  return date > lastDay;
}
