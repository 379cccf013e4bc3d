import { timingSafeEqual } from 'node:crypto';
import type {
  FastifyInstance,
  FastifyRequest,
  FastifySchema,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { lt } from '../../domain/index.ts';
import { ApiError } from './errors.ts';

/** What a person may do in the workspace; admin manages users, roles and keys, not content. */
export const ROLES = ['author', 'reviewer', 'approver', 'publisher', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone, any signed-in user, or a user holding one of the roles. */
export type Access = 'public' | 'signedIn' | Role | readonly Role[];

export type SessionUser = { id: string; username: string; displayName: string; roles: Role[] };
export type Auth = { user: SessionUser; sessionId: string; csrfToken: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user of this request, resolved from the session cookie; null when none. */
    auth: Auth | null;
  }
  interface FastifyInstance {
    /** Every route declared through `route()`, with who may call it. */
    routeTable: RouteInfo[];
  }
}

export type RouteInfo = { method: HTTPMethods; url: string; access: Access };

export type App = FastifyInstance;

type Handler<S extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  unknown,
  S,
  ZodTypeProvider
>;

export type RouteDef<S extends FastifySchema> = {
  method: HTTPMethods;
  url: string;
  access: Access;
  /** One line for the OpenAPI document. */
  summary: string;
  tags: string[];
  schema: S;
  handler: Handler<S>;
};

const READS: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The signed-in user, else 401: for handlers of routes that are not public. */
export function signedIn(request: FastifyRequest): Auth {
  if (!request.auth) throw new ApiError(401, 'unauthenticated', lt('请先登录', 'sign in first'));
  return request.auth;
}

export function accessRoles(access: Access): readonly Role[] | undefined {
  if (access === 'public' || access === 'signedIn') return undefined;
  return typeof access === 'string' ? [access as Role] : access;
}

/** Refuses the request unless the session, its CSRF token and the user's roles allow it. */
export function checkAccess(request: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  const auth = signedIn(request);
  if (!READS.includes(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, auth.csrfToken))
      throw new ApiError(
        403,
        'csrf',
        lt('缺少或错误的 CSRF 令牌（x-csrf-token）', 'missing or wrong CSRF token (x-csrf-token)'),
      );
  }
  const roles = accessRoles(access);
  if (roles && !roles.some((r) => auth.user.roles.includes(r)))
    throw new ApiError(
      403,
      'forbidden',
      lt(`此操作需要角色：${roles.join(' / ')}`, `this needs the role ${roles.join(' or ')}`),
    );
}

/**
 * Declares a route: its zod schema (validation and OpenAPI) and who may call it, enforced before
 * the handler runs. Every route of the workspace goes through here, so `app.routeTable` lists
 * them all with their access.
 */
export function route<const S extends FastifySchema>(app: App, def: RouteDef<S>): void {
  const roles = accessRoles(def.access);
  const who =
    def.access === 'public'
      ? 'public'
      : roles
        ? `role: ${roles.join(' | ')}`
        : 'any signed-in user';
  app.routeTable.push({ method: def.method, url: def.url, access: def.access });
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    schema: { ...def.schema, summary: def.summary, tags: def.tags, description: `Access: ${who}` },
    // Before validation: a caller without access learns nothing about the body the route wants.
    preValidation: async (request) => checkAccess(request, def.access),
    handler: def.handler,
  });
}
