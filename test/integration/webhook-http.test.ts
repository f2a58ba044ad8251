import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { matchWebhookPath } from '../../src/server/webhook-receiver.js';
import { gql, sandboxConfig, startTestApp } from '../helpers/app.js';
import { inboundTextBody, webhookProvider } from '../helpers/providers.js';

/**
 * The webhook receiver on `node:http` (issue 13, "Webhooks at the floor"), over raw TCP so the
 * framing is the test's: chunked bodies, bodies split across packets, a client that goes away
 * mid-body, pipelined requests, charsets and encodings, and the URL forms the Express route took
 * (percent-encoded segments, letter case, a trailing slash, a query). Each answer is what the
 * Express route gave for the same request.
 */

const BODY_DEADLINE_MS = 400;
const mod = webhookProvider();
let app: RunningApp;
let id: string;
let secret: string;

beforeAll(async () => {
  app = await startTestApp(sandboxConfig(), { webhookBodyDeadlineMs: BODY_DEADLINE_MS });
  const cfg = app.instanceConfigs.find((c) => c.provider === mod.kind)!;
  id = cfg.id;
  secret = cfg.webhookSecret;
});
afterAll(async () => {
  await app?.close();
});

/** One answer read off a raw connection. */
interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits the raw bytes a server sent into HTTP/1.1 answers (bodies framed by content-length). */
function parseAnswers(raw: Buffer): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let at = 0;
  while (at < raw.length) {
    const headEnd = raw.indexOf('\r\n\r\n', at);
    if (headEnd < 0) break;
    const [statusLine, ...lines] = raw.subarray(at, headEnd).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (headEnd + 4 + length > raw.length) break;
    answers.push({ status: Number(statusLine!.split(' ')[1]), headers, body: raw.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8') });
    at = headEnd + 4 + length;
  }
  return answers;
}

/**
 * Writes `parts` to a fresh connection, `gapMs` apart, and collects what the server sends until
 * `answers` whole answers are in (then waits `closeWaitMs` for the server to close), the server
 * closes the connection, or 5 s pass.
 * @returns the answers and whether the server closed the connection
 */
function exchange(
  parts: Array<string | Buffer>,
  options: { gapMs?: number; answers?: number; closeWaitMs?: number; destroyAfterParts?: boolean } = {},
): Promise<{ answers: RawAnswer[]; closed: boolean }> {
  const expected = options.answers ?? 1;
  return new Promise((resolve, reject) => {
    const socket = connect(app.port, '127.0.0.1');
    const received: Buffer[] = [];
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ answers: parseAnswers(Buffer.concat(received)), closed });
    };
    const giveUp = setTimeout(() => finish(false), 5_000);
    socket.on('data', (d: Buffer) => {
      received.push(d);
      if (parseAnswers(Buffer.concat(received)).length >= expected) setTimeout(() => finish(false), options.closeWaitMs ?? 0);
    });
    socket.on('close', () => finish(true));
    socket.on('error', reject);
    void (async () => {
      for (const part of parts) {
        socket.write(part);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
      if (options.destroyAfterParts) finish(false);
    })();
  });
}

/** A request head (and a content-length of `bodyLength` when given and the headers set no length or transfer-encoding). */
function head(method: string, path: string, headers: Record<string, string>, bodyLength?: number): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: test', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (bodyLength !== undefined && !('content-length' in headers) && !('transfer-encoding' in headers)) lines.push(`content-length: ${bodyLength}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The chunked framing of `body` in chunks of `size` bytes. */
function chunked(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const piece = body.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

const path = () => `/webhooks/${encodeURIComponent(id)}/${encodeURIComponent(secret)}`;
const JSON_TYPE = { 'content-type': 'application/json' };

/** Posts `body` with a content-length in one write; the first answer. */
async function post(p: string, body: string | Buffer, headers: Record<string, string> = JSON_TYPE): Promise<RawAnswer & { closed: boolean }> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const { answers, closed } = await exchange([Buffer.concat([Buffer.from(head('POST', p, headers, bytes.length)), bytes])], { closeWaitMs: 100 });
  expect(answers.length).toBe(1);
  return { ...answers[0]!, closed };
}

