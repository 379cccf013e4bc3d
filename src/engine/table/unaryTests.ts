import { lt, type LocalizedText } from '../../domain/index.ts';

/**
 * DMN unary tests, the language of decision-table input cells:
 * `-` (any), `< 20`, `>= 54`, `[20..36]`, `(1..5]`, `]1..5[`, `"a","b"`, `C1, C2`, `not(C1)`,
 * `true`. On `level` columns comparisons and ranges follow the scale order (`>= C3`, `[C2..C4]`).
 */
export type ColumnType =
  | { type: 'number' }
  | { type: 'string' }
  | { type: 'boolean' }
  | { type: 'level'; levels: readonly string[] };

export type UnaryTest = (value: unknown) => boolean;

export type ParsedTests =
  { ok: true; test: UnaryTest; any: boolean } | { ok: false; error: LocalizedText; at: number };

export type UnaryOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

/**
 * What a parsed cell is built into: the engine builds closures, an export builds the same test in
 * another language. Bounds are numbers: the number itself on a number column, the level's
 * position on its scale on a level column.
 */
export type UnaryBuilder<T> = {
  /** `< 20`, `>= C3`, `= 5`, `!= C1`: only a number (or a level of the scale) can hold. */
  compare(op: UnaryOp, bound: number): T;
  interval(low: number, lowIncluded: boolean, high: number, highIncluded: boolean): T;
  /** A bare value: equal to it; a text is also found in a list (a multiple-choice answer). */
  equals(value: number | boolean | string): T;
  or(items: T[]): T;
  not(inner: T): T;
};

export type ParsedCell<T> =
  | { ok: true; any: true }
  | { ok: true; any: false; value: T }
  | { ok: false; error: LocalizedText; at: number };

class ParseError extends Error {
  constructor(
    readonly localized: LocalizedText,
    readonly at: number,
  ) {
    super(localized.en);
  }
}

type Value = { kind: 'number'; n: number } | { kind: 'text'; s: string; quoted: boolean };

const ANY: UnaryTest = () => true;

/** Parses one input cell for a column; errors say what was expected and at which character. */
export function parseUnaryTests(text: string, column: ColumnType): ParsedTests {
  const parsed = parseUnaryCell(text, column, closureBuilder(column));
  if (!parsed.ok) return parsed;
  return parsed.any
    ? { ok: true, test: ANY, any: true }
    : { ok: true, test: parsed.value, any: false };
}

/** Parses one input cell and builds it with `builder`; `-` and an empty cell are `any`. */
export function parseUnaryCell<T>(
  text: string,
  column: ColumnType,
  builder: UnaryBuilder<T>,
): ParsedCell<T> {
  const src = text.trim();
  if (src === '' || src === '-') return { ok: true, any: true };
  try {
    return { ok: true, any: false, value: new Parser(text, column, builder).tests() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.localized, at: e.at };
    throw e;
  }
}

/** The engine's closures. A value of the wrong type never matches (but `not(...)` of it does). */
function closureBuilder(column: ColumnType): UnaryBuilder<UnaryTest> {
  const key = keyOf(column);
  return {
    compare: (op, bound) => compare(op, bound, key),
    interval: (low, lowIn, high, highIn) => (v) => {
      const x = key(v);
      return (lowIn ? x >= low : x > low) && (highIn ? x <= high : x < high);
    },
    equals: (value) =>
      typeof value === 'string'
        ? (v) => v === value || (Array.isArray(v) && v.includes(value))
        : (v) => v === value,
    or: (items) => (v) => items.some((t) => t(v)),
    not: (inner) => (v) => !inner(v),
  };
}

/** The number a value is compared by: itself, or its position on the level's scale. */
function keyOf(column: ColumnType): (v: unknown) => number {
  if (column.type === 'number') return (v) => (typeof v === 'number' ? v : Number.NaN);
  if (column.type === 'level') {
    const rank = new Map(column.levels.map((l, i) => [l, i]));
    return (v) => rank.get(v as string) ?? Number.NaN;
  }
  return () => Number.NaN;
}

