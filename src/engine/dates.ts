/** Calendar dates as `YYYY-MM-DD` strings: they compare in order as strings, and need no clock. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Populations repeat the same few dates: remember what was already checked or computed.
const MEMO_LIMIT = 4096;
const validDates = new Set<string>();
const addedMonths = new Map<string, string>();

export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (validDates.has(value)) return true;
  if (!checkDate(value)) return false;
  if (validDates.size >= MEMO_LIMIT) validDates.clear();
  validDates.add(value);
  return true;
}

function checkDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Adds calendar months; a day past the end of the target month clamps to its last day. */
export function addMonths(date: string, months: number): string {
  const key = `${date}+${months}`;
  const known = addedMonths.get(key);
  if (known !== undefined) return known;
  if (addedMonths.size >= MEMO_LIMIT) addedMonths.clear();
  const result = computeAddMonths(date, months);
  addedMonths.set(key, result);
  return result;
}

function computeAddMonths(date: string, months: number): string {
  const m = DATE.exec(date);
  if (!m) return date;
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
