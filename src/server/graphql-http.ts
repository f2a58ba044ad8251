import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import {
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  execute,
  getOperationAST,
  isInterfaceType,
  isUnionType,
  type GraphQLTypeResolver,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  GraphQLError,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { getMetadataStorage } from 'type-graphql';
import type { GraphContext } from '../context.js';
import type { Logger } from '../logger.js';
import { formatGraphError } from './format-error.js';
import { logUnexpected } from './error-answer.js';
import { negotiatedResponseType } from './response-status.js';

/**
 * The lean `POST /graphql` path (issue 13, deliverable 1): GraphQL over HTTP POST served on the
 * bare `node:http` request, before Express, with parse, validation and an execution plan cached
 * per document text. Only the common case is served here: a JSON body (`application/json`,
 * UTF-8, not compressed) holding a `query` string, optional `variables` object and
 * `operationName` string and no `extensions`, whose document is valid and names a query or a
 * mutation, from a client whose key (and key rate limit) is accepted. Everything else — and the
 * errors of every refused request — goes through Apollo Server's own HTTP handler
 * (`executeHTTPGraphQLRequest`, with the body this path already read), so status codes, error
 * shapes and headers stay Apollo's; requests this path does not take at all (another method or
 * path, another content type, a compressed or empty body) go to Express untouched.
 *
 * What it keeps from the Express route: the same CORS middleware, the body-size limit (413
 * `{"error":"body too large"}`), 400 `{"error":"malformed JSON body"}` for a body that is not a
 * JSON object or array, Apollo's response type negotiation and `cache-control: no-store`, the
 * shared error formatter, and the status an error asks for (`extensions.http`).
 */

/** The Express-compatible CORS middleware of the `/graphql` route (the `cors` package). */
export type CorsMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** What the lean path needs from the server (see `app.ts`). */
export interface LeanGraphqlOptions {
  schema: GraphQLSchema;
  /** The started Apollo Server every request this path does not serve itself goes to. */
  apollo: ApolloServer<GraphContext>;
  /** The validation rules on top of graphql-js's specified rules (graphql-armor's depth, cost and alias limits). */
  validationRules: readonly ValidationRule[];
  /** The parser options (`maxTokens`). */
  parseOptions: ParseOptions;
  /** Largest body, bytes. */
  maxBodyBytes: number;
  cors: CorsMiddleware;
  /**
   * Builds the context of one request (auth, key rate limit, deadline).
   * @param origin the request's own origin (`http://host:port`)
   * @throws GraphError UNAUTHENTICATED / RATE_LIMITED, as Apollo's context function would
   */
  context(req: IncomingMessage, origin: string): Promise<GraphContext>;
  /** Called once the response of a request whose context was built here is written (ends its deadline). */
  finished?(ctx: GraphContext): void;
  logger: Logger;
  /** Introspection allowed (else refused in validation, as Apollo's `introspection: false` does). */
  introspection: boolean;
  /** graphql-armor's field-suggestion masking is on (introspection off): "Did you mean …" hidden in error messages, as its Apollo plugin does. */
  blockSuggestions: boolean;
  /** Execute with graphql-jit compiled plans (default true); false: graphql-js `execute` on the cached document. */
  jit?: boolean;
  /** Distinct documents kept (default {@link DEFAULT_DOCUMENT_CACHE_SIZE}). */
  cacheSize?: number;
}

/** Distinct documents whose parse, validation and plans are kept (least recently used dropped first). */
export const DEFAULT_DOCUMENT_CACHE_SIZE = 1_000;

/** Longest document text cached, characters (a larger one is parsed and validated each time). */
export const MAX_CACHED_DOCUMENT_CHARS = 64 * 1024;

/** The mask graphql-armor's block-field-suggestion plugin puts in place of a suggestion. */
const SUGGESTION_MASK = '[Suggestion hidden]';

/** Apollo's response for an uncacheable result (its cache-control plugin; the graph declares no cache hints). */
const CACHE_CONTROL_UNCACHEABLE = 'no-store';

/** The plan of one operation of a cached document. */
interface Plan {
  operation: OperationDefinitionNode | null;
  compiled: CompiledQuery | null;
}

/** One cached document: its AST, whether it validated, and the plan of each operation asked for. */
interface CachedDocument {
  document: DocumentNode | null;
  valid: boolean;
  plans: Map<string, Plan>;
}

/** Counters of the document cache (tests read them; a hit costs neither a parse nor a validation). */
export interface DocumentCacheStats {
  hits: number;
  parses: number;
  validations: number;
  compilations: number;
}

/**
 * Parse, validation and execution plans per document text, in a bounded LRU. A document that
 * fails to parse or validate is remembered as invalid (its errors are Apollo's to report).
 */
export class DocumentCache {
  private readonly cache: LRUCache<string, CachedDocument>;
  /** How often each step ran (not reset). */
  readonly stats: DocumentCacheStats = { hits: 0, parses: 0, validations: 0, compilations: 0 };

  /**
   * @param schema the executable schema
   * @param rules validation rules (graphql-js's specified rules plus these)
   * @param parseOptions parser options (`maxTokens`)
   * @param jit compile plans with graphql-jit
   * @param size documents kept
   */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly parseOptions: ParseOptions,
    private readonly jit: boolean,
    size: number = DEFAULT_DOCUMENT_CACHE_SIZE,
  ) {
    this.cache = new LRUCache({ max: size });
  }

  /** The cached (or freshly parsed and validated) document for this text. */
  document(query: string): CachedDocument {
    const hit = this.cache.get(query);
    if (hit) {
      this.stats.hits++;
      return hit;
    }
    let entry: CachedDocument;
    try {
      this.stats.parses++;
      const document = parse(query, this.parseOptions);
      this.stats.validations++;
      const errors = validate(this.schema, document, this.rules);
      entry = errors.length === 0 ? { document, valid: true, plans: new Map() } : { document: null, valid: false, plans: new Map() };
    } catch {
      entry = { document: null, valid: false, plans: new Map() };
    }
    if (query.length <= MAX_CACHED_DOCUMENT_CHARS) this.cache.set(query, entry);
    return entry;
  }

  /** The plan of `operationName` (or the only operation) of a valid document. */
  plan(entry: CachedDocument, operationName: string | undefined): Plan {
    const key = operationName ?? '';
    const known = entry.plans.get(key);
    if (known) return known;
    const operation = (entry.document ? getOperationAST(entry.document, operationName) : null) ?? null;
    let compiled: CompiledQuery | null = null;
    if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION && this.jit && entry.document) {
      this.stats.compilations++;
      const result = compileQuery(this.schema, entry.document, operationName, { disablingCapturingStackErrors: true });
      compiled = isCompiledQuery(result) ? result : null;
    }
    const plan: Plan = { operation, compiled };
    entry.plans.set(key, plan);
    return plan;
  }
}

