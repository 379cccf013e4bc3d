import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ChannelGate, hashKey } from './channels.ts';
import { FolderPackSource } from './folderPacks.ts';
import { createMetrics } from './metrics.ts';
import { buildDecisionsApp } from './standaloneApp.ts';
import { starterSample } from './testSupport.ts';

const KEY_A = 'key-branch-counter-0123456789';
const KEY_B = 'key-mobile-app-0123456789';
let app: FastifyInstance;
let clock = 0;

beforeAll(async () => {
  const packs = new FolderPackSource('rule-packs', undefined);
  await packs.reload();
  const gate = new ChannelGate(
    [
      {
        id: 'counter',
        keyHash: hashKey(KEY_A),
        packs: ['cn-csrc-2017'],
        ratePerSecond: 1000,
        audit: false,
      },
      { id: 'app', keyHash: hashKey(KEY_B), packs: ['eu-mifid2'], ratePerSecond: 2, audit: false },
    ],
    false,
    () => clock,
  );
  app = await buildDecisionsApp({ packs, gate, metrics: createMetrics() });
});
afterAll(() => app.close());

const decide = (packId: string, body: unknown, key = KEY_A, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: `/v1/decisions/${packId}`,
    headers: { authorization: `Bearer ${key}`, ...headers },
    payload: body as object,
  });

