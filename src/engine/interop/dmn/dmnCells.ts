import { lt, type LocalizedText } from '../../../domain/index.ts';
import {
  childrenOf,
  parseFeel,
  stringValue,
  textOf,
  type FeelTree,
  type SyntaxNode,
} from '../../feel/feelSyntax.ts';
import { parseUnaryTests, type ColumnType } from '../../table/unaryTests.ts';
import type { Literal } from '../../table/columns.ts';

/** A FEEL text the table format cannot hold: why, in both locales. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; why: LocalizedText };

class Unsupported extends Error {
  constructor(readonly why: LocalizedText) {
    super(why.en);
  }
}

const unsupported = (zh: string, en: string): never => {
  throw new Unsupported(lt(zh, en));
};

function attempt<T>(f: () => T): CellResult<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, why: e.why };
    throw e;
  }
}

const significant = (kids: SyntaxNode[]) => kids.filter((k) => k.name !== ',');

/** A literal (string, number, negative number, boolean, null) of a FEEL tree node. */
function literal(tree: FeelTree, node: SyntaxNode): Literal {
  const text = textOf(tree, node);
  switch (node.name) {
    case 'StringLiteral':
      return stringValue(text);
    case 'NumericLiteral':
      return Number(text);
    case 'BooleanLiteral':
      return text === 'true';
    case 'null':
      return null;
    case 'ArithmeticExpression': {
      const [op, operand] = childrenOf(node);
      if (op && textOf(tree, op) === '-' && operand?.name === 'NumericLiteral')
        return -Number(textOf(tree, operand));
      break;
    }
    case 'Expression':
    case 'PositiveUnaryTest':
    case 'ParenthesizedExpression': {
      const inner = childrenOf(node).filter((k) => k.name !== '(' && k.name !== ')');
      if (inner.length === 1) return literal(tree, inner[0] as SyntaxNode);
      break;
    }
  }
  return unsupported(
    `不是字面量（表格只能存放字符串、数字、布尔值）：${text}`,
    `not a literal (a table holds strings, numbers and booleans): ${text}`,
  );
}

/** A literal written as a table cell: numbers as they are, strings quoted. */
function cellText(value: Literal): string {
  if (typeof value === 'string') {
    if (value.includes('"') || value.includes('\\'))
      unsupported('表格单元格中的字符串不能含引号或反斜杠', 'a cell string cannot hold " or \\');
    return JSON.stringify(value);
  }
  if (value === null)
    return unsupported('表格不能检验空值（null）', 'a table cannot test for null');
  return String(value);
}

function endpoint(tree: FeelTree, node: SyntaxNode): string {
  return cellText(literal(tree, node));
}

function positiveTest(tree: FeelTree, node: SyntaxNode): string {
  const [only] = childrenOf(node);
  if (node.name === 'PositiveUnaryTest' && only?.name === 'SimplePositiveUnaryTest')
    return positiveTest(tree, only);
  if (node.name === 'SimplePositiveUnaryTest') {
    const kids = childrenOf(node);
    const [first, second] = kids;
    if (first?.name === 'CompareOp' && second)
      return `${textOf(tree, first)} ${endpoint(tree, second)}`;
    if (first?.name === 'Interval') {
      const parts = childrenOf(first);
      const open = textOf(tree, parts[0] as SyntaxNode);
      const close = textOf(tree, parts[parts.length - 1] as SyntaxNode);
      const [low, high] = parts.slice(1, -1).filter((p) => p.name !== '..');
      if (!low || !high) return unsupported('不完整的区间', 'incomplete range');
      return `${open}${endpoint(tree, low)}..${endpoint(tree, high)}${close}`;
    }
  }
  return endpoint(tree, node);
}

function positiveTests(tree: FeelTree, node: SyntaxNode): string {
  return significant(childrenOf(node))
    .map((t) => positiveTest(tree, t))
    .join(', ');
}

/**
 * A DMN input entry (S-FEEL unary tests) as a table cell of our format, parsed with the FEEL
 * grammar: `-`, comparisons, ranges, lists, `not(...)` of literals. Tests against other names,
 * dates, `null` or expressions are reported.
 */
export function inputCell(text: string | undefined, column: ColumnType): CellResult<string> {
  const source = (text ?? '').trim();
  if (source === '' || source === '-') return { ok: true, value: '-' };
  const parsed = parseFeel(source, 'UnaryTests');
  if (!parsed.ok) return { ok: false, why: parsed.error };
  const tree = parsed.tree;
  return attempt(() => {
    const kids = childrenOf(tree.top);
    const [head] = kids;
    let cell: string;
    if (head?.name === 'Wildcard') cell = '-';
    else if (head?.name === 'not') {
      const inner = kids.find((k) => k.name === 'PositiveUnaryTests');
      if (!inner) return unsupported('不完整的 not(...)', 'incomplete not(...)');
      cell = `not(${positiveTests(tree, inner)})`;
    } else if (head?.name === 'PositiveUnaryTests') cell = positiveTests(tree, head);
    else return unsupported('不支持的一元检验', 'unsupported unary test');
    const checked = parseUnaryTests(cell, column);
    if (!checked.ok)
      unsupported(
        `该检验不适用于 ${column.type} 列：${checked.error['zh-CN']}`,
        `the test does not fit a ${column.type} column: ${checked.error.en}`,
      );
    return cell;
  });
}

/** A DMN output entry or default output entry: one literal. */
export function outputCell(text: string | undefined): CellResult<Literal> {
  const source = (text ?? '').trim();
  if (source === '') return { ok: true, value: null };
  const parsed = parseFeel(source, 'Expression');
  if (!parsed.ok) return { ok: false, why: parsed.error };
  return attempt(() => literal(parsed.tree, parsed.tree.top));
}

/** A list of literals, as DMN writes output values and allowed values: `"a", "b"`, `1, 2`. */
export function literalList(text: string | undefined): CellResult<(string | number | boolean)[]> {
  const source = (text ?? '').trim();
  const parsed = parseFeel(source, 'UnaryTests');
  if (!parsed.ok) return { ok: false, why: parsed.error };
  const tree = parsed.tree;
  return attempt(() => {
    const [head] = childrenOf(tree.top);
    if (head?.name !== 'PositiveUnaryTests')
      return unsupported('需要字面量列表', 'a list of literals is expected');
    return significant(childrenOf(head)).map((t) => {
      const v = literal(tree, t);
      if (v === null) return unsupported('列表中不能有 null', 'null in a value list');
      return v;
    });
  });
}
