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
 * - **Documents are parsed and validated once per distinct text** (an LRU of
 *   {@link DOCUMENT_CACHE_SIZE}), with the same protective validation rules as HTTP
 *   (depth, cost, aliases), and shared by every subscription that sends that text.
 * - **A subscription payload is executed once per (event, document, variables, operation)**
 *   and the same result goes to every subscriber that asked exactly that: 1,000 subscribers
 *   of one query cost one execution per event, not 1,000. This holds because the graph's
 *   subscription payload resolvers depend only on the event and the arguments, never on who
 *   asks (all clients of a server have the same rights); a resolver that needed the caller
 *   would have to opt out of sharing.
 */

/** Distinct operation texts kept parsed and validated. */
export const DOCUMENT_CACHE_SIZE = 1_000;

/** The parse-and-validate cache of one server. */
export class DocumentCache {
  private readonly entries = new Map<string, DocumentNode | readonly GraphQLError[]>();
  private readonly ids = new WeakMap<DocumentNode, number>();
  private nextId = 1;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[] = [],
  ) {}

  /**
   * The validated document for `query`, or its errors (syntax or validation).
   * Least recently used entries are dropped past {@link DOCUMENT_CACHE_SIZE}.
   */
  get(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.entries.get(query);
    if (cached) {
      this.entries.delete(query);
      this.entries.set(query, cached);
      return cached;
    }
    let result: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query);
      const errors = validate(this.schema, document, [...specifiedRules, ...this.rules]);
      result = errors.length ? errors : document;
      if (!errors.length) this.ids.set(document, this.nextId++);
    } catch (err) {
      // a syntax error: coded as HTTP codes it, so clients handle both transports alike
      const source = err instanceof GraphQLError ? err : null;
      result = [
        new GraphQLError(source?.message ?? String((err as Error).message), {
          ...(source?.source ? { source: source.source, positions: source.positions } : {}),
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
      ];
    }
    this.entries.set(query, result);
    if (this.entries.size > DOCUMENT_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }

  /** A small number identifying a cached document (undefined for one this cache did not produce). */
  idOf(document: DocumentNode): number | undefined {
    return this.ids.get(document);
  }
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
