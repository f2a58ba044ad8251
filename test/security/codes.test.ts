import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { MAX_DOCUMENT_TOKENS } from '../../src/app.js';
import { MAX_WEBHOOK_DEPTH, jsonDepth } from '../../src/server/webhook-receiver.js';
import { collect, gql, sandboxConfig, startTestApp, wsClient } from '../helpers/app.js';
import { webhookProvider } from '../helpers/providers.js';
import { slowBody } from '../helpers/slow-body.js';
import { startPausableRedis, type PausableRedis } from './pausable-redis.js';

/**
 * Issue 12, deliverable 5 ("Right codes"), against the running server over real HTTP and
 * WebSocket: one row per attack with the status and code it must get, and after each the
 * server still answers `/healthz` within a second. The app runs in sandbox mode on a private
 * Redis that the store-failure rows pause (SIGSTOP), so those rows see a Redis that accepts
 * connections and answers nothing (commands time out after the stores' 2 s).
 */

/** Webhook body-read deadline the app is started with here, ms (the default is 10 s). */
const BODY_DEADLINE_MS = 400;

let redis: PausableRedis;
let app: RunningApp;

beforeAll(async () => {
  redis = await startPausableRedis();
  app = await startTestApp(sandboxConfig({ redis: { url: redis.url, keyPrefix: 'codes' } }), { webhookBodyDeadlineMs: BODY_DEADLINE_MS });
});
afterAll(async () => {
  await redis?.resume().catch(() => undefined);
  await app?.close();
  await redis?.stop();
});

/** The provider whose documented webhooks the rows post (the first module with webhook samples). */
const ref = webhookProvider();

/** The sandbox instance of a provider kind, with its webhook secret. */
function instance(kind: string) {
  const cfg = app.instanceConfigs.find((c) => c.provider === kind);
  if (!cfg) throw new Error(`no ${kind} sandbox instance`);
  return cfg;
}

/** An HTTP answer reduced to what the rows check. */
interface Answer {
  status: number;
  body: Record<string, unknown> & { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  headers: Headers;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], headers: res.headers };
}

const graphql = (body: unknown) => post('/graphql', body);
const webhook = (kind: string, body: unknown) => post(`/webhooks/${encodeURIComponent(instance(kind).id)}/${encodeURIComponent(instance(kind).webhookSecret)}`, body);

/** A JSON array nested `depth` deep, as text (built without recursion). */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** `/healthz` answers 200 within a second. */
async function healthy(): Promise<void> {
  const res = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
  expect(res.status).toBe(200);
}

function code(answer: Answer): unknown {
  return answer.body.errors?.[0]?.extensions?.code;
}

interface Row {
  attack: string;
  expected: string;
  run: () => Promise<void>;
}

