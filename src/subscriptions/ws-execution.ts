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
  type FormattedExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { GraphError } from '../errors.js';
import { PUSH, isPushable, type PushSink } from './push.js';

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

/** Where a subscription's `next` frames go: the client's WebSocket and the id it gave the subscription. */
export interface Delivery {
  socket: WebSocket;
  id: string;
}

/** Counters of the WebSocket fan-out of one server (tests, diagnostics). */
export interface FanoutStats {
  /** Subscription payload executions (shared: one per event, document, variables and operation name). */
  executions: number;
  /** `JSON.stringify` calls of `next` payloads (shared like executions). */
  serialisations: number;
  /** `next` frames written to sockets by the fan-out (one per delivery). */
  frames: number;
}

/** How {@link sharedSubscribe} delivers. */
export interface SharedSubscribeOptions {
  /**
   * The socket and id the subscription with these execution arguments was asked on (registered by
   * graphql-ws's `onSubscribe`, which returns that same object); undefined: graphql-ws pulls the
   * results and sends them itself.
   */
  deliveryOf?(args: ExecutionArgs): Delivery | undefined;
  /** A result as it goes on the wire (errors formatted as the `onNext` hook formats them); as it is by default. */
  format?: (result: ExecutionResult) => ExecutionResult | FormattedExecutionResult;
  /** Counters to update. */
  stats?: FanoutStats;
}

/**
 * Most bytes waiting in one socket's send buffer before a live subscription on it is ended as
 * too slow (`SERVICE_UNAVAILABLE`, `resume: true`: resubscribe with the last cursor). Ours:
 * about 25,000 typical events; it takes the place of the 10,000 events a subscriber could
 * fall behind by when graphql-ws pulled each event after the previous write.
 */
export const MAX_SOCKET_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Bytes waiting in a socket's send buffer above which a history replay waits for it to drain before reading its next page. Ours. */
export const REPLAY_HIGH_WATER_BYTES = 1024 * 1024;

/** One payload shared by every subscriber of one (event, document, variables, operation): its result and its `next` payload JSON. */
interface Shared {
  result: Promise<ExecutionResult> | ExecutionResult;
  /** The payload JSON once serialised (undefined before, and while an asynchronous execution runs). */
  json?: string;
  /** `<json>}` as UTF-8, the end every subscriber's `next` frame shares (made on the first direct write). */
  tail?: Buffer;
  /** Set when the asynchronous execution failed. */
  failure?: { error: unknown };
  /** While an asynchronous execution runs: whether its settling is awaited, and the subscriptions whose next frame waits for it. */
  pending?: boolean;
  waiters?: DirectSubscription[];
}

/**
 * A `subscribe` for graphql-ws that shares payload executions between subscribers (see the
 * module comment). With a {@link Delivery} for the subscription (`options.deliveryOf`), it also
 * writes the `next` frames itself: each shared payload is serialised and UTF-8 encoded once, and
 * the message `{"id":<id>,"type":"next","payload":<payload>}` (graphql-ws's own bytes) goes to every
 * socket that asked for it as one WebSocket text frame built from the subscription's prefix and
 * the shared bytes ({@link textFrame}), written to the TCP socket under ws (only where no
 * WebSocket extension was negotiated) and corked until the end of the event-loop turn; graphql-ws then
 * sees one `next()` that settles when the stream ends, and sends `complete` or `error` as usual.
 * Without one (or on a socket with an extension), it falls back to graphql-ws pulling and stringifying each result per socket.
 * Falls back to a private execution for documents the cache did not produce.
 */
