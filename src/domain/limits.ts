import type { LocalizedText } from './localized.ts';
import { FORBIDDEN_KEYS } from './ids.ts';
import { formatJsonPath, positionAt, type TextPosition } from './jsonLocate.ts';

/**
 * Bounds on a document (a pack or an evaluation input), checked before the schema reads it so
 * that no file can make parsing slow, exhaust memory or overflow the stack: every check here is one
 * pass without recursion. The largest starter pack is ~200 KB, 12 levels deep, with strings under
 * 1,000 characters and arrays under 60 items; the limits leave room for packs many times larger.
 */
export const DOCUMENT_LIMITS = {
  /** Characters of JSON text: a catalogue of 100,000 products fits; parsing stays well under 1 s. */
  maxTextLength: 32 * 1024 * 1024,
  /** Levels of nested objects and arrays: ~25 levels of nested conditions in a rule. */
  maxDepth: 64,
  /** Characters in one string: a long regulatory notice, not a book. */
  maxStringLength: 20_000,
  /** Items in one array, or fields in one object. */
  maxItems: 100_000,
} as const;
export type DocumentLimits = { readonly [K in keyof typeof DOCUMENT_LIMITS]: number };

/** A document over a limit or carrying a reserved key, located by JSON path (and text position). */
export type LimitProblem = {
  code: 'limit.size' | 'limit.depth' | 'limit.string' | 'limit.items' | 'reservedKey';
  path: string;
  expected: string;
  message: LocalizedText;
} & Partial<TextPosition>;

const tooLong = (length: number, max: number): LimitProblem => ({
  code: 'limit.size',
  path: '$',
  expected: `at most ${max} characters`,
  message: {
    'zh-CN': `文件过大：${length} 个字符，上限 ${max}`,
    en: `the document is too large: ${length} characters, the limit is ${max}`,
  },
});

const tooDeep = (path: string, max: number): LimitProblem => ({
  code: 'limit.depth',
  path,
  expected: `at most ${max} levels of nesting`,
  message: {
    'zh-CN': `嵌套过深：超过 ${max} 层`,
    en: `nested too deeply: more than ${max} levels`,
  },
});

/**
 * Checks JSON text for size and nesting before it is parsed, so that a hostile file costs one
 * scan. Brackets inside strings do not count. Returns the first problem, with line and column.
 */
export function checkJsonText(
  text: string,
  limits: DocumentLimits = DOCUMENT_LIMITS,
): LimitProblem | undefined {
  if (text.length > limits.maxTextLength) return tooLong(text.length, limits.maxTextLength);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: up to the next quote not escaped by a backslash.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22 || s === 0x0a) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth)
        return { ...tooDeep('$', limits.maxDepth), ...positionAt(text, i) };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/**
 * Checks a parsed document: nesting, string length, items per array or object, and the keys that
 * could reach `Object.prototype` (`__proto__`, `constructor`, `prototype`), which no document
 * needs and which the schema would otherwise drop without a word. Returns the first problem.
 */
export function checkDocument(
  value: unknown,
  limits: DocumentLimits = DOCUMENT_LIMITS,
): LimitProblem | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: v, path } = next;
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength)
        return {
          code: 'limit.string',
          path: formatJsonPath(path),
          expected: `at most ${limits.maxStringLength} characters`,
          message: {
            'zh-CN': `字符串过长：${v.length} 个字符，上限 ${limits.maxStringLength}`,
            en: `string too long: ${v.length} characters, the limit is ${limits.maxStringLength}`,
          },
        };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= limits.maxDepth) return tooDeep(formatJsonPath(path), limits.maxDepth);
    const keys = Array.isArray(v) ? null : Object.keys(v);
    const count = keys ? keys.length : (v as unknown[]).length;
    if (count > limits.maxItems)
      return {
        code: 'limit.items',
        path: formatJsonPath(path),
        expected: `at most ${limits.maxItems} items`,
        message: {
          'zh-CN': `项数过多：${count} 项，上限 ${limits.maxItems}`,
          en: `too many items: ${count}, the limit is ${limits.maxItems}`,
        },
      };
    if (keys === null) {
      const items = v as unknown[];
      for (let i = items.length - 1; i >= 0; i--)
        stack.push({ value: items[i], path: [...path, i] });
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN_KEYS.has(key))
        return {
          code: 'reservedKey',
          path: formatJsonPath([...path, key]),
          expected: 'no reserved key',
          message: {
            'zh-CN': `保留名称 ${JSON.stringify(key)} 不可用作字段名`,
            en: `the reserved name ${JSON.stringify(key)} cannot be a field name`,
          },
        };
      stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
