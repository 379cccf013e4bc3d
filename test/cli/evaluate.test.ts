import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EvaluationInputSchema,
  parsePack,
  type EvaluationInputDraft,
} from '../../src/domain/index.ts';
import { compilePack, evaluate } from '../../src/engine/index.ts';
import { MINI_PACK, runCli, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parsePack(readFileSync(MINI_PACK, 'utf8'));
if (!parsed.ok) throw new Error('mini pack must parse');
const compiled = compilePack(parsed.pack);
/** What the library says for a client: the oracle the CLI output is checked against. */
const expected = (input: EvaluationInputDraft) =>
  evaluate(compiled, EvaluationInputSchema.parse(input));

const clients: EvaluationInputDraft[] = [
  {
    clientId: 'c1',
    facts: { age: 40 },
    answers: { Q1: 'C', Q2: ['B', 'C'] },
    evaluationDate: '2026-06-01',
  },
  {
    clientId: 'c2',
    facts: { age: 70 },
    answers: { Q1: 'A', Q2: ['C'] },
    assessmentDate: '2026-01-10',
    evaluationDate: '2026-06-01',
  },
  {
    clientId: 'c3, "quoted"',
    facts: { age: 30 },
    answers: { Q1: 'B', Q2: ['B'] },
    assessmentDate: '2024-01-10',
    evaluationDate: '2026-06-01',
  },
];
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('suitability evaluate', () => {
  it('reads a JSON array and writes one JSON line per client, as the library evaluates', async () => {
    const input = write('clients.json', JSON.stringify(clients, null, 2));
    const run = await runCli(['evaluate', MINI_PACK, '--input', input]);
    expect(run.code).toBe(0);
    const rows = jsonLines(run.stdout);
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      const client = clients[i] as EvaluationInputDraft;
      expect(row).toEqual(
        JSON.parse(
          JSON.stringify({
            clientId: client.clientId,
            evaluationDate: client.evaluationDate,
            ...expected(client),
          }),
        ),
      );
    });
    expect(run.stderr).toMatch(/evaluated 3 client\(s\), 0 failed/);
  });

  it('streams JSONL, reports bad rows by line and carries on, then exits 1', async () => {
    const lines = [
      JSON.stringify(clients[0]),
      '',
      JSON.stringify({ ...clients[1], answers: { Q1: 'Z' } }),
      '{"clientId": "broken", ',
      JSON.stringify({ clientId: 'nodate', answers: { Q1: 'B' } }),
      JSON.stringify(clients[2]),
    ];
    const input = write('clients.jsonl', `${lines.join('\n')}\n`);
    const out = join(dir, 'out.jsonl');
    const run = await runCli(['evaluate', MINI_PACK, '--input', input, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`clients\\.jsonl:3 \\(c2\\): \\$\\.answers\\.Q1`));
    expect(run.stderr).toMatch(/clients\.jsonl:4: JSON syntax error/);
    expect(run.stderr).toMatch(/clients\.jsonl:5 \(nodate\): no evaluation date/);
    expect(run.stderr).toMatch(/evaluated 2 client\(s\), 3 failed/);
    expect(jsonLines(readFileSync(out, 'utf8')).map((r) => r.clientId)).toEqual([
      'c1',
      'c3, "quoted"',
    ]);
  });

  it('reads CSV typed by the vocabulary and writes CSV with outputs, flags and verdicts', async () => {
    const input = write(
      'clients.csv',
      [
        'clientId,evaluationDate,assessmentDate,facts.age,facts.professional,answers.Q1,answers.Q2',
        'c1,2026-06-01,,40,no,C,B|C',
        'c2,2026-06-01,2026-01-10,70,,A,C',
        'bad,2026-06-01,,old,,B,B',
        '"c3, ""quoted""",2026-06-01,2024-01-10,30,,B,B',
      ].join('\r\n'),
    );
    const out = join(dir, 'out.csv');
    const run = await runCli(['evaluate', MINI_PACK, '--input', input, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/clients\.csv:4: column facts\.age: "old" is not a number/);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('clientId,score,level,flags,P1,P2,P3');
    const csvOf = (c: EvaluationInputDraft) => {
      const r = expected(c);
      const id = (c.clientId ?? '').includes(',')
        ? `"${(c.clientId ?? '').replaceAll('"', '""')}"`
        : c.clientId;
      return [
        id,
        r.outputs.score,
        r.outputs.level,
        r.flags.join('|'),
        r.products.P1?.verdict,
        r.products.P2?.verdict,
        r.products.P3?.verdict,
      ].join(',');
    };
    expect(rows.slice(1)).toEqual(
      clients.map((c) =>
        csvOf({
          ...c,
          facts: { ...c.facts, ...(c.clientId === 'c1' ? { professional: false } : {}) },
        }),
      ),
    );
  });

  it('fills the evaluation date from --date and adds the trace on request', async () => {
    const input = write(
      'nodate.jsonl',
      `${JSON.stringify({ clientId: 'x', answers: { Q1: 'B', Q2: ['A'] } })}\n`,
    );
    const run = await runCli([
      'evaluate',
      MINI_PACK,
      '--input',
      input,
      '--date',
      '2026-03-01',
      '--trace',
    ]);
    expect(run.code).toBe(0);
    const [row] = jsonLines(run.stdout);
    expect(row?.evaluationDate).toBe('2026-03-01');
    expect((row?.trace as { nodeId: string }[]).map((t) => t.nodeId)).toEqual([
      'input',
      'score',
      'classify',
      'match',
      'output',
    ]);
  });

  it('leaves no output file when a run fails: --fail-fast, unknown columns, a missing input', async () => {
    const existing = write('keep.csv', 'old results\n');
    const bad = write(
      'bad.jsonl',
      `${JSON.stringify(clients[0])}\n{oops\n${JSON.stringify(clients[1])}\n`,
    );
    const badColumn = write('badColumn.csv', 'clientId,facts.agee\nc1,40\n');
    const [failFast, column, missing] = await Promise.all([
      runCli([
        'evaluate',
        MINI_PACK,
        '--input',
        bad,
        '--out',
        join(dir, 'ff.jsonl'),
        '--fail-fast',
      ]),
      runCli(['evaluate', MINI_PACK, '--input', badColumn, '--out', existing]),
      runCli([
        'evaluate',
        MINI_PACK,
        '--input',
        join(dir, 'nope.csv'),
        '--out',
        join(dir, 'missing.csv'),
      ]),
    ]);
    expect(failFast.code).toBe(1);
    expect(failFast.stderr).toMatch(/bad\.jsonl:2: JSON syntax error/);
    expect(existsSync(join(dir, 'ff.jsonl'))).toBe(false);
    expect(column.code).toBe(1);
    expect(column.stderr).toMatch(/badColumn\.csv:1: unknown or repeated column facts\.agee/);
    expect(readFileSync(existing, 'utf8')).toBe('old results\n');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: no such file/);
    expect(existsSync(join(dir, 'missing.csv'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects bad flags with exit 2', async () => {
    const [noInput, badDate, badFormat] = await Promise.all([
      runCli(['evaluate', MINI_PACK]),
      runCli(['evaluate', MINI_PACK, '--input', 'x.csv', '--date', '2026-13-01']),
      runCli(['evaluate', MINI_PACK, '--input', 'x.csv', '--format', 'xml']),
    ]);
    expect([noInput.code, badDate.code, badFormat.code]).toEqual([2, 2, 2]);
    expect(badDate.stderr).toMatch(/--date must be YYYY-MM-DD/);
  });
});
