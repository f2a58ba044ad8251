import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { composeServices } from '@apollo/composition';
import type { GatewayConfig } from '@graphql-hive/gateway-runtime';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { collect, eventually, gql, sandboxConfig, startTestApp, wsClient } from '../helpers/app.js';
import { startHiveGateway, type RunningHiveGateway } from '../helpers/hive-gateway.js';
import { inboundTextBody, simulatedInstance, webhookProvider } from '../helpers/providers.js';

/**
 * The README's Hive Gateway configuration ("Compose into a supergraph", "Hive Gateway"), as
 * written there, in front of a whatsgraph that requires an API key: the `transportEntries` object
 * is read out of README.md and given to Hive Gateway's runtime, so the documented key propagation
 * (an `authorization` header with `{env.WHATSGRAPH_KEY}` for queries, `connectionParams` for the
 * graphql-ws subscription) is what carries a query and a live event through. Apollo Router and
 * Cosmo, the README's other two routers, are binaries this machine cannot fetch; their configs are
 * not run.
 */

const KEY = 'gateway-key-0123456789abcdef';
const INSTANCE = 'sales';
const SECRET = 'sales-webhook-secret-0123456789';
const mod = webhookProvider();

/**
 * The object README.md passes to `defineConfig` in its Hive Gateway section, evaluated as written.
 * @throws Error when the section or its `defineConfig({…});` call is not found
 */
function readmeGatewayConfig(): GatewayConfig & { supergraph?: unknown } {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Hive Gateway'));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  const call = block && /defineConfig\(([\s\S]*)\);\s*$/.exec(block)?.[1];
  if (!call) throw new Error('README.md: no Hive Gateway `defineConfig({…});` block found');
  // a plain object literal: evaluated in a context of its own, as the README's reader would run it
  return runInNewContext(`(${call})`) as GatewayConfig & { supergraph?: unknown };
}

/** Hive Gateway's runtime with README.md's config (the supergraph given as SDL); `WHATSGRAPH_KEY` is read from the environment as the README says. */
function startGateway(): Promise<RunningHiveGateway> {
  const readme = readmeGatewayConfig();
  expect(readme.supergraph).toBe('./supergraph.graphql');
  return startHiveGateway({ ...readme, supergraph: supergraphSdl, logging: false, maskedErrors: false } as GatewayConfig);
}

let supergraphSdl: string;
let sim: SimulatorHandle;
let app: RunningApp;
let gateway: RunningHiveGateway;
let gatewayUrl: string;
let previousKey: string | undefined;

beforeAll(async () => {
  sim = await mod.startSimulator({ autoReply: false });
  app = await startTestApp(sandboxConfig({ sandbox: false, auth: { apiKeys: [KEY] }, instances: [simulatedInstance(mod, sim, INSTANCE, SECRET)] }));
  // the SDL as a router reads it, with the router's key
  const answer = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const sdl = ((await answer.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
  const composed = composeServices([{ name: 'whatsgraph', typeDefs: parse(sdl), url: `${app.url}/graphql` }]);
  expect(composed.errors?.map((e) => e.message)).toBeUndefined();

  previousKey = process.env.WHATSGRAPH_KEY;
  process.env.WHATSGRAPH_KEY = KEY;
  supergraphSdl = composed.supergraphSdl!;
  gateway = await startGateway();
  gatewayUrl = gateway.url;
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await app?.close();
  await sim?.close();
  if (previousKey === undefined) delete process.env.WHATSGRAPH_KEY;
  else process.env.WHATSGRAPH_KEY = previousKey;
});

describe("the README's Hive Gateway config, against a whatsgraph with API keys", () => {
  it('whatsgraph refuses a client without the key; the gateway, configured as the README says, gets through with it', async () => {
    const direct = await gql(app.url, '{ instances { instanceId } }');
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const viaGateway = await gql(gatewayUrl, '{ instances { instanceId provider } }');
    expect(viaGateway.errors, JSON.stringify(viaGateway.errors)).toBeUndefined();
    expect(viaGateway.data).toEqual({ instances: [{ instanceId: INSTANCE, provider: mod.kind }] });
  });

  it('the same config with another key in WHATSGRAPH_KEY is refused by whatsgraph: the key the README names is the one that goes upstream', async () => {
    process.env.WHATSGRAPH_KEY = 'another-key-0123456789abcdef';
    const other = await startGateway();
    try {
      const refused = await gql(other.url, '{ instances { instanceId } }');
      expect(refused.data ?? null).toBeNull();
      expect(JSON.stringify(refused.errors)).toContain('UNAUTHENTICATED');
    } finally {
      process.env.WHATSGRAPH_KEY = KEY;
      await other.close();
    }
  });

  it('a subscription through the gateway reaches whatsgraph over graphql-ws with the key in connectionParams, and carries a webhook-derived message', async () => {
    const client = wsClient(gatewayUrl);
    const sub = collect(client, `subscription($i: ID!) { messageReceived(instanceId: $i) { providerMessageId content { ... on TextContent { body } } } }`, { i: INSTANCE });
    try {
      await eventually(async () => (await app.services.metrics.subscriptions.get()).values[0]?.value === 1, 10_000, 'the gateway subscribed upstream');
      const id = `README-GW-${Date.now()}`;
      const res = await fetch(`${app.url}/webhooks/${INSTANCE}/${SECRET}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: inboundTextBody(mod, id, { text: 'through the gateway' }),
      });
      expect(res.status).toBe(200);
      const got = await sub.waitFor((d) => d.messageReceived.providerMessageId === id);
      expect(got.messageReceived).toEqual({ providerMessageId: id, content: { body: 'through the gateway' } });
      expect(sub.results.every((r) => r.errors === undefined)).toBe(true);
    } finally {
      sub.dispose();
      await client.dispose();
    }
  });
});
