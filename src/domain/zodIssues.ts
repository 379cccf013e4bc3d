import type { z } from 'zod';
import type { LocalizedText } from './localized.ts';
import { formatJsonPath } from './jsonLocate.ts';

type Issue = z.core.$ZodIssue;

/** A schema problem at one place in a document, said in every UI locale. */
export type SchemaProblem = {
  code: string;
  path: string;
  /** What the schema wanted there, in plain words, e.g. `one of "input", "score"`. */
  expected: string;
  message: LocalizedText;
};

const TYPE_NAMES: Record<string, [zh: string, en: string]> = {
  string: ['字符串', 'a string'],
  number: ['数字', 'a number'],
  int: ['整数', 'an integer'],
  boolean: ['布尔值 (true/false)', 'a boolean (true/false)'],
  object: ['对象', 'an object'],
  array: ['数组', 'an array'],
  null: ['null', 'null'],
  record: ['对象', 'an object'],
};

function typeName(t: string): [string, string] {
  return TYPE_NAMES[t] ?? [t, t];
}

function received(input: unknown): [string, string] {
  if (input === null) return ['null', 'null'];
  if (Array.isArray(input)) return typeName('array');
  if (typeof input === 'number' && !Number.isInteger(input)) return ['小数', 'a fraction'];
  return typeName(typeof input);
}

const quoteAll = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * The English messages written in our schemas, in Chinese. A message not listed falls back to the
 * English text with a Chinese lead-in, so a new schema message is never lost, only untranslated.
 */
const CUSTOM_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^letters, digits, "_" or "-", starting with a letter or digit$/,
    () => '只能包含字母、数字、"_" 或 "-"，且以字母或数字开头',
  ],
  [/^reserved name$/, () => '保留名称（__proto__、constructor、prototype）不可使用'],
  [
    /^path uses a reserved name$/,
    () => '路径中使用了保留名称（__proto__、constructor、prototype）',
  ],
  [/^lower-case slug$/, () => '小写字母、数字和 "-" 组成的标识'],
  [/^semantic version such as 1\.2\.0$/, () => '语义化版本号，例如 1.2.0'],
  [/^date YYYY-MM-DD$/, () => '日期，格式 YYYY-MM-DD'],
  [/^not a real calendar date$/, () => '不是真实存在的日历日期'],
  [/^dot-path such as classify\.level$/, () => '点分路径，例如 classify.level'],
  [/^simple path such as (.*)$/, (m) => `简单路径，例如 ${m[1]}`],
  [/^sha256:<64 hex digits>$/, () => 'sha256:<64 位十六进制>'],
  [
    /^expected (\d+) (input|output) cells, got (\d+)$/,
    (m) => `应有 ${m[1]} 个${m[2] === 'input' ? '输入' : '输出'}单元格，实际 ${m[3]} 个`,
  ],
];

function translateCustom(en: string): string {
  for (const [re, zh] of CUSTOM_MESSAGES) {
    const m = re.exec(en);
    if (m) return zh(m);
  }
  return `不符合要求：${en}`;
}

/** Issues of the union branch the input most nearly matched: the one not rejected at its root. */
function closestBranch(branches: Issue[][]): Issue[] | undefined {
  const scored = branches
    .filter((issues) => issues.length > 0)
    .map((issues) => ({ issues, rootMisses: issues.filter((i) => i.path.length === 0).length }));
  const fits = scored
    .filter((b) => b.rootMisses === 0)
    .sort((a, b) => a.issues.length - b.issues.length);
  return fits[0]?.issues;
}

const KNOWN_FIELDS = 'known fields: ';

/**
 * The message an unknown field is raised with: the fields its object does know, so that
 * `describeIssues` can suggest the nearest one (the issue itself no longer names its schema).
 */
function hintIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def
    ?.shape;
  return shape ? `${KNOWN_FIELDS}${JSON.stringify(Object.keys(shape))}` : undefined;
}

