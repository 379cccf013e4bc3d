import { createReadStream } from 'node:fs';

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
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const text = rest + (chunk as string);
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
