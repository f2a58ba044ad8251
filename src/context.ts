import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { InstanceDirectory } from './instances.js';
import { Loaders } from './providers/loaders.js';
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
}

/** The GraphQL context of one operation (HTTP request or subscription). */
export interface GraphContext {
  services: AppServices;
  /** Per-request DataLoaders. */
  loaders: Loaders;
  logger: Logger;
}

/** Builds a fresh context (new loaders) for one operation. */
export function createContext(services: AppServices, logger: Logger = services.logger): GraphContext {
  return { services, loaders: new Loaders(), logger };
}
