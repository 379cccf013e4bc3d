import type { Engine } from 'json-rules-engine';
import { DATE_OPERATORS, lt, type LocalizedText } from '../../domain/index.ts';
import { DATE_OPERATOR_TESTS } from '../dateOperators.ts';

/**
 * Registers the operators packs may use beyond json-rules-engine's defaults (the date operators)
 * on an engine, with the very functions the compiled conditions use.
 *
 * @example
 * const engine = addPackOperators(new Engine(rules, { allowUndefinedFacts: true }));
 */
export function addPackOperators<E extends Engine>(engine: E): E {
  for (const name of DATE_OPERATORS) engine.addOperator(name, DATE_OPERATOR_TESTS[name]);
  return engine;
}

const COMPARISON: Record<(typeof DATE_OPERATORS)[number], LocalizedText> = {
  dateBefore: lt('早于', 'is before'),
  dateOnOrBefore: lt('早于或等于', 'is on or before'),
  dateAfter: lt('晚于', 'is after'),
  dateOnOrAfter: lt('晚于或等于', 'is on or after'),
};

/** What each custom operator means, in words, for teams that register it on their own engine. */
export function customOperatorDefinition(name: (typeof DATE_OPERATORS)[number]): LocalizedText {
  const c = COMPARISON[name];
  return lt(
    `${name}(factValue, value)：两边都必须是真实的 YYYY-MM-DD 日期字符串（月份 01-12，日不超过当月天数），否则结果为 false（包括缺失的事实）；两边都是日期时，事实的日期${c['zh-CN']}比较值的日期则为 true（按字符串比较即可）。`,
    `${name}(factValue, value): both sides must be real calendar dates written as YYYY-MM-DD strings (month 01-12, day within the month), else the result is false (a missing fact included); when both are, it is true if the fact's date ${c.en} the value's date (comparing the two strings as text gives exactly this).`,
  );
}
