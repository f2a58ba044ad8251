import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { MAX_CONNECTION_PARAMS_KEYS } from '../../src/server/client-auth.js';
import { documentCacheStats, MAX_SUBSCRIPTIONS_PER_SOCKET, MAX_WS_PAYLOAD_BYTES } from '../../src/server/websocket.js';
import { MAX_CONCURRENT_REPLAYS, MAX_QUEUED_REPLAYS, ReplayGate, replayGate } from '../../src/subscriptions/replay-gate.js';
import { DOCUMENT_CACHE_MAX_CHARS, DOCUMENT_CACHE_SIZE, DocumentCache } from '../../src/subscriptions/ws-execution.js';
import { sandboxConfig, startTestApp } from '../helpers/app.js';
import { healthzMs, initialisedSocket, rawSocket, settledHeap, type RawSocket, type WsMessage } from './ws-attack.js';
import { webhookProvider } from '../helpers/providers.js';

/** A sandbox instance of the first provider that posts webhooks. */
const SANDBOX_ID = `${webhookProvider().kind}-sandbox`;

/**
 * Issue 12, deliverable 1: every attack that took the WebSocket side down (or walked past the
 * HTTP limits) runs against the real server, one row each: the attack, the answer expected
 * and the answer seen. After each, `/healthz` answers within a second and the heap (after a
 * full collection) has grown by less than {@link HEAP_BUDGET}.
 */

const KEY = 'security-suite-key-0123456789';
const AUTH = `Bearer ${KEY}`;
/** Most the settled heap may grow over one attack, bytes. */
const HEAP_BUDGET = 50 * 1024 * 1024;
const MB = 1024 * 1024;
const LIVE = `subscription { events(instanceId: "${SANDBOX_ID}") { id } }`;
const SEND_BULK = 'mutation($input: SendBulkInput!) { sendBulk(input: $input) { results { error { code } } } }';

let app: RunningApp;
const sockets: RawSocket[] = [];
/** What each row saw, printed as a table after the suite (the closing note's table). */
const seen: Array<{ attack: string; answer: string; healthzMs: number; heapGrowthMB: number }> = [];

async function socket(): Promise<RawSocket> {
  const s = await initialisedSocket(app.url, AUTH);
  sockets.push(s);
  return s;
}

async function raw(): Promise<RawSocket> {
  const s = await rawSocket(app.url);
  sockets.push(s);
  return s;
}

/** The answer of one operation: the error codes, or `data`. */
async function answerOf(s: RawSocket, id: string): Promise<WsMessage> {
  await s.until((m) => m.some((x) => x.id === id && (x.type === 'error' || x.type === 'next')));
  return s.messages.find((x) => x.id === id && (x.type === 'error' || x.type === 'next'))!;
}

function codesOf(message: WsMessage): string {
  const errors = (message.type === 'error' ? message.payload : message.payload?.errors) as Array<{ extensions?: { code?: string } }> | undefined;
  return errors?.length ? errors.map((e) => e.extensions?.code).join(',') : 'data';
}

function cache() {
  return documentCacheStats(app.httpServer)!;
}

/** One subscribe message of about `bytes` bytes (the query padded with a comment). */
function paddedSubscribe(id: string, bytes: number, query = LIVE): string {
  return JSON.stringify({ type: 'subscribe', id, payload: { query: `${query}\n#${'x'.repeat(bytes)}` } });
}

function bulk(n: number): Record<string, unknown> {
  return { input: { instanceId: 'zivo-sandbox', messages: Array.from({ length: n }, () => ({ to: '254700000000', text: 'a' })) } };
}

interface Row {
  attack: string;
  expected: string;
  run: () => Promise<string>;
}

