import Decimal from 'decimal.js';
import { lt, type LocalizedText } from '../../domain/index.ts';
import {
  childrenOf,
  normalizeName,
  parseFeel,
  stringValue,
  textOf,
  type FeelTree,
  type SyntaxNode,
} from './feelSyntax.ts';

/** Reads the value of a name at evaluation; `names` index it. */
export type Lookup = (index: number) => unknown;
type Run = (lookup: Lookup, args: readonly unknown[]) => unknown;

export type FeelFunction = { name: string; params: readonly string[]; body: string };

export type CompiledExpression =
  | { ok: true; run: (lookup: Lookup) => unknown; reads: string[] }
  | { ok: false; error: LocalizedText; at: number };

class CompileError extends Error {
  constructor(
    readonly localized: LocalizedText,
    readonly at: number,
  ) {
    super(localized.en);
  }
}

/**
 * FEEL numbers are decimals (DMN: IEEE 754 decimal128, 34 digits). Inside an expression they are
 * `Decimal`s, so `(1 + r/12) ** -n` keeps its digits; the expression's value is a JS number again.
 */
const D = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
type Dec = InstanceType<typeof D>;
const isNumber = (v: unknown): v is Dec => v instanceof D;

/** A value from the scope as FEEL sees it: numbers become decimals. */
function fromJs(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? new D(v) : null;
  return v === undefined ? null : v;
}

/** A FEEL value back in the engine's terms: decimals become numbers. */
function toJs(v: unknown): unknown {
  if (isNumber(v)) return v.toNumber();
  if (Array.isArray(v)) return v.map(toJs);
  return v;
}

/** FEEL gives null for what it cannot compute (1 / 0, a huge power): never NaN or Infinity. */
const finite = (v: Dec) => (v.isFinite() ? v : null);

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (!isNumber(a) || !isNumber(b)) return null;
  switch (op) {
    case '+':
      return finite(a.plus(b));
    case '-':
      return finite(a.minus(b));
    case '*':
      return finite(a.times(b));
    case '/':
      return b.isZero() ? null : finite(a.div(b));
    default:
      return finite(a.pow(b));
  }
}

function sameKind(a: unknown, b: unknown): boolean {
  if (isNumber(a)) return isNumber(b);
  return typeof a === typeof b && (typeof a === 'string' || typeof a === 'boolean');
}

