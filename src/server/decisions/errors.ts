import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { lt, localize, type LocalizedText, type Locale } from '../../domain/index.ts';

/**
 * The language of a response from `Accept-Language` (`zh-CN,zh;q=0.9,en;q=0.8`): the supported
 * locale with the highest weight; English when the header names neither.
 */
export function requestLocale(header: string | string[] | undefined): Locale {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: Locale = 'en';
  let bestWeight = 0;
  for (const part of text.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.find((p) => p.trim().startsWith('q='));
    const weight = q ? Number(q.trim().slice(2)) : 1;
    const locale: Locale | undefined = /^zh\b/i.test(tag)
      ? 'zh-CN'
      : /^en\b/i.test(tag)
        ? 'en'
        : undefined;
    if (locale && weight > bestWeight) [best, bestWeight] = [locale, weight];
  }
  return best;
}

/** A refusal a caller can act on: an HTTP status, a stable code, a localized message, a place. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  readonly path: string | undefined;
  constructor(status: number, code: string, text: LocalizedText, path?: string) {
    super(text.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.text = text;
    this.path = path;
  }
}

export type ErrorBody = { code: string; message: string; path?: string };

export function errorBody(e: ApiError, locale: Locale): ErrorBody {
  const body: ErrorBody = { code: e.code, message: localize(e.text, locale) };
  if (e.path !== undefined) body.path = e.path;
  return body;
}

export const notFoundPack = (packId: string) =>
  new ApiError(
    404,
    'pack.notFound',
    lt(`没有已发布的规则包 ${packId}`, `no published pack ${packId}`),
    '$.packId',
  );

export const notFoundVersion = (packId: string, version: string) =>
  new ApiError(
    404,
    'pack.versionNotFound',
    lt(
      `规则包 ${packId} 没有已发布的版本 ${version}`,
      `pack ${packId} has no published version ${version}`,
    ),
    '$.version',
  );

/** Issues from the route schemas, as `$.a.b[2]` paths. */
function validationPath(e: FastifyError): string {
  const first = e.validation?.[0] as { instancePath?: string; path?: unknown[] } | undefined;
  const parts = Array.isArray(first?.path)
    ? first.path
    : (first?.instancePath ?? '').split('/').filter(Boolean);
  return parts.reduce<string>(
    (acc, p) =>
      typeof p === 'number' || /^\d+$/.test(String(p)) ? `${acc}[${p}]` : `${acc}.${String(p)}`,
    '$',
  );
}

/**
 * Turns anything thrown in a route into `{ code, message, path }`: the API's own refusals as they
 * are, Fastify's (bad JSON, body too large, schema) with a code and a located message, and anything
 * else as a 500 that names no internals.
 */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const f = e as FastifyError;
  if (f.validation)
    return new ApiError(
      400,
      'request.invalid',
      lt(`请求不符合接口定义：${f.message}`, `the request does not match the API: ${f.message}`),
      validationPath(f),
    );
  switch (f.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(
        400,
        'request.json',
        lt(`请求体不是有效的 JSON：${f.message}`, `the body is not valid JSON: ${f.message}`),
        '$',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        'request.tooLarge',
        lt('请求体超过大小上限', 'the body is over the size limit'),
        '$',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'request.mediaType',
        lt('不支持的 Content-Type', 'unsupported Content-Type'),
      );
  }
  if (f.statusCode !== undefined && f.statusCode >= 400 && f.statusCode < 500)
    return new ApiError(f.statusCode, 'request.refused', lt(f.message, f.message));
  return new ApiError(
    500,
    'internal',
    lt('服务器内部错误（已记录）', 'internal server error (logged)'),
  );
}

/** The error handler of the decision routes; internals go to the log, never to the caller. */
export function sendError(e: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const api = toApiError(e);
  if (api.status >= 500) request.log.error(e);
  return reply
    .code(api.status)
    .send(errorBody(api, requestLocale(request.headers['accept-language'])));
}
