import { createReadStream } from 'node:fs';
import { UserError } from './i18n.ts';

/** One line of a text file, numbered from 1, without its line break. */
export type Line = { line: number; text: string };

/**
 * Text lines of a file, read in chunks. Async iteration of a read stream only pulls the next chunk
 * when the consumer asks for it, so a slow writer downstream holds the reader back (backpressure)
 * and memory stays flat however long the file is.
 */
export async function* readLines(path: string): AsyncGenerator<Line> {
  let rest = '';
  let line = 0;
  for await (const chunk of readTextChunks(path)) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      line++;
      yield { line, text: stripCr(text.slice(start, nl), line) };
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield { line: line + 1, text: stripCr(rest, line + 1) };
}

function stripCr(text: string, line: number): string {
  const noCr = text.endsWith('\r') ? text.slice(0, -1) : text;
  return line === 1 && noCr.charCodeAt(0) === 0xfeff ? noCr.slice(1) : noCr;
}

const LF = 0x0a;
const strictUtf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file in chunks, decoded as strict UTF-8: bytes that are not UTF-8 (a file saved
 * as GBK, a truncated copy) stop the read with the line they are on, instead of turning into
 * U+FFFD and reaching a verdict as some other text. Pulls chunks on demand (backpressure).
 */
export async function* readTextChunks(path: string): AsyncGenerator<string> {
  const decoder = strictUtf8();
  let line = 1;
  // The bytes of the current line that came in the previous chunk, to locate a bad sequence.
  let lineStart: Uint8Array = new Uint8Array(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    const bytes = chunk as Buffer;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw notUtf8(path, line + badLineOffset(lineStart, bytes));
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
    const lastLf = bytes.lastIndexOf(LF);
    lineStart = lastLf === -1 ? concat(lineStart, bytes) : bytes.subarray(lastLf + 1);
    if (text !== '') yield text;
  }
  try {
    decoder.decode();
  } catch {
    throw notUtf8(path, line);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  // Only the last few bytes matter for a sequence cut at a chunk boundary.
  return a.length === 0 ? b : Buffer.concat([a.subarray(-3), b]);
}

/** Lines of `bytes` (continuing `before`) to skip to reach the first one that is not UTF-8. */
function badLineOffset(before: Uint8Array, bytes: Uint8Array): number {
  let start = 0;
  for (let offset = 0; ; offset++) {
    const end = bytes.indexOf(LF, start);
    const piece = bytes.subarray(start, end === -1 ? bytes.length : end);
    const whole = offset === 0 ? afterCutSequence(Buffer.concat([before, piece])) : piece;
    try {
      strictUtf8().decode(whole, { stream: end === -1 });
    } catch {
      return offset;
    }
    if (end === -1) return offset;
    start = end + 1;
  }
}

/** Drops continuation bytes at the start: the rest of a sequence whose start was not kept. */
function afterCutSequence(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < 3 && i < bytes.length && ((bytes[i] as number) & 0xc0) === 0x80) i++;
  return bytes.subarray(i);
}

/** A whole file as strict UTF-8 text, or the line of the first bytes that are not UTF-8. */
export function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    return strictUtf8().decode(bytes);
  } catch {
    throw notUtf8(path, 1 + badLineOffset(new Uint8Array(0), bytes));
  }
}

function notUtf8(path: string, line: number): UserError {
  return new UserError({
    'zh-CN': `${path}:${line}：不是有效的 UTF-8 文本（文件可能以 GBK 等其他编码保存，请另存为 UTF-8）`,
    en: `${path}:${line}: not valid UTF-8 text (the file may be saved in another encoding such as GBK; save it as UTF-8)`,
  });
}
