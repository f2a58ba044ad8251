import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { SimulatorHandle } from '../../src/providers/contract.js';
import { sandboxConfig, startTestApp } from '../helpers/app.js';
import { simulatedInstance, webhookProvider } from '../helpers/providers.js';

/**
 * The lean `POST /graphql` path (src/server/graphql-http.ts, issue 13): its document cache, and
 * the behaviours of the Express route it must keep (body limit, malformed JSON, CORS, API keys,
 * Apollo's request errors), with graphql-jit plans and with graphql-js execution. One instance
 * on the simulator of {@link webhookProvider}; real HTTP throughout.
 */
const KEY = 'lean-path-api-key-0123456789';
const ORIGIN = 'https://app.example.com';
let sim: SimulatorHandle;
const apps: Record<'jit' | 'graphql-js', RunningApp | undefined> = { jit: undefined, 'graphql-js': undefined };

beforeAll(async () => {
  const mod = webhookProvider();
  sim = await mod.startSimulator({ autoReply: false });
  for (const jit of [true, false]) {
    apps[jit ? 'jit' : 'graphql-js'] = await startTestApp(
      sandboxConfig({
        sandbox: false,
        auth: { apiKeys: [KEY] },
        cors: { origins: [ORIGIN] },
        instances: [simulatedInstance(mod, sim, 'lean', 'webhook-secret-0123456789')],
      }),
      { graphqlJit: jit },
    );
  }
});
afterAll(async () => {
  for (const app of Object.values(apps)) await app?.close();
  await sim?.close();
});

async function post(app: RunningApp, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers }, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe.each(['jit', 'graphql-js'] as const)('lean POST /graphql (%s)', (mode) => {
  const app = () => apps[mode]!;

  it('parses and validates a document once, then answers it from the cache', async () => {
    const query = `query Lean${mode.replace('-', '')}($id: ID!) { instance(id: $id) { instanceId provider } }`;
    const before = { ...app().graphqlDocuments };
    for (let i = 0; i < 3; i++) {
      const res = await post(app(), JSON.stringify({ query, variables: { id: 'lean' } }));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ data: { instance: { instanceId: 'lean', provider: webhookProvider().kind } } });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const after = app().graphqlDocuments;
    expect(after.parses - before.parses).toBe(1);
    expect(after.validations - before.validations).toBe(1);
    expect(after.hits - before.hits).toBe(2);
    expect(after.compilations - before.compilations).toBe(mode === 'jit' ? 1 : 0);
  });

  it('answers a field error with data, the error code and the formatted error', async () => {
    const res = await post(app(), JSON.stringify({ query: '{ instance(id: "nope") { id } }' }));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { data: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.data).toBeNull();
    expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
  });

  it('resolves interfaces (type-graphql type resolvers) the same way as graphql-js', async () => {
    const res = await post(app(), JSON.stringify({ query: '{ events(instanceId: "lean", first: 5) { events { __typename id } hasMore } }' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ data: { events: { hasMore: false } } });
  });

  it('refuses an over-size body with 413, and a body that is not JSON with 400', async () => {
    const big = JSON.stringify({ query: `{ instances { id } }`, variables: { pad: 'x'.repeat(1024 * 1024 + 10) } });
    const res = await post(app(), big);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ error: 'body too large' });
    const bad = await post(app(), '{"query": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({ error: 'malformed JSON body' });
    const scalar = await post(app(), '"{ instances { id } }"');
    expect(scalar.status).toBe(400);
  });

  it('answers an empty chunked body as Apollo does (400 BAD_REQUEST)', async () => {
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${app().url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', authorization: `Bearer ${KEY}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a request without a valid key with 401 UNAUTHENTICATED', async () => {
    for (const authorization of [undefined, 'Bearer wrong-key-0123456789']) {
      const res = await fetch(`${app().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ instances { id } }' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps CORS: preflight through Express, the allowed origin on the POST answer', async () => {
    const preflight = await fetch(`${app().url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const ok = await post(app(), JSON.stringify({ query: '{ instances { id } }' }), { origin: ORIGIN });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const other = await post(app(), JSON.stringify({ query: '{ instances { id } }' }), { origin: 'https://evil.example.net' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves request errors to Apollo: invalid documents (cached as invalid), subscriptions, bad variables, batches', async () => {
    const before = { ...app().graphqlDocuments };
    for (let i = 0; i < 2; i++) {
      const invalid = await post(app(), JSON.stringify({ query: '{ instances { nope } }' }));
      expect(invalid.status).toBe(400);
      expect(JSON.parse(invalid.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect(app().graphqlDocuments.parses - before.parses).toBe(1);
    const sub = await post(app(), JSON.stringify({ query: 'subscription { messageReceived(instanceId: "lean") { id } }' }));
    expect(sub.status).toBe(400);
    expect(JSON.parse(sub.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const vars = await post(app(), JSON.stringify({ query: 'query($id: ID!) { instance(id: $id) { id } }', variables: {} }));
    expect(vars.status).toBe(400);
    expect(JSON.parse(vars.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const batch = await post(app(), JSON.stringify([{ query: '{ instances { id } }' }]));
    expect(batch.status).toBe(400);
    // application/json explicitly asked: 200 for a well-formed request's errors (legacy JSON, src/server/response-status.ts)
    const legacy = await post(app(), JSON.stringify({ query: '{ instances { nope } }' }), { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('negotiates the response type as Apollo does', async () => {
    const gqlJson = await post(app(), JSON.stringify({ query: '{ instances { id } }' }), { accept: 'application/graphql-response+json' });
    expect(gqlJson.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    const none = await post(app(), JSON.stringify({ query: '{ instances { id } }' }), { accept: 'text/html' });
    expect(none.status).toBe(406);
  });
});
