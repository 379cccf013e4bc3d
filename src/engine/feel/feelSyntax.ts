import { parser, trackVariables } from 'lezer-feel';
import { lt, type LocalizedText } from '../../domain/index.ts';

type Tree = ReturnType<typeof parser.parse>;
export type SyntaxNode = Tree['topNode'];

/**
 * FEEL text parsed with the FEEL grammar (lezer-feel), the one the DMN editors use. Names with
 * spaces (`Monthly Salary`) are only names when the grammar knows them, so the names in scope
 * are given: `a.b` gives the name `a` with the member `b`.
 */
export type FeelTree = { text: string; top: SyntaxNode };

export type FeelSyntaxError = { error: LocalizedText; at: number };

function contextOf(names: readonly string[]): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const name of names) {
    const [head = '', ...rest] = name.split('.');
    let at = context;
    for (const key of [head, ...rest].slice(0, -1)) {
      const next = Object.hasOwn(at, key) ? at[key] : undefined;
      at = (typeof next === 'object' && next !== null ? next : (at[key] = {})) as Record<
        string,
        unknown
      >;
    }
    const last = rest.length ? rest[rest.length - 1] : head;
    if (last !== undefined && !Object.hasOwn(at, last)) at[last] = 0;
  }
  return context;
}

/** The first syntax error in a tree, as the character where it is. */
function firstError(tree: Tree): number | undefined {
  let at: number | undefined;
  tree.iterate({
    enter(node) {
      if (at !== undefined) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  return at;
}

/** Parses `text` as a FEEL expression (`top: 'Expression'`) or unary tests (`'UnaryTests'`). */
export function parseFeel(
  text: string,
  top: 'Expression' | 'UnaryTests',
  names: readonly string[] = [],
): { ok: true; tree: FeelTree } | ({ ok: false } & FeelSyntaxError) {
  const configured = parser.configure({ top, contextTracker: trackVariables(contextOf(names)) });
  const tree = configured.parse(text);
  const at = firstError(tree);
  if (at !== undefined || text.trim() === '')
    return {
      ok: false,
      at: at ?? 0,
      error: lt(
        `FEEL 语法错误，位于第 ${(at ?? 0) + 1} 个字符：${text}`,
        `FEEL syntax error at character ${(at ?? 0) + 1}: ${text}`,
      ),
    };
  return { ok: true, tree: { text, top: tree.topNode } };
}

/** The children of a node, punctuation included. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** The source text of a node. */
export const textOf = (tree: FeelTree, node: SyntaxNode) => tree.text.slice(node.from, node.to);

/** A FEEL name as written, with its runs of white space made one space (`Full  Name`). */
export const normalizeName = (name: string) => name.trim().replace(/\s+/g, ' ');

/** The value of a FEEL string literal: quotes removed, escapes (`\"`, `\\`, `\n`, `\u0041`) read. */
export function stringValue(literal: string): string {
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n === 'n') out += '\n';
    else if (n === 't') out += '\t';
    else if (n === 'r') out += '\r';
    else if (n === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += n ?? '';
  }
  return out;
}
