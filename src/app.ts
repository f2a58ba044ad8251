import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express from 'express';
import { OperationTypeNode } from 'graphql';
import type { AppConfig, InstanceConfig } from './config.js';
import { GraphError } from './errors.js';
import { InstanceDirectory } from './instances.js';
import { PartnerDirectory, type PartnersConfig } from './partners.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createReadCache } from './providers/read-cache.js';
import type { WebhookRegistration } from './providers/account.model.js';
import type { SimulatorHandle } from './providers/contract.js';
import { PROVIDER_KINDS } from './providers/model.js';
import { PROVIDER_MODULES } from './providers/registry.js';
import { createContext, type AppServices, type GraphContext } from './context.js';
import { DeadlineQueue, endDeadline } from './deadlines.js';
import { buildSubgraphGraphSchema } from './graph.js';
import { ClientAuth } from './server/client-auth.js';
import { DEFAULT_REQUEST_DEADLINE_MS, guardSchema } from './resolvers/field-guard.js';
import { acceptInstanceGlobalIds } from './resolvers/instance-args.js';
import { DEFAULT_RATE_LIMITS, InboundRateLimits } from './server/rate-limits.js';
import type { Access } from './server/access.js';
import { formatGraphError } from './server/format-error.js';
import { leanGraphqlHandler, syncTypeResolvers, type DocumentCacheStats, type LeanGraphqlHandler } from './server/graphql-http.js';
import { legacyJsonStatusPlugin } from './server/response-status.js';
import { explorerRouter } from './server/explorer.js';
import { inboxRouter } from './server/inbox.js';
import { attachGraphqlWs, type ArmorConfig } from './server/websocket.js';
import { DEFAULT_MESSAGE_RETENTION } from './conversations/store.js';
import { createMemoryStores } from './subscriptions/memory-stores.js';
import { EventPipeline } from './subscriptions/pipeline.js';
import type { Stores } from './subscriptions/stores.js';
import { webhookHandler } from './server/webhook-receiver.js';
import { errorAnswer } from './server/error-answer.js';
import { mediaRouter } from './server/media-route.js';
import { DEFAULT_MEDIA_LINK_TTL_SECONDS, DEFAULT_MEDIA_MAX_BYTES, MediaLinks, mediaLinkKey } from './media/links.js';
import { registerAllWebhooks } from './server/webhook-registration.js';

/** WebSocket close code sent to subscribers on shutdown ("going away"). */
export const CLOSE_GOING_AWAY = 1001;
/** Largest GraphQL request body (WebSocket messages get the same bound: `MAX_WS_PAYLOAD_BYTES` in `src/server/websocket.ts`). */
export const MAX_GRAPHQL_BODY = '1mb';
/** {@link MAX_GRAPHQL_BODY} in bytes (the lean `POST /graphql` path reads the body itself: `src/server/graphql-http.ts`). */
export const MAX_GRAPHQL_BODY_BYTES = 1024 * 1024;
/**
 * Most lexical tokens a GraphQL document may have. graphql-armor's default (1,000) refused a
 * `sendBulk` of 250 messages written inline (about 9 tokens each); 10,000 admits the largest
 * documents a client writes by hand while the 1 MB body limit and this bound keep parsing
 * cheap. Checked by graphql-js while parsing (`parseOptions.maxTokens`; the same limit on
 * WebSocket), so an over-long document is HTTP 400 `GRAPHQL_PARSE_FAILED`, not the 500
 * graphql-armor's plugin gave by throwing inside Apollo's `parsingDidStart` hook.
 */
export const MAX_DOCUMENT_TOKENS = 10_000;

/** Options of {@link startApp}. */
export interface AppOptions {
  logger?: Logger;
  /** Use these stores instead of the ones the config asks for (tests). */
  stores?: Stores;
  /** Host to listen on (default all interfaces; tests pass 127.0.0.1). */
  host?: string;
  /** Webhook body-read deadline, ms (default `WEBHOOK_BODY_DEADLINE_MS`; tests shorten it). */
  webhookBodyDeadlineMs?: number;
  /** Execute HTTP queries and mutations with graphql-jit compiled plans (default true); false: graphql-js (`src/server/graphql-http.ts`). */
  graphqlJit?: boolean;
}