const SYNC_RESOLVE_TYPE = Symbol('whatsgraph.syncResolveType');

/**
 * Makes the `resolveType` of every interface and union declared with one synchronous again.
 * type-graphql wraps a declared `resolveType` in an `async` function (to map a returned class to
 * its type name), so it always answers a promise; graphql-js awaits it, graphql-jit does not (it
 * reads the type name off the promise and fails with "Abstract type … must resolve to an Object
 * type at runtime"). The replacement calls the declared function itself and maps a class to its
 * name the same way; a declared function that returns a promise still gets one (graphql-js only).
 * Mutates the shared schema once (marked); harmless for graphql-js.
 * @param schema the type-graphql schema
 * @returns the same schema
 */
export function syncTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const nameOf = (r: unknown): string | undefined => {
    if (r === null || r === undefined) return undefined;
    if (typeof r === 'string') return r;
    return storage.objectTypes.find((o) => o.target === r)?.name;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInterfaceType(type) && !isUnionType(type)) continue;
    const marked = type as typeof type & { [SYNC_RESOLVE_TYPE]?: true };
    if (marked[SYNC_RESOLVE_TYPE]) continue;
    const declared = isInterfaceType(type) ? storage.interfaceTypes.find((i) => i.name === type.name)?.resolveType : storage.unions.find((u) => u.name === type.name)?.resolveType;
    marked[SYNC_RESOLVE_TYPE] = true;
    if (!declared) continue;
    const resolveType: GraphQLTypeResolver<unknown, unknown> = (value, ctx, info, abstractType) => {
      const r: unknown = declared(value, ctx, info, abstractType);
      return r instanceof Promise ? r.then(nameOf) : nameOf(r);
    };
    type.resolveType = resolveType;
  }
  return schema;
}

