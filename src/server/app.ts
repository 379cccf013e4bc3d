import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { lt } from '../domain/index.ts';
import { checkpointAudit } from './audit/checkpoints.ts';
import { auditRoutes } from './audit/routes.ts';
import { oidcRoutes } from './auth/oidc.ts';
import { authRoutes } from './auth/routes.ts';
import { resolveSession, SESSION_COOKIE } from './auth/sessions.ts';
import { DEFAULT_PASSWORD_COST } from './auth/passwords.ts';
import type { ServerConfig, ServerContext } from './context.ts';
import type { Db } from './db/index.ts';
import { decisionsInWorkspace } from './decisions/workspace.ts';
import { EventHub } from './events.ts';
import { ApiError, sendError } from './http/errors.ts';
import { keyRoutes } from './keys/routes.ts';
import { publishRoutes } from './packs/publish.ts';
import { reviewRoutes } from './packs/review.ts';
import { packManageRoutes } from './packs/manage.ts';
import { packRoutes } from './packs/routes.ts';
import { userRoutes } from './users/routes.ts';

export type AppDeps = {
  db: Db;
  /** The built studio to serve (`dist/`); the API alone when absent. */
  studioDir?: string;
  config?: Partial<ServerConfig>;
  logger?: FastifyServerOptions['logger'];
};

export const DEFAULT_CONFIG: ServerConfig = {
  now: () => new Date(),
  passwordCost: DEFAULT_PASSWORD_COST,
  sessionTtlMs: 8 * 60 * 60 * 1000,
  sessionIdleMs: 30 * 60 * 1000,
  secureCookies: false,
  login: { maxFailures: 5, lockoutMs: 15 * 60 * 1000, perAddressPerMinute: 30 },
  setupToken: undefined,
  oidc: undefined,
  checkpointEveryMs: 60 * 60 * 1000,
  every: (ms, task) => {
    const timer = setInterval(task, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** Paths the API owns: never answered with the studio's page. */
const API_PREFIXES = ['/api/', '/v1/', '/openapi.json', '/healthz', '/readyz', '/metrics'];

/**
 * The workspace server: the API of every feature module, its OpenAPI document, and the built
 * studio with a fallback to its page for client-side routes. The database must be migrated.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...deps.config };
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(sendError);
  app.decorate('routeTable', []);
  app.decorateRequest('auth', null);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Suitability Studio workspace',
        description:
          'Team workspace API. Writes need the x-csrf-token header from GET /api/session.',
        version: '1',
      },
      // The decision API (`/v1/*`) is called by channels with their key, not a session.
      components: { securitySchemes: { channelKey: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);

  const events = new EventHub();
  await events.start(deps.db);
  app.addHook('onClose', () => events.close());
  if (config.checkpointEveryMs > 0) {
    // The chain's head signed on a timer: a rewrite of the log after a checkpoint is detectable.
    const stop = config.every(config.checkpointEveryMs, () => {
      checkpointAudit(deps.db, config.now()).catch((e: unknown) =>
        app.log.error({ err: e }, 'audit checkpoint failed'),
      );
    });
    app.addHook('onClose', async () => stop());
  }
  const ctx: ServerContext = { db: deps.db, config, events };

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token)
      request.auth = await resolveSession(deps.db, token, config.now(), config.sessionIdleMs);
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const feature of [
    authRoutes,
    oidcRoutes,
    userRoutes,
    packRoutes,
    packManageRoutes,
    reviewRoutes,
    publishRoutes,
    keyRoutes,
    auditRoutes,
  ])
    feature(app, ctx);
  await decisionsInWorkspace(app, ctx);

  serveStudio(app, deps.studioDir);
  return app;
}

function serveStudio(app: FastifyInstance, dir: string | undefined): void {
  const hasStudio = dir !== undefined && existsSync(join(dir, 'index.html'));
  if (hasStudio)
    void app.register(fastifyStatic, { root: dir, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage = request.method === 'GET' && !API_PREFIXES.some((p) => path.startsWith(p));
    if (hasStudio && isPage && !/\.[a-z0-9]+$/i.test(path)) return reply.sendFile('index.html');
    return sendError(
      new ApiError(404, 'not_found', lt(`没有 ${path}`, `no such path: ${path}`)) as never,
      request,
      reply,
    );
  });
}
