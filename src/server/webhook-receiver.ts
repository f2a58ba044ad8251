import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import contentType from 'content-type';
import express from 'express';
import typeis from 'type-is';
import { WebhookPayloadError } from '../providers/contract.js';
import { errorAnswer } from './error-answer.js';
import type { AppServices } from '../context.js';
import { EventStoreUnavailableError } from '../subscriptions/pipeline.js';
import { boundChildren } from '../metrics.js';

/** Largest webhook body accepted (provider payloads are a few KB; media arrive as URLs). */
export const MAX_WEBHOOK_BODY = '1mb';
/** {@link MAX_WEBHOOK_BODY} in bytes (the common case reads the body itself). */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** `Retry-After` sent with a 503, seconds. */
export const WEBHOOK_RETRY_AFTER_SECONDS = 5;
/**
 * Deepest JSON nesting a webhook body may have (arrays and objects, the top level counts 1).
 * Documented provider payloads nest under 10; a body deeper than this can never be stored (the
 * Redis event log's Lua JSON decoder refuses nesting over 1,000), so it is answered 422 once
 * instead of 503 forever. Ours.
 */
export const MAX_WEBHOOK_DEPTH = 64;
/**
 * Most events one delivery may carry (a Z-API `MessageStatusCallback` lists message `ids`).
 * Over it the delivery is refused whole with 413 before anything is stored: a 60,000-id status
 * took 31 s and wrote 60,000 events. Providers send a handful; ours.
 */
export const MAX_EVENTS_PER_DELIVERY = 1_000;
/**
 * How long an authenticated sender has to deliver the whole body, ms; then 408 and the
 * connection is closed (slow-body connections were held over 100 s). Ours.
 */
export const WEBHOOK_BODY_DEADLINE_MS = 10_000;

/** Options of {@link webhookHandler}. */
export interface WebhookHandlerOptions {
  /** Body-read deadline, ms (default {@link WEBHOOK_BODY_DEADLINE_MS}; tests shorten it). */
  bodyDeadlineMs?: number;
}

/**
 * Nesting depth of a parsed JSON value (a scalar is 0, `{}` and `[]` are 1), counted without
 * recursion and stopping as soon as it exceeds `limit`.
 * @returns the depth, or `limit + 1` when deeper than `limit`
 */
export function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const here = depth + 1;
    if (here > limit) return limit + 1;
    if (here > max) max = here;
    for (const child of Array.isArray(node) ? node : Object.values(node as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, here]);
    }
  }
  return max;
}

/** Compares two secrets in constant time (hashes first so lengths don't leak). */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), secretDigest(expected));
}

/** SHA-256 of each configured secret, computed once (issue 13: one hash per check, not two). */
const SECRET_DIGESTS = new Map<string, Buffer>();

/** The SHA-256 digest of a configured secret, memoised (the configuration holds a handful). */
function secretDigest(secret: string): Buffer {
  let digest = SECRET_DIGESTS.get(secret);
  if (!digest) {
    digest = createHash('sha256').update(secret).digest();
    if (SECRET_DIGESTS.size < 10_000) SECRET_DIGESTS.set(secret, digest);
  }
  return digest;
}

/** The path parameters of a webhook URL ({@link matchWebhookPath}). */
export interface WebhookPath {
  instanceId: string;
  /** The path secret; undefined on `/webhooks/{instanceId}` (header-authenticated providers). */
  secret: string | undefined;
}

const WEBHOOKS_PREFIX = '/webhooks/';

/** Percent-decodes one path segment (throws URIError on a malformed escape). */
function decodeSegment(raw: string): string {
  return raw.includes('%') ? decodeURIComponent(raw) : raw;
}