export function sharedSubscribe(
  cache: DocumentCache,
  options: SharedSubscribeOptions = {},
): (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const byEvent = new WeakMap<object, Map<string, Shared>>();
  const stats = options.stats ?? { executions: 0, serialisations: 0, frames: 0 };
  const format = options.format;
  const run = (args: ExecutionArgs, payload: unknown): Promise<ExecutionResult> | ExecutionResult => {
    stats.executions++;
    return execute({ ...args, rootValue: payload });
  };
  const fanout: Fanout = {
    shared(args, key, payload) {
      if (key === undefined || typeof payload !== 'object' || payload === null) return { result: run(args, payload) };
      let results = byEvent.get(payload);
      if (!results) {
        results = new Map();
        byEvent.set(payload, results);
      }
      let shared = results.get(key);
      if (!shared) results.set(key, (shared = { result: run(args, payload) }));
      return shared;
    },
    json(shared) {
      if (shared.json !== undefined || shared.failure || shared.pending) return;
      const serialise = (result: ExecutionResult): string => {
        stats.serialisations++;
        return JSON.stringify(format ? format(result) : result);
      };
      const r = shared.result;
      if (!isPromise(r)) {
        shared.json = serialise(r);
        return;
      }
      // one reaction per shared payload, however many subscriptions wait for it: each is flushed in turn
      shared.pending = true;
      r.then(serialise).then(
        (json) => {
          shared.json = json;
          release(shared);
        },
        (error: unknown) => {
          shared.failure = { error };
          release(shared);
        },
      );
    },
    stats,
  };
  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source as ExecutionResult;
    const docId = cache.idOf(args.document);
    const key = docId === undefined ? undefined : `${docId}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    const delivery = options.deliveryOf?.(args);
    // with an extension (permessage-deflate) ws may queue its own frames: ours would overtake them
    if (delivery && delivery.socket.extensions === '') return new DirectSubscription(fanout, source, args, key, delivery).start();
    return mapIterator(source, (payload) => fanout.shared(args, key, payload).result);
  };
}

/** An asynchronous execution settled: the subscriptions waiting for it write what they can. */
function release(shared: Shared): void {
  shared.pending = false;
  const waiters = shared.waiters;
  shared.waiters = undefined;
  if (waiters) for (const w of waiters) w.flush();
}

/** What the direct subscriptions of one {@link sharedSubscribe} share. */
interface Fanout {
  /** The shared execution of `payload` for `key` (executing it on first use); a private one when there is no key. */
  shared(args: ExecutionArgs, key: string | undefined, payload: unknown): Shared;
  /** Serialises the shared payload's JSON (once): at once for a synchronous execution, when it settles for an asynchronous one (its waiters are then flushed). */
  json(shared: Shared): void;
  stats: FanoutStats;
}

/**
 * One subscription whose frames the fan-out writes itself (see {@link sharedSubscribe}). To
 * graphql-ws it is an AsyncIterator whose one `next()` settles when the stream ends (done, or
 * rejected with the stream's error, which graphql-ws sends as an `error` message); `return()`
 * (the client's `complete`, or its socket closing) ends the source. It is the push sink of its
 * source, or pulls it when the source cannot push.
 */
class DirectSubscription implements AsyncIterableIterator<ExecutionResult>, PushSink<unknown> {
  private closed = false;
  /** How it ended, until graphql-ws asks (`next()`). */
  private outcome: { error?: unknown } | undefined;
  private pending: { resolve: (r: IteratorResult<ExecutionResult>) => void; reject: (err: unknown) => void } | undefined;
  /** Payloads waiting for an asynchronous execution, in event order (undefined while none waits). */
  private queue: Shared[] | undefined;
  /** Called when the queue empties (a replay waiting in `ready()`). */
  private drained: (() => void) | undefined;
  /** `{"id":<id>,"type":"next","payload":` for this subscription, UTF-8. */
  private readonly prefix: Buffer;

  constructor(
    private readonly fanout: Fanout,
    private readonly source: AsyncIterableIterator<unknown>,
    private readonly args: ExecutionArgs,
    private readonly key: string | undefined,
    private readonly delivery: Delivery,
  ) {
    this.prefix = Buffer.from(`{"id":${JSON.stringify(delivery.id)},"type":"next","payload":`);
  }

  start(): this {
    if (isPushable(this.source)) this.source[PUSH](this);
    else void this.pullLoop();
    return this;
  }

  private async pullLoop(): Promise<void> {
    try {
      for (;;) {
        const r = await this.source.next();
        if (this.closed) return;
        if (r.done) return this.onEnd();
        this.onValue(r.value);
        await this.ready();
      }
    } catch (err) {
      this.onError(err);
    }
  }

  onValue(payload: unknown): void {
    if (this.closed) return;
    const socket = this.delivery.socket;
    if (socket.bufferedAmount > MAX_SOCKET_BUFFERED_BYTES) {
      this.fail(new GraphError('SERVICE_UNAVAILABLE', 'Subscriber too slow: resubscribe with `after` set to the last cursor received', { resume: true }));
      return;
    }
    let shared: Shared;
    try {
      shared = this.fanout.shared(this.args, this.key, payload);
      this.fanout.json(shared);
    } catch (err) {
      this.fail(err);
      return;
    }
    if (this.queue === undefined && shared.json !== undefined) {
      this.write(shared);
      return;
    }
    (this.queue ??= []).push(shared);
    if (this.queue.length === 1) this.flush();
  }

  /** Writes the queued frames whose payloads are ready, in order; waits on the first that is not (called again when it settles). */
  flush(): void {
    const queue = this.queue;
    if (!queue) return;
    while (queue.length) {
      const head = queue[0] as Shared;
      if (head.failure) {
        this.fail(head.failure.error);
        return;
      }
      if (head.json === undefined) {
        (head.waiters ??= []).push(this);
        return;
      }
      queue.shift();
      this.write(head);
    }
    this.queue = undefined;
    const drained = this.drained;
    this.drained = undefined;
    drained?.();
    if (this.closed && this.outcome) this.settle();
  }

  onError(err: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.end({ error: err });
  }

  onEnd(): void {
    if (this.closed) return;
    this.closed = true;
    this.end({});
  }

  ready(): Promise<void> | undefined {
    if (this.closed) return undefined;
    if (this.queue) return new Promise<void>((resolve) => (this.drained = resolve)).then(() => this.ready());
    const socket = this.delivery.socket;
    if (socket.bufferedAmount <= REPLAY_HIGH_WATER_BYTES) return undefined;
    const raw = rawSocket(socket);
    if (!raw) return undefined;
    return new Promise<void>((resolve) => {
      const done = () => {
        raw.off('drain', done);
        raw.off('close', done);
        resolve();
      };
      raw.on('drain', done);
      raw.on('close', done);
    });
  }

  /** Writes the `next` frame of a serialised shared payload (`shared.json` set); nothing once the socket is no longer open. */
  private write(shared: Shared): void {
    const socket = this.delivery.socket;
    const raw = rawSocket(socket);
    if (socket.readyState !== OPEN || !raw) return;
    // no extension was negotiated (sharedSubscribe checks): ws writes each of its frames straight to
    // this socket as it is sent, so a frame of ours written here keeps its place among them
    corkForTurn(raw);
    raw.write(textFrame(this.prefix, (shared.tail ??= Buffer.from(`${shared.json as string}}`))));
    this.fanout.stats.frames++;
  }

  /** Ends with an error of the fan-out's own: the source is ended, the error goes to graphql-ws. */
  private fail(err: unknown): void {
    if (this.closed && this.queue === undefined) return;
    this.closed = true;
    this.queue = undefined;
    this.drained?.();
    void Promise.resolve(this.source.return?.()).catch(() => undefined);
    this.end({ error: err });
  }

  /** Records how it ended; graphql-ws learns it once the frames still waiting for their executions are written. */
  private end(outcome: { error?: unknown }): void {
    this.outcome = outcome;
    if (this.queue === undefined) this.settle();
  }

  private settle(): void {
    const p = this.pending;
    const outcome = this.outcome;
    if (!p || !outcome) return;
    this.pending = undefined;
    if ('error' in outcome) p.reject(outcome.error);
    else p.resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      if (this.queue === undefined) this.settle();
    });
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.closed) {
      this.closed = true;
      this.queue = undefined;
      this.drained?.();
      void Promise.resolve(this.source.return?.()).catch(() => undefined);
    }
    this.outcome = {};
    this.settle();
    return Promise.resolve({ value: undefined, done: true });
  }

  async throw(err?: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw err;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}

/** `ws`'s WebSocket.OPEN. */
const OPEN = 1;

/** The TCP socket under a `ws` WebSocket (its `_socket`; undefined before it opens or after it is gone). */
function rawSocket(socket: WebSocket): Socket | undefined {
  return (socket as unknown as { _socket?: Socket })._socket;
}

/** Sockets corked in this event-loop turn, uncorked together at its end. */
const corked = new Set<Socket>();

/**
 * Corks `raw` (the TCP socket under a WebSocket) until the end of this event-loop turn
 * (`setImmediate`): every frame written to it meanwhile leaves in one system call, so a burst of
 * events costs one write per socket per turn, not one per event. A socket ended meanwhile was
 * flushed by `end()`.
 */
function corkForTurn(raw: Socket): void {
  if (corked.has(raw)) return;
  raw.cork();
  corked.add(raw);
  if (corked.size === 1) setImmediate(uncorkAll);
}

function uncorkAll(): void {
  for (const raw of corked) if (raw.writableCorked > 0) raw.uncork();
  corked.clear();
}

/**
 * One unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2: FIN + opcode 0x1, then the
 * payload length in 7, 7+16 or 7+64 bits) whose payload is `head` followed by `tail`, in one
 * buffer: a server's frames are never masked (§5.1), and without an extension RSV1-3 are 0.
 * Ours, as `ws`'s internal `Sender.frame` builds it (untyped and private, and two buffers).
 * @param head the frame's first payload bytes (a subscription's `{"id":…,"payload":` prefix)
 * @param tail the rest (a shared payload's JSON and the closing brace), UTF-8
 * @returns the frame, header included (2, 4 or 10 bytes of header); never throws (a length above 2^53 cannot be a Buffer)
 */
export function textFrame(head: Buffer, tail: Buffer): Buffer {
  const length = head.length + tail.length;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) frame[1] = length;
  else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 0x100000000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  head.copy(frame, headerLength);
  tail.copy(frame, headerLength + head.length);
  return frame;
}

function isPromise<T>(value: Promise<T> | T): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
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