describe('POST /v1/decisions/{packId}', () => {
  it('answers with one version, its hash, verdicts and a rationale in the asked language', async () => {
    const input = starterSample('cn-csrc-2017');
    const res = await decide('cn-csrc-2017', input, KEY_A, { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.packId).toBe('cn-csrc-2017');
    expect(body.version).toBe('1.0.0');
    expect(body.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(body.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.channel).toBe('counter');
    expect(Object.keys(body.products).length).toBeGreaterThan(0);
    expect(body.rationale.join('')).toMatch(/[\u4e00-\u9fff]/);
    expect(body.trace).toBeUndefined();
    const en = await decide('cn-csrc-2017', input, KEY_A, { 'accept-language': 'en' });
    expect(en.json().rationale.join('')).not.toMatch(/[\u4e00-\u9fff]/);
    const traced = await app.inject({
      method: 'POST',
      url: '/v1/decisions/cn-csrc-2017?trace=true',
      headers: { authorization: `Bearer ${KEY_A}` },
      payload: input,
    });
    expect(traced.json().trace.length).toBeGreaterThan(0);
  });

  it('refuses bad input with a code and the JSON path', async () => {
    const input = starterSample('cn-csrc-2017');
    const cases: [unknown, number, string, string][] = [
      [{ ...input, extra: 1 }, 400, 'input.unknownKey', '$.extra'],
      [{ ...input, facts: { ...input.facts, nope: 1 } }, 400, 'input.unknownFact', '$.facts.nope'],
      [{ ...input, facts: { ...input.facts, age: 'old' } }, 400, 'input.factType', '$.facts.age'],
      [
        { ...input, answers: { ...input.answers, Q1: 'Z' } },
        400,
        'input.unknownOption',
        '$.answers.Q1',
      ],
      [{ ...input, evaluationDate: 'today' }, 400, 'input.date', '$.evaluationDate'],
      [[1, 2], 400, 'input.type', '$'],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await decide('cn-csrc-2017', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.json()).toMatchObject({ code, path });
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/v1/decisions/cn-csrc-2017',
      headers: {
        authorization: `Bearer ${KEY_A}`,
        'content-type': 'application/json',
        'accept-language': 'zh-CN',
      },
      payload: '{"facts": {',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('invalid_json');
    expect(malformed.json().message).toMatch(/JSON/);
    expect(malformed.body).not.toMatch(/at .*\.ts/);
    const huge = await app.inject({
      method: 'POST',
      url: '/v1/decisions/cn-csrc-2017',
      headers: { authorization: `Bearer ${KEY_A}`, 'content-type': 'application/json' },
      payload: `{"clientId":"${'x'.repeat(10 * 1024 * 1024)}"}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('too_large');
  });

  it('scopes keys to packs, limits their rate and knows unknown packs', async () => {
    expect((await decide('cn-csrc-2017', {}, 'wrong-key')).statusCode).toBe(401);
    const other = await decide('eu-mifid2', starterSample('eu-mifid2'), KEY_A);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'auth.scope' });
    const missing = await app.inject({
      method: 'POST',
      url: '/v1/decisions/no-such-pack',
      headers: { authorization: `Bearer ${KEY_A}` },
      payload: {},
    });
    expect(missing.statusCode).toBe(403);
    clock = 10_000;
    const limited = [];
    for (let i = 0; i < 3; i++)
      limited.push((await decide('eu-mifid2', starterSample('eu-mifid2'), KEY_B)).statusCode);
    expect(limited).toEqual([200, 200, 429]);
    clock = 11_000;
    expect((await decide('eu-mifid2', starterSample('eu-mifid2'), KEY_B)).statusCode).toBe(200);
  });
});

describe('POST /v1/decisions/{packId}/batch', () => {
  it('streams 100,000 lines, answering bad ones in place with line and path', async () => {
    const good = JSON.stringify(starterSample('cn-csrc-2017'));
    const bad = [
      '{"facts": {',
      JSON.stringify({ evaluationDate: '2026-06-01', fact: {} }),
      JSON.stringify({ evaluationDate: '2026-06-01', facts: { age: 'x' } }),
    ];
    const total = 100_000;
    // Most lines are bad (cheap to refuse) so the test stays fast; every hundredth is decided.
    const lineAt = (i: number) => (i % 100 === 0 ? good : bad[i % 3]!);
    async function* body() {
      for (let i = 0; i < total; i += 1000) {
        let chunk = '';
        for (let j = i; j < i + 1000; j++) chunk += `${lineAt(j)}\n`;
        yield chunk;
      }
    }
    const { Readable } = await import('node:stream');
    const res = await app.inject({
      method: 'POST',
      url: '/v1/decisions/cn-csrc-2017/batch',
      headers: { authorization: `Bearer ${KEY_A}`, 'content-type': 'application/x-ndjson' },
      payload: Readable.from(body()),
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body.trimEnd().split('\n');
    expect(lines).toHaveLength(total);
    const parsed = lines.map(
      (l) =>
        JSON.parse(l) as { line: number; error?: { code: string; path: string }; version?: string },
    );
    expect(parsed.map((p) => p.line)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(parsed[0]).toMatchObject({ version: '1.0.0' });
    expect(parsed[1]?.error).toMatchObject({ code: 'input.unknownKey', path: '$.fact' });
    expect(parsed[2]?.error).toMatchObject({ code: 'input.factType', path: '$.facts.age' });
    expect(parsed[3]?.error).toMatchObject({ code: 'invalid_json', path: '$' });
    expect(parsed.filter((p) => !p.error)).toHaveLength(total / 100);
  });
});

describe('GET /v1/packs/{packId}/input-schema', () => {
  it('gives the facts with types and bounds and the questions with their options', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/v1/packs/cn-csrc-2017/input-schema',
      headers: { authorization: `Bearer ${KEY_A}` },
    });
    expect(res.statusCode).toBe(200);
    const schema = res.json();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.facts.additionalProperties).toBe(false);
    expect(schema.properties.facts.properties.age.anyOf[0]).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 130,
    });
    expect(schema.properties.facts.required).toContain('investorType');
    // Required of natural persons only: listed with its condition, not as always required.
    expect(schema.properties.facts.required).not.toContain('fullCivilCapacity');
    expect(schema.properties.facts.properties.fullCivilCapacity['x-requiredWhen']).toBeDefined();
    expect(schema.properties.answers.properties.Q1.anyOf[0].enum).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
  });
});