const rows: Row[] = [
  {
    attack: 'three 10 MB `subscribe` messages, one per socket',
    expected: 'closed 1009 ×3',
    run: async () => {
      const codes: number[] = [];
      for (const id of ['a', 'b', 'c']) {
        const s = await socket();
        s.send(paddedSubscribe(id, 10 * MB));
        codes.push((await s.closed).code);
      }
      return codes.every((c) => c === 1009) ? 'closed 1009 ×3' : `closed ${codes.join(',')}`;
    },
  },
  {
    attack: 'three ~0.9 MB documents of 450,000 tokens (under maxPayload): the old cache kept ~190 MB of errors each',
    expected: 'GRAPHQL_PARSE_FAILED ×3, token limit, nothing cached',
    run: async () => {
      const s = await socket();
      const before = cache().entries;
      const answers: string[] = [];
      for (const id of ['1', '2', '3']) {
        s.send({ type: 'subscribe', id, payload: { query: `subscription { ${'a '.repeat(450_000 + Number(id))}}` } });
        const answer = await answerOf(s, id);
        answers.push(codesOf(answer));
        expect(answer.payload[0].message).toMatch(/more tha[nt] \d+ tokens/);
      }
      const same = answers.every((a) => a === 'GRAPHQL_PARSE_FAILED');
      return `${same ? 'GRAPHQL_PARSE_FAILED ×3' : answers.join(' ')}, token limit, ${cache().entries === before ? 'nothing cached' : 'cached'}`;
    },
  },
  {
    attack: 'a selection nested 40 deep',
    expected: 'GRAPHQL_VALIDATION_FAILED (depth limit), nothing cached',
    run: async () => {
      const s = await socket();
      const before = cache().entries;
      s.send({ type: 'subscribe', id: 'd', payload: { query: `subscription { ${'a { '.repeat(40)}b${' }'.repeat(40)} }` } });
      const answer = await answerOf(s, 'd');
      const depth = /depth limit/i.test(answer.payload[0].message as string);
      return `${codesOf(answer)}${depth ? ' (depth limit)' : ''}, ${cache().entries === before ? 'nothing cached' : 'cached'}`;
    },
  },
  {
    attack: 'twenty valid, distinct 0.9 MB documents (comment padding)',
    expected: `data ×20, cache ≤ ${DOCUMENT_CACHE_MAX_CHARS} chars`,
    run: async () => {
      const s = await socket();
      const answers: string[] = [];
      for (let i = 0; i < 20; i++) {
        s.send(JSON.stringify({ type: 'subscribe', id: `v${i}`, payload: { query: `{ __typename }\n# ${i} ${'x'.repeat(900_000)}` } }));
        answers.push(codesOf(await answerOf(s, `v${i}`)));
      }
      const all = answers.every((a) => a === 'data');
      return `${all ? 'data ×20' : answers.join(' ')}, cache ${cache().chars <= DOCUMENT_CACHE_MAX_CHARS ? '≤' : '>'} ${DOCUMENT_CACHE_MAX_CHARS} chars`;
    },
  },
  {
    attack: '5 MB of variables',
    expected: 'closed 1009',
    run: async () => {
      const s = await socket();
      s.send({ type: 'subscribe', id: 'v', payload: { query: LIVE, variables: { pad: 'x'.repeat(5 * MB) } } });
      return `closed ${(await s.closed).code}`;
    },
  },
  {
    attack: 'a 1,000,000-item `sendBulk`',
    expected: 'closed 1009',
    run: async () => {
      const s = await socket();
      s.send({ type: 'subscribe', id: 'b', payload: { query: SEND_BULK, variables: bulk(1_000_000) } });
      return `closed ${(await s.closed).code}`;
    },
  },
  {
    attack: 'a 12,000-item `sendBulk` that fits in 1 MB, over WebSocket and over HTTP',
    expected: 'ws BAD_USER_INPUT, http BAD_USER_INPUT',
    run: async () => {
      const s = await socket();
      s.send({ type: 'subscribe', id: 'b', payload: { query: SEND_BULK, variables: bulk(12_000) } });
      const ws = await answerOf(s, 'b');
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: AUTH },
        body: JSON.stringify({ query: SEND_BULK, variables: bulk(12_000) }),
      });
      const http = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      return `ws ${codesOf(ws)}, http ${http.errors?.map((e) => e.extensions?.code).join(',') ?? 'data'}`;
    },
  },
  {
    attack: 'a 40 MB `connection_init` with no key',
    expected: 'closed 1009, no ack',
    run: async () => {
      const s = await raw();
      s.send({ type: 'connection_init', payload: { authorization: 'x'.repeat(40 * MB) } });
      const { code } = await s.closed;
      return `closed ${code}, ${s.messages.some((m) => m.type === 'connection_ack') ? 'acked' : 'no ack'}`;
    },
  },
  {
    attack: 'a `connection_init` of 100 KB (a valid key and padding)',
    expected: 'closed 4400, no ack',
    run: async () => {
      const s = await raw();
      s.send({ type: 'connection_init', payload: { authorization: AUTH, pad: 'x'.repeat(100_000) } });
      const { code } = await s.closed;
      return `closed ${code}, ${s.messages.some((m) => m.type === 'connection_ack') ? 'acked' : 'no ack'}`;
    },
  },
  {
    attack: `a \`connection_init\` of ${MAX_CONNECTION_PARAMS_KEYS * 100} keys, or a non-string authorization`,
    expected: 'closed 4400 ×2',
    run: async () => {
      const codes: number[] = [];
      for (const payload of [Object.fromEntries(Array.from({ length: MAX_CONNECTION_PARAMS_KEYS * 100 }, (_, i) => [`k${i}`, i])), { authorization: { nested: [AUTH] } }]) {
        const s = await raw();
        s.send({ type: 'connection_init', payload });
        codes.push((await s.closed).code);
      }
      return codes.every((c) => c === 4400) ? 'closed 4400 ×2' : `closed ${codes.join(',')}`;
    },
  },
  {
    attack: '5,000 subscriptions on one socket',
    expected: `${MAX_SUBSCRIPTIONS_PER_SOCKET} running, ${5_000 - MAX_SUBSCRIPTIONS_PER_SOCKET} BAD_USER_INPUT, socket still answers`,
    run: async () => {
      const s = await socket();
      for (let i = 0; i < 5_000; i++) s.send({ type: 'subscribe', id: `s${i}`, payload: { query: LIVE } });
      const refused = () => s.messages.filter((m) => m.type === 'error' && codesOf(m) === 'BAD_USER_INPUT').length;
      await s.until(() => refused() >= 5_000 - MAX_SUBSCRIPTIONS_PER_SOCKET);
      s.send({ type: 'complete', id: 's0' });
      s.send({ type: 'subscribe', id: 'q', payload: { query: '{ __typename }' } });
      const q = await answerOf(s, 'q');
      const others = s.messages.filter((m) => m.type === 'error' && m.id !== 'q').length - refused();
      return `${5_000 - refused() - others} running, ${refused()} BAD_USER_INPUT, socket ${codesOf(q) === 'data' ? 'still answers' : codesOf(q)}`;
    },
  },
  {
    attack: `\`events(after:)\` replays while all ${MAX_CONCURRENT_REPLAYS} replay slots and the ${MAX_QUEUED_REPLAYS}-deep queue are taken`,
    expected: 'SERVICE_UNAVAILABLE resume=true; after release: replay runs',
    run: async () => {
      const releases: Array<() => void> = [];
      const held = Array.from({ length: MAX_CONCURRENT_REPLAYS + MAX_QUEUED_REPLAYS }, () => replayGate.run(() => new Promise<void>((r) => releases.push(r))));
      try {
        expect(replayGate.stats()).toMatchObject({ running: MAX_CONCURRENT_REPLAYS, queued: MAX_QUEUED_REPLAYS });
        const s = await socket();
        s.send({ type: 'subscribe', id: 'r', payload: { query: `subscription { events(instanceId: "${SANDBOX_ID}", after: null) { id } }` } });
        const refused = await answerOf(s, 'r');
        const resume = (refused.payload as Array<{ extensions?: { resume?: boolean } }>)[0]?.extensions?.resume;
        // release everything held (queued holders take a slot and are released in turn)
        while (replayGate.stats().running > 0) {
          for (const r of releases.splice(0)) r();
          await new Promise((r) => setImmediate(r));
        }
        await Promise.all(held);
        s.send({ type: 'subscribe', id: 'r2', payload: { query: `subscription { events(instanceId: "${SANDBOX_ID}", after: null) { id } }` } });
        await new Promise((r) => setTimeout(r, 300));
        const later = s.messages.filter((m) => m.id === 'r2' && m.type === 'error');
        return `${codesOf(refused)} resume=${String(resume)}; after release: ${later.length ? codesOf(later[0]!) : 'replay runs'}`;
      } finally {
        for (const r of releases.splice(0)) r();
      }
    },
  },
];

