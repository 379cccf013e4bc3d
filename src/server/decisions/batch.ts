import { StringDecoder } from 'node:string_decoder';
import { lt, locateJson, type LocalizedText } from '../../domain/index.ts';
import { ApiError } from './errors.ts';

export type BatchLine = { line: number; text: string } | { line: number; error: ApiError };

/**
 * Splits a stream into numbered lines as it arrives, holding at most one line: a line longer than
 * `maxLine` characters is answered as too long and skipped, not buffered. Blank lines are skipped
 * but counted, so numbers match the caller's file.
 */
export async function* ndjsonLines(
  source: AsyncIterable<Buffer | string>,
  maxLine: number,
): AsyncGenerator<BatchLine> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let skipping = false;
  let line = 0;
  const finish = (text: string): BatchLine | undefined => {
    line++;
    if (skipping) {
      skipping = false;
      return { line, error: tooLong(maxLine) };
    }
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    return trimmed.trim() === '' ? undefined : { line, text: trimmed };
  };
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const item = finish(partial + text.slice(start, nl));
      partial = '';
      start = nl + 1;
      if (item) yield item;
    }
    if (!skipping) {
      partial += text.slice(start);
      if (partial.length > maxLine) {
        skipping = true;
        partial = '';
      }
    }
  }
  const rest = partial + decoder.end();
  if (rest !== '' || skipping) {
    const item = finish(rest);
    if (item) yield item;
  }
}

const tooLong = (maxLine: number) =>
  new ApiError(
    413,
    'batch.lineTooLong',
    lt(`该行超过 ${maxLine} 个字符，已跳过`, `the line is over ${maxLine} characters; skipped`),
    '$',
  );

/** Parses one line's JSON, or says where its syntax breaks. */
export function parseLine(text: string): { value: unknown } | { error: ApiError } {
  try {
    return { value: JSON.parse(text) };
  } catch {
    const located = locateJson(text);
    const why: LocalizedText = located.ok ? lt('', '') : located.error.message;
    const where = located.ok ? '' : ` (${located.error.column})`;
    return {
      error: new ApiError(
        400,
        'invalid_json',
        lt(`JSON 语法错误${where}：${why['zh-CN']}`, `JSON syntax error${where}: ${why.en}`),
        '$',
      ),
    };
  }
}