class Parser<T> {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly column: ColumnType,
    private readonly build: UnaryBuilder<T>,
  ) {}

  tests(): T {
    this.ws();
    let test: T;
    if (/^not\s*\(/.test(this.s.slice(this.i))) {
      this.i = this.s.indexOf('(', this.i) + 1;
      const inner = this.list();
      this.expect(')');
      test = this.build.not(inner);
    } else test = this.list();
    this.ws();
    if (this.i < this.s.length) this.fail('逗号或结尾', 'a comma or the end');
    return test;
  }

  private list(): T {
    const items = [this.item()];
    this.ws();
    while (this.peek() === ',') {
      this.i++;
      items.push(this.item());
      this.ws();
    }
    const [only] = items;
    if (items.length === 1 && only !== undefined) return only;
    return this.build.or(items);
  }

  private item(): T {
    this.ws();
    const c = this.peek();
    if (c === '[' || c === '(' || c === ']') return this.interval();
    const op = /^(<=|>=|!=|<|>|=)/.exec(this.s.slice(this.i))?.[1];
    if (op) {
      this.i += op.length;
      const at = this.i;
      const rank = this.ordinal(this.value(), at);
      return this.build.compare(op as UnaryOp, rank);
    }
    const at = this.i;
    const value = this.value();
    return this.equals(value, at);
  }

  private interval(): T {
    const open = this.s[this.i++];
    const lowAt = this.i;
    const low = this.ordinal(this.value(), lowAt);
    this.ws();
    this.expect('..');
    const highAt = this.i;
    const high = this.ordinal(this.value(), highAt);
    this.ws();
    const close = this.peek();
    if (close !== ']' && close !== ')' && close !== '[') this.fail('“]” 或 “)”', '"]" or ")"');
    this.i++;
    if (high < low)
      throw new ParseError(lt('区间下限大于上限', 'the range starts above its end'), lowAt);
    return this.build.interval(low, open === '[', high, close === ']');
  }

  private ordinal(value: Value, at: number): number {
    const col = this.column;
    if (col.type === 'number') {
      if (value.kind !== 'number')
        throw new ParseError(lt('这里需要数字', 'a number is expected here'), at);
      return value.n;
    }
    if (col.type === 'level' && value.kind === 'text') {
      const r = col.levels.indexOf(value.s);
      if (r < 0) throw this.unknownLevel(value.s, at);
      return r;
    }
    throw new ParseError(
      lt(`${col.type} 列不能用比较或区间`, `a ${col.type} column takes no comparison or range`),
      at,
    );
  }

  private equals(value: Value, at: number): T {
    const col = this.column;
    if (col.type === 'number') {
      if (value.kind !== 'number')
        throw new ParseError(lt('这里需要数字', 'a number is expected here'), at);
      return this.build.equals(value.n);
    }
    if (value.kind === 'number')
      throw new ParseError(
        lt(`${col.type} 列不能用数字`, `a ${col.type} column takes no number`),
        at,
      );
    if (col.type === 'boolean') {
      if (value.quoted || (value.s !== 'true' && value.s !== 'false'))
        throw new ParseError(lt('这里需要 true 或 false', 'true or false is expected here'), at);
      return this.build.equals(value.s === 'true');
    }
    if (col.type === 'level' && !col.levels.includes(value.s)) throw this.unknownLevel(value.s, at);
    return this.build.equals(value.s);
  }

  private value(): Value {
    this.ws();
    const rest = this.s.slice(this.i);
    const num = /^-?\d+(\.\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { kind: 'number', n: Number(num[0]) };
    }
    if (rest.startsWith('"')) {
      const end = this.s.indexOf('"', this.i + 1);
      if (end < 0)
        throw new ParseError(lt('字符串缺少结尾的引号', 'string has no closing quote'), this.i);
      const s = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return { kind: 'text', s, quoted: true };
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    if (id) {
      this.i += id[0].length;
      return { kind: 'text', s: id[0], quoted: false };
    }
    return this.fail('一个值', 'a value');
  }

  private unknownLevel(level: string, at: number): ParseError {
    const levels = this.column.type === 'level' ? this.column.levels.join(', ') : '';
    return new ParseError(
      lt(
        `“${level}”不是该列量表的级别（${levels}）`,
        `"${level}" is not a level of the column's scale (${levels})`,
      ),
      at,
    );
  }

  private expect(token: string): void {
    this.ws();
    if (!this.s.startsWith(token, this.i)) this.fail(`“${token}”`, `"${token}"`);
    this.i += token.length;
  }

  private fail(zh: string, en: string): never {
    const got = this.i < this.s.length ? `"${this.s[this.i]}"` : 'the end';
    const gotZh = this.i < this.s.length ? `“${this.s[this.i]}”` : '结尾';
    throw new ParseError(
      lt(
        `第 ${this.i + 1} 个字符处需要${zh}，实际是${gotZh}`,
        `expected ${en} at character ${this.i + 1}, found ${got}`,
      ),
      this.i,
    );
  }

  private peek(): string | undefined {
    return this.s[this.i];
  }

  private ws(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }
}

function compare(op: UnaryOp, bound: number, key: (v: unknown) => number): UnaryTest {
  switch (op) {
    case '<':
      return (v) => key(v) < bound;
    case '<=':
      return (v) => key(v) <= bound;
    case '>':
      return (v) => key(v) > bound;
    case '>=':
      return (v) => key(v) >= bound;
    case '!=':
      return (v) => {
        const x = key(v);
        return !Number.isNaN(x) && x !== bound;
      };
    default:
      return (v) => key(v) === bound;
  }
}
