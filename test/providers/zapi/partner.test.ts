import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import { toGlobalId } from '../../../src/global-ids.js';
import type { Capability, RecordedRequest, SimulatorHandle } from '../../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../../src/providers/registry.js';
import { ZAPI_SANDBOX_INTEGRATOR_TOKEN } from '../../../src/providers/zapi/simulator/index.js';
import { sandboxConfig, startTestApp, type GqlResult } from '../../helpers/app.js';
import { operationsFor, simulatedInstance } from '../../helpers/providers.js';

/**
 * Z-API's partner (integrator) API through the graph (issue 9, item 8; z-api.txt 13462-13791):
 * `providerAccounts`, `createProviderInstance`, `subscribeProviderInstance` and
 * `cancelProviderInstance`, with the integrator token of `partners.zapi`, against the simulator.
 * Each sends the documented request (method, path, `Authorization: Bearer`, body or query); a
 * key without the admin scope is refused with FORBIDDEN before any request; no response or log
 * line carries the integrator token or an instance token.
 */
const zapi = PROVIDER_MODULES.zapi;
const MANAGER = 'manager-key-0123456789abcdef';
const ADMIN = 'admin-key-0123456789abcdef';
/** An admin key limited to the one instance: it may subscribe or cancel that instance, not list or create the account's. */
const INSTANCE_ADMIN = 'instance-admin-key-0123456789abcdef';

let sim: SimulatorHandle;
let app: RunningApp;
const logLines: string[] = [];
const responses: string[] = [];

beforeAll(async () => {
  sim = await zapi.startSimulator({ autoReply: false });
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  app = await startTestApp(
    sandboxConfig({
      sandbox: false,
      auth: {
        apiKeys: [MANAGER, { key: ADMIN, instances: '*', scopes: ['read', 'admin'] }, { key: INSTANCE_ADMIN, instances: ['zapi'], scopes: ['read', 'admin'] }],
      },
      instances: [simulatedInstance(zapi, sim, 'zapi', 'zapi-webhook-secret-0123456789')],
      partners: { zapi: { token: ZAPI_SANDBOX_INTEGRATOR_TOKEN, baseUrl: sim.url } },
    }),
    { logger },
  );
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

async function post(key: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  responses.push(text);
  return JSON.parse(text) as GqlResult;
}

/** The documented operation a capability reaches (exactly one each). */
function documented(capability: Capability) {
  const ops = operationsFor(zapi, capability);
  expect(ops, capability).toHaveLength(1);
  return ops[0]!;
}

const header = (r: RecordedRequest, name: string) => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const LIST = `query($page: Int!, $size: Int!, $search: String) {
  providerAccounts(provider: zapi, page: $page, pageSize: $size, search: $search) {
    page pageSize total totalPages hasNextPage
    items { id accountId name createdAt dueAt paymentStatus phoneConnected whatsappConnected device configuredInstanceId }
  }
}`;

interface Case {
  capability: Capability;
  query: string;
  variables?: Record<string, unknown>;
  /** The path the simulator must receive. */
  path: () => string;
  /** Checks the request's body or query against the documentation. */
  check: (r: RecordedRequest) => void;
}

const CASES: Case[] = [
  {
    capability: 'PROVIDER_ACCOUNTS',
    query: LIST,
    variables: { page: 1, size: 5 },
    path: () => '/instances',
    // z-api.txt 13711-13733: page and pageSize are required query parameters.
    check: (r) => {
      expect(r.query).toEqual({ page: '1', pageSize: '5' });
      expect(r.body ?? null).toBeNull();
    },
  },
  {
    capability: 'CREATE_PROVIDER_INSTANCE',
    query: `mutation { createProviderInstance(input: {provider: zapi, name: "Acme support", sessionName: "Acme", rejectCalls: true, rejectCallMessage: "Call later", autoReadMessages: false, device: WEB, business: true}) { provider id name dueAt } }`,
    path: () => '/instances/integrator/on-demand',
    // z-api.txt 13524-13560: the documented attributes.
    check: (r) => {
      const op = documented('CREATE_PROVIDER_INSTANCE');
      const fields = new Set([...(op.body?.required ?? []), ...(op.body?.optional ?? [])].map((f) => f.name));
      const body = r.body as Record<string, unknown>;
      expect(Object.keys(body).filter((k) => !fields.has(k))).toEqual([]);
      expect(body).toEqual({
        name: 'Acme support',
        sessionName: 'Acme',
        callRejectAuto: true,
        callRejectMessage: 'Call later',
        autoReadMessage: false,
        isDevice: false,
        businessDevice: true,
      });
    },
  },
  {
    capability: 'SUBSCRIBE_PROVIDER_INSTANCE',
    query: `mutation { subscribeProviderInstance(input: {instanceId: "zapi"}) { instanceId provider ok } }`,
    path: () => `/instances/${String(sim.instanceConfig.instanceId)}/token/${String(sim.instanceConfig.token)}/integrator/on-demand/subscription`,
    check: (r) => expect(r.body ?? null).toBeNull(),
  },
  {
    capability: 'CANCEL_PROVIDER_INSTANCE',
    query: `mutation { cancelProviderInstance(input: {instanceId: "zapi"}) { instanceId provider ok } }`,
    path: () => `/instances/${String(sim.instanceConfig.instanceId)}/token/${String(sim.instanceConfig.token)}/integrator/on-demand/cancel`,
    check: (r) => expect(r.body ?? null).toBeNull(),
  },
];

describe('the partner API needs the admin scope', () => {
  it.each(CASES.map((c) => [c.capability, c] as const))('%s: a key without admin is refused with FORBIDDEN, before any request', async (_cap, c) => {
    const before = sim.requests.length;
    const body = await post(MANAGER, c.query, c.variables);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });
    expect(sim.requests.length).toBe(before);
  });

  it('an admin key limited to some instances may not list or create the account-wide instances (FORBIDDEN, no request)', async () => {
    const before = sim.requests.length;
    for (const c of CASES.slice(0, 2)) expect((await post(INSTANCE_ADMIN, c.query, c.variables)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });
    expect(sim.requests.length).toBe(before);
  });
});

