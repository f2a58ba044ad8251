import { MockAgent } from 'undici';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphError } from '../../../src/errors.js';
import { ZivoClient } from '../../../src/providers/zivo/client.js';
import { bulkItemError, sendEntryError, ZIVO_ERROR_TABLE } from '../../../src/providers/zivo/errors.js';
import type { ZivoResponseEntry } from '../../../src/providers/zivo/wire.js';

/**
 * Zivo's documented error answers (zivo.txt "Error responses", lines 108-114; throttling,
 * line 120) → the graph's error kinds, through the real client and the shared HTTP mapping.
 */

const API_KEY = 'zivo_live_secret_key_123';
const agent = new MockAgent();
agent.disableNetConnect();
const origin = agent.get('http://zivo.test');
// a fresh client per test: a 429 with Retry-After makes a client refuse its next calls until then (issue 12)
let client = new ZivoClient({ baseUrl: 'http://zivo.test', partnerId: '123', apiKey: API_KEY, dispatcher: agent });
beforeEach(() => {
  client = new ZivoClient({ baseUrl: 'http://zivo.test', partnerId: '123', apiKey: API_KEY, dispatcher: agent });
});
afterAll(() => agent.close());

interface Row {
  /** The zivo.txt line the answer is documented at. */
  line: number;
  answer: { status: number; body: unknown; headers?: Record<string, string> };
  call: 'sendWhatsapp' | 'getDlr';
  expected: { code: string; providerCode?: string; retryAfterMs?: number; message?: RegExp };
}

const HTTP_ROWS: Row[] = [
  {
    line: 111,
    answer: { status: 401, body: { 'response-code': 401, 'response-description': `Invalid apikey ${API_KEY}` } },
    call: 'sendWhatsapp',
    expected: { code: 'PROVIDER_UNAUTHORIZED', providerCode: '401' },
  },
  {
    line: 112,
    answer: { status: 422, body: { 'response-code': 422, 'response-description': 'Required field missing or invalid: message' } },
    call: 'sendWhatsapp',
    expected: { code: 'BAD_USER_INPUT', providerCode: '422', message: /\(message\)$/ },
  },
  {
    line: 113,
    answer: { status: 400, body: { 'response-code': 400, 'response-description': 'WhatsApp send failed' } },
    call: 'sendWhatsapp',
    expected: { code: 'BAD_USER_INPUT', providerCode: '400' },
  },
  {
    line: 114,
    answer: { status: 404, body: { 'response-code': 404, 'response-description': 'Delivery report message was not found.' } },
    call: 'getDlr',
    expected: { code: 'NOT_FOUND', providerCode: '404' },
  },
  // line 120: "Requests are throttled" — no status documented; a 429 goes through the shared mapping.
  { line: 120, answer: { status: 429, body: {}, headers: { 'retry-after': '3' } }, call: 'getDlr', expected: { code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 3000 } },
  { line: 120, answer: { status: 503, body: 'down' }, call: 'sendWhatsapp', expected: { code: 'PROVIDER_UNAVAILABLE' } },
];

describe('zivo errors: documented HTTP answers', () => {
  it('the table holds exactly the documented statuses, each with its doc line', () => {
    expect(
      Object.entries(ZIVO_ERROR_TABLE)
        .map(([status, row]) => [Number(status), row.line])
        .sort((a, b) => a[1]! - b[1]!),
    ).toEqual([
      [401, 111],
      [422, 112],
      [400, 113],
      [404, 114],
    ]);
  });

  it.each(HTTP_ROWS)('zivo.txt $line: HTTP $answer.status → $expected.code', async ({ answer, call, expected }) => {
    origin
      .intercept({ path: (p) => p.startsWith('/api/zivo/zchat/services/'), method: call === 'getDlr' ? 'GET' : 'POST' })
      .reply(answer.status, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), { headers: { 'content-type': 'application/json', ...answer.headers } });
    const err = await (call === 'getDlr' ? client.getDlr('88421') : client.sendWhatsapp({ mobile: '254700000000', message: 'hi' })).then(
      () => null,
      (e: unknown) => e as GraphError,
    );
    expect(err).not.toBeNull();
    expect(err!.extensions.code).toBe(expected.code);
    expect(err!.extensions.httpStatus).toBe(answer.status);
    expect(err!.extensions.providerCode).toBe(expected.providerCode);
    expect(err!.extensions.retryAfterMs).toBe(expected.retryAfterMs);
    if (expected.message) expect(err!.message).toMatch(expected.message);
    expect(JSON.stringify({ message: err!.message, extensions: err!.extensions })).not.toContain(API_KEY);
  });
});

/** Send answers whose entry refuses the message (zivo.txt lines 42-58, the same codes as lines 108-114). */
const ENTRY_ROWS: Array<{ line: number; entry: ZivoResponseEntry | undefined; expected: { code: string; providerCode?: string } }> = [
  { line: 47, entry: { 'response-code': 422, 'response-description': 'Required field missing or invalid' }, expected: { code: 'BAD_USER_INPUT', providerCode: '422' } },
  // line 48: the doc's misspelled duplicate, alone.
  { line: 48, entry: { 'respose-code': 400, 'response-description': 'WhatsApp send failed' }, expected: { code: 'BAD_USER_INPUT', providerCode: '400' } },
  { line: 47, entry: { 'response-code': 401 }, expected: { code: 'PROVIDER_UNAUTHORIZED', providerCode: '401' } },
  // a 2xx entry without a messageid did not send anything: read as a 422.
  { line: 51, entry: { 'response-code': 200, 'response-description': 'Success' }, expected: { code: 'BAD_USER_INPUT', providerCode: '200' } },
  { line: 47, entry: { 'response-code': 500 }, expected: { code: 'PROVIDER_ERROR', providerCode: '500' } },
  { line: 45, entry: undefined, expected: { code: 'PROVIDER_ERROR' } },
];

describe('zivo errors: refused send entries', () => {
  it.each(ENTRY_ROWS)('zivo.txt $line: entry $entry → $expected.code', ({ entry, expected }) => {
    const err = sendEntryError(entry);
    expect(err.extensions.code).toBe(expected.code);
    expect(err.extensions.providerCode).toBe(expected.providerCode);
    expect(err.extensions.operation).toBe('sendwhatsapp');
  });

  it("a bulk request failure keeps a GraphError's code and masks anything else", () => {
    expect(bulkItemError(sendEntryError({ 'response-code': 404 }))).toEqual({ code: 'NOT_FOUND', message: 'zivo: no message with this messageid' });
    expect(bulkItemError(new Error(`socket hang up ${API_KEY}`))).toEqual({ code: 'PROVIDER_ERROR', message: 'zivo bulk request failed' });
  });
});
