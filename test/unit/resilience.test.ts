import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphError } from '../../src/errors.js';
import { ProviderHttpClient, isPlainPath, type ProviderHttpClientOptions, type ProviderRequest } from '../../src/providers/http.js';
import { PROVIDER_KINDS } from '../../src/providers/model.js';
import type { ResilienceOptions } from '../../src/providers/resilience.js';

/**
 * The outbound resilience of one instance (issue 12, deliverable 4) over a real loopback HTTP
 * server: circuit breaker, `Retry-After`, read retries, pacing and malformed replies.
 */

interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

const TOKEN = 'SECRET-TOKEN-0123456789';
let server: Server;
let origin: string;
/** Answers served in order; when empty, `fallback`. */
let script: Answer[] = [];
let fallback: Answer = { status: 200, body: '{"ok":true}' };
let hits = 0;
/** The request target of the last request the server received. */
let lastUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    lastUrl = req.url ?? '';
    req.resume();
    const a = script.shift() ?? fallback;
    setTimeout(() => {
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body ?? '');
    }, a.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  script = [];
  fallback = { status: 200, body: '{"ok":true}' };
  hits = 0;
});

const clients: ProviderHttpClient[] = [];
afterAll(async () => {
  for (const c of clients) await c.close();
});

function client(resilience: ResilienceOptions = {}, extra: Partial<ProviderHttpClientOptions> = {}): ProviderHttpClient {
  const c = new ProviderHttpClient({ provider: PROVIDER_KINDS[0], baseUrl: `${origin}/instances/I1/token/${TOKEN}`, secrets: [TOKEN], resilience, ...extra });
  clients.push(c);
  return c;
}

const READ: ProviderRequest = { operation: 'status', method: 'GET', path: '/status' };
const SEND: ProviderRequest = { operation: 'send-text', method: 'POST', path: '/send-text', body: { phone: '5511999999999', message: 'hi' } };

async function failure(c: ProviderHttpClient, req: ProviderRequest): Promise<GraphError> {
  return c.request(req).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as GraphError,
  );
}

function expectSafe(err: GraphError): void {
  const shown = JSON.stringify({ m: err.message, e: err.extensions });
  expect(shown).not.toContain(TOKEN);
  expect(shown).not.toContain(origin);
}

