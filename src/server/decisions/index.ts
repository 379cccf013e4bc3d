import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { lt, type Locale } from '../../domain/index.ts';
import { ndjsonLines, parseLine, type BatchLine } from './batch.ts';
import type { Channel, ChannelGate } from './channels.ts';
import { decide, decisionResponse, replay, type Evaluated, type ServedVersion } from './decide.ts';
import {
  ApiError,
  errorBody,
  errorCode,
  langOf,
  notFoundPack,
  notFoundVersion,
  sendError,
} from './errors.ts';
import { packInputSchema } from './inputSchema.ts';
import type { Metrics } from './metrics.ts';
import type { PackSource } from './packSource.ts';
import { exportRecords } from './exportRecords.ts';
import { getRecord, searchRecords, type DecisionRecorder, type RecordsDb } from './records.ts';
import * as S from './schemas.ts';

export type { PackSource } from './packSource.ts';
export { DECISION_MIGRATIONS } from './records.ts';

export type DecisionsOptions = {
  packs: PackSource;
  gate: ChannelGate;
  metrics: Metrics;
  /** Records on: every decision is stored before it is answered. */
  records?: { db: RecordsDb; recorder: DecisionRecorder };
  /** Whether the database answers, for `/readyz`. */
  ping?: () => Promise<void>;
  now?: () => Date;
  /** Largest body of one decision, in bytes. */
  bodyLimit?: number;
  /** Longest line of a batch, in characters. */
  maxLine?: number;
  /** Told of every refused request or batch line whose channel is known (for its error rate). */
  onError?: (channel: string, code: string) => void;
  /** `/readyz` also waits for a pack to serve (file mode); a workspace may have none yet. */
  packsRequired?: boolean;
};

// Random bytes are drawn 4 KiB at a time: one call per id costs more than the decision's checks.
let pool = Buffer.alloc(0);
let poolAt = 0;

