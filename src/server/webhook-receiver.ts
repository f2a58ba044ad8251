import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { WebhookPayloadError } from '../providers/contract.js';
import type { AppServices } from '../context.js';
import { EventStoreUnavailableError } from '../subscriptions/pipeline.js';

/** Largest webhook body accepted (provider payloads are a few KB; media arrive as URLs). */
export const MAX_WEBHOOK_BODY = '1mb';
/** `Retry-After` sent with a 503, seconds. */
export const WEBHOOK_RETRY_AFTER_SECONDS = 5;

/** Compares two secrets in constant time (hashes first so lengths don't leak). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * `POST /webhooks/{instanceId}/{webhookSecret}` (and `POST /webhooks/{instanceId}` for providers
 * that authenticate with a header, e.g. Ivosights' HTTP Basic `http_auth`):
 * authenticate → provider parses to domain events → pipeline stores and publishes → 2xx.
 *
 * Answers: 200 `{received, published, duplicates}`; 401 wrong/missing secret or unknown
 * instance (indistinguishable, so ids can't be probed); 404 for an instance whose provider
 * posts no webhooks; 400 malformed JSON; 413 body over {@link MAX_WEBHOOK_BODY}; 415 not JSON;
 * 422 not a payload of this provider; 503 (`Retry-After`) when events could not be stored, so
 * the provider retries. Nothing is published unless everything up to storage succeeded.
 */
export function webhookRouter(services: AppServices): Router {
  const router = express.Router();
  const { metrics, logger } = services;

  const handle = async (req: Request, res: Response) => {
    const instanceId = String(req.params.instanceId);
    const entry = services.instances.find(instanceId);
    const provider = entry?.adapter.kind ?? 'unknown';
    const secret = req.params.secret === undefined ? undefined : String(req.params.secret);
    const authenticated = !!entry && (secret !== undefined ? secretsEqual(secret, entry.webhookSecret) : entry.adapter.webhooks?.authenticate?.(req.headers) === true);
    if (!entry || !authenticated) {
      metrics.webhooks.inc({ provider, outcome: 'unauthorized' });
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    const port = entry.adapter.webhooks;
    if (!port) {
      metrics.webhooks.inc({ provider, outcome: 'invalid' });
      res.status(404).json({ error: 'this instance receives no webhooks' });
      return;
    }
    if (!req.is('application/json') && !req.is('+json')) {
      metrics.webhooks.inc({ provider, outcome: 'invalid' });
      res.status(415).json({ error: 'expected application/json' });
      return;
    }
    let events;
    try {
      events = port.parse({ body: req.body, headers: req.headers, receivedAt: Date.now() });
    } catch (err) {
      if (err instanceof WebhookPayloadError) {
        metrics.webhooks.inc({ provider, outcome: 'invalid' });
        logger.info({ instanceId, provider, reason: err.message }, 'webhook payload rejected');
        res.status(422).json({ error: 'unrecognised payload', reason: err.message });
        return;
      }
      throw err;
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

  const json = express.json({ limit: MAX_WEBHOOK_BODY, type: ['application/json', 'application/*+json'] });
  const route = (req: Request, res: Response, next: (err?: unknown) => void) => {
    handle(req, res).catch(next);
  };
  router.post('/webhooks/:instanceId/:secret', json, route);
  router.post('/webhooks/:instanceId', json, route);
  return router;
}