let seq = 0;
const delivery = (tag: string) => inboundTextBody(mod, `HTTP${tag}${Date.now()}${++seq}`);

/** The global ids of the instance's stored events, oldest first (at most 500), as JSON. @throws (an assertion) when the query fails or finds none */
async function storedIds(): Promise<string> {
  const page = await gql(app.url, `{ events(instanceId: "${id}", first: 500) { events { id } } }`);
  expect(page.errors).toBeUndefined();
  expect((page.data as { events: { events: unknown[] } }).events.events.length).toBeGreaterThan(0);
  return JSON.stringify(page.data);
}

/** whatsgraph_webhooks_total for this provider, by outcome. */
async function webhookCounts(): Promise<Record<string, number>> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(new RegExp(`^whatsgraph_webhooks_total\\{provider="${mod.kind}",outcome="(\\w+)"\\} (\\d+)$`, 'gm'))) counts[m[1]!] = Number(m[2]);
  return counts;
}

describe('webhook bodies over node:http', () => {
  it('a chunked body in 7-byte chunks is read whole and stored', async () => {
    const body = Buffer.from(delivery('CHUNKED'));
    const { answers } = await exchange([head('POST', path(), { ...JSON_TYPE, 'transfer-encoding': 'chunked' }), chunked(body, 7)]);
    expect(answers.map((a) => [a.status, JSON.parse(a.body) as unknown])).toEqual([[200, { received: 1, published: 1, duplicates: 0 }]]);
  });

  it('a body split across packets (5 bytes every 2 ms) is read whole and stored', async () => {
    const body = Buffer.from(delivery('SPLIT'));
    const parts: Array<string | Buffer> = [head('POST', path(), JSON_TYPE, body.length)];
    for (let i = 0; i < body.length; i += 5) parts.push(body.subarray(i, i + 5));
    const { answers } = await exchange(parts, { gapMs: 2 });
    expect(answers.map((a) => [a.status, JSON.parse(a.body) as unknown])).toEqual([[200, { received: 1, published: 1, duplicates: 0 }]]);
  });

  it('two pipelined deliveries on one keep-alive connection are both answered, in order', async () => {
    // the second is a redelivery of the first: its answer (a duplicate) shows the order
    const a = delivery('PIPE');
    const { answers, closed } = await exchange([head('POST', path(), JSON_TYPE, Buffer.byteLength(a)) + a + head('POST', path(), JSON_TYPE, Buffer.byteLength(a)) + a], {
      answers: 2,
      closeWaitMs: 100,
    });
    expect(answers.map((x) => x.status)).toEqual([200, 200]);
    expect(answers.map((x) => JSON.parse(x.body) as unknown)).toEqual([
      { received: 1, published: 1, duplicates: 0 },
      { received: 1, published: 0, duplicates: 1 },
    ]);
    expect(closed).toBe(false);
  });

  it('a client that goes away mid-body: nothing is stored, no outcome is counted, no 408 is attempted, and the server keeps serving', async () => {
    const before = await webhookCounts();
    // the earlier tests' outcomes are there: an empty match would make the comparison below vacuous
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const stored = await storedIds();
    const body = Buffer.from(delivery('ABORTED'));
    await exchange([head('POST', path(), JSON_TYPE, body.length), body.subarray(0, 20)], { destroyAfterParts: true });
    // past the body deadline: a 408 would have counted an `invalid` outcome
    await new Promise((r) => setTimeout(r, BODY_DEADLINE_MS + 200));
    expect(await webhookCounts()).toEqual(before);
    expect(await storedIds()).toBe(stored);
    expect((await post(path(), delivery('AFTERABORT'))).status).toBe(200);
  });

  it('a body that stops arriving is answered 408 at the deadline and the connection closed', async () => {
    const body = Buffer.from(delivery('STALLED'));
    const started = Date.now();
    const { answers, closed } = await exchange([head('POST', path(), JSON_TYPE, body.length), body.subarray(0, 20)], { closeWaitMs: 200 });
    expect(answers.map((a) => [a.status, a.headers.connection])).toEqual([[408, 'close']]);
    expect(JSON.parse(answers[0]!.body)).toEqual({ error: `body not received within ${BODY_DEADLINE_MS} ms` });
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(BODY_DEADLINE_MS - 50);
  });

  it('a chunked body over 1 MB is answered 413 once read, and the connection stays usable', async () => {
    const big = Buffer.from(JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }));
    const next = delivery('AFTER413');
    const { answers, closed } = await exchange(
      [head('POST', path(), { ...JSON_TYPE, 'transfer-encoding': 'chunked' }), chunked(big, 64 * 1024), head('POST', path(), JSON_TYPE, Buffer.byteLength(next)) + next],
      {
        answers: 2,
        closeWaitMs: 100,
      },
    );
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [413, '{"error":"body too large"}'],
      [200, '{"received":1,"published":1,"duplicates":0}'],
    ]);
    expect(closed).toBe(false);
  });

  it.each([
    { name: 'empty (content-length 0): read as {}', body: '', status: 422 },
    { name: 'whitespace only', body: '  \n', status: 400 },
    { name: 'a JSON string, not an object or array', body: '"text"', status: 400 },
    { name: 'truncated JSON', body: '{"type": ', status: 400 },
  ])('a body that is $name → $status', async ({ body, status }) => {
    const answer = await post(path(), body);
    expect(answer.status).toBe(status);
    if (status === 400) expect(JSON.parse(answer.body)).toEqual({ error: 'malformed JSON body' });
  });

  it('a UTF-8 byte order mark before the JSON is dropped', async () => {
    expect((await post(path(), `\ufeff${delivery('BOM')}`)).status).toBe(200);
  });
});