interface PostBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

/** A body the lean path serves itself (anything else is Apollo's to judge). */
function servable(body: unknown): body is PostBody {
  if (!isRecord(body) || typeof body.query !== 'string') return false;
  if (body.extensions !== undefined && body.extensions !== null) return false;
  if (body.variables !== undefined && body.variables !== null && !isRecord(body.variables)) return false;
  if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') return false;
  return true;
}

/** `application/json`, with no charset or a UTF-8 one (what express.json decodes without a converter). */
function isJsonUtf8(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semi = contentType.indexOf(';');
  const essence = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  if (essence !== 'application/json') return false;
  if (semi < 0) return true;
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType.slice(semi));
  return !m || m[1]!.toLowerCase() === 'utf-8' || m[1]!.toLowerCase() === 'utf8';
}

/** The `extensions.http` Apollo reads off an error (status and headers to answer with). */
interface HttpHead {
  status?: number;
  headers: Map<string, string>;
}

function isHttpHead(x: unknown): x is { status?: number; headers?: Map<string, string> } {
  return !!x && typeof x === 'object' && (!('status' in x) || typeof x.status === 'number') && (!('headers' in x) || x.headers instanceof Map);
}

/** The request handler of the lean path; `handle` answers true when it took the request. */
export interface LeanGraphqlHandler {
  /** Takes `POST /graphql` with a JSON body (true), or leaves the request alone for Express (false). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** The document cache (its counters). */
  readonly cache: DocumentCache;
  /** From now on, every request goes through Apollo (which refuses once stopped). */
  stop(): void;
}

/**
 * Builds the lean `POST /graphql` handler (see the module comment).
 * @param options the schema, Apollo server, rules, limits, CORS middleware and context builder
 */
