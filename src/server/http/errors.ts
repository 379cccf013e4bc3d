import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeIssues, localize, lt, type LocalizedText } from '../../domain/index.ts';

export type Lang = 'zh-CN' | 'en';

/** The reader's language from `Accept-Language`: Chinese when it comes first, else English. */
export function langOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() ?? '';
  return /^zh/i.test(first) ? 'zh-CN' : 'en';
}

/**
 * A refusal the client can act on: an HTTP status, a stable code, a message in every UI locale,
 * the JSON path it concerns, and any data the client needs (e.g. the current revision on 409).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly path?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) =>
  new ApiError(404, 'not_found', lt(`找不到 ${what}`, `${what} not found`));

/** The JSON body of an error; never a stack trace. */
export type ErrorBody = { code: string; message: string; path?: string } & Record<string, unknown>;

function validationBody(error: FastifyError, lang: Lang): ErrorBody {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const first = error.validation?.[0];
  const keys = (first?.instancePath ?? '').split('/').filter((k) => k !== '');
  const issue = {
    ...(first?.params ?? {}),
    code: first?.keyword ?? 'custom',
    path: keys.map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
    message: first?.message ?? 'invalid',
  };
  const [problem] = describeIssues([issue as never]);
  const path = problem?.path ?? '$';
  return {
    code: 'invalid',
    message: problem ? localize(problem.message, lang) : error.message,
    path: context === 'body' ? path : `${context}${path.slice(1)}`,
  };
}

/** Fastify's own refusals (bad JSON, wrong content type, too large) as localized bodies. */
const FASTIFY_ERRORS: Record<string, [code: string, text: LocalizedText]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [
    'invalid_json',
    lt('请求体不是有效的 JSON', 'the body is not valid JSON'),
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', lt('请求体为空', 'the body is empty')],
  FST_ERR_CTP_BODY_TOO_LARGE: ['too_large', lt('请求体过大', 'the body is too large')],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'unsupported_media_type',
    lt(
      '不支持的内容类型，请使用 application/json',
      'unsupported content type; send application/json',
    ),
  ],
};

/** Turns anything thrown by a route into a status and a localized JSON body. */
export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(request);
  if (error instanceof ApiError)
    return reply.status(error.status).send({
      code: error.code,
      message: localize(error.text, lang),
      ...(error.path === undefined ? {} : { path: error.path }),
      ...error.extra,
    });
  if (hasZodFastifySchemaValidationErrors(error))
    return reply.status(400).send(validationBody(error as FastifyError, lang));
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known && error.statusCode)
    return reply
      .status(error.statusCode)
      .send({ code: known[0], message: localize(known[1], lang) });
  if (error.statusCode && error.statusCode < 500)
    return reply.status(error.statusCode).send({ code: 'bad_request', message: error.message });
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send({
    code: 'internal',
    message: localize(lt('服务器内部错误（已记录）', 'internal server error (logged)'), lang),
  });
}