describe('circuit breaker, per instance', () => {
  it.each([
    { name: 'HTTP 500', answer: { status: 500, body: '{"error":"boom"}' } },
    { name: 'HTTP 503', answer: { status: 503, body: '{}' } },
    { name: 'a timeout', answer: { status: 200, body: '{}', delayMs: 300 } },
  ])('opens after 3 consecutive failures ($name), fails fast without reaching the provider, half-opens', async ({ answer }) => {
    fallback = answer;
    const c = client({ breakerThreshold: 3, halfOpenAfterMs: 400 }, { timeoutMs: 100 });
    for (let i = 0; i < 3; i++) expect((await failure(c, SEND)).code).toBe('PROVIDER_UNAVAILABLE');
    expect(hits).toBe(3);
    const opened = Date.now();
    const fast = await failure(c, SEND);
    expect(fast.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', circuit: 'OPEN', operation: 'send-text' });
    expect(fast.extensions.halfOpenAt).toBeGreaterThan(opened);
    expect(fast.extensions.retryAfterMs).toBeGreaterThan(0);
    expect(fast.extensions.retryAfterMs).toBeLessThanOrEqual(400);
    expectSafe(fast);
    expect(hits).toBe(3);
    // the provider recovers; another instance on the same host calls it at once, this one still fails fast
    fallback = { status: 200, body: '{"ok":true}' };
    expect(await client().request(SEND)).toEqual({ ok: true });
    expect((await failure(c, SEND)).extensions.circuit).toBe('OPEN');
    hits = 0;
    await new Promise((r) => setTimeout(r, 450));
    expect(await c.request(SEND)).toEqual({ ok: true }); // half-open trial call goes through and closes it
    expect(await c.request(SEND)).toEqual({ ok: true });
    expect(hits).toBe(2);
  });

  it.each([400, 401, 404, 422, 429])('does not open on HTTP %i (a client error or rate limit)', async (status) => {
    fallback = { status, body: '{"error":"no"}' };
    const c = client({ breakerThreshold: 3 });
    for (let i = 0; i < 6; i++) expect((await failure(c, SEND)).extensions.circuit).toBeUndefined();
    expect(hits).toBe(6);
  });
});

describe('Retry-After', () => {
  it.each([
    { header: '120', expectedMs: 120_000, toleranceMs: 2_000 },
    // an HTTP date (1 s resolution, computed when the table is built): a wider tolerance
    { header: new Date(Date.now() + 600_000).toUTCString(), expectedMs: 600_000, toleranceMs: 30_000 },
  ])('after a 429 with Retry-After $header, calls fail fast with the time left and never reach the provider', async ({ header, expectedMs, toleranceMs }) => {
    script = [{ status: 429, body: '{}', headers: { 'retry-after': header } }];
    const c = client({ honourRetryAfter: true });
    const first = await failure(c, SEND);
    expect(first.extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', httpStatus: 429 });
    const errors = await Promise.all(Array.from({ length: 50 }, () => failure(c, READ)));
    for (const e of errors) {
      expect(e.code).toBe('PROVIDER_RATE_LIMITED');
      expect(e.extensions.retryAfterMs).toBeLessThanOrEqual(expectedMs);
      expect(e.extensions.retryAfterMs).toBeGreaterThan(expectedMs - toleranceMs);
      expect(e.extensions.httpStatus).toBeUndefined();
    }
    expect(hits).toBe(1);
    expect(await client({ honourRetryAfter: true }).request(READ)).toEqual({ ok: true }); // another instance still calls
  });

  it('with honourRetryAfter off, the next call reaches the provider', async () => {
    script = [{ status: 429, body: '{}', headers: { 'retry-after': '120' } }];
    const c = client({ honourRetryAfter: false });
    expect((await failure(c, SEND)).code).toBe('PROVIDER_RATE_LIMITED');
    expect(await c.request(SEND)).toEqual({ ok: true });
    expect(hits).toBe(2);
  });
});

describe('retries: reads only', () => {
  it.each([
    { name: 'GET after 502, 503', req: READ, script: [502, 503], ok: true, hits: 3 },
    { name: 'GET after 504', req: READ, script: [504], ok: true, hits: 2 },
    { name: 'GET after 500 (not a gateway error)', req: READ, script: [500], ok: false, hits: 1 },
    { name: 'GET after three 503 (retries exhausted)', req: READ, script: [503, 503, 503], ok: false, hits: 3 },
    { name: 'POST after 503 (a send is never retried)', req: SEND, script: [503], ok: false, hits: 1 },
    { name: 'POST after 502', req: SEND, script: [502], ok: false, hits: 1 },
  ])('$name', async ({ req, script: statuses, ok, hits: expectedHits }) => {
    script = statuses.map((status) => ({ status, body: '{}' }));
    const c = client();
    if (ok) expect(await c.request(req)).toEqual({ ok: true });
    else expect((await failure(c, req)).code).toBe('PROVIDER_UNAVAILABLE');
    expect(hits).toBe(expectedHits);
  });

  it('a read that times out is not retried past its deadline', async () => {
    fallback = { status: 200, body: '{}', delayMs: 400 };
    const c = client({}, { timeoutMs: 150 });
    const started = Date.now();
    const err = await failure(c, READ);
    expect(err.message).toMatch(/in time/);
    expect(Date.now() - started).toBeLessThan(350);
    expect(hits).toBe(1);
  });

  it('a read whose connection is refused is retried, then fails as PROVIDER_UNAVAILABLE', async () => {
    const dead = new ProviderHttpClient({ provider: PROVIDER_KINDS[0], baseUrl: 'http://127.0.0.1:1/instances/I1/token/' + TOKEN, secrets: [TOKEN] });
    clients.push(dead);
    const err = await failure(dead, READ);
    expect(err.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err.message).toMatch(/could not be reached/);
    expectSafe(err);
  });
});

describe('malformed replies', () => {
  it.each([
    { name: 'an HTML page', body: '<html>gateway</html>' },
    { name: 'truncated JSON', body: '{"messageId": "abc' },
    { name: 'plain text', body: 'OK' },
  ])('a 2xx with $name → PROVIDER_ERROR naming the operation', async ({ body }) => {
    script = [{ status: 200, body }];
    const err = await failure(client(), SEND);
    expect(err.extensions).toMatchObject({
      code: 'PROVIDER_ERROR',
      provider: PROVIDER_KINDS[0],
      operation: 'send-text',
      method: 'POST',
      providerCode: 'MALFORMED_REPLY',
      httpStatus: 200,
    });
    expect(err.message).toContain('send-text');
    expectSafe(err);
  });

  it('a documented plain-text answer is returned as text when asked', async () => {
    script = [{ status: 200, body: 'OK' }];
    expect(await client().request({ ...READ, responseType: 'text' })).toBe('OK');
  });

  it('an empty 2xx body is null, as before', async () => {
    script = [{ status: 200, body: '' }];
    expect(await client().request(SEND)).toBeNull();
  });
});

describe('pacing (off by default)', () => {
  it('spaces calls at the configured rate', async () => {
    const c = client({ pacing: { ratePerSecond: 10, burst: 1 } });
    const started = Date.now();
    await Promise.all([c.request(READ), c.request(READ), c.request(READ), c.request(READ)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('refuses a call whose pacing wait would pass its deadline', async () => {
    const c = client({ pacing: { ratePerSecond: 1, burst: 1 } }, { timeoutMs: 200 });
    await c.request(READ);
    const err = await failure(c, READ);
    expect(err.code).toBe('PROVIDER_RATE_LIMITED');
    expect(err.extensions.retryAfterMs).toBeGreaterThan(0);
    expect(hits).toBe(1);
  });

  it('without pacing, calls are not delayed', async () => {
    const c = client();
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, () => c.request(READ)));
    expect(Date.now() - started).toBeLessThan(250);
  });
});

describe('the request target', () => {
  it('a plain path and query reach the provider as written; anything else as URL parsing normalises it', async () => {
    const c = client();
    await c.request({ operation: 'plain', method: 'GET', path: '/send-text', query: { phone: '5511987654321', note: "it's ok" } });
    expect(lastUrl).toBe(`/instances/I1/token/${TOKEN}/send-text?phone=5511987654321&note=it%27s+ok`);
    await c.request({ operation: 'odd', method: 'GET', path: '/a b/../c%2Fd/./e' });
    expect(lastUrl).toBe(`/instances/I1/token/${TOKEN}/c%2Fd/e`);
    await c.request({ operation: 'quote', method: 'GET', path: "/x'y" });
    expect(lastUrl).toBe(`/instances/I1/token/${TOKEN}/x'y`);
  });

  it('isPlainPath: only what URL parsing leaves unchanged', () => {
    for (const p of ['/send-text', '/chats/5511987654321@s.whatsapp.net?page=2&size=50', '/v1/x-y_z~1;a=b:c,d*+$!()', '/a%20b?q=%2e']) expect(isPlainPath(p), p).toBe(true);
    for (const p of ['', 'relative', '/a b', "/a'b", '/a#b', '/a\\b', '/é', '/./a', '/a/..', '/a/%2E%2e/b', '/.well-known', '/a"b', '/a<b>', '/a`b', '/a{b}', '/a|b', '/a^b'])
      expect(isPlainPath(p), p).toBe(false);
  });
});
