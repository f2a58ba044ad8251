import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { ProviderModule, SimulatorHandle } from '../../src/providers/contract.js';
import type { ProviderKind } from '../../src/providers/model.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { gql, sandboxConfig, startTestApp } from '../helpers/app.js';
import { operationFixtures, type KeyedOperationFixture } from '../helpers/fixtures.js';
import { graphOperationFixture, type GraphOperationFixture } from '../helpers/graph-operations.js';
import { expectAuthorised, isCallOf } from '../helpers/providers.js';

/**
 * Every documented operation of each provider that keeps graph-operation rows
 * (`test/fixtures/<provider>/graph-operations.ts`, see test/helpers/graph-operations.ts),
 * reached through its GraphQL field on the running app: the simulator must receive the
 * documented method and path, the credentials where the module's `simulatorAccess.authorise`
 * puts them, and a body (or query) with the documented fields. A provider's rows must cover
 * its documented operations (`operations.json`) exactly, so an operation added to its fixtures
 * without a graph row fails here.
 *
 * Z-API keeps no rows yet: its operations are driven through the graph by its own suites
 * (test/providers/zapi/), area by area.
 */

interface Loaded {
  mod: ProviderModule;
  fixture: GraphOperationFixture;
  ops: KeyedOperationFixture[];
}

const loaded: Loaded[] = [];
for (const mod of Object.values(PROVIDER_MODULES)) {
  const fixture = await graphOperationFixture(mod);
  if (fixture) loaded.push({ mod, fixture, ops: operationFixtures(mod) });
}

const sims: Partial<Record<ProviderKind, SimulatorHandle>> = {};
let app: RunningApp;

beforeAll(async () => {
  const instances: Record<string, unknown>[] = [];
  for (const { mod, fixture } of loaded) {
    const sim = await mod.startSimulator({ stepDelayMs: 5, autoReply: false });
    sims[mod.kind] = sim;
    for (const [id, extra] of Object.entries(fixture.instances)) {
      instances.push({ ...sim.instanceConfig, id, provider: mod.kind, webhookSecret: `${id}-secret-0123456789abcdef`, baseUrl: sim.url, ...extra });
    }
  }
  app = await startTestApp(sandboxConfig({ sandbox: false, instances: instances as never }));
});
afterAll(async () => {
  await app?.close();
  for (const s of Object.values(sims)) await s?.close();
});

it('at least one provider keeps graph-operation rows, and no two providers share an instance id', () => {
  expect(loaded.length).toBeGreaterThan(0);
  const ids = loaded.flatMap((l) => Object.keys(l.fixture.instances));
  expect(new Set(ids).size).toBe(ids.length);
});

for (const { mod, fixture, ops } of loaded) {
  describe(`${mod.kind}: every documented operation through the graph`, () => {
    it('has a graph row for exactly the documented operations, each on one of its instances', () => {
      expect(Object.keys(fixture.rows).sort()).toEqual(ops.map((o) => o.key).sort());
      expect(Object.values(fixture.rows).filter((r) => !(r.instance in fixture.instances))).toEqual([]);
    });

    it.each(ops.map((o) => [o.key, o] as const))('%s', async (key, op) => {
      const row = fixture.rows[key]!;
      const sim = sims[mod.kind]!;
      const before = sim.requests.length;
      const res = await gql(app.url, row.query, { i: row.instance, ...row.variables });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const recorded = sim.requests.slice(before).filter((r) => isCallOf(mod, sim.instanceConfig, op, r));
      expect(
        recorded.length,
        `${key}: requests seen ${sim.requests
          .slice(before)
          .map((r) => `${r.method} ${r.path}`)
          .join(', ')}`,
      ).toBeGreaterThanOrEqual(1);
      const req = recorded[0]!;
      expectAuthorised(mod, sim.instanceConfig, op, req);
      if (row.expect) expect(req.method === 'GET' ? req.query : req.body).toMatchObject(row.expect);
    });
  });
}
