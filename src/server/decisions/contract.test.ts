import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';
import { ChannelGate } from './channels.ts';
import { FolderPackSource } from './folderPacks.ts';
import { createMetrics } from './metrics.ts';
import { buildDecisionsApp } from './standaloneApp.ts';
import { starterSamples } from './testSupport.ts';

const dir = mkdtempSync(join(tmpdir(), 'decisions-'));
const pack = loadStarterPack('cn-csrc-2017');
const packs = new FolderPackSource(dir, undefined);
let app: FastifyInstance;

beforeAll(async () => {
  writeFileSync(join(dir, 'csrc.json'), JSON.stringify(pack));
  await packs.reload();
  app = await buildDecisionsApp({
    packs,
    gate: new ChannelGate([], true, () => 0),
    metrics: createMetrics(),
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

type OpenApi = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};

describe('the API against its OpenAPI document', () => {
  it('answers each documented call with a body its schema accepts', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApi;
    const sample = starterSamples('cn-csrc-2017')[0]!;
    const calls = [
      {
        method: 'POST',
        url: '/v1/decisions/cn-csrc-2017',
        path: '/v1/decisions/{packId}',
        payload: sample,
      },
      {
        method: 'POST',
        url: '/v1/decisions/cn-csrc-2017/versions/1.0.0?trace=true',
        path: '/v1/decisions/{packId}/versions/{version}',
        payload: sample,
      },
      {
        method: 'POST',
        url: '/v1/decisions/cn-csrc-2017',
        path: '/v1/decisions/{packId}',
        payload: { ...sample, x: 1 },
      },
      {
        method: 'POST',
        url: '/v1/decisions/nope',
        path: '/v1/decisions/{packId}',
        payload: sample,
      },
      { method: 'GET', url: '/v1/packs', path: '/v1/packs' },
      {
        method: 'GET',
        url: '/v1/packs/cn-csrc-2017/input-schema',
        path: '/v1/packs/{packId}/input-schema',
      },
    ] as const;
    const seen = new Set<number>();
    for (const call of calls) {
      const res = await app.inject({
        method: call.method,
        url: call.url,
        ...('payload' in call ? { payload: call.payload } : {}),
      });
      seen.add(res.statusCode);
      const op = doc.paths[call.path]?.[call.method.toLowerCase()];
      const schema = op?.responses[String(res.statusCode)]?.content?.['application/json']?.schema;
      expect(schema, `${call.method} ${call.path} ${res.statusCode} is documented`).toBeDefined();
      const check = z.fromJSONSchema(schema as never).safeParse(res.json());
      expect(check.success, `${call.url}: ${JSON.stringify(check.error?.issues[0])}`).toBe(true);
    }
    expect([...seen].sort()).toEqual([200, 400, 404]);
  });
});

describe('hot publish', () => {
  it('serves a new version without restart; requests in flight keep theirs', async () => {
    const inputs = starterSamples('cn-csrc-2017');
    const fire = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/v1/decisions/cn-csrc-2017',
          payload: inputs[i % inputs.length],
        }),
      );
    const before = fire(50);
    writeFileSync(join(dir, 'csrc-1.0.1.json'), JSON.stringify({ ...pack, version: '1.0.1' }));
    const reloading = packs.reload();
    const during = fire(50);
    await reloading;
    const after = fire(50);
    const all = await Promise.all([...before, ...during, ...after]);
    expect(all.map((r) => r.statusCode).every((s) => s === 200)).toBe(true);
    const versions = all.map((r) => r.json().version as string);
    expect(new Set(versions.slice(0, 50))).toEqual(new Set(['1.0.0']));
    expect(versions.every((v) => v === '1.0.0' || v === '1.0.1')).toBe(true);
    expect(new Set(versions.slice(100))).toEqual(new Set(['1.0.1']));
    const pinned = await app.inject({
      method: 'POST',
      url: '/v1/decisions/cn-csrc-2017/versions/1.0.0',
      payload: inputs[0],
    });
    expect(pinned.json().version).toBe('1.0.0');
  });
});
