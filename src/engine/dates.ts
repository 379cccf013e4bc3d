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