describe('security: WebSocket gets every limit HTTP has', () => {
  beforeAll(async () => {
    app = await startTestApp(sandboxConfig({ auth: { apiKeys: [KEY] } }));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await app?.close();
    console.table(seen);
  });

  it('the WebSocket message limit is the HTTP body limit (1mb)', async () => {
    const { MAX_GRAPHQL_BODY } = await import('../../src/app.js');
    expect(MAX_GRAPHQL_BODY).toBe('1mb');
    expect(MAX_WS_PAYLOAD_BYTES).toBe(MB);
  });

  it.each(rows)('$attack → $expected', async ({ attack, run, expected }) => {
    const heapBefore = settledHeap();
    const started = performance.now();
    const answer = await run();
    for (const s of sockets.splice(0)) s.close();
    const health = await healthzMs(app.url);
    const growth = settledHeap() - heapBefore;
    seen.push({ attack, answer, healthzMs: Math.round(health), heapGrowthMB: Math.round((growth / MB) * 10) / 10 });
    expect(answer).toBe(expected);
    expect(health).toBeLessThan(1_000);
    expect(growth).toBeLessThan(HEAP_BUDGET);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('security: the WebSocket limits in isolation', () => {
  const schema = buildSchema('type Query { a: Int }');

  it(`the document cache keeps at most ${DOCUMENT_CACHE_SIZE} documents and ${DOCUMENT_CACHE_MAX_CHARS} characters, and no errors`, () => {
    const documents = new DocumentCache(schema, { maxTokens: 1_000 });
    for (let i = 0; i < DOCUMENT_CACHE_SIZE + 50; i++) documents.get(`{ a } # ${i}`);
    expect(documents.stats().entries).toBe(DOCUMENT_CACHE_SIZE);
    for (let i = 0; i < 10; i++) documents.get(`{ a } # ${i} ${'x'.repeat(1_000_000)}`);
    expect(documents.stats().chars).toBeLessThanOrEqual(DOCUMENT_CACHE_MAX_CHARS);
    documents.get(`{ a } # ${'x'.repeat(DOCUMENT_CACHE_MAX_CHARS + 1)}`);
    expect(documents.stats().chars).toBeLessThanOrEqual(DOCUMENT_CACHE_MAX_CHARS);
    const before = documents.stats();
    for (let i = 0; i < 100; i++) expect(Array.isArray(documents.get(`{ b${i} }`))).toBe(true);
    expect(documents.stats()).toEqual(before);
  });

  it('a validation error keeps no AST node (so no document and no source stays reachable through it)', () => {
    const errors = new DocumentCache(schema, { maxTokens: 1_000 }).get('{ nope }');
    expect(Array.isArray(errors)).toBe(true);
    const [error] = errors as readonly { nodes?: unknown; extensions: Record<string, unknown>; locations?: unknown }[];
    expect(error!.nodes).toBeUndefined();
    expect(error!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error!.locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('the replay gate runs at most its limit at once, refuses past its queue and after its wait, with SERVICE_UNAVAILABLE and resume', async () => {
    const gate = new ReplayGate(2, 1, 100);
    const releases: Array<() => void> = [];
    const hold = () => gate.run(() => new Promise<void>((r) => releases.push(r)));
    const running = [hold(), hold()];
    const queued = hold();
    await expect(hold()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', resume: true } });
    await expect(queued).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', resume: true } });
    expect(gate.stats()).toEqual({ running: 2, queued: 0, peak: 2 });
    for (const r of releases.splice(0)) r();
    await Promise.all(running);
    await expect(gate.run(async () => 'ran')).resolves.toBe('ran');
    expect(gate.stats()).toEqual({ running: 0, queued: 0, peak: 2 });
  });
});