/** FEEL comparison: `=` / `!=` also on null and booleans; otherwise null when the kinds differ. */
export function compareFeel(op: string, a: unknown, b: unknown): boolean | null {
  if (op === '=' || op === '!=') {
    const eq =
      a === null || a === undefined || b === null || b === undefined
        ? (a ?? null) === (b ?? null)
        : !sameKind(a, b)
          ? null
          : isNumber(a)
            ? a.eq(b as Dec)
            : a === b;
    return eq === null ? null : op === '=' ? eq : !eq;
  }
  if (!sameKind(a, b) || typeof a === 'boolean') return null;
  const c = isNumber(a) ? a.cmp(b as Dec) : a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

/** `and` / `or` of FEEL's three-valued logic: a non-boolean is null. */
function logic(isAnd: boolean, a: unknown, b: unknown): boolean | null {
  const x = typeof a === 'boolean' ? a : null;
  const y = typeof b === 'boolean' ? b : null;
  if (isAnd) return x === false || y === false ? false : x === null || y === null ? null : true;
  return x === true || y === true ? true : x === null || y === null ? null : false;
}

/** The member of a context (an object); null on anything else. */
function member(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : null;
}

const BUILTINS: Record<string, (args: unknown[]) => unknown> = {
  not: ([x]) => (typeof x === 'boolean' ? !x : null),
  abs: ([x]) => (isNumber(x) ? x.abs() : null),
  floor: ([x]) => (isNumber(x) ? x.floor() : null),
  ceiling: ([x]) => (isNumber(x) ? x.ceil() : null),
  sqrt: ([x]) => (isNumber(x) && !x.isNeg() ? x.sqrt() : null),
  'string length': ([x]) => (typeof x === 'string' ? new D([...x].length) : null),
  'upper case': ([x]) => (typeof x === 'string' ? x.toUpperCase() : null),
  'lower case': ([x]) => (typeof x === 'string' ? x.toLowerCase() : null),
  contains: ([s, m]) => (typeof s === 'string' && typeof m === 'string' ? s.includes(m) : null),
};

/**
 * Compiles one S-FEEL literal expression into a closure, never through `eval`. `names` are the
 * names in scope (read through `lookup` by their position); `functions` may be called by name.
 * What it supports: numbers, strings, booleans, null, names and their members (`loan.rate`),
 * `+ - * / **`, unary minus, `= != < <= > >=`, `and`, `or`, `if then else`, calls of the given
 * functions and of `not`, `abs`, `floor`, `ceiling`, `sqrt`, `string length`, `upper case`,
 * `lower case`, `contains`. Null and values of the wrong kind give null, as in FEEL.
 *
 * @example
 * const c = compileFeelExpression('12 * Monthly Salary', ['Monthly Salary']);
 * if (c.ok) c.run(() => 1000); // 12000
 */
export function compileFeelExpression(
  text: string,
  names: readonly string[],
  functions: readonly FeelFunction[] = [],
): CompiledExpression {
  const normalized = names.map(normalizeName);
  const fnNames = functions.map((f) => normalizeName(f.name));
  const parsed = parseFeel(text, 'Expression', [...normalized, ...fnNames]);
  if (!parsed.ok) return parsed;
  const reads = new Set<string>();
  try {
    const bodies = new Map<string, { params: string[]; run?: Run; text: string }>();
    for (const f of functions)
      bodies.set(normalizeName(f.name), { params: f.params.map(normalizeName), text: f.body });
    const compiler = new Compiler(parsed.tree, normalized, bodies, reads, []);
    const run = compiler.compile(parsed.tree.top);
    return { ok: true, run: (lookup) => toJs(run(lookup, [])), reads: [...reads] };
  } catch (e) {
    if (e instanceof CompileError) return { ok: false, error: e.localized, at: e.at };
    throw e;
  }
}

class Compiler {
  constructor(
    private readonly tree: FeelTree,
    private readonly names: readonly string[],
    private readonly functions: Map<string, { params: string[]; run?: Run; text: string }>,
    private readonly reads: Set<string>,
    /** Parameters of the function being compiled: read from `args`, not from names. */
    private readonly params: readonly string[],
  ) {}

  private fail(node: SyntaxNode, zh: string, en: string): never {
    const t = textOf(this.tree, node);
    throw new CompileError(lt(`${zh}：${t}`, `${en}: ${t}`), node.from);
  }

  compile(node: SyntaxNode): Run {
    const kids = childrenOf(node);
    switch (node.name) {
      case 'Expression':
      case 'ParenthesizedExpression': {
        const inner = kids.find((k) => k.name !== '(' && k.name !== ')');
        if (!inner) return this.fail(node, '空表达式', 'empty expression');
        return this.compile(inner);
      }
      case 'NumericLiteral': {
        const n = new D(textOf(this.tree, node));
        return () => n;
      }
      case 'StringLiteral': {
        const s = stringValue(textOf(this.tree, node));
        return () => s;
      }
      case 'BooleanLiteral': {
        const b = textOf(this.tree, node) === 'true';
        return () => b;
      }
      case 'null':
        return () => null;
      case 'VariableName':
        return this.name(node, normalizeName(textOf(this.tree, node)));
      case 'PathExpression': {
        const whole = normalizeName(textOf(this.tree, node));
        if (this.names.includes(whole)) return this.name(node, whole);
        const [base, , key] = kids;
        if (!base || !key) return this.fail(node, '无法理解的路径', 'cannot read the path');
        const of = this.compile(base);
        const k = normalizeName(textOf(this.tree, key));
        return (l, a) => fromJs(member(of(l, a), k));
      }
      case 'ArithmeticExpression':
        return this.arithmetic(node, kids);
      case 'Comparison': {
        const [left, op, right] = kids;
        if (!left || !right || op?.name !== 'CompareOp')
          return this.fail(
            node,
            '不支持的比较（between / in）',
            'unsupported comparison (between / in)',
          );
        const a = this.compile(left);
        const b = this.compile(right);
        const o = textOf(this.tree, op);
        return (l, x) => compareFeel(o, a(l, x), b(l, x));
      }
      case 'Conjunction':
      case 'Disjunction': {
        const [left, , right] = kids;
        if (!left || !right) return this.fail(node, '不完整的逻辑表达式', 'incomplete logic');
        const a = this.compile(left);
        const b = this.compile(right);
        const isAnd = node.name === 'Conjunction';
        return (l, x) => logic(isAnd, a(l, x), b(l, x));
      }
      case 'IfExpression': {
        const parts = kids.filter((k) => !['if', 'then', 'else'].includes(k.name));
        const [c, t, e] = parts.map((p) => this.compile(p));
        if (!c || !t || !e) return this.fail(node, '不完整的 if', 'incomplete if');
        return (l, x) => (c(l, x) === true ? t(l, x) : e(l, x));
      }
      case 'FunctionInvocation':
        return this.call(node, kids);
      default:
        return this.fail(
          node,
          `不支持的 FEEL 写法（${node.name}）`,
          `unsupported FEEL (${node.name})`,
        );
    }
  }

  private name(node: SyntaxNode, name: string): Run {
    const p = this.params.indexOf(name);
    if (p >= 0) return (_l, args) => args[p] ?? null;
    const i = this.names.indexOf(name);
    if (i < 0) return this.fail(node, '未知的名称', 'unknown name');
    this.reads.add(name);
    return (l) => fromJs(l(i));
  }

  private arithmetic(node: SyntaxNode, kids: SyntaxNode[]): Run {
    if (kids.length === 2 && kids[0]?.name === 'ArithOp') {
      const operand = this.compile(kids[1] as SyntaxNode);
      return (l, a) => {
        const v = operand(l, a);
        return isNumber(v) ? v.neg() : null;
      };
    }
    const [left, op, right] = kids;
    if (!left || !op || !right) return this.fail(node, '不完整的算式', 'incomplete arithmetic');
    const a = this.compile(left);
    const b = this.compile(right);
    const o = textOf(this.tree, op);
    return (l, x) => arithmetic(o, a(l, x), b(l, x));
  }

  private call(node: SyntaxNode, kids: SyntaxNode[]): Run {
    const [callee, , params] = kids;
    if (!callee) return this.fail(node, '无法理解的调用', 'cannot read the call');
    const name = normalizeName(textOf(this.tree, callee));
    if (params?.name === 'NamedParameters')
      return this.fail(node, '不支持具名参数', 'named parameters are not supported');
    const args =
      params?.name === 'PositionalParameters'
        ? childrenOf(params)
            .filter((k) => k.name !== ',')
            .map((k) => this.compile(k))
        : [];
    const evalArgs = (l: Lookup, a: readonly unknown[]) => args.map((f) => f(l, a));
    const fn = this.functions.get(name);
    if (fn) {
      if (fn.params.length !== args.length)
        return this.fail(
          node,
          `函数需要 ${fn.params.length} 个参数`,
          `the function takes ${fn.params.length} arguments`,
        );
      const body = this.functionBody(node, name, fn);
      return (l, a) => body(l, evalArgs(l, a));
    }
    const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
    if (!builtin) return this.fail(node, '未知的函数', 'unknown function');
    return (l, a) => builtin(evalArgs(l, a));
  }

  /** A function body compiles once, with its parameters as its only names (no recursion). */
  private functionBody(
    node: SyntaxNode,
    name: string,
    fn: { params: string[]; run?: Run; text: string },
  ): Run {
    if (fn.run) return fn.run;
    const parsed = parseFeel(fn.text, 'Expression', [...fn.params, ...this.functions.keys()]);
    if (!parsed.ok)
      throw new CompileError(
        lt(`函数“${name}”：${parsed.error['zh-CN']}`, `function "${name}": ${parsed.error.en}`),
        node.from,
      );
    const others = new Map([...this.functions].filter(([k]) => k !== name));
    const inner = new Compiler(parsed.tree, [], others, this.reads, fn.params);
    fn.run = inner.compile(parsed.tree.top);
    return fn.run;
  }
}
