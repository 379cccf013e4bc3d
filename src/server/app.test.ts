import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './db/index.ts';
import { ALL_MIGRATIONS } from './schema.ts';
import { startTestServer } from './testServer.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

describe('workspace server foundation', () => {
  it('asks for the first admin on a new database, then refuses a second setup', async () => {
    const { client } = server;
    const before = await client.call('GET', '/api/session');
    expect(before.json()).toEqual({
      user: null,
      csrfToken: null,
      setupRequired: true,
      mode: 'team',
      oidc: null,
    });
    const admin = await client.setup('admin');
    const after = await client.call('GET', '/api/session', { agent: admin });
    expect(after.json()).toMatchObject({
      user: { username: 'admin', roles: ['admin'] },
      setupRequired: false,
    });
    const again = await client.call('POST', '/api/setup', {
      body: { username: 'mallory', displayName: 'M', password: 'another password' },
      lang: 'zh-CN',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'setup_done', message: '工作区已设置，请登录' });
  });

  it('answers bad input with a localized code, message and path, never a stack', async () => {
    const res = await server.client.call('POST', '/api/login', {
      body: { username: 'a', password: 5 },
      lang: 'en',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid', path: '$.password' });
    expect(res.body).not.toMatch(/at .*\.ts/);
  });

  it('publishes an OpenAPI 3.1 document listing the routes', async () => {
    const doc = (await server.client.call('GET', '/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/login');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await server.client.call('GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('migrations', () => {
  it('run forward only: a migrated database takes none again, and takes a new one on top', async () => {
    const { db } = server;
    expect(await migrate(db, ALL_MIGRATIONS)).toEqual([]);
    const next = { id: '0099_probe', sql: 'CREATE TABLE probe (id integer)' };
    expect(await migrate(db, [...ALL_MIGRATIONS, next])).toEqual(['0099_probe']);
    await expect(migrate(db, ALL_MIGRATIONS)).rejects.toThrow(/newer version/);
  });
});
