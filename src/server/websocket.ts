import type { Server } from 'node:http';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { createContext, type AppServices, type GraphContext } from '../context.js';
import { sharedDeadline } from '../deadlines.js';
import { GraphError } from '../errors.js';
import { Loaders } from '../providers/loaders.js';
import type { Logger } from '../logger.js';
import { ARMOR_DEFAULT_MAX_TOKENS, DocumentCache, sharedSubscribe, type Delivery, type DocumentCacheStats, type FanoutStats } from '../subscriptions/ws-execution.js';
import { connectionParamsProblem, type ClientAuth } from './client-auth.js';
import type { Access } from './access.js';
import { formatGraphError } from './format-error.js';
import type { InboundRateLimits } from './rate-limits.js';
import { withoutSuggestions } from './suggestions.js';
import { graphqlWsSocketClass, serveGraphqlWs } from './ws-transport.js';

/**
 * Largest WebSocket message, bytes: the same as the HTTP body limit (`MAX_GRAPHQL_BODY`,
 * `'1mb'` = 1,048,576 bytes in `src/app.ts`), so a `subscribe` (query and variables, hence
 * every list in them) and a `connection_init` are bounded as an HTTP request is. `ws` refuses
 * a longer frame while reading it, before anything is parsed, and closes the socket with 1009
 * (message too big).
 */
export const MAX_WS_PAYLOAD_BYTES = 1024 * 1024;
/**
 * Most operations (subscriptions, and queries or mutations in flight) at once on one
 * WebSocket. Ours: one more is refused with `BAD_USER_INPUT` for that `subscribe` only; the
 * socket and its other operations stay.
 */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;

/** The graphql-armor configuration, as `new ApolloArmor(config)` takes it. */
export type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/** What {@link attachGraphqlWs} needs. */
export interface GraphqlWsOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  services: AppServices;
  logger: Logger;
  clientAuth: ClientAuth;
  /** The armor configuration HTTP uses: its token and depth limits apply while parsing, its rules at validation. */
  armor: ArmorConfig;
  /** Introspection, rate limits and key accounting, shared with HTTP. */
  auth: WsAuth;
}

/** The auth-side settings the WebSocket transport shares with HTTP. */
export interface WsAuth {
  /** Introspection and field suggestions on; off: introspection is a validation error and suggestions are cut from messages. */
  introspection: boolean;
  rateLimits: InboundRateLimits;
  /** Deadline of one query or mutation, ms, as over HTTP (subscriptions run until completed). */
  deadlineMs: number;
  /** Takes a point of the key's limit: the `RATE_LIMITED` error, or undefined when within it (or no keys are configured). */
  consumeKey(access: Access | undefined): Promise<GraphError | undefined>;
}

/** graphql-ws on `/graphql`, attached to the HTTP server. */
export interface GraphqlWs {
  wss: WebSocketServer;
  /** The parse-and-validate cache of WebSocket operations. */
  documents: DocumentCache;
  /** Closes every socket (1001) and the WebSocket server. */
  dispose(): Promise<void>;
}

const caches = new WeakMap<Server, DocumentCache>();
const fanouts = new WeakMap<Server, FanoutStats>();

/**
 * How much the WebSocket document cache of a running server holds (tests, diagnostics).
 * @returns undefined for a server with no graphql-ws attached
 */
export function documentCacheStats(httpServer: Server): DocumentCacheStats | undefined {
  return caches.get(httpServer)?.stats();
}

/**
 * The fan-out counters of a running server (tests, diagnostics): payload executions and
 * serialisations (one per event, document and variables, however many subscribers) and `next`
 * frames written (one per delivery). A live view: the counts keep growing.
 * @returns undefined for a server with no graphql-ws attached
 */
export function fanoutStats(httpServer: Server): FanoutStats | undefined {
  return fanouts.get(httpServer);
}

/**
 * The token limit of an armor configuration (graphql-armor's default when it sets none).
 * @returns undefined when the token limit is disabled
 */
export function maxTokensOf(armor: ArmorConfig): number | undefined {
  if (armor.maxTokens?.enabled === false) return undefined;
  return armor.maxTokens?.n ?? ARMOR_DEFAULT_MAX_TOKENS;
}

/** The armor depth rule alone, with the configuration's options (an empty list when depth is disabled). */
function depthRules(armor: ArmorConfig): ApolloArmorRules {
  if (armor.maxDepth?.enabled === false) return [];
  const off = { enabled: false } as const;
  const only = new ApolloArmor({
    blockFieldSuggestion: off,
    costLimit: off,
    maxAliases: off,
    maxDirectives: off,
    maxTokens: off,
    // a copy with fresh callbacks: armor adds its reporter to the options object it is given
    maxDepth: { ...armor.maxDepth, onReject: [], propagateOnRejection: true },
  });
  return only.protect().validationRules ?? [];
}

/**
 * The connection's context, its loaders made on first use: an idle subscription never needs
 * them (a payload that reads through a loader makes them then), and nine empty maps per socket
 * add up across thousands of subscribers.
 */
function withLazyLoaders(graph: GraphContext): GraphContext {
  let loaders: Loaders | undefined;
  return Object.defineProperty(graph, 'loaders', { get: () => (loaders ??= new Loaders()), enumerable: true, configurable: true });
}

/**
 * The context of one operation: a query or mutation gets its own deadline (`DEADLINE_EXCEEDED`
 * for fields that would start a provider call after it, as over HTTP) on the connection's
 * context, whose loaders it shares; a subscription keeps the connection's context, no deadline.
 */
function withDeadline(graph: GraphContext, document: DocumentNode, operationName: string | null | undefined, deadlineMs: number): GraphContext {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return graph;
  return { ...graph, deadline: sharedDeadline(deadlineMs) };
}

