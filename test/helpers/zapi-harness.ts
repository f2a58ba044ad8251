import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { RecordedRequest, SimulatorHandle } from '../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { zapiModule } from '../../src/providers/zapi/index.js';
import { gql, sandboxConfig, startTestApp } from './app.js';

/**
 * The real app with two instances over real HTTP: `zapi` on a fresh Z-API simulator and
 * `zivo` (a provider without chat management, labels or a catalog) on the Zivo simulator.
 * Registers its own beforeAll/afterAll/beforeEach (requests cleared before each test).
 */
export function zapiHarness() {
  const h = {
    sim: undefined as unknown as SimulatorHandle,
    zivo: undefined as unknown as SimulatorHandle,
    app: undefined as unknown as RunningApp,
    prefix: '',
    /** The simulator's requests on `path` (under the instance prefix). */
    on(method: string, path: string): RecordedRequest[] {
      return h.sim.requests.filter((r) => r.method === method && r.path === `${h.prefix}${path}`);
    },
    /** Asserts the documented credential header (Client-Token, z-api.txt 450-480). */
    expectAuth(req: RecordedRequest | undefined): void {
      expect(req?.headers['client-token']).toBe(h.sim.instanceConfig.clientToken);
    },
    async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const res = await gql<T>(h.app.url, query, variables);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data as T;
    },
    async fails(query: string, variables?: Record<string, unknown>) {
      const res = await gql(h.app.url, query, variables);
      expect(res.errors?.length, JSON.stringify(res.data)).toBeGreaterThan(0);
      return res.errors![0]!;
    },
  };
  beforeAll(async () => {
    h.sim = await zapiModule.startSimulator({ port: 0, autoReply: false });
    h.zivo = await PROVIDER_MODULES.zivo.startSimulator({ port: 0, autoReply: false });
    h.prefix = `/instances/${String(h.sim.instanceConfig.instanceId)}/token/${String(h.sim.instanceConfig.token)}`;
    h.app = await startTestApp(sandboxConfig({
      sandbox: false,
      instances: [
        { ...h.sim.instanceConfig, id: 'zapi', provider: 'zapi', webhookSecret: 'zapi-secret-0123456789abcdef', baseUrl: h.sim.url },
        { ...h.zivo.instanceConfig, id: 'zivo', provider: 'zivo', webhookSecret: 'zivo-secret-0123456789abcdef', baseUrl: h.zivo.url },
      ] as never,
    }));
  });
  afterAll(async () => {
    await h.app?.close();
    await h.sim?.close();
    await h.zivo?.close();
  });
  beforeEach(() => {
    h.sim.requests.length = 0;
    h.zivo.requests.length = 0;
  });
  return h;
}
