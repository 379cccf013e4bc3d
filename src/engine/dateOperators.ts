import type { DateOperator } from '../domain/index.ts';
import { isDate } from './dates.ts';

/**
 * The date operators, one definition shared by the compiled conditions and the json-rules-engine
 * reference mode: both sides must be real calendar dates written `YYYY-MM-DD` (which then compare
 * in order as text); anything else, a missing fact included, makes the comparison false.
 */
export const DATE_OPERATOR_TESTS: Record<DateOperator, (fact: unknown, value: unknown) => boolean> =
  {
    dateBefore: (a, b) => isDate(a) && isDate(b) && a < b,
    dateOnOrBefore: (a, b) => isDate(a) && isDate(b) && a <= b,
    dateAfter: (a, b) => isDate(a) && isDate(b) && a > b,
    dateOnOrAfter: (a, b) => isDate(a) && isDate(b) && a >= b,
  };