describe('webhook content types, charsets and encodings', () => {
  it.each([
    { type: 'application/json; charset=utf-8', status: 200 },
    { type: 'application/json;charset="UTF-8"', status: 200 },
    { type: 'Application/JSON', status: 200 },
    { type: 'application/json ; charset=utf-8', status: 200 },
    { type: 'application/json; foo=bar', status: 200 },
    { type: 'application/vnd.provider+json', status: 200 },
  ])('$type → $status', async ({ type, status }) => {
    expect((await post(path(), delivery('TYPE'), { 'content-type': type })).status).toBe(status);
  });

  it.each([{ charset: 'latin1' }, { charset: 'utf8' }, { charset: 'utf-x' }])(
    'charset=$charset → 415 "bad request" (body-parser: UTF-* only), connection kept',
    async ({ charset }) => {
      const answer = await post(path(), delivery('CHARSET'), { 'content-type': `application/json; charset=${charset}` });
      expect([answer.status, answer.body, answer.closed]).toEqual([415, '{"error":"bad request"}', false]);
    },
  );

  it('a UTF-16LE body declared as such is decoded and stored', async () => {
    const answer = await post(path(), Buffer.from(delivery('UTF16'), 'utf16le'), { 'content-type': 'application/json; charset=utf-16le' });
    expect([answer.status, JSON.parse(answer.body) as unknown]).toEqual([200, { received: 1, published: 1, duplicates: 0 }]);
  });

  it('a gzip-encoded body is inflated and stored; an unknown encoding is 415', async () => {
    expect((await post(path(), gzipSync(delivery('GZIP')), { ...JSON_TYPE, 'content-encoding': 'gzip' })).status).toBe(200);
    expect((await post(path(), delivery('IDENTITY'), { ...JSON_TYPE, 'content-encoding': 'identity' })).status).toBe(200);
    const unknown = await post(path(), delivery('BOGUS'), { ...JSON_TYPE, 'content-encoding': 'bogus' });
    expect([unknown.status, unknown.body]).toEqual([415, '{"error":"bad request"}']);
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: 'no content type', headers: {} },
    { name: 'text/plain', headers: { 'content-type': 'text/plain' } },
    { name: 'form-urlencoded', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  ])('$name → 415 with Connection: close, the body unread', async ({ headers }) => {
    const answer = await post(path(), delivery('NOTJSON'), headers);
    expect([answer.status, answer.headers.connection, answer.body, answer.closed]).toEqual([415, 'close', '{"error":"expected application/json"}', true]);
  });

  it('a JSON content type with no body at all (neither Content-Length nor Transfer-Encoding) → 415, as `req.is` answered null', async () => {
    const { answers } = await exchange([head('POST', path(), JSON_TYPE)]);
    expect([answers[0]?.status, answers[0]?.body]).toEqual([415, '{"error":"expected application/json"}']);
  });

  it('a +json type that is not application/… passes the type check but is not parsed (422, as express.json skipped it)', async () => {
    const answer = await post(path(), delivery('TEXTJSON'), { 'content-type': 'text/x+json' });
    expect(answer.status).toBe(422);
  });
});