/** A running server. */
export interface RunningApp {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  services: AppServices;
  /** The instance configs in use (sandbox: generated); credentials included, never to be logged. */
  instanceConfigs: InstanceConfig[];
  /** The simulators started in sandbox mode, by provider kind. */
  simulators: Partial<Record<(typeof PROVIDER_KINDS)[number], SimulatorHandle>>;
  httpServer: Server;
  /** How often the lean `POST /graphql` path parsed, validated and compiled a document, and how often its cache answered instead (`src/server/graphql-http.ts`). */
  graphqlDocuments: DocumentCacheStats;
  /** Settles once the start-time webhook registration (config `publicUrl`) finished: what each instance did, by instance id (`{}` without `publicUrl`). */
  webhooksRegistered: Promise<Record<string, WebhookRegistration>>;
  /** Graceful stop: no new connections, in-flight requests finish, subscribers closed with 1001, background work and stores stopped. */
  close(): Promise<void>;
}

async function createStores(config: AppConfig, logger: Logger): Promise<Stores> {
  const retention = { maxAgeMs: config.events.retentionMs, maxLength: config.events.maxLength };
  const messageRetention = config.conversations ? { maxAgeMs: config.conversations.retentionMs, maxPerChat: config.conversations.maxPerChat } : DEFAULT_MESSAGE_RETENTION;
  if (!config.redis) return createMemoryStores(retention, messageRetention);
  const { createRedisStores } = await import('./subscriptions/redis-stores.js');
  return createRedisStores({ url: config.redis.url, keyPrefix: config.redis.keyPrefix, retention, messageRetention, logger });
}

/** Sandbox mode: one simulator per provider and one instance pointed at each. */
async function startSandbox(): Promise<{ configs: InstanceConfig[]; simulators: RunningApp['simulators']; partners: PartnersConfig }> {
  const simulators: RunningApp['simulators'] = {};
  const configs: InstanceConfig[] = [];
  const partners: PartnersConfig = {};
  for (const kind of PROVIDER_KINDS) {
    const mod = PROVIDER_MODULES[kind];
    const sim = await mod.startSimulator({});
    simulators[kind] = sim;
    configs.push({ ...sim.instanceConfig, id: `${kind}-sandbox`, provider: kind, webhookSecret: randomBytes(24).toString('base64url'), baseUrl: sim.url });
    // The simulator's partner API, when the provider documents one.
    if (mod.partner) partners[kind] = { ...mod.partner.simulatorConfig, baseUrl: sim.url };
  }
  return { configs, simulators, partners };
}

/**
 * Longest a rate-limit check waits for Redis, ms: a Redis that accepts connections but does not
 * answer (paused, overloaded) must not hold every request; past it the in-memory insurance
 * limiter decides.
 */
export const RATE_LIMIT_REDIS_TIMEOUT_MS = 500;

/** The auth-side settings of one server (see {@link startAuth}). */
interface AuthRuntime {
  /** Introspection and field suggestions on (config `graphql.introspection`; default: sandbox mode only). */
  introspection: boolean;
  /** Deadline of one HTTP GraphQL request, ms. */
  deadlineMs: number;
  rateLimits: InboundRateLimits;
  /** Takes a point of the key's limit (only when keys are configured): the RATE_LIMITED error, or undefined. */
  consumeKey(access: Access | undefined): Promise<GraphError | undefined>;
  close(): Promise<void>;
}

/** Builds the rate limiters (through Redis when configured) and reads the GraphQL settings. */
async function startAuth(config: AppConfig, logger: Logger): Promise<AuthRuntime> {
  const limits = config.rateLimits ?? DEFAULT_RATE_LIMITS;
  let redis: { quit(): Promise<unknown>; disconnect(): void } | undefined;
  if (config.redis) {
    const { Redis } = await import('ioredis');
    // no offline queue and a command timeout: while Redis is away or silent the limiters fall back to memory instead of stalling requests
    const client = new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, commandTimeout: RATE_LIMIT_REDIS_TIMEOUT_MS });
    client.on('error', () => undefined);
    await client
      .connect()
      .catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'rate limiter: Redis not reachable; limiting in memory until it is'));
    redis = client;
  }
  const rateLimits = new InboundRateLimits(limits, redis, config.redis?.keyPrefix, logger);
  return {
    introspection: config.graphql?.introspection ?? config.sandbox,
    deadlineMs: config.graphql?.deadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS,
    rateLimits,
    consumeKey: async (access) => {
      if (!config.auth || !access) return undefined;
      return rateLimits.consumeKey(access.keyId).then(
        () => undefined,
        (err: unknown) => (err instanceof GraphError ? err : undefined),
      );
    },
    close: async () => {
      await redis?.quit().catch(() => redis?.disconnect());
    },
  };
}

