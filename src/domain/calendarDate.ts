/** Calendar dates as `YYYY-MM-DD` strings: they compare in order as strings, and need no clock. */

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `YYYY-MM-DD` read as the number YYYYMMDD, or -1 when the text is not four, two and two ASCII
 * digits joined by dashes. Every input date goes through here, so it reads character codes rather
 * than running a regular expression and allocating its match.
 */
export function packedDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A real calendar date written `YYYY-MM-DD` (no 2026-02-30, no 2026-13-01). The one test of a date
 * for packs, inputs and the command line: the schemas, the engine and the fast CSV path call it.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const n = packedDate(value);
  if (n < 0) return false;
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Math.floor(n / 10000), month);
}
