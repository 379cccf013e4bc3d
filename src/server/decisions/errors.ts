import { localize, lt, type Locale } from '../../domain/index.ts';
import { ApiError, type ErrorBody } from '../http/errors.ts';

export { ApiError, langOf, sendError } from '../http/errors.ts';

/** The body of an error told in place (a batch line), as the error handler would send it. */
export function errorBody(e: ApiError, locale: Locale): ErrorBody {
  const body: ErrorBody = { code: e.code, message: localize(e.text, locale) };
  if (e.path !== undefined) body.path = e.path;
  return body;
}

/** The code an error is counted under in the metrics. */
export function errorCode(e: unknown): string {
  if (e instanceof ApiError) return e.code;
  const f = e as { validation?: unknown; code?: string; statusCode?: number };
  if (f.validation) return 'invalid';
  return f.statusCode !== undefined && f.statusCode < 500 ? (f.code ?? 'bad_request') : 'internal';
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