/** Parse options for documents whose issues are told with `describeIssues`. */
export const DESCRIBED_PARSE = { reportInput: true, error: hintIssue } as const;

function knownFieldsOf(message: string): string[] {
  if (!message.startsWith(KNOWN_FIELDS)) return [];
  const known: unknown = JSON.parse(message.slice(KNOWN_FIELDS.length));
  return Array.isArray(known) ? known.filter((k): k is string => typeof k === 'string') : [];
}

/** The known name a misspelling most likely meant: same letters ignoring case, or one or two edits away. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const limit = name.length <= 2 ? 0 : name.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(lower, candidate.toLowerCase(), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent swaps counted as one edit; gives up past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Turns zod issues into problems with a JSON path, what was expected and a message in zh-CN and en.
 * `base` is the path of the value the schema was applied to.
 */
export function describeIssues(
  issues: readonly Issue[],
  base: readonly PropertyKey[] = [],
): SchemaProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, base));
}

function describeIssue(issue: Issue, base: readonly PropertyKey[]): SchemaProblem[] {
  const segments = [...base, ...issue.path];
  const path = formatJsonPath(segments);
  const at = (code: string, expected: string, zh: string, en: string): SchemaProblem[] => [
    { code, path, expected, message: { 'zh-CN': zh, en } },
  ];
  switch (issue.code) {
    case 'invalid_type': {
      const [zhWant, enWant] = typeName(issue.expected);
      if (issue.input === undefined)
        return at(
          'required',
          enWant,
          `缺少必填项，应为${zhWant}`,
          `required: expected ${enWant}, but it is missing`,
        );
      const [zhGot, enGot] = received(issue.input);
      return at(
        'type',
        enWant,
        `类型错误：应为${zhWant}，实际为${zhGot}`,
        `expected ${enWant}, got ${enGot}`,
      );
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(
        small
          ? (issue as z.core.$ZodIssueTooSmall).minimum
          : (issue as z.core.$ZodIssueTooBig).maximum,
      );
      const strict = issue.inclusive === false;
      const exact = issue.exact === true;
      const [zhOp, enOp] = exact
        ? ['恰好', 'exactly']
        : small
          ? strict
            ? ['大于', 'more than']
            : ['至少', 'at least']
          : strict
            ? ['小于', 'less than']
            : ['至多', 'at most'];
      if (issue.origin === 'array' || issue.origin === 'set')
        return at(
          issue.code,
          `${enOp} ${limit} items`,
          `应有${zhOp} ${limit} 项`,
          `expected ${enOp} ${limit} item${limit === 1 ? '' : 's'}`,
        );
      if (issue.origin === 'string')
        return at(
          issue.code,
          `${enOp} ${limit} characters`,
          `长度应${zhOp} ${limit} 个字符`,
          `expected ${enOp} ${limit} character${limit === 1 ? '' : 's'}`,
        );
      const sym = exact ? '=' : small ? (strict ? '>' : '>=') : strict ? '<' : '<=';
      return at(
        issue.code,
        `${sym} ${limit}`,
        `数值应${zhOp} ${limit}，实际为 ${String(issue.input)}`,
        `expected a number ${sym} ${limit}, got ${String(issue.input)}`,
      );
    }
    case 'invalid_format': {
      const en = issue.message.startsWith('Invalid')
        ? `${issue.format}${issue.pattern ? ` ${issue.pattern}` : ''}`
        : issue.message;
      const got = JSON.stringify(issue.input);
      return at(
        'format',
        en,
        `格式错误：应为${translateCustom(en)}，实际为 ${got}`,
        `expected ${en}, got ${got}`,
      );
    }
    case 'not_multiple_of':
      return at(
        'multipleOf',
        `a multiple of ${issue.divisor}`,
        `应为 ${issue.divisor} 的倍数`,
        `expected a multiple of ${issue.divisor}`,
      );
    case 'unrecognized_keys': {
      const known = knownFieldsOf(issue.message);
      return issue.keys.map((key) => {
        const near = nearestName(key, known);
        const hint =
          near === undefined ? ['', ''] : [`，是否应为 "${near}"？`, `; did you mean "${near}"?`];
        return {
          code: 'unknownKey',
          path: formatJsonPath([...segments, key]),
          expected: near === undefined ? 'only known fields' : `"${near}"`,
          message: {
            'zh-CN': `未知字段 ${JSON.stringify(key)}${hint[0]}`,
            en: `unknown field ${JSON.stringify(key)}${hint[1]}`,
          },
        };
      });
    }
    case 'invalid_value': {
      const values = quoteAll(issue.values);
      const got = issue.input === undefined ? '缺失' : JSON.stringify(issue.input);
      const gotEn = issue.input === undefined ? 'nothing' : JSON.stringify(issue.input);
      if (issue.values.length === 1)
        return at(
          'value',
          values,
          `应为 ${values}，实际为 ${got}`,
          `expected ${values}, got ${gotEn}`,
        );
      return at(
        'value',
        `one of ${values}`,
        `取值无效 ${got}，允许的值：${values}`,
        `invalid value ${gotEn}; allowed: ${values}`,
      );
    }
    case 'invalid_union': {
      if (issue.discriminator && 'options' in issue && issue.options) {
        const allowed = quoteAll(issue.options);
        // The issue carries the whole object; the offending value is its discriminator field.
        const input: unknown = issue.input;
        const value =
          input !== null && typeof input === 'object'
            ? (input as Record<string, unknown>)[issue.discriminator]
            : input;
        const got = value === undefined ? undefined : JSON.stringify(value);
        return at(
          'discriminator',
          `${issue.discriminator} one of ${allowed}`,
          got === undefined
            ? `缺少 "${issue.discriminator}"，允许的取值：${allowed}`
            : `未知的 ${issue.discriminator} ${got}，允许的取值：${allowed}`,
          got === undefined
            ? `missing "${issue.discriminator}"; allowed: ${allowed}`
            : `unknown ${issue.discriminator} ${got}; allowed: ${allowed}`,
        );
      }
      if (issue.errors.length === 0)
        return at(
          'ambiguous',
          'exactly one form',
          '同时符合多种形式，无法确定',
          'matches more than one allowed form',
        );
      const branch = closestBranch(issue.errors);
      if (branch) return describeIssues(branch, segments);
      // Unions of plain types (string | number | list...) fail at the root in every branch:
      // list what each branch wanted instead of counting forms.
      const wanted = issue.errors.map((b) => {
        const [only] = b;
        return b.length === 1 && only?.code === 'invalid_type' && only.path.length === 0
          ? only.expected
          : undefined;
      });
      if (wanted.every((w) => w !== undefined)) {
        const zh = wanted.map((w) => typeName(w)[0]).join('、');
        const en = wanted.map((w) => typeName(w)[1]).join(', ');
        const [zhGot, enGot] = received(issue.input);
        return at(
          'type',
          en,
          `类型错误：应为${zh}之一，实际为${zhGot}`,
          `expected one of ${en}, got ${enGot}`,
        );
      }
      const forms = issue.errors.length;
      return at(
        'union',
        `one of ${forms} forms`,
        `不符合任何一种允许的形式（共 ${forms} 种）`,
        `matches none of the ${forms} allowed forms`,
      );
    }
    case 'invalid_key': {
      const key = String(issue.path[issue.path.length - 1]);
      return describeIssues(issue.issues, segments.slice(0, -1)).map((p) => ({
        ...p,
        path,
        code: 'key',
        message: {
          'zh-CN': `键 ${JSON.stringify(key)} 无效：${p.message['zh-CN']}`,
          en: `invalid key ${JSON.stringify(key)}: ${p.message.en}`,
        },
      }));
    }
    case 'invalid_element':
      return describeIssues(issue.issues, segments);
    case 'custom':
      return at('custom', issue.message, translateCustom(issue.message), issue.message);
  }
}
