import type { LocalizedText } from './localized.ts';

/** 1-based line and column of a character in a text. */
export type TextPosition = { line: number; column: number };

export type JsonSyntaxError = TextPosition & { offset: number; message: LocalizedText };

/** `$.graph.nodes[3].config`, with keys that are not identifiers quoted: `$.title["zh-CN"]`. */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

/** The position of a character offset in a text. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

class Fail extends Error {
  constructor(
    readonly offset: number,
    readonly localized: LocalizedText,
  ) {
    super(localized.en);
  }
}

const describeChar = (c: string | undefined): LocalizedText =>
  c === undefined
    ? { 'zh-CN': '意外的文件结尾', en: 'unexpected end of input' }
    : {
        'zh-CN': `意外的字符 ${JSON.stringify(c)}`,
        en: `unexpected character ${JSON.stringify(c)}`,
      };

/**
 * Reads JSON text and records where every value starts, keyed by JSON path, so that schema errors
 * can name a line; or finds the first syntax error with its line and column. Only run on the
 * failure path: JSON.parse stays the fast reader, and its messages differ between engines.
 */
export function locateJson(
  text: string,
): { ok: true; locations: Map<string, TextPosition> } | { ok: false; error: JsonSyntaxError } {
  const locations = new Map<string, TextPosition>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const orEnd = (what: LocalizedText) => (i >= text.length ? describeChar(undefined) : what);
  const skipSpace = () => {
    for (;;) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = ++i;
      } else if (c === ' ' || c === '\t' || c === '\r') i++;
      else return;
    }
  };
  const expect = (c: string, what: LocalizedText) => {
    skipSpace();
    if (text[i] !== c) throw new Fail(i, what);
    i++;
  };

  const readString = (): string => {
    const start = i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n')
        throw new Fail(start, { 'zh-CN': '字符串没有结束的引号', en: 'unterminated string' });
      if (c === '"') break;
      if (c < ' ')
        throw new Fail(i, {
          'zh-CN': '字符串中有未转义的控制字符',
          en: 'unescaped control character in string',
        });
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Fail(i, { 'zh-CN': '无效的转义序列', en: 'invalid escape sequence' });
      } else i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };

  const readValue = (path: PropertyKey[]) => {
    skipSpace();
    locations.set(formatJsonPath(path), { line, column: i - lineStart + 1 });
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') return void i++;
      for (;;) {
        skipSpace();
        if (text[i] !== '"')
          throw new Fail(i, {
            'zh-CN': '应为双引号括起的属性名',
            en: 'expected a property name in double quotes',
          });
        const key = readString();
        expect(':', { 'zh-CN': '属性名后应为 ":"', en: 'expected ":" after the property name' });
        readValue([...path, key]);
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else throw new Fail(i, orEnd({ 'zh-CN': '应为 "," 或 "}"', en: 'expected "," or "}"' }));
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        readValue([...path, n]);
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else throw new Fail(i, orEnd({ 'zh-CN': '应为 "," 或 "]"', en: 'expected "," or "]"' }));
      }
    }
    if (c === '"') return void readString();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!literal) throw new Fail(i, describeChar(c));
    i += literal[0].length;
  };

  try {
    readValue([]);
    skipSpace();
    if (i < text.length) throw new Fail(i, describeChar(text[i]));
    return { ok: true, locations };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return {
      ok: false,
      error: { offset: e.offset, ...positionAt(text, e.offset), message: e.localized },
    };
  }
}
