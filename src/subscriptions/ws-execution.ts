import {
  createSourceEventStream,
  execute,
  parse,
  specifiedRules,
  validate,
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';

/**
 * How graphql-ws executes operations here, built for fan-out to many subscribers:
 *
 * - **Documents are parsed and validated once per distinct text** (an LRU bounded by
 *   {@link DOCUMENT_CACHE_SIZE} entries and {@link DOCUMENT_CACHE_MAX_CHARS} characters of
 *   query text), with the same protective limits as HTTP: the token limit applied while
 *   parsing, the depth limit checked before any other validation, then every validation
 *   rule (depth, cost, aliases). Only valid documents are kept: a syntax or validation error
 *   is answered and forgotten, so a hostile text pins no AST in memory.
 * - **A subscription payload is executed once per (event, document, variables, operation)**
 *   and the same result goes to every subscriber that asked exactly that: 1,000 subscribers
 *   of one query cost one execution per event, not 1,000. This holds because the graph's
 *   subscription payload resolvers depend only on the event and the arguments, never on who
 *   asks (all clients of a server have the same rights); a resolver that needed the caller
 *   would have to opt out of sharing.
 */

/** Most distinct operation texts kept parsed and validated. Ours: a bound on the cache's entry count. */
export const DOCUMENT_CACHE_SIZE = 1_000;
/**
 * Most characters (UTF-16 code units) of query text the document cache keeps in all, about
 * 8 MB of strings plus their ASTs. Ours: a document's AST is bounded by the token limit, but a
 * comment or a long string literal is not, and each cached AST keeps its source text alive.
 * A single text longer than this is answered but never cached.
 */
export const DOCUMENT_CACHE_MAX_CHARS = 4_000_000;
/** graphql-armor's default token limit (`maxTokens.n`), used when the armor configuration sets none. */
export const ARMOR_DEFAULT_MAX_TOKENS = 1_000;

/** Protective limits of a {@link DocumentCache}, the same ones HTTP applies. */
export interface DocumentLimits {
  /** Most lexical tokens in one document, enforced by graphql-js while parsing (`parse(query, { maxTokens })`). */
  maxTokens: number;
  /** Rules run on a freshly parsed document before any other (the depth limit): a document failing them meets no other rule. */
  preValidationRules?: readonly ValidationRule[];
  /** Rules run with graphql's specified rules (depth, cost, aliases…). */
  validationRules?: readonly ValidationRule[];
}

/** Size of a {@link DocumentCache}: its entries and the characters of query text they keep. */
export interface DocumentCacheStats {
  entries: number;
  chars: number;
}

/** The parse-and-validate cache of one server. */
export class DocumentCache {
  private readonly entries = new Map<string, DocumentNode>();
  private readonly ids = new WeakMap<DocumentNode, number>();
  private nextId = 1;
  private chars = 0;
  private readonly limits: DocumentLimits;

  /**
   * @param schema the schema documents are validated against
   * @param limits the token limit and the validation rules; a bare list of rules (as before)
   *   means those rules with graphql-armor's default token limit
   */
  constructor(
    private readonly schema: GraphQLSchema,
    limits: DocumentLimits | readonly ValidationRule[] = [],
  ) {
    this.limits = isRuleList(limits) ? { maxTokens: ARMOR_DEFAULT_MAX_TOKENS, validationRules: limits } : limits;
  }

  /**
   * The validated document for `query`, or its errors (syntax, token limit, depth or other
   * validation), coded as HTTP codes them (`GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`). Valid documents are cached (least recently
   * used dropped past {@link DOCUMENT_CACHE_SIZE} entries or {@link DOCUMENT_CACHE_MAX_CHARS}
   * characters); errors never are. Never throws.
   */
  get(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.entries.get(query);
    if (cached) {
      this.entries.delete(query);
      this.entries.set(query, cached);
      return cached;
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.limits.maxTokens });
    } catch (err) {
      return [parseError(err)];
    }
    const pre = this.limits.preValidationRules ?? [];
    const errors = pre.length ? validate(this.schema, document, pre) : [];
    if (errors.length) return errors.map(validationError);
    const invalid = validate(this.schema, document, [...specifiedRules, ...(this.limits.validationRules ?? [])]);
    if (invalid.length) return invalid.map(validationError);
    this.ids.set(document, this.nextId++);
    this.remember(query, document);
    return document;
  }

  /** A small number identifying a cached document (undefined for one this cache did not produce). */
  idOf(document: DocumentNode): number | undefined {
    return this.ids.get(document);
  }

  /** How much the cache holds now (for tests and metrics). */
  stats(): DocumentCacheStats {
    return { entries: this.entries.size, chars: this.chars };
  }

  private remember(query: string, document: DocumentNode): void {
    if (query.length > DOCUMENT_CACHE_MAX_CHARS) return;
    this.entries.set(query, document);
    this.chars += query.length;
    while (this.entries.size > DOCUMENT_CACHE_SIZE || this.chars > DOCUMENT_CACHE_MAX_CHARS) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }
}

function isRuleList(limits: DocumentLimits | readonly ValidationRule[]): limits is readonly ValidationRule[] {
  return Array.isArray(limits);
}

/** A syntax error (or the token limit) as a client error with its location, like HTTP's `GRAPHQL_PARSE_FAILED`. */
function parseError(err: unknown): GraphQLError {
  const source = err instanceof GraphQLError ? err : null;
  return new GraphQLError(source?.message ?? 'Syntax Error: the document could not be parsed', {
    ...(source?.source ? { source: source.source, positions: source.positions } : {}),
    extensions: { code: 'GRAPHQL_PARSE_FAILED' },
  });
}

/**
 * A validation error as HTTP answers it (Apollo codes every validation error, the armor
 * limits' included, `GRAPHQL_VALIDATION_FAILED`), without its AST nodes: the answer needs
 * only the message and locations, and an error that kept its nodes would keep the whole
 * document (and its source text) alive for as long as the error lives.
 */
function validationError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.source && error.locations ? { source: error.source, positions: error.positions } : {}),
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

type Results = Map<string, Promise<ExecutionResult> | ExecutionResult>;

/**
 * A `subscribe` for graphql-ws that shares payload executions between subscribers (see the
 * module comment). Falls back to a private execution for documents the cache did not produce.
 */
export function sharedSubscribe(cache: DocumentCache): (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const byEvent = new WeakMap<object, Results>();
  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source as ExecutionResult;
    const docId = cache.idOf(args.document);
    const key = docId === undefined ? undefined : `${docId}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    const run = (payload: unknown) => execute({ ...args, rootValue: payload });
    return mapIterator(source, (payload) => {
      if (key === undefined || typeof payload !== 'object' || payload === null) return run(payload);
      let results = byEvent.get(payload);
      if (!results) {
        results = new Map();
        byEvent.set(payload, results);
      }
      let result = results.get(key);
      if (!result) results.set(key, (result = run(payload)));
      return result;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterableIterator<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** Maps an async iterator, forwarding `return`/`throw` to the source (so unsubscribing ends it at once). */
function mapIterator<T, R>(source: AsyncIterableIterator<T>, fn: (value: T) => Promise<R> | R): AsyncIterableIterator<R> {
  const mapped: AsyncIterableIterator<R> = {
    async next() {
      const r = await source.next();
      return r.done ? { value: undefined, done: true } : { value: await fn(r.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(err?: unknown) {
      if (source.throw) await source.throw(err);
      throw err;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
