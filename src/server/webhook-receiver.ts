import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { WebhookPayloadError } from '../providers/contract.js';
import type { AppServices } from '../context.js';
import { EventStoreUnavailableError } from '../subscriptions/pipeline.js';

/** Largest webhook body accepted (provider payloads are a few KB; media arrive as URLs). */
export const MAX_WEBHOOK_BODY = '1mb';
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

/** Options of {@link webhookRouter}. */
export interface WebhookRouterOptions {
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

/**
 * `POST /webhooks/{instanceId}/{webhookSecret}` (and `POST /webhooks/{instanceId}` for providers
 * that authenticate with a header, e.g. Ivosights' HTTP Basic `http_auth`):
 * authenticate → provider parses to domain events → pipeline stores and publishes → 2xx.
 *
 * The secret (path secret or header) is checked from the request line and headers **before the
 * body is read**; the body must then arrive within {@link WEBHOOK_BODY_DEADLINE_MS}.
 *
 * Answers: 200 `{received, published, duplicates}`; 401 wrong/missing secret or unknown
 * instance (indistinguishable, so ids can't be probed); 404 for an instance whose provider
 * posts no webhooks; 400 malformed JSON; 408 body not received within the deadline; 413 body
 * over {@link MAX_WEBHOOK_BODY}, or more than {@link MAX_EVENTS_PER_DELIVERY} events (nothing
 * stored); 415 not JSON; 422 a body that can never be stored: not a payload of this provider,
 * nested deeper than {@link MAX_WEBHOOK_DEPTH}, or one the provider's parser fails on (logged
 * once, without body or secret); 503 (`Retry-After`) when events could not be stored (a passing
 * store failure), so the provider retries. Nothing is published unless everything up to storage
 * succeeded.
 */
export function webhookRouter(services: AppServices, options: WebhookRouterOptions = {}): Router {
  const router = express.Router();
  const { metrics, logger } = services;
  const bodyDeadlineMs = options.bodyDeadlineMs ?? WEBHOOK_BODY_DEADLINE_MS;

  /** Authenticates from the path and headers alone; the body has not been read yet. */
  const authenticate = (req: Request, res: Response, next: NextFunction) => {
    const instanceId = String(req.params.instanceId);
    const entry = services.instances.find(instanceId);
    const provider = entry?.adapter.kind ?? 'unknown';
    const secret = req.params.secret === undefined ? undefined : String(req.params.secret);
    const authenticated = !!entry && (secret !== undefined ? secretsEqual(secret, entry.webhookSecret) : entry.adapter.webhooks?.authenticate?.(req.headers) === true);
    if (!entry || !authenticated) {
      metrics.webhooks.inc({ provider, outcome: 'unauthorized' });
      // the unread body is not waited for
      res.status(401).set('Connection', 'close').json({ error: 'unauthorized' });
      return;
    }
    if (!entry.adapter.webhooks) {
      metrics.webhooks.inc({ provider, outcome: 'invalid' });
      res.status(404).set('Connection', 'close').json({ error: 'this instance receives no webhooks' });
      return;
    }
    if (!req.is('application/json') && !req.is('+json')) {
      metrics.webhooks.inc({ provider, outcome: 'invalid' });
      res.status(415).set('Connection', 'close').json({ error: 'expected application/json' });
      return;
    }
    next();
  };

  const json = express.json({ limit: MAX_WEBHOOK_BODY, type: ['application/json', 'application/*+json'] });
  /** Reads the body under the deadline: 408 and the connection closed when it is not all there in time. */
  const readBody = (req: Request, res: Response, next: NextFunction) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      metrics.webhooks.inc({ provider: services.instances.find(String(req.params.instanceId))?.adapter.kind ?? 'unknown', outcome: 'invalid' });
      res
        .status(408)
        .set('Connection', 'close')
        .json({ error: `body not received within ${bodyDeadlineMs} ms` });
      res.once('finish', () => req.socket.destroy());
    }, bodyDeadlineMs);
    json(req, res, (err?: unknown) => {
      clearTimeout(timer);
      if (timedOut || res.headersSent) return;
      next(err);
    });
  };

  const handle = async (req: Request, res: Response) => {
    const instanceId = String(req.params.instanceId);
    // authenticate() let the request through: the instance exists and takes webhooks
    const entry = services.instances.get(instanceId);
    const provider = entry.adapter.kind;
    const port = entry.adapter.webhooks!;
    const refuse = (status: number, error: string, reason: string) => {
      metrics.webhooks.inc({ provider, outcome: 'invalid' });
      // logged once: the provider is told not to retry; no body, no secret, no phone
      logger.info({ instanceId, provider, status, reason }, 'webhook payload rejected');
      res.status(status).json({ error, reason });
    };
    if (jsonDepth(req.body, MAX_WEBHOOK_DEPTH) > MAX_WEBHOOK_DEPTH) {
      refuse(422, 'unstorable payload', `nested deeper than ${MAX_WEBHOOK_DEPTH} levels`);
      return;
    }
    let events;
    try {
      events = port.parse({ body: req.body, headers: req.headers, receivedAt: Date.now() });
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
      const published = outcomes.filter((o) => o === 'published').length;
      metrics.webhooks.inc({ provider, outcome: published || !events.length ? 'accepted' : 'duplicate' });
      res.status(200).json({ received: events.length, published, duplicates: outcomes.length - published });
    } catch (err) {
      if (err instanceof EventStoreUnavailableError) {
        metrics.webhooks.inc({ provider, outcome: 'unavailable' });
        res.status(503).set('Retry-After', String(WEBHOOK_RETRY_AFTER_SECONDS)).json({ error: 'temporarily unavailable, retry' });
        return;
      }
      throw err;
    }
  };

  const route = (req: Request, res: Response, next: NextFunction) => {
    handle(req, res).catch(next);
  };
  router.post('/webhooks/:instanceId/:secret', authenticate, readBody, route);
  router.post('/webhooks/:instanceId', authenticate, readBody, route);
  return router;
}