/** The scheme and authority of an `http`/`https` request target in absolute form (`http://host:port`, a host required), RFC 9112 §3.2.2. */
const ABSOLUTE_FORM = /^https?:\/\/[^/?#@]+/i;

/**
 * Matches `/webhooks/{instanceId}/{secret}` and `/webhooks/{instanceId}` as the Express 5 routes
 * that served them did: the prefix in any letter case, one optional trailing slash, the query
 * (and a fragment) ignored, each segment non-empty and percent-decoded. A target in absolute form
 * (`POST http://host/webhooks/…`, which RFC 9112 §3.2.2 says a server must accept, and which
 * Express routed by its path) is matched by its path. Ours.
 * @param target the request target (`req.url`): origin form, or absolute form
 * @returns the decoded segments; `'undecodable'` when a segment is not valid percent-encoding
 * (Express answered that 400); null for any other path (not a webhook URL)
 */
export function matchWebhookPath(target: string): WebhookPath | 'undecodable' | null {
  let url = target;
  if (target.charCodeAt(0) !== 0x2f) {
    const authority = ABSOLUTE_FORM.exec(target);
    if (!authority) return null;
    url = target.slice(authority[0].length);
  }
  if (url.length <= WEBHOOKS_PREFIX.length || url.slice(0, WEBHOOKS_PREFIX.length).toLowerCase() !== WEBHOOKS_PREFIX) return null;
  let end = url.length;
  const query = url.indexOf('?');
  if (query >= 0) end = query;
  const fragment = url.indexOf('#');
  if (fragment >= 0 && fragment < end) end = fragment;
  if (url.charCodeAt(end - 1) === 0x2f) end--;
  const rest = url.slice(WEBHOOKS_PREFIX.length, end);
  const slash = rest.indexOf('/');
  const rawId = slash < 0 ? rest : rest.slice(0, slash);
  const rawSecret = slash < 0 ? undefined : rest.slice(slash + 1);
  if (rawId === '' || rawSecret === '' || rawSecret?.includes('/')) return null;
  try {
    return { instanceId: decodeSegment(rawId), secret: rawSecret === undefined ? undefined : decodeSegment(rawSecret) };
  } catch {
    return 'undecodable';
  }
}

/**
 * How a webhook body is taken, from the request's headers, as the Express route judged it:
 * `refuse` — no body or not JSON (`application/json` or any `…/…+json`): 415;
 * `skip` — a `+json` type express.json does not parse (e.g. `text/x+json`): the body is not read;
 * `utf8` — `application/json` or `application/*+json`, no charset or UTF-8, not compressed: read here;
 * `parser` — the same types with another charset or a content encoding: read by express.json.
 */
type BodyKind = 'refuse' | 'skip' | 'utf8' | 'parser';

/** The media types a webhook body is parsed as JSON for: express.json's `type` option, also what {@link bodyKind} reads itself (normalised types, as type-is matches them). */
const JSON_TYPES = ['application/json', 'application/*+json'];
/** The Express route's `req.is('application/json') || req.is('+json')`, normalised as type-is does (`+json`: any type with a `+json` suffix). */
const ROUTE_TYPES = ['application/json', '*/*+json'];

/** Whether type-is matches `type` with one of `types` (normalised: `…/…`). */
function isOneOf(type: string | null, types: readonly string[]): boolean {
  if (type === null) return false;
  for (const expected of types) if (typeis.match(expected, type)) return true;
  return false;
}

/**
 * {@link BodyKind} of a request, judged as Express's `req.is` (type-is) and express.json judged it.
 * The media type is read once (type-is: lower case, no parameters) and matched against the
 * route's types and express.json's; the parameters are parsed only for a JSON body.
 */
function bodyKind(req: IncomingMessage): BodyKind {
  const header = req.headers['content-type'];
  const type = header ? typeis.is(header) || null : null;
  // the Express route's `req.is('application/json') || req.is('+json')`: null without a body, false for another type
  if (!typeis.hasBody(req) || !isOneOf(type, ROUTE_TYPES)) return 'refuse';
  // express.json's own `type` option
  if (!isOneOf(type, JSON_TYPES)) return 'skip';
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return 'parser';
  // another charset, or a header content-type cannot parse: body-parser judges it (415 or 400), as before
  let charset: string | undefined;
  try {
    charset = contentType.parse(header!).parameters.charset;
  } catch {
    return 'parser';
  }
  return charset === undefined || charset.toLowerCase() === 'utf-8' ? 'utf8' : 'parser';
}

/**
 * A UTF-8 body as express.json parses it (strict): a BOM dropped, an empty body is `{}`, else a
 * JSON object or array.
 * @throws SyntaxError for anything else
 */
function parseJsonBody(buffer: Buffer): unknown {
  if (buffer.length === 0) return {};
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new SyntaxError('not a JSON object or array');
  return JSON.parse(text) as unknown;
}

/** What a delivery's metric counts (`whatsgraph_webhooks_total{outcome}`). */
type WebhookOutcome = 'accepted' | 'duplicate' | 'invalid' | 'unauthorized' | 'unavailable';

/** The webhook request handler on `node:http` (see {@link webhookHandler}). */
export interface WebhookHandler {
  /** Takes `POST /webhooks/…` (true), or leaves the request alone for Express (false). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * `POST /webhooks/{instanceId}/{webhookSecret}` (and `POST /webhooks/{instanceId}` for providers
 * that authenticate with a header, e.g. Ivosights' HTTP Basic `http_auth`):
 * authenticate → provider parses to domain events → pipeline stores and publishes → 2xx.
 * Served on the bare `node:http` request, before Express (issue 13, "Webhooks at the floor");
 * any other method or path is left to Express (which answers 404).
 *
 * The secret (path secret or header) is checked from the request line and headers **before the
 * body is read**; the body must then arrive within {@link WEBHOOK_BODY_DEADLINE_MS}. A UTF-8
 * JSON body is read here; another charset or a compressed body is read by express.json, as before.
 *
 * Answers: 200 `{received, published, duplicates}`; 401 wrong/missing secret or unknown
 * instance (indistinguishable, so ids can't be probed); 404 for an instance whose provider
 * posts no webhooks; 400 malformed JSON (or an undecodable path segment); 408 body not received
 * within the deadline (the connection is closed); 413 body over {@link MAX_WEBHOOK_BODY}, or more
 * than {@link MAX_EVENTS_PER_DELIVERY} events (nothing stored); 415 not JSON (`application/json`
 * or a `+json` type) or a charset other than UTF-* ; 422 a body that can never be stored: not a
 * payload of this provider, nested deeper than {@link MAX_WEBHOOK_DEPTH}, or one the provider's
 * parser fails on (logged once, without body or secret); 503 (`Retry-After`) when events could
 * not be stored (a passing store failure), so the provider retries. 401, 404 and 415 carry
 * `Connection: close` and leave the body unread. Nothing is published unless everything up to
 * storage succeeded.
 * @param services the instances, pipeline, metrics and logger
 * @param options the body-read deadline
 */
export function webhookHandler(services: AppServices, options: WebhookHandlerOptions = {}): WebhookHandler {
  const { metrics, logger } = services;
  const bodyDeadlineMs = options.bodyDeadlineMs ?? WEBHOOK_BODY_DEADLINE_MS;
  const parser = express.json({ limit: MAX_WEBHOOK_BODY, type: JSON_TYPES });

  // the metric's children, bound once per provider and outcome (no label lookup per delivery)
  const counters = boundChildren((provider: string) => boundChildren((outcome: WebhookOutcome) => metrics.webhooks.labels({ provider, outcome })));
  const count = (provider: string, outcome: WebhookOutcome): void => counters(provider)(outcome).inc();

  /** Writes a JSON answer (what Express's `res.json` sent, in one write). */
  const send = (res: ServerResponse, status: number, body: unknown, close = false, retryAfter?: number): void => {
    const text = JSON.stringify(body);
    const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) };
    if (close) headers.connection = 'close';
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    res.writeHead(status, headers);
    res.end(text);
  };

  /** A failure outside the receiver's own answers (unreadable body, unexpected error): the server's error answer. */
  const fail = (res: ServerResponse, err: unknown): void => {
    const { status, body } = errorAnswer(err, logger);
    if (res.headersSent) res.destroy();
    else send(res, status, body);
  };

  /** Reads a UTF-8 body under the size limit: `done(error, body)` once it is all there (a 413 after the rest was read and dropped). */
  const readUtf8 = (req: IncomingMessage, done: (err: unknown, body?: unknown) => void): void => {
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared !== undefined && declared > MAX_WEBHOOK_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_WEBHOOK_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) return done(Object.assign(new Error('request entity too large'), { status: 413 }));
      let body: unknown;
      try {
        body = parseJsonBody(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      } catch (err) {
        return done(Object.assign(err instanceof Error ? err : new Error(String(err)), { status: 400 }));
      }
      done(undefined, body);
    });
  };

  /** The body under the deadline: 408 and the connection closed when it is not all there in time; nothing more when the client went away. */
  const readBody = (req: IncomingMessage, res: ServerResponse, kind: BodyKind, provider: string, then: (body: unknown) => void): void => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      count(provider, 'invalid');
      send(res, 408, { error: `body not received within ${bodyDeadlineMs} ms` }, true);
      res.once('finish', () => req.socket.destroy());
    }, bodyDeadlineMs);
    const done = (err: unknown, body?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) fail(res, err);
      else then(body);
    };
    // a client that aborts mid-body: the request is dropped (its socket is gone)
    req.once('error', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
    });
    if (kind === 'utf8') {
      readUtf8(req, done);
      return;
    }
    const parsed = req as IncomingMessage & { body?: unknown };
    parser(parsed, res, (err?: unknown) => done(err, parsed.body));
  };

  /** After the body: provider parse → pipeline → answer. */
  const receive = async (res: ServerResponse, instanceId: string, headers: IncomingHttpHeaders, body: unknown): Promise<void> => {
    // the instance exists and takes webhooks (checked before the body was read)
    const entry = services.instances.get(instanceId);
    const provider = entry.adapter.kind;
    const port = entry.adapter.webhooks!;
    const refuse = (status: number, error: string, reason: string) => {
      count(provider, 'invalid');
      // logged once: the provider is told not to retry; no body, no secret, no phone
      logger.info({ instanceId, provider, status, reason }, 'webhook payload rejected');
      send(res, status, { error, reason });
    };
    if (jsonDepth(body, MAX_WEBHOOK_DEPTH) > MAX_WEBHOOK_DEPTH) {
      refuse(422, 'unstorable payload', `nested deeper than ${MAX_WEBHOOK_DEPTH} levels`);
      return;
    }
    let events;
    try {
      events = port.parse({ body, headers, receivedAt: Date.now() });
    } catch (err) {
      if (err instanceof WebhookPayloadError) {
        refuse(422, 'unrecognised payload', err.message);
        return;
      }
      // the parser fails on this body and will fail on every retry of it: the message of an
      // unexpected error may quote the body, so only its class is kept
      refuse(422, 'unstorable payload', `the ${provider} parser failed (${err instanceof Error ? err.name : typeof err})`);
      return;
    }
    if (events.length > MAX_EVENTS_PER_DELIVERY) {
      refuse(413, 'too many events', `${events.length} events in one delivery; at most ${MAX_EVENTS_PER_DELIVERY}`);
      return;
    }
    try {
      const outcomes = await services.pipeline.offer(events);
      let published = 0;
      for (const o of outcomes) if (o === 'published') published++;
      count(provider, published || !events.length ? 'accepted' : 'duplicate');
      send(res, 200, { received: events.length, published, duplicates: outcomes.length - published });
    } catch (err) {
      if (err instanceof EventStoreUnavailableError) {
        count(provider, 'unavailable');
        send(res, 503, { error: 'temporarily unavailable, retry' }, false, WEBHOOK_RETRY_AFTER_SECONDS);
        return;
      }
      throw err;
    }
  };

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') return false;
    const path = matchWebhookPath(req.url ?? '');
    if (path === null) return false;
    if (path === 'undecodable') {
      fail(res, Object.assign(new URIError('undecodable path segment'), { status: 400 }));
      return true;
    }
    // authenticated from the path and headers alone; the body has not been read yet
    const { instanceId, secret } = path;
    const entry = services.instances.find(instanceId);
    const provider = entry?.adapter.kind ?? 'unknown';
    const authenticated = !!entry && (secret !== undefined ? secretsEqual(secret, entry.webhookSecret) : entry.adapter.webhooks?.authenticate?.(req.headers) === true);
    if (!entry || !authenticated) {
      count(provider, 'unauthorized');
      // the unread body is not waited for
      send(res, 401, { error: 'unauthorized' }, true);
      return true;
    }
    if (!entry.adapter.webhooks) {
      count(provider, 'invalid');
      send(res, 404, { error: 'this instance receives no webhooks' }, true);
      return true;
    }
    const kind = bodyKind(req);
    if (kind === 'refuse') {
      count(provider, 'invalid');
      send(res, 415, { error: 'expected application/json' }, true);
      return true;
    }
    const go = (body: unknown) => {
      receive(res, instanceId, req.headers, body).catch((err: unknown) => fail(res, err));
    };
    if (kind === 'skip') go(undefined);
    else readBody(req, res, kind, provider, go);
    return true;
  }

  return { handle };
}