type ApolloArmorRules = NonNullable<ReturnType<ApolloArmor['protect']>['validationRules']>;

/**
 * Serves GraphQL over WebSocket (graphql-ws) on `/graphql` with every limit HTTP has: messages
 * of at most {@link MAX_WS_PAYLOAD_BYTES}; the `connection_init` payload's shape and size
 * checked before its key; the armor token limit while parsing and its depth limit before any
 * other validation; only valid documents cached; at most {@link MAX_SUBSCRIPTIONS_PER_SOCKET}
 * operations per socket. History replays are bounded per process by `replay-gate.ts`.
 * Errors go out through the same formatter as HTTP (no stack, URL or secret).
 * @returns the WebSocket server, its document cache and a `dispose` for shutdown
 */
export function attachGraphqlWs(options: GraphqlWsOptions): GraphqlWs {
  const { httpServer, schema, services, logger, clientAuth, armor, auth } = options;
  // a frame over maxPayload: ws closes with 1009 and reports an error, logged here as one line (no payload in it)
  const socketClass = graphqlWsSocketClass(() =>
    logger.warn({ transport: 'ws', maxPayload: MAX_WS_PAYLOAD_BYTES }, 'WebSocket message over the size limit: socket closed with 1009'),
  );
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_WS_PAYLOAD_BYTES, WebSocket: socketClass });
  const protection = new ApolloArmor(armor).protect();
  const maxTokens = maxTokensOf(armor);
  const documents = new DocumentCache(schema, {
    ...(maxTokens === undefined ? { maxTokens: Number.POSITIVE_INFINITY } : { maxTokens }),
    preValidationRules: depthRules(armor),
    validationRules: auth.introspection ? (protection.validationRules ?? []) : [...(protection.validationRules ?? []), NoSchemaIntrospectionCustomRule],
  });
  caches.set(httpServer, documents);
  const stats: FanoutStats = { executions: 0, serialisations: 0, frames: 0 };
  fanouts.set(httpServer, stats);
  /** The socket and id of each subscription's execution arguments (the object onSubscribe returns is the one `subscribe` gets). */
  const deliveries = new WeakMap<object, Delivery>();
  const format = (result: ExecutionResult): ExecutionResult | FormattedExecutionResult =>
    result.errors?.length ? { ...result, errors: result.errors.map((e) => formatGraphError(e, logger)) } : result;
  // one context (and one child logger) for every WebSocket operation: loaders are created lazily per connection
  const wsLogger = logger.child({ transport: 'ws' });
  const server = serveGraphqlWs<Record<string, unknown>, { graph?: GraphContext; access?: Access; origin?: string }>(
    {
      schema,
      onConnect: (ctx) => {
        const problem = connectionParamsProblem(ctx.connectionParams);
        if (problem) {
          // 4400 with a reason that says what is wrong (never what was sent); graphql-ws's own 4403 that follows is a no-op
          ctx.extra.socket.close(CloseCode.BadRequest, problem);
          return false;
        }
        // graphql-ws closes the socket with 4403 Forbidden when this returns false. The key comes from
        // connection_init, else from the upgrade request's Authorization header: what federation routers
        // (Apollo Router, Hive Gateway, Cosmo) propagate to a subgraph's WebSocket handshake
        const access = clientAuth.identify(ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization ?? ctx.extra.request.headers.authorization);
        if (access) ctx.extra.access = access;
        // links (media) start with the origin the socket was opened on; the upgrade request (a few KB) is then let go
        const { request } = ctx.extra;
        if (request.headers.host) ctx.extra.origin = `${(request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'}://${request.headers.host}`;
        delete (ctx.extra as { request?: unknown }).request;
        return access !== undefined;
      },
      onSubscribe: async (ctx, id, payload) => {
        // graphql-ws registers the id before this hook, so the count includes this one
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [
            new GraphError('BAD_USER_INPUT', `At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} operations may run at once on one WebSocket: complete one, or open another connection`, {
              field: 'subscribe',
              limit: MAX_SUBSCRIPTIONS_PER_SOCKET,
            }),
          ];
        }
        const document = documents.get(payload.query);
        // syntax and validation errors go out through onError, like any other
        if (!('kind' in document)) return [...document];
        const limited = await auth.consumeKey(ctx.extra.access);
        if (limited) {
          // `http` is for Apollo only; graphql-ws sends these errors as they are
          const { http: _http, ...extensions } = limited.extensions;
          return [new GraphError('RATE_LIMITED', limited.message, extensions)];
        }
        const args = {
          schema,
          document,
          variableValues: payload.variables ?? null,
          operationName: payload.operationName ?? null,
          contextValue: withDeadline(
            (ctx.extra.graph ??= withLazyLoaders(
              createContext(services, wsLogger, {
                ...(ctx.extra.access ? { access: ctx.extra.access } : {}),
                rateLimits: auth.rateLimits,
                ...(ctx.extra.origin ? { origin: ctx.extra.origin } : {}),
              }),
            )),
            document,
            payload.operationName,
            auth.deadlineMs,
          ),
        };
        deliveries.set(args, { socket: ctx.extra.socket, id });
        return args;
      },
      // subscriptions write their own `next` frames (one serialisation per event, document and variables); queries and mutations go through onNext
      subscribe: sharedSubscribe(documents, { deliveryOf: (args) => deliveries.get(args), format, stats }),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? format(result) : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatGraphError(e, logger)).map((e) => (auth.introspection ? e : withoutSuggestions(e))),
    },
    wss,
    logger,
  );
  return {
    wss,
    documents,
    dispose: async () => {
      await server.dispose();
    },
  };
}