describe('webhook URLs and methods', () => {
  it.each([
    {
      name: 'percent-encoded id and secret',
      p: () => `/webhooks/${[...id].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}/${encodeURIComponent(secret)}`,
    },
    { name: 'a trailing slash', p: () => `${path()}/` },
    { name: 'the prefix in upper case', p: () => path().replace('/webhooks/', '/WEBHOOKS/') },
    { name: 'a query string', p: () => `${path()}?from=provider&x=/y` },
    // RFC 9112 §3.2.2: a server must accept a request target in absolute form
    { name: 'the absolute form of the URL', p: () => `http://webhooks.example:8080${path()}` },
  ])('$name → 200', async ({ p }) => {
    expect((await post(p(), delivery('URL'))).status).toBe(200);
  });

  it.each([
    { name: 'an extra segment', p: () => `${path()}/extra` },
    { name: 'an empty instance id', p: () => `/webhooks//${encodeURIComponent(secret)}` },
    { name: 'two trailing slashes', p: () => `${path()}//` },
    { name: 'no instance at all', p: () => '/webhooks/' },
  ])('$name → 404 from Express (not a webhook route)', async ({ p }) => {
    const answer = await post(p(), delivery('NOTROUTE'));
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
  });

  it('a malformed percent escape in a segment → 400 "malformed JSON body" (as the Express router answered)', async () => {
    const answer = await post(`/webhooks/%E0%A4%A/${encodeURIComponent(secret)}`, delivery('BADESCAPE'));
    expect([answer.status, answer.body]).toEqual([400, '{"error":"malformed JSON body"}']);
  });

  it('a wrong secret that is percent-encoded is still 401 with Connection: close', async () => {
    const answer = await post(`/webhooks/${encodeURIComponent(id)}/${encodeURIComponent(`${secret}/x`)}`, delivery('WRONG'));
    expect([answer.status, answer.headers.connection, answer.closed]).toEqual([401, 'close', true]);
  });

  it.each(['GET', 'PUT', 'DELETE'])('%s on a webhook URL → 404 from Express', async (method) => {
    const { answers } = await exchange([head(method, path(), {})]);
    expect(answers[0]?.status).toBe(404);
  });
});

describe('matchWebhookPath', () => {
  it.each([
    { url: '/webhooks/a/b', match: { instanceId: 'a', secret: 'b' } },
    { url: '/webhooks/a', match: { instanceId: 'a', secret: undefined } },
    { url: '/webhooks/a/', match: { instanceId: 'a', secret: undefined } },
    { url: '/Webhooks/a%2Fb/c%20d/?x#y', match: { instanceId: 'a/b', secret: 'c d' } },
    { url: '/webhooks/a/b/c', match: null },
    { url: '/webhooks//b', match: null },
    { url: '/webhooks/', match: null },
    { url: '/webhook/a/b', match: null },
    { url: '//webhooks/a/b', match: null },
    { url: '/webhooks/%zz/b', match: 'undecodable' },
    { url: 'http://example.com/webhooks/a/b', match: { instanceId: 'a', secret: 'b' } },
    { url: 'HTTPS://example.com:8443/webhooks/a?x=/webhooks/b/c', match: { instanceId: 'a', secret: undefined } },
    { url: 'http://example.com', match: null },
    { url: 'http://example.com/other/webhooks/a/b', match: null },
    { url: 'webhooks/a/b', match: null },
    // only http(s) with a host: Express never routed another scheme's target to the webhooks
    { url: 'javascript://h/webhooks/a/b', match: null },
    { url: 'x://h/webhooks/a/b', match: null },
    { url: 'http:///webhooks/a/b', match: null },
    { url: 'http://user@h/webhooks/a/b', match: null },
  ])('$url → $match', ({ url, match }) => {
    expect(matchWebhookPath(url)).toEqual(match);
  });
});
