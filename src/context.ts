import type { DeadlineSignal } from './deadlines.js';
import type { ReadCache } from './providers/read-cache.js';
import type { Logger } from './logger.js';
import type { MediaLinks } from './media/links.js';
import type { Metrics } from './metrics.js';
import type { InstanceDirectory } from './instances.js';
import type { PartnerDirectory } from './partners.js';
import { Loaders } from './providers/loaders.js';
import { Access, ScopedDirectory, type InstanceLookup } from './server/access.js';
import type { InboundRateLimits } from './server/rate-limits.js';
import type { EventPipeline } from './subscriptions/pipeline.js';
import type { Stores } from './subscriptions/stores.js';

/** The long-lived services of one server, shared by every request. */
export interface AppServices {
  instances: InstanceDirectory;
  stores: Stores;
  /** The event pipeline; also the EventSink for mutations that pull events (e.g. pending notifications). */
  pipeline: EventPipeline;
  logger: Logger;
  metrics: Metrics;
  /** Signs the media links the graph hands out (`GET /media/<token>`). */
  mediaLinks: MediaLinks;
  /** The providers' partner (integrator) APIs configured for the deployment (config `partners`); absent in hand-built test contexts, meaning none. */
  partners?: PartnerDirectory;
  /** The server's public origin (config `publicUrl`), where providers post webhooks; absent when not configured. */
  publicUrl?: string;
  /** The cache of slow-changing reads beneath the loaders (`providers/read-cache.ts`); absent in hand-built test contexts, meaning none. */
  cache?: ReadCache;
}

/** The services as one operation sees them: the instance directory confined to its key. */
export type GraphServices = Omit<AppServices, 'instances'> & { instances: InstanceLookup };

/** What one operation may do and how long it has (see resolvers/field-guard.ts). */
export interface OperationLimits {
  /** The client's key: its instances and scopes ({@link Access.OPEN} without `auth`; absent in hand-built test contexts, meaning the same). */
  access?: Access;
  /** Inbound rate limits, when the server has them. */
  rateLimits?: InboundRateLimits;
  /** Aborts when the request's deadline passes (HTTP queries and mutations; none for subscriptions): `aborted`, its `abort` event, an `AbortSignal` on demand (`deadlines.ts`). */
  deadline?: DeadlineSignal;
  /** The request's own origin (`http://host:port`), the base of links when no `publicUrl` is configured. */
  origin?: string;
}

/** The GraphQL context of one operation (HTTP request or subscription). */
export interface GraphContext extends OperationLimits {
  services: GraphServices;
  /** Per-request DataLoaders. */
  loaders: Loaders;
  logger: Logger;
}

/**
 * Builds a fresh context (new loaders) for one operation.
 * @param limits the client's access (default: everything), rate limits and deadline
 */
export function createContext(services: AppServices, logger: Logger = services.logger, limits: OperationLimits = {}): GraphContext {
  const access = limits.access ?? Access.OPEN;
  const scoped: GraphServices = access === Access.OPEN ? services : { ...services, instances: new ScopedDirectory(services.instances, access) };
  return { services: scoped, loaders: new Loaders(services.cache), logger, ...limits, access };
}