const requestRows: Row[] = [
  {
    attack: 'syntax error',
    expected: '400 GRAPHQL_PARSE_FAILED',
    async run() {
      const a = await graphql({ query: '{ instance(id: ' });
      expect([a.status, code(a)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    },
  },
  {
    attack: `document over ${MAX_DOCUMENT_TOKENS} tokens`,
    expected: '400 GRAPHQL_PARSE_FAILED naming the token limit',
    async run() {
      const a = await graphql({ query: `{ ${'__typename '.repeat(MAX_DOCUMENT_TOKENS + 10)} }` });
      expect([a.status, code(a)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
      expect(a.body.errors?.[0]?.message).toMatch(new RegExp(`more than ${MAX_DOCUMENT_TOKENS} tokens \\(the limit\\)`));
    },
  },
  {
    attack: 'a sendBulk of 250 messages written inline',
    expected: 'not refused by the token limit (the send itself answers)',
    async run() {
      const messages = Array.from({ length: 250 }, (_, i) => `{to: "+55 11 98765-${String(1000 + i)}", text: "m${i}"}`).join(', ');
      const a = await graphql({ query: `mutation { sendBulk(input: {instanceId: "${instance(ref.kind).id}", messages: [${messages}]}) { results { error { code } } } }` });
      expect(a.status).not.toBe(400);
      expect(a.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('GRAPHQL_PARSE_FAILED');
    },
  },
  {
    attack: 'unknown field',
    expected: '400 GRAPHQL_VALIDATION_FAILED',
    async run() {
      const a = await graphql({ query: '{ noSuchField }' });
      expect([a.status, code(a)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    },
  },
  {
    attack: 'query nested past the depth limit',
    expected: '400 GRAPHQL_VALIDATION_FAILED naming the depth',
    async run() {
      const deep = `{ __type(name: "Query") { ${'fields { type { '.repeat(7)}name${' } }'.repeat(7)} } }`;
      const a = await graphql({ query: deep });
      expect([a.status, code(a)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
      expect(a.body.errors?.map((e) => e.message).join(' ')).toMatch(/depth/i);
    },
  },
  {
    attack: 'persisted query hash unknown',
    expected: 'PERSISTED_QUERY_NOT_FOUND (Apollo status)',
    async run() {
      const a = await graphql({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
      expect(code(a)).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(a.status).toBeLessThan(500);
    },
  },
  {
    attack: 'persisted query hash that does not match its text',
    expected: '400 BAD_REQUEST "provided sha does not match query"',
    async run() {
      const a = await graphql({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
      expect([a.status, code(a), a.body.errors?.[0]?.message]).toEqual([400, 'BAD_REQUEST', 'provided sha does not match query']);
    },
  },
];

const webhookRows: Row[] = [
  {
    attack: 'right secret, body never finished',
    expected: `408 at the body deadline (${BODY_DEADLINE_MS} ms here, 10 s by default)`,
    async run() {
      const a = await slowBody(app.url, `/webhooks/${instance(ref.kind).id}/${instance(ref.kind).webhookSecret}`, 100_000);
      expect(a.status).toBe(408);
      expect(a.ms).toBeGreaterThanOrEqual(BODY_DEADLINE_MS - 50);
      expect(a.ms).toBeLessThan(BODY_DEADLINE_MS + 1_000);
    },
  },
];

describe('right codes: requests', () => {
  it.each(requestRows)('$attack → $expected', async ({ run }) => {
    await run();
    await healthy();
  });
});

describe('right codes: webhooks', () => {
  it.each(webhookRows)('$attack → $expected', async ({ run }) => {
    await run();
    await healthy();
  });
});

describe('right codes: Redis paused', () => {
  let cursor: string;
  beforeAll(async () => {
    const a = await webhook(ref.kind, ref.samples.inboundText(`PAUSE${Date.now()}`));
    expect(a.status).toBe(200);
    const page = await gql(app.url, `{ events(instanceId: "${instance(ref.kind).id}", first: 500) { endCursor } }`);
    cursor = page.data?.events.endCursor as string;
    expect(cursor).toBeTruthy();
    redis.pause();
  });
  afterAll(async () => {
    await redis.resume();
  });

  const pausedRows: Row[] = [
    {
      attack: '`events` query',
      expected: 'SERVICE_UNAVAILABLE (no resume)',
      async run() {
        const r = await gql(app.url, `{ events(instanceId: "${instance(ref.kind).id}", first: 10) { endCursor } }`);
        expect(r.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      },
    },
    {
      attack: 'send with an idempotency key',
      expected: 'SERVICE_UNAVAILABLE, nothing sent',
      async run() {
        const r = await gql(
          app.url,
          `mutation { sendText(input: {instanceId: "${instance(ref.kind).id}", to: "+55 11 98765-4321", text: "hi", idempotencyKey: "k-paused"}) { message { id } } }`,
        );
        expect(r.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(r.errors?.[0]?.message).toMatch(/nothing was sent/);
      },
    },
    {
      attack: '`events` subscription replaying from a cursor',
      expected: 'SERVICE_UNAVAILABLE with resume: true',
      async run() {
        const client = wsClient(app.url);
        try {
          const sub = collect(client, `subscription($after: String) { events(instanceId: "${instance(ref.kind).id}", after: $after) { cursor } }`, { after: cursor });
          await sub.done.catch(() => undefined);
          const [first] = await sub.waitForCount(1, 8_000);
          expect(first!.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', resume: true });
        } finally {
          await client.dispose();
        }
      },
    },
    {
      attack: 'webhook while the store is down (a passing failure)',
      expected: '503 + Retry-After',
      async run() {
        const a = await webhook(ref.kind, ref.samples.inboundText(`PAUSED${Date.now()}`));
        expect(a.status).toBe(503);
        expect(a.headers.get('retry-after')).toBeTruthy();
      },
    },
  ];

  it.each(pausedRows)('$attack → $expected', async ({ run }) => {
    await run();
    await healthy();
  });
});

describe('jsonDepth (the webhook depth check)', () => {
  it.each([
    { value: 'text', limit: 5, depth: 0 },
    { value: {}, limit: 5, depth: 1 },
    { value: { a: [1, { b: [] }] }, limit: 5, depth: 4 },
    { value: JSON.parse(nested(5_000)) as unknown, limit: MAX_WEBHOOK_DEPTH, depth: MAX_WEBHOOK_DEPTH + 1 },
  ])('depth of a value with limit $limit is $depth', ({ value, limit, depth }) => {
    expect(jsonDepth(value, limit)).toBe(depth);
  });
});