export function leanGraphqlHandler(options: LeanGraphqlOptions): LeanGraphqlHandler {
  const { schema, apollo, logger, maxBodyBytes } = options;
  const rules = [...specifiedRules, ...options.validationRules, ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const cache = new DocumentCache(schema, rules, options.parseOptions, options.jit ?? true, options.cacheSize);
  let stopped = false;

  const originOf = (req: IncomingMessage) => `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;

  function send(res: ServerResponse, status: number, headers: Iterable<[string, string]>, body: string): void {
    res.statusCode = status;
    for (const [k, v] of headers) res.setHeader(k, v);
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  }

  function sendJsonError(res: ServerResponse, status: number, answer: { error: string; errorId?: string }, close = false): void {
    const body = JSON.stringify(answer);
    const headers: Array<[string, string]> = [['content-type', 'application/json; charset=utf-8']];
    if (close) headers.push(['connection', 'close']);
    send(res, status, headers, body);
  }

  /** Apollo's HTTP handler on the body already read; `context` as Apollo's context function. */
  async function viaApollo(req: IncomingMessage, res: ServerResponse, body: unknown, context: () => Promise<GraphContext>): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const q = req.url?.indexOf('?') ?? -1;
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: 'POST', headers, search: q >= 0 ? req.url!.slice(q) : '', body };
    const response: HTTPGraphQLResponse = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /** Formats execution errors as Apollo does (code defaulted, `extensions.http` taken off into the response head), then through the graph's formatter. */
  function formatErrors(errors: readonly GraphQLError[], head: HttpHead): GraphQLFormattedError[] {
    return errors.map((raw) => {
      // graphql-jit's errors have a read-only message: a masked copy instead of armor's in-place edit
      const error =
        options.blockSuggestions && raw.message.includes('Did you mean')
          ? new GraphQLError(raw.message.replace(/Did you mean ".+"\?/g, SUGGESTION_MASK).trim(), {
              nodes: raw.nodes,
              path: raw.path,
              originalError: raw.originalError,
              extensions: raw.extensions,
            })
          : raw;
      const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR' };
      if (isHttpHead(extensions.http)) {
        if (extensions.http.status) head.status = extensions.http.status;
        if (extensions.http.headers) for (const [k, v] of extensions.http.headers) head.headers.set(k, v);
        delete extensions.http;
      }
      try {
        return formatGraphError(error, logger, { ...error.toJSON(), extensions });
      } catch {
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
    });
  }

  async function serve(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const origin = originOf(req);
    // Apollo's paths get the context builder as a function, called only on them
    const apolloContext = () => options.context(req, origin);
    if (stopped || !servable(body)) return viaApollo(req, res, body, apolloContext);
    const contentType = negotiatedResponseType(req.headers.accept);
    // 406 and the JSON-callback media type are Apollo's
    if (contentType === null || contentType === 'application/json; callbackSpec=1.0') return viaApollo(req, res, body, apolloContext);
    let ctx: GraphContext;
    try {
      ctx = await options.context(req, origin);
    } catch (err) {
      return viaApollo(req, res, body, () => Promise.reject(err instanceof Error ? err : new Error(String(err))));
    }
    try {
      const entry = cache.document(body.query);
      const plan = entry.valid ? cache.plan(entry, body.operationName ?? undefined) : null;
      // invalid documents, an operation that is not there or is a subscription: Apollo's errors
      if (!plan?.operation || plan.operation.operation === OperationTypeNode.SUBSCRIPTION) return await viaApollo(req, res, body, async () => ctx);
      const variables = body.variables ?? undefined;
      const result: ExecutionResult = plan.compiled
        ? await plan.compiled.query(undefined, ctx, variables)
        : await execute({ schema, document: entry.document!, contextValue: ctx, variableValues: variables, operationName: body.operationName ?? undefined });
      // no data: the variables did not coerce (no resolver ran); Apollo words that error
      if (result.data === undefined) return await viaApollo(req, res, body, async () => ctx);
      const head: HttpHead = { headers: new Map() };
      const errors = result.errors?.length ? formatErrors(result.errors, head) : undefined;
      const text = JSON.stringify({ errors, data: result.data, extensions: result.extensions }) + '\n';
      head.headers.set('cache-control', CACHE_CONTROL_UNCACHEABLE);
      head.headers.set('content-type', contentType === 'application/json' ? 'application/json; charset=utf-8' : 'application/graphql-response+json; charset=utf-8');
      send(res, head.status ?? 200, head.headers, text);
    } finally {
      options.finished?.(ctx);
    }
  }

  function onBody(req: IncomingMessage, res: ServerResponse, chunks: Buffer[], size: number): void {
    // an empty chunked body: express.json gives `{}`, which Apollo refuses as a missing body
    if (size === 0) return void serve(req, res, {}).catch(() => res.destroy());
    let text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // express.json's strict mode: an object or an array, else 400 (as the Express route's error handler words it)
    const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
    let body: unknown;
    try {
      if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
      body = JSON.parse(text);
    } catch {
      sendJsonError(res, 400, { error: 'malformed JSON body' });
      return;
    }
    serve(req, res, body).catch((err: unknown) => {
      const errorId = logUnexpected(logger, err);
      if (!res.headersSent) sendJsonError(res, 500, { error: 'Unexpected error.', errorId });
      else res.destroy();
    });
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    if (!(url === '/graphql' || url.startsWith('/graphql?'))) return false;
    const h = req.headers;
    if (!isJsonUtf8(h['content-type'])) return false;
    if (h['content-encoding'] !== undefined && h['content-encoding'].toLowerCase() !== 'identity') return false;
    const declared = h['content-length'] !== undefined ? Number(h['content-length']) : undefined;
    // no body at all (or an unreadable length): Express's body parser and Apollo say what is wrong
    if (h['transfer-encoding'] === undefined && (declared === undefined || !(declared > 0))) return false;
    let handled = true;
    options.cors(req, res, (err) => {
      if (err) handled = false;
    });
    if (!handled) return false;
    if (declared !== undefined && declared > maxBodyBytes) {
      sendJsonError(res, 413, { error: 'body too large' }, true);
      req.resume();
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        sendJsonError(res, 413, { error: 'body too large' }, true);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      if (declared !== undefined && size !== declared) {
        sendJsonError(res, 400, { error: 'malformed JSON body' });
        return;
      }
      onBody(req, res, chunks, size);
    });
    req.on('error', () => {
      refused = true;
    });
    return true;
  }

  return {
    handle,
    cache,
    stop: () => {
      stopped = true;
    },
  };
}
