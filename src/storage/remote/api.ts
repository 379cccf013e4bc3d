import type { z } from 'zod';
import { StorageError } from '../errors.ts';
import { ErrorBodySchema } from './schemas.ts';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** The team server could not be reached (no network, server down, a gateway answering for it). */
export class OfflineError extends StorageError {
  constructor(where: string, cause?: unknown) {
    super(
      'offline',
      {
        'zh-CN': `无法连接团队服务器（${where}）`,
        en: `the team server cannot be reached (${where})`,
      },
      where,
      cause,
    );
    this.name = 'OfflineError';
  }
}

/**
 * The server answered with a refusal: `status` and `serverCode` say which (401 signed out, 403
 * `maker_checker`, 409 `conflict` / `in_review` ...), `body` is the parsed JSON for callers that
 * read more of it (a conflict's current revision).
 */
export class ApiError extends StorageError {
  constructor(
    readonly status: number,
    readonly serverCode: string,
    message: string,
    where: string,
    readonly body: unknown,
  ) {
    super(
      status === 404 ? 'notFound' : 'refused',
      {
        'zh-CN': `团队服务器拒绝了请求（${where}）：${message}`,
        en: `the team server refused the request (${where}): ${message}`,
      },
      where,
    );
    this.name = 'ApiError';
  }
}

// Gateways answer these for a server that is restarting or gone: as good as offline.
const UNREACHABLE = new Set([502, 503, 504]);

function unreadable(where: string, detail: string): StorageError {
  return new StorageError(
    'corrupt',
    {
      'zh-CN': `团队服务器的回答无法读取（${where}）：${detail}`,
      en: `the team server's answer cannot be read (${where}): ${detail}`,
    },
    where,
  );
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '$'}: ${i.message}`)
    .join('; ');
}

/**
 * JSON over HTTP to the team server, with the session cookie and the CSRF token every
 * state-changing request needs; answers are parsed with a schema, refusals become ApiErrors and
 * an unreachable server an OfflineError.
 */
export class ApiClient {
  private csrf: string | null = null;
  private readonly signedOut = new Set<() => void>();

  constructor(
    private readonly deps: {
      fetch: FetchLike;
      /** The UI locale, sent as Accept-Language so that refusals come in it. */
      language: () => string;
      base?: string;
    },
  ) {}

  /** Calls `listener` on every 401: the session ended (expired, revoked, signed out elsewhere). */
  whenSignedOut(listener: () => void): () => void {
    this.signedOut.add(listener);
    return () => void this.signedOut.delete(listener);
  }

  setCsrfToken(token: string | null): void {
    this.csrf = token;
  }

  get<T>(path: string, schema: z.ZodType<T>, where = path): Promise<T> {
    return this.request('GET', path, schema, undefined, where);
  }

  send<T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    schema: z.ZodType<T>,
    body: unknown = {},
    where = path,
  ): Promise<T> {
    return this.request(method, path, schema, body, where);
  }

  private async request<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    body: unknown,
    where: string,
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': this.deps.language(),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    let response: Response;
    try {
      response = await this.deps.fetch(`${this.deps.base ?? ''}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      throw new OfflineError(where, e);
    }
    if (UNREACHABLE.has(response.status)) throw new OfflineError(where);
    const json = await readJson(response);
    if (!response.ok) {
      if (response.status === 401) for (const l of this.signedOut) l();
      const error = ErrorBodySchema.safeParse(json);
      const code = error.success ? error.data.code : `http_${response.status}`;
      const message = error.success ? error.data.message : `HTTP ${response.status}`;
      throw new ApiError(response.status, code, message, where, json);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw unreadable(where, issuesText(parsed.error));
    return parsed.data;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