/** Time-ordered ids (UUID v7 layout): records sort by id as they sort by time. */
export function newDecisionId(now: Date): string {
  if (poolAt + 16 > pool.length) [pool, poolAt] = [randomBytes(4096), 0];
  const bytes = Buffer.from(pool.subarray(poolAt, (poolAt += 16)));
  const ms = now.getTime();
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Bodies are checked by the engine against the pack (with JSON paths); the rest by zod. */
const bodyUnchecked: typeof validatorCompiler = (route) =>
  route.httpPart === 'body' ? (data) => ({ value: data }) : validatorCompiler(route);

/** Responses are written as they are: the schema documents them, the code builds them. */
const plainJson = () => (data: unknown) => JSON.stringify(data);

const cursorOf = (r: { decidedAt: string; id: string }) =>
  Buffer.from(`${r.decidedAt}|${r.id}`).toString('base64url');

function parseCursor(cursor: string): { decidedAt: string; id: string } {
  const [decidedAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!decidedAt || !id)
    throw new ApiError(400, 'request.cursor', lt('无效的 cursor', 'invalid cursor'), '$.cursor');
  return { decidedAt, id };
}

/**
 * The decision API (`/v1/*`, `/healthz`, `/readyz`, `/metrics`) as a Fastify plugin: register it
 * on the workspace server or on the file-mode app. Channels call it with their API key.
 */
export async function decisionsPlugin(app: FastifyInstance, opts: DecisionsOptions): Promise<void> {
  const { packs, gate, metrics } = opts;
  const now = opts.now ?? (() => new Date());
  const maxLine = opts.maxLine ?? 1_000_000;
  const api = app.withTypeProvider<ZodTypeProvider>();

  // The channel of each request, once its key is known: its errors count against it.
  const channelOf = new WeakMap<FastifyRequest, string>();
  const counted = (code: string, channel: string | undefined) => {
    metrics.errors.inc({ code });
    if (channel !== undefined) opts.onError?.(channel, code);
  };
  app.setErrorHandler((e: FastifyError, request, reply) => {
    counted(errorCode(e), channelOf.get(request));
    return sendError(e, request, reply);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    metrics.requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    metrics.latency.observe({ route }, reply.elapsedTime / 1000);
  });
  // A batch body is read as it arrives, never whole.
  app.addContentTypeParser('application/x-ndjson', (_request, payload, done) =>
    done(null, payload),
  );

  const admitted = (request: FastifyRequest, packId: string): Channel => {
    const channel = gate.identify(request.headers.authorization);
    channelOf.set(request, channel.id);
    gate.admit(channel, packId);
    return channel;
  };
  const currentOf = (packId: string) => {
    const served = packs.current(packId);
    if (!served) throw notFoundPack(packId);
    return served;
  };
  const pinnedOf = async (packId: string, version: string) => {
    const served = await packs.pinned(packId, version);
    if (!served)
      throw packs.current(packId) ? notFoundVersion(packId, version) : notFoundPack(packId);
    return served;
  };
  const count = (evaluated: Evaluated) => {
    const { record } = evaluated;
    const labels = { pack: record.packId, version: record.version, channel: record.channel };
    metrics.decisions.inc(labels);
    // One increment per verdict, not per product: a label lookup costs more than the decision.
    const mix = new Map<string, number>();
    for (const verdict of Object.values(record.products))
      mix.set(verdict, (mix.get(verdict) ?? 0) + 1);
    for (const [verdict, n] of mix) metrics.verdicts.inc({ ...labels, verdict }, n);
  };
  const record = async (evaluated: readonly Evaluated[]) => {
    if (opts.records) await opts.records.recorder.append(evaluated.map((e) => e.record));
  };

  /** One decision: evaluate, store the record, then answer. */
  const single = async (
    request: FastifyRequest,
    served: ServedVersion,
    channel: Channel,
    trace: boolean,
  ) => {
    const at = now();
    const evaluated = decide(served, request.body, {
      id: newDecisionId(at),
      decidedAt: at.toISOString(),
      channel: channel.id,
      trace,
    });
    await record([evaluated]);
    count(evaluated);
    return decisionResponse(evaluated, langOf(request));
  };

  const decideSchema = (summary: string, params: FastifySchema['params']) => ({
    summary,
    tags: ['decisions'],
    params,
    querystring: S.DecideQuery,
    body: S.DecisionInputSchema,
    security: [{ channelKey: [] }],
    response: {
      200: S.DecisionResponseSchema,
      400: S.ErrorSchema,
      401: S.ErrorSchema,
      403: S.ErrorSchema,
      404: S.ErrorSchema,
      413: S.ErrorSchema,
      429: S.ErrorSchema,
    },
  });

  // The current version, or a pinned one: the same route but for where the version comes from.
  const decideRoutes = [
    {
      url: '/v1/decisions/:packId',
      summary: "Decide one client on the pack's current published version",
      params: S.PackParams,
      served: async (p: { packId: string; version?: string }) => currentOf(p.packId),
    },
    {
      url: '/v1/decisions/:packId/versions/:version',
      summary: 'Decide one client on a pinned published version',
      params: S.PinnedParams,
      served: (p: { packId: string; version?: string }) => pinnedOf(p.packId, p.version ?? ''),
    },
  ];
  for (const r of decideRoutes)
    api.route({
      method: 'POST',
      url: r.url,
      schema: decideSchema(r.summary, r.params),
      bodyLimit: opts.bodyLimit ?? 1024 * 1024,
      validatorCompiler: bodyUnchecked as never,
      serializerCompiler: plainJson,
      handler: async (request) => {
        const params = request.params as { packId: string; version?: string };
        const channel = admitted(request, params.packId);
        const { trace } = request.query as { trace: boolean };
        return single(request, await r.served(params), channel, trace);
      },
    });

  api.route({
    method: 'POST',
    url: '/v1/decisions/:packId/batch',
    schema: {
      summary:
        'Decide many clients: NDJSON in (one input per line), NDJSON out in the same order; a bad line is answered in place with its line number and JSON path',
      tags: ['decisions'],
      params: S.PackParams,
      security: [{ channelKey: [] }],
    },
    handler: async (request, reply) => {
      const { packId } = request.params;
      const channel = admitted(request, packId);
      if (!request.headers['content-type']?.startsWith('application/x-ndjson'))
        throw new ApiError(
          415,
          'request.mediaType',
          lt(
            '批量接口需要 Content-Type: application/x-ndjson',
            'a batch needs Content-Type: application/x-ndjson',
          ),
        );
      // One version for the whole batch, taken now: a publish during it changes nothing here.
      const served = currentOf(packId);
      const locale = langOf(request);
      const lines = ndjsonLines(request.body as AsyncIterable<Buffer>, maxLine);
      reply.type('application/x-ndjson');
      return reply.send(Readable.from(batchOutput(lines, served, channel.id, locale)));
    },
  });

  /** Lines in groups: each group's records are stored before its answers are written. */
  async function* batchOutput(
    lines: AsyncIterable<BatchLine>,
    served: ServedVersion,
    channel: string,
    locale: Locale,
  ): AsyncGenerator<string> {
    let group: (string | Evaluated)[] = [];
    let lineNumbers: number[] = [];
    const flush = async () => {
      const evaluated = group.filter((g): g is Evaluated => typeof g !== 'string');
      await record(evaluated);
      evaluated.forEach(count);
      const out = group
        .map((g, i) =>
          typeof g === 'string'
            ? g
            : JSON.stringify({ line: lineNumbers[i], ...decisionResponse(g, locale) }),
        )
        .join('\n');
      group = [];
      lineNumbers = [];
      return `${out}\n`;
    };
    for await (const item of lines) {
      lineNumbers.push(item.line);
      const problem = (e: ApiError) => {
        counted(e.code, channel);
        return JSON.stringify({ line: item.line, error: errorBody(e, locale) });
      };
      if ('error' in item) group.push(problem(item.error));
      else {
        const parsed = parseLine(item.text);
        if ('error' in parsed) group.push(problem(parsed.error));
        else {
          const at = now();
          try {
            group.push(
              decide(served, parsed.value, {
                id: newDecisionId(at),
                decidedAt: at.toISOString(),
                channel,
              }),
            );
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            group.push(problem(e));
          }
        }
      }
      if (group.length >= 500) yield await flush();
    }
    if (group.length > 0) yield await flush();
  }

  api.route({
    method: 'GET',
    url: '/v1/packs',
    schema: {
      summary: 'The packs this key may call, each with its current version',
      tags: ['packs'],
      security: [{ channelKey: [] }],
      response: { 200: S.PackListSchema, 401: S.ErrorSchema },
    },
    handler: async (request) => {
      const channel = gate.identify(request.headers.authorization);
      const visible = packs
        .list()
        .filter((s) => channel.packs.includes('*') || channel.packs.includes(s.packId));
      return {
        packs: visible.map((s) => ({
          packId: s.packId,
          version: s.version,
          hash: s.hash,
          signedBy: s.signedBy ?? null,
        })),
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/v1/packs/:packId/input-schema',
    schema: {
      summary:
        "JSON Schema of the pack's evaluation input (current version, or ?version=): facts with types and bounds, questions with option ids, no other keys",
      tags: ['packs'],
      params: S.PackParams,
      querystring: S.SchemaQuery,
      security: [{ channelKey: [] }],
      response: {
        200: S.JsonSchemaDocument,
        401: S.ErrorSchema,
        403: S.ErrorSchema,
        404: S.ErrorSchema,
      },
    },
    serializerCompiler: plainJson,
    handler: async (request) => {
      const { packId } = request.params;
      admitted(request, packId);
      const { version } = request.query;
      const served = version ? await pinnedOf(packId, version) : currentOf(packId);
      return packInputSchema(served.compiled.pack, langOf(request));
    },
  });

  /** Records are read by channels whose key may audit the pack; others see nothing of them. */
  const auditor = (request: FastifyRequest): Channel => {
    const channel = gate.identify(request.headers.authorization);
    if (!channel.audit)
      throw new ApiError(
        403,
        'auth.audit',
        lt(
          `渠道 ${channel.id} 无权查阅决策记录`,
          `channel ${channel.id} may not read decision records`,
        ),
      );
    return channel;
  };
  const recordsDb = () => {
    if (!opts.records)
      throw new ApiError(404, 'records.off', lt('未启用决策记录', 'decision records are off'));
    return opts.records.db;
  };
  const inScope = (channel: Channel) => (channel.packs.includes('*') ? undefined : channel.packs);

  api.route({
    method: 'GET',
    url: '/v1/decisions',
    schema: {
      summary: 'Search decision records by client id and date (oldest first, paged)',
      tags: ['records'],
      querystring: S.SearchQuery,
      security: [{ channelKey: [] }],
      response: {
        200: S.SearchResponse,
        400: S.ErrorSchema,
        401: S.ErrorSchema,
        403: S.ErrorSchema,
      },
    },
    serializerCompiler: plainJson,
    handler: async (request) => {
      const channel = auditor(request);
      const q = request.query;
      const scope = inScope(channel);
      const packIds = q.packId ? (scope && !scope.includes(q.packId) ? [] : [q.packId]) : scope;
      const records = await searchRecords(recordsDb(), {
        limit: q.limit,
        ...(q.clientId ? { clientId: q.clientId } : {}),
        ...(packIds ? { packIds } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.cursor ? { after: parseCursor(q.cursor) } : {}),
      });
      const last = records.at(-1);
      return { records, nextCursor: last && records.length === q.limit ? cursorOf(last) : null };
    },
  });

  api.route({
    method: 'GET',
    url: '/v1/decisions/export',
    schema: {
      summary: 'Export decision records for an auditor: JSONL or CSV (fields escaped), streamed',
      tags: ['records'],
      querystring: S.ExportQuery,
      security: [{ channelKey: [] }],
    },
    handler: async (request, reply) => {
      const channel = auditor(request);
      const q = request.query;
      const scope = inScope(channel);
      const packIds = q.packId ? (scope && !scope.includes(q.packId) ? [] : [q.packId]) : scope;
      reply.type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
      reply.header('content-disposition', `attachment; filename="decisions.${q.format}"`);
      return reply.send(
        Readable.from(
          exportRecords(recordsDb(), q.format, {
            ...(q.clientId ? { clientId: q.clientId } : {}),
            ...(packIds ? { packIds } : {}),
            ...(q.from ? { from: q.from } : {}),
            ...(q.to ? { to: q.to } : {}),
          }),
        ),
      );
    },
  });

  const visibleRecord = async (request: FastifyRequest, id: string) => {
    const channel = auditor(request);
    const found = await getRecord(recordsDb(), id);
    const scope = inScope(channel);
    if (!found || (scope && !scope.includes(found.packId)))
      throw new ApiError(
        404,
        'record.notFound',
        lt(`没有决策记录 ${id}`, `no decision record ${id}`),
        '$.id',
      );
    return found;
  };

  api.route({
    method: 'GET',
    url: '/v1/decisions/:id',
    schema: {
      summary: 'One decision record',
      tags: ['records'],
      params: S.RecordParams,
      security: [{ channelKey: [] }],
      response: { 200: S.RecordSchema, 401: S.ErrorSchema, 403: S.ErrorSchema, 404: S.ErrorSchema },
    },
    serializerCompiler: plainJson,
    handler: async (request) => visibleRecord(request, request.params.id),
  });

  api.route({
    method: 'POST',
    url: '/v1/decisions/:id/replay',
    schema: {
      summary: 'Re-run a stored decision on its stored version and say whether it is identical',
      tags: ['records'],
      params: S.RecordParams,
      security: [{ channelKey: [] }],
      response: {
        200: S.ReplayResponse,
        401: S.ErrorSchema,
        403: S.ErrorSchema,
        404: S.ErrorSchema,
        409: S.ErrorSchema,
      },
    },
    handler: async (request) => {
      const found = await visibleRecord(request, request.params.id);
      return replay(await pinnedOf(found.packId, found.version), found);
    },
  });

  app.get('/healthz', { schema: { summary: 'The process answers', tags: ['ops'] } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { schema: { summary: 'Database reachable and packs loaded', tags: ['ops'] } },
    async (_request, reply) => {
      const loaded = packs.list().length;
      const db = await (opts.ping ?? (async () => {}))().then(
        () => true,
        () => false,
      );
      const ready = db && (loaded > 0 || opts.packsRequired === false);
      return reply.code(ready ? 200 : 503).send({ ready, database: db, packs: loaded });
    },
  );

  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['ops'] } },
    async (_r, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
