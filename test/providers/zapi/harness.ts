import { beforeAll, expect } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import type { RecordedRequest, SimulatorHandle } from '../../../src/providers/contract.js';
import { gql } from '../../helpers/app.js';
import { useSimulatedApp } from '../../helpers/simulated-app.js';

/**
 * The real app with two instances over real HTTP: `zapi` on a fresh Z-API simulator and
 * `zivo` (a provider without chat management, labels or a catalog) on the Zivo simulator.
 * Built on {@link useSimulatedApp} (requests cleared before each test).
 */
export function zapiHarness() {
  const h = {
    sim: undefined as unknown as SimulatorHandle,
    zivo: undefined as unknown as SimulatorHandle,
    app: undefined as unknown as RunningApp,
    prefix: '',
    /** The simulator's requests on `path` (under the instance prefix). */
    on: (method: string, path: string): RecordedRequest[] => h.sim.requests.filter((r) => r.method === method && r.path === `${h.prefix}${path}`),
    /** Asserts the documented credential header (Client-Token, z-api.txt 450-480). */
    expectAuth: (req: RecordedRequest | undefined): void => {
      expect(req?.headers['client-token']).toBe(h.sim.instanceConfig.clientToken);
    },
    ok: async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
      const res = await gql<T>(h.app.url, query, variables);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data as T;
    },
    fails: async (query: string, variables?: Record<string, unknown>) => {
      const res = await gql(h.app.url, query, variables);
      expect(res.errors?.length, JSON.stringify(res.data)).toBeGreaterThan(0);
      return res.errors![0]!;
    },
  };
  const base = useSimulatedApp([
    { id: 'zapi', provider: 'zapi', simulator: { autoReply: false } },
    { id: 'zivo', provider: 'zivo', simulator: { autoReply: false } },
  ]);
  beforeAll(() => {
    h.app = base.app;
    h.sim = base.sims.zapi!;
    h.zivo = base.sims.zivo!;
    h.prefix = `/instances/${String(h.sim.instanceConfig.instanceId)}/token/${String(h.sim.instanceConfig.token)}`;
  });
  return h;
}
