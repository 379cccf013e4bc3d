import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { decisionsPlugin, type DecisionsOptions } from './index.ts';

/**
 * The decision service on its own (file mode): the decision plugin, its OpenAPI document at
 * `/openapi.json`, and nothing of the workspace.
 */
export async function buildDecisionsApp(
  options: DecisionsOptions & { logger?: FastifyServerOptions['logger'] },
): Promise<FastifyInstance> {
  const { logger, ...plugin } = options;
  const app = Fastify({ logger: logger ?? false, bodyLimit: plugin.bodyLimit ?? 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Suitability decision service',
        description:
          'Decisions on published rule packs for every channel. Calls carry `authorization: Bearer <channel key>`.',
        version: '1',
      },
      components: {
        securitySchemes: { channelKey: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(decisionsPlugin, plugin);
  return app;
}
