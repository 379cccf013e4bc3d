import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_LIMITS, PackSchema, type Pack } from '../domain/index.ts';
import { EvaluationError } from '../engine/index.ts';
import miniPack from '../domain/fixtures/miniPack.json' with { type: 'json' };
import { jsonlItem, readRecords, recordReader, toInput, type InputItem } from './readers.ts';
import { planColumns, recordToInput } from './inputColumns.ts';
import { evaluationProblem } from './formats.ts';
import { UserError } from './i18n.ts';

const pack: Pack = PackSchema.parse(miniPack);
const dir = mkdtempSync(join(tmpdir(), 'suitability-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fileWith = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
async function all(path: string): Promise<InputItem[]> {
  const out: InputItem[] = [];
  const { header, records } = await readRecords(path, pack, '2026-06-01');
  const read = recordReader(pack, header, '2026-06-01');
  for await (const record of records) out.push(read(record));
  return out;
}
const errorOf = (item: InputItem) => ('error' in item ? item.error.en : undefined);
const row = (extra: Record<string, unknown>) =>
  JSON.stringify({ clientId: 'c1', evaluationDate: '2026-06-01', facts: { age: 40 }, ...extra });

describe('input rows are read strictly', () => {
  it('refuses an unknown key with its path and the key it probably meant', () => {
    const item = jsonlItem(3, row({ assesmentDate: '2026-01-01' }), undefined);
    expect(item).toMatchObject({ line: 3, clientId: 'c1' });
    expect(errorOf(item)).toBe(
      '$.assesmentDate: unknown field "assesmentDate"; did you mean "assessmentDate"?',
    );
  });

  it('refuses __proto__ and constructor in facts with their path, touching no prototype', () => {
    expect(
      errorOf(
        jsonlItem(
          1,
          '{"evaluationDate":"2026-06-01","facts":{"__proto__":{"polluted":1}}}',
          undefined,
        ),
      ),
    ).toBe('$.facts.__proto__: the reserved name "__proto__" cannot be a field name');
    expect(errorOf(jsonlItem(1, row({ facts: { constructor: 1 } }), undefined))).toMatch(
      /^\$\.facts\.constructor: /,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a string past the limit and nesting past the limit, located', () => {
    const long = 'x'.repeat(DOCUMENT_LIMITS.maxStringLength + 1);
    expect(errorOf(jsonlItem(1, row({ clientId: long }), undefined))).toMatch(
      /^\$\.clientId: string too long/,
    );
    const deep = `{"facts":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect(errorOf(jsonlItem(1, deep, undefined))).toMatch(/nested too deeply/);
  });

  it('refuses a date that is not on the calendar', () => {
    expect(errorOf(toInput(1, { evaluationDate: '2026-02-30' }, undefined))).toMatch(
      /^\$\.evaluationDate: .*not a real calendar date/,
    );
    expect('input' in toInput(1, { evaluationDate: '2024-02-29' }, undefined)).toBe(true);
  });

  it('names the path of an evaluation error once', () => {
    const e = new EvaluationError(
      'x',
      { 'zh-CN': '$.facts.age：缺少', en: '$.facts.age: missing' },
      '$.facts.age',
    );
    expect(evaluationProblem(e).en).toBe('$.facts.age: missing');
    const bare = new EvaluationError('x', { 'zh-CN': '缺少', en: 'missing' }, '$.facts.age');
    expect(evaluationProblem(bare).en).toBe('$.facts.age: missing');
  });
});

describe('CSV cells', () => {
  const planned = planColumns(pack, ['clientId', 'facts.age']);
  const plans = 'plans' in planned ? planned.plans : [];
  const read = (cell: string) => recordToInput(plans, ['clientId', 'facts.age'], ['c1', cell]);

  it('reads only decimal numbers as numbers', () => {
    for (const cell of ['0x23', '0b100011', '0o43', 'Infinity', '1_000'])
      expect(read(cell), cell).toEqual({
        error: {
          'zh-CN': `列 facts.age："${cell}" 不是数字`,
          en: `column facts.age: "${cell}" is not a number`,
        },
      });
    for (const [cell, value] of [
      ['35', 35],
      ['-1.5', -1.5],
      ['1e3', 1000],
      [' 7 ', 7],
      ['.5', 0.5],
    ] as const)
      expect(read(cell)).toEqual({ input: { clientId: 'c1', facts: { age: value } } });
  });
});

describe('input files', () => {
  it('stops at bytes that are not UTF-8, naming their line', async () => {
    const ok = Buffer.from(`${row({})}\n${row({})}\n`);
    const bad = Buffer.concat([
      ok,
      Buffer.from('{"clientId":"'),
      Buffer.from([0xc4, 0xe3]),
      Buffer.from('"}\n'),
    ]);
    for (const name of ['bad.jsonl', 'bad.json']) {
      const path = fileWith(
        name,
        name.endsWith('.json') ? Buffer.concat([Buffer.from('[\n'), bad]) : bad,
      );
      const error = await all(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).text.en).toBe(
        `${path}:${name.endsWith('.json') ? 4 : 3}: not valid UTF-8 text (the file may be saved in another encoding such as GBK; save it as UTF-8)`,
      );
    }
    const csv = fileWith(
      'bad.csv',
      Buffer.concat([
        Buffer.from('clientId,evaluationDate\nc1,2026-06-01\nc'),
        Buffer.from([0xff]),
        Buffer.from(',2026-06-01\n'),
      ]),
    );
    await expect(all(csv)).rejects.toMatchObject({
      text: { en: expect.stringMatching(/bad\.csv:3: not valid UTF-8/) },
    });
  });

  it('finds a bad sequence cut across chunks on the right line', async () => {
    const lines = Array.from({ length: 3000 }, () => row({}));
    const text = Buffer.from(`${lines.join('\n')}\n`);
    const path = fileWith(
      'late.jsonl',
      Buffer.concat([text, Buffer.from([0xe4, 0xb8]), Buffer.from('\n')]),
    );
    await expect(all(path)).rejects.toMatchObject({
      text: { en: expect.stringMatching(/late\.jsonl:3001: /) },
    });
  });
});