/**
 * Builds and starts the whole server (DESIGN.md, "The public contract"): GraphQL over HTTP and
 * graphql-ws on `/graphql`, the explorer, webhooks, `/healthz`, `/readyz`, `/metrics`.
 * @throws CapabilityAssertionError when a provider declares a capability it lacks; listen errors
 */
export async function startApp(config: AppConfig, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger();
  const metrics: Metrics = createMetrics();
  const sandbox: Awaited<ReturnType<typeof startSandbox>> = config.sandbox ? await startSandbox() : { configs: config.instances, simulators: {}, partners: config.partners ?? {} };
  const stores = options.stores ?? (await createStores(config, logger));
  const instances = new InstanceDirectory(sandbox.configs, { logger, metrics, tracking: stores.tracking });
  const cache = await createReadCache(config, metrics, logger);
  const pipeline = new EventPipeline(stores, logger, metrics, cache);
  const mediaLinks = new MediaLinks({
    key: mediaLinkKey(
      config.media?.signingKey,
      sandbox.configs.map((c) => c.webhookSecret),
    ),
    ttlSeconds: config.media?.linkTtlSeconds ?? DEFAULT_MEDIA_LINK_TTL_SECONDS,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  const partners = new PartnerDirectory(sandbox.partners, sandbox.configs, { logger, metrics });
  const services: AppServices = { instances, stores, pipeline, logger, metrics, mediaLinks, partners, cache, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) };

  const clientAuth = new ClientAuth(config.auth?.apiKeys);
  if (!clientAuth.enabled && !config.sandbox) logger.warn('no auth.apiKeys configured: anyone who reaches /graphql can use every instance');
  const auth = await startAuth(config, logger);
  // the Federation 2 subgraph schema: the graph plus _service and _entities (src/federation/subgraph.ts), for direct clients and routers alike;
  // sync type resolvers: graphql-jit (the lean path's plans) cannot await type-graphql's async ones; instance global ids accepted wherever an instanceId is
  const schema = acceptInstanceGlobalIds(syncTypeResolvers(guardSchema(await buildSubgraphGraphSchema())));
  const app = express();
  app.disable('x-powered-by');
  // POST /webhooks/… is served on node:http (src/server/webhook-receiver.ts); POST /graphql takes the lean path (src/server/graphql-http.ts)
  // once Apollo has started; everything else, Express
  const webhooks = webhookHandler(services, options.webhookBodyDeadlineMs !== undefined ? { bodyDeadlineMs: options.webhookBodyDeadlineMs } : {});
  const route: { lean?: LeanGraphqlHandler } = {};
  const httpServer = createServer((req, res) => {
    if (!webhooks.handle(req, res) && !route.lean?.handle(req, res)) app(req, res);
  });
  // One set of limits for both transports. The token limit is enforced by graphql-js's parser
  // (`parseOptions.maxTokens` below, `parse(…, { maxTokens })` on WebSocket): armor's own
  // token plugin throws inside Apollo's parse hook, which answered 500 instead of 400.
  const armorConfig: ArmorConfig = {
    blockFieldSuggestion: { enabled: !auth.introspection },
    maxTokens: { n: MAX_DOCUMENT_TOKENS },
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 30 },
  };
  const armor = new ApolloArmor({ ...armorConfig, maxTokens: { enabled: false } });
  const protection = armor.protect();
  // graphql-ws on /graphql with the same limits, keys, scopes and rate limits (src/server/websocket.ts)
  const ws = attachGraphqlWs({ httpServer, schema, services, logger, clientAuth, armor: armorConfig, auth });
  const wss = ws.wss;

  const apollo = new ApolloServer<GraphContext>({
    schema,
    plugins: [
      // graphql-armor types its plugins against Apollo's CJS build; the runtime objects are the same
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin wraps every resolver of the schema (its willResolveField hook) and, the graph
      // declaring no cache hints, only ever answers `cache-control: no-store`: the header without the wrapping
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              if (!response.http.headers.get('cache-control')) response.http.headers.set('cache-control', 'no-store');
            },
          };
        },
      },
      // a subgraph schema turns Apollo's federated inline tracing (ftv1) on by default, announced on stdout; whatsgraph reports through its own metrics and logs
      ApolloServerPluginInlineTraceDisabled(),
      // GraphQL over HTTP: 200 for request errors when the client explicitly asks for application/json (src/server/response-status.ts)
      legacyJsonStatusPlugin<GraphContext>(),
      {
        // subscriptions live on graphql-ws; over HTTP they would resolve to null
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
                throw new GraphError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP', {
                  field: 'operation',
                  http: { status: 400 },
                });
              }
            },
          };
        },
        async serverWillStart() {
          return {
            async drainServer() {
              await ws.dispose();
            },
          };
        },
      },
    ],
    validationRules: [...protection.validationRules],
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    introspection: auth.introspection,
    formatError: (formatted, error) => formatGraphError(error, logger, formatted),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const storesUp = await stores.ping().catch(() => false);
    res.status(storesUp ? 200 : 503).json({ status: storesUp ? 'ready' : 'not ready', stores: { kind: stores.kind, up: storesUp } });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(mediaRouter({ links: mediaLinks, instances, logger, maxBytes: config.media?.maxBytes ?? DEFAULT_MEDIA_MAX_BYTES }));
  // CORS first: it answers preflights before the explorer's GET route would
  const graphqlCors = cors({ origin: config.cors?.origins.includes('*') ? true : (config.cors?.origins ?? false), maxAge: 600 });
  app.use('/graphql', graphqlCors);
  app.use(explorerRouter());
  // the reference inbox (examples/inbox/): sandbox mode only
  if (config.sandbox) app.use(inboxRouter());
  // one child logger for every HTTP operation, made once (issue 13: no per-request logger work)
  const httpLogger = logger.child({ transport: 'http' });
  // request deadlines share one timer (all last auth.deadlineMs); the lean path ends each when its response is written
  const requestDeadlines = new DeadlineQueue(auth.deadlineMs, true);
  const httpContext = async (authorization: string | undefined, origin: string): Promise<GraphContext> => {
    const access = clientAuth.assert(authorization);
    const limited = await auth.consumeKey(access);
    if (limited) throw limited;
    const deadline = requestDeadlines.start();
    return createContext(services, httpLogger, { access, rateLimits: auth.rateLimits, deadline, origin });
  };
  app.use(
    '/graphql',
    express.json({ limit: MAX_GRAPHQL_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req }) => httpContext(req.headers.authorization, `${req.protocol}://${req.get('host') ?? 'localhost'}`),
    }),
  );
  const leanHandler = leanGraphqlHandler({
    schema,
    apollo,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    maxBodyBytes: MAX_GRAPHQL_BODY_BYTES,
    cors: graphqlCors,
    context: (req, origin) => httpContext(req.headers.authorization, origin),
    finished: (ctx) => {
      if (ctx.deadline) endDeadline(ctx.deadline);
    },
    logger,
    introspection: auth.introspection,
    blockSuggestions: !auth.introspection,
    jit: options.graphqlJit ?? true,
  });
  route.lean = leanHandler;
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const { status, body } = errorAnswer(err, logger);
    res.status(status).json(body);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  for (const cfg of sandbox.configs) {
    sandbox.simulators[cfg.provider]?.setWebhookUrl(`${url}/webhooks/${encodeURIComponent(cfg.id)}/${encodeURIComponent(cfg.webhookSecret)}`);
  }
  for (const entry of instances.list()) entry.adapter.start?.(pipeline);
  // With a public URL, every instance registers its webhook URL with its provider (in the background; logged, never thrown)
  const webhooksRegistered = config.publicUrl ? registerAllWebhooks(instances.list(), config.publicUrl, logger) : Promise.resolve({});
  logger.info({ port, sandbox: config.sandbox, instances: instances.list().length, stores: stores.kind }, 'whatsgraph listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const client of wss.clients) client.close(CLOSE_GOING_AWAY, 'server shutting down');
      route.lean?.stop();
      await apollo.stop();
      // a provider that fails to stop must not keep the others (or the stores) from closing
      await Promise.allSettled(instances.list().map(async (e) => e.adapter.stop?.()));
      await stores.close().catch(() => undefined);
      await cache.close().catch(() => undefined);
      await auth.close();
      for (const simulator of Object.values(sandbox.simulators)) await simulator?.close();
    })());

  return {
    url,
    port,
    services,
    instanceConfigs: sandbox.configs,
    simulators: sandbox.simulators,
    httpServer,
    graphqlDocuments: leanHandler.cache.stats,
    webhooksRegistered,
    close,
  };
}