describe('the partner API sends the documented requests', () => {
  it.each(CASES.map((c) => [c.capability, c] as const))('%s: method, path, integrator token and body as documented', async (_cap, c) => {
    const op = documented(c.capability);
    const before = sim.requests.length;
    const body = await post(ADMIN, c.query, c.variables);
    expect(body.errors).toBeUndefined();
    const sent = sim.requests.slice(before);
    expect(sent).toHaveLength(1);
    const r = sent[0]!;
    expect(r.method).toBe(op.method);
    expect(r.path).toBe(c.path());
    // z-api.txt 13591-13596 (and each section's curl sample): the integrator token as a Bearer token, JSON content type, no Client-Token.
    expect(header(r, 'authorization')).toBe(`Bearer ${ZAPI_SANDBOX_INTEGRATOR_TOKEN}`);
    expect(header(r, 'content-type')).toBe('application/json');
    expect(header(r, 'client-token')).toBeUndefined();
    c.check(r);
  });
});

describe('the partner API answers', () => {
  it('providerAccounts lists the configured instance with its graph id, and never a token', async () => {
    const body = await post(ADMIN, LIST, { page: 1, size: 50, search: String(sim.instanceConfig.instanceId) });
    const page = (body.data as { providerAccounts: { items: Array<Record<string, unknown>>; hasNextPage: boolean; total: number } }).providerAccounts;
    expect(page.total).toBe(1);
    expect(page.hasNextPage).toBe(false);
    expect(page.items).toEqual([
      expect.objectContaining({
        id: toGlobalId('ProviderAccount', 'zapi', String(sim.instanceConfig.instanceId)),
        accountId: sim.instanceConfig.instanceId,
        name: 'Z-API sandbox',
        device: 'WEB',
        configuredInstanceId: 'zapi',
        phoneConnected: true,
      }),
    ]);
    expect(page.items[0]!.dueAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('a provider account is a node: node(id) reads it back through the partner API with the admin scope, FORBIDDEN without it', async () => {
    const accountId = String(sim.instanceConfig.instanceId);
    const listed = (await post(ADMIN, LIST, { page: 1, size: 50, search: accountId })).data as { providerAccounts: { items: Array<Record<string, unknown>> } };
    const account = listed.providerAccounts.items[0]!;
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on ProviderAccount { accountId name createdAt dueAt paymentStatus phoneConnected whatsappConnected device configuredInstanceId } } }`;
    const sent = sim.requests.length;
    const read = await post(ADMIN, NODE, { id: account.id });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ node: { __typename: 'ProviderAccount', ...account } });
    // node(id) made the same search the list made: one request
    expect(sim.requests.slice(sent).map((r) => [r.path, r.query])).toEqual([['/instances', expect.objectContaining({ page: '1', query: accountId })]]);
    // an account the provider does not have, and a provider with no partner API here: null
    const none = await post(ADMIN, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [toGlobalId('ProviderAccount', 'zapi', 'NO-SUCH-ACCOUNT'), toGlobalId('ProviderAccount', 'ivosights', accountId)],
    });
    expect(none).toEqual({ data: { nodes: [null, null] } });
    const before = sim.requests.length;
    const refused = await post(MANAGER, NODE, { id: account.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });
    expect(sim.requests.length).toBe(before);
  });

  it('createProviderInstance returns the new id, name and trial end, then the list shows it on trial, not configured', async () => {
    const body = await post(ADMIN, `mutation { createProviderInstance(input: {provider: zapi, name: "Acme sales"}) { provider id accountId name dueAt } }`);
    const created = (body.data as { createProviderInstance: { id: string; accountId: string; name: string; dueAt: string; provider: string } }).createProviderInstance;
    expect(created).toMatchObject({ provider: 'zapi', name: 'Acme sales' });
    expect(created.accountId).toMatch(/^[0-9A-F]{22}$/);
    expect(created.id).toBe(toGlobalId('ProviderAccount', 'zapi', created.accountId));
    // z-api.txt 13487: a two-day trial
    expect(Date.parse(created.dueAt) - Date.now()).toBeGreaterThan(47 * 3600_000);
    const listed = await post(ADMIN, LIST, { page: 1, size: 50, search: 'Acme sales' });
    const items = (listed.data as { providerAccounts: { items: Array<Record<string, unknown>> } }).providerAccounts.items;
    expect(items).toEqual([expect.objectContaining({ id: created.id, accountId: created.accountId, name: 'Acme sales', paymentStatus: 'TRIAL', configuredInstanceId: null })]);
  });

  it('subscribe, then cancel, change the payment status the list reports', async () => {
    const status = async () => {
      const listed = await post(ADMIN, LIST, { page: 1, size: 50, search: String(sim.instanceConfig.instanceId) });
      return (listed.data as { providerAccounts: { items: Array<{ paymentStatus: string }> } }).providerAccounts.items[0]?.paymentStatus;
    };
    expect((await post(ADMIN, CASES[2]!.query)).data).toEqual({ subscribeProviderInstance: { instanceId: 'zapi', provider: 'zapi', ok: true } });
    expect(await status()).toBe('PAID');
    expect((await post(ADMIN, CASES[3]!.query)).data).toEqual({ cancelProviderInstance: { instanceId: 'zapi', provider: 'zapi', ok: true } });
    expect(await status()).toBe('CANCELED');
  });

  it('an unknown instance is NOT_FOUND and a provider without a configured partner API CAPABILITY_NOT_SUPPORTED, before any request', async () => {
    const before = sim.requests.length;
    const unknown = await post(ADMIN, `mutation { subscribeProviderInstance(input: {instanceId: "nope"}) { ok } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const other = await post(ADMIN, `{ providerAccounts(provider: ivosights) { total } }`);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'ivosights', capability: 'PROVIDER_ACCOUNTS' });
    expect(sim.requests.length).toBe(before);
  });

  it('bad input is BAD_USER_INPUT before any request', async () => {
    const before = sim.requests.length;
    const blank = await post(ADMIN, `mutation { createProviderInstance(input: {provider: zapi, name: "  "}) { id } }`);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const size = await post(ADMIN, LIST, { page: 1, size: 1000 });
    expect(size.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pageSize' });
    expect(sim.requests.length).toBe(before);
  });

  it('a refused integrator token is PROVIDER_UNAUTHORIZED', async () => {
    sim.injectFault({ status: 401, body: { error: 'Invalid integrator token' }, match: { pathIncludes: '/instances' } });
    const body = await post(ADMIN, LIST, { page: 1, size: 5 });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAUTHORIZED', provider: 'zapi' });
  });

  it('no response and no log line carries the integrator token or any instance token', async () => {
    // Every instance token the simulated account holds (the created ones included), read straight from the simulator.
    const res = await fetch(`${sim.url}/instances?page=1&pageSize=100`, { headers: { authorization: `Bearer ${ZAPI_SANDBOX_INTEGRATOR_TOKEN}` } });
    const tokens = ((await res.json()) as { content: Array<{ token: string }> }).content.map((i) => i.token);
    expect(tokens.length).toBeGreaterThan(1);
    const secrets = [ZAPI_SANDBOX_INTEGRATOR_TOKEN, ...tokens];
    expect(responses.length).toBeGreaterThan(10);
    expect(logLines.length).toBeGreaterThan(0);
    for (const text of [...responses, ...logLines]) for (const secret of secrets) expect(text.includes(secret), text.slice(0, 200)).toBe(false);
  });
});
