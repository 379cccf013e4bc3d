import type { Pack } from '../../domain/index.ts';
import type { FetchLike } from './api.ts';

type Stored = { pack: Pack; revision: number; by: string };

/**
 * The pack routes of the team server's contract, in memory, for the client's tests: revisions
 * with the optimistic check, CSRF on every write, and a switch that takes it off the network.
 * Every request is recorded. (The real server's own tests are the API's; these test the client.)
 */
export class FakeTeamServer {
  readonly packs = new Map<string, Stored>();
  readonly requests: { method: string; url: string; body: unknown; headers: Headers }[] = [];
  online = true;
  user = 'alice';
  readonly csrfToken = 'csrf-1';

  add(pack: Pack, revision = 1, by = 'bob'): void {
    this.packs.set(pack.id, { pack, revision, by });
  }

  /** Someone else saves `pack` (the next revision). */
  saveAs(by: string, pack: Pack): number {
    const current = this.packs.get(pack.id);
    const revision = (current?.revision ?? 0) + 1;
    this.packs.set(pack.id, { pack, revision, by });
    return revision;
  }

  readonly fetch: FetchLike = async (url, init = {}) => {
    if (!this.online) throw new TypeError('Failed to fetch');
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, url, body, headers });
    if (method !== 'GET' && headers.get('x-csrf-token') !== this.csrfToken)
      return json(403, { code: 'csrf', message: 'missing CSRF token' });
    return this.route(method, url, body);
  };

  private route(method: string, url: string, body: unknown): Response {
    if (url === '/api/session')
      return json(200, {
        user: { id: 'u1', username: this.user, displayName: 'Alice', roles: ['author'] },
        csrfToken: this.csrfToken,
        setupRequired: false,
        mode: 'team',
      });
    if (url === '/api/packs' && method === 'GET')
      return json(200, {
        packs: [...this.packs.entries()].map(([id, s]) => ({
          id,
          title: s.pack.title,
          status: s.pack.status,
          version: s.pack.version,
          revision: s.revision,
          updatedAt: '2026-01-10T09:00:00.000Z',
          updatedBy: s.by,
        })),
      });
    if (url === '/api/packs' && method === 'POST') {
      const { pack } = body as { pack: Pack };
      if (this.packs.has(pack.id)) return json(409, { code: 'exists', message: 'exists' });
      this.packs.set(pack.id, { pack, revision: 1, by: this.user });
      return json(200, { id: pack.id, revision: 1 });
    }
    const m = /^\/api\/packs\/([^/]+)$/.exec(url);
    const stored = m ? this.packs.get(decodeURIComponent(m[1] ?? '')) : undefined;
    if (!m || !stored) return json(404, { code: 'not_found', message: 'no such pack' });
    if (method === 'GET') return json(200, { pack: stored.pack, revision: stored.revision });
    const put = body as { pack: Pack; baseRevision: number };
    if (put.baseRevision !== stored.revision)
      return json(409, {
        code: 'conflict',
        message: 'stale revision',
        current: { pack: stored.pack, revision: stored.revision, by: stored.by },
      });
    const revision = stored.revision + 1;
    this.packs.set(put.pack.id, { pack: put.pack, revision, by: this.user });
    return json(200, { revision, status: put.pack.status });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
