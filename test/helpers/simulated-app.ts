import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import type { SimulatorHandle, SimulatorOptions } from '../../src/providers/contract.js';
import type { ProviderKind } from '../../src/providers/model.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { gql, sandboxConfig, startTestApp, type GqlResult } from './app.js';

/** One instance of a simulated app: its graph id, provider, simulator options and extra config fields. */
export interface SimulatedInstance {
  id: string;
  provider: ProviderKind;
  simulator?: SimulatorOptions;
  config?: Record<string, unknown>;
}

/** What {@link useSimulatedApp} gives a test file (filled in by its `beforeAll`). */
export interface SimulatedApp {
  app: RunningApp;
  /** Each instance's own simulator, by instance id. */
  sims: Record<string, SimulatorHandle>;
  /** One GraphQL operation over real HTTP to the app. */
  gql: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GqlResult<T>>;
}

/**
 * Registers hooks that start one provider simulator per instance and the real app (not sandbox
 * mode) with those instances on 127.0.0.1; clears every simulator's request log before each
 * test; closes everything after the file.
 */
export function useSimulatedApp(instances: SimulatedInstance[]): SimulatedApp {
  const h: SimulatedApp = {
    app: undefined as unknown as RunningApp,
    sims: {},
    gql: (query, variables = {}) => gql(h.app.url, query, variables),
  };
  beforeAll(async () => {
    for (const i of instances) h.sims[i.id] = await PROVIDER_MODULES[i.provider].startSimulator(i.simulator ?? {});
    h.app = await startTestApp(
      sandboxConfig({
        sandbox: false,
        source: 'test',
        instances: instances.map((i) => ({
          ...h.sims[i.id]!.instanceConfig,
          id: i.id,
          provider: i.provider,
          webhookSecret: `${i.id}-webhook-secret-0123456789`,
          baseUrl: h.sims[i.id]!.url,
          ...i.config,
        })),
      }),
      { logger: createLogger('silent') },
    );
  });
  afterAll(async () => {
    await h.app?.close();
    for (const s of Object.values(h.sims)) await s.close();
  });
  beforeEach(() => {
    for (const s of Object.values(h.sims)) s.requests.length = 0;
  });
  return h;
}
