import { MockAgent } from 'undici';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphError } from '../../../src/errors.js';
import { ZixflowClient } from '../../../src/providers/zixflow/client.js';
import { sendAnswerError, ZIXFLOW_ERROR_TABLE } from '../../../src/providers/zixflow/errors.js';
import type { ZixflowSendRequest } from '../../../src/providers/zixflow/wire.js';

/**
 * Zixflow's error answers → the graph's error kinds. zixflow.txt documents only the body's
 * `status: false` (lines 184-194); HTTP statuses are undocumented and go through the shared
 * mapping of `http.ts`, checked here through the real client.
 */

const API_KEY = 'zixflow_secret_api_key_1';
const agent = new MockAgent();
agent.disableNetConnect();
const origin = agent.get('http://zixflow.test');
// a fresh client per test: a 429 with Retry-After makes a client refuse its next calls until then (issue 12)
let client = new ZixflowClient({ baseUrl: 'http://zixflow.test', apiKey: API_KEY, dispatcher: agent });
beforeEach(() => {
  client = new ZixflowClient({ baseUrl: 'http://zixflow.test', apiKey: API_KEY, dispatcher: agent });
});
afterAll(() => agent.close());
const request: ZixflowSendRequest = {
  to: '919876543210',
  phoneId: '1',
  type: 'interactive',
  interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } },
};

const ANSWER_ROWS: Array<{ lines: string; answer: { status: boolean; message?: string } | null; expected: string | null }> = [
  { lines: '184-194', answer: { status: true, message: 'success' }, expected: null },
  { lines: '184-194', answer: { status: false, message: `Invalid phoneId for ${API_KEY}` }, expected: 'PROVIDER_ERROR' },
  { lines: '184-194', answer: null, expected: 'PROVIDER_ERROR' },
];

describe('zixflow errors: the documented answer body', () => {
  it.each(ANSWER_ROWS)('zixflow.txt $lines: $answer → $expected', ({ answer, expected }) => {
    const err = sendAnswerError(answer, 'campaign-whatsapp-message-send');
    if (expected === null) {
      expect(err).toBeNull();
      return;
    }
    expect(err?.extensions.code).toBe(expected);
    expect(err?.message).toBe(ZIXFLOW_ERROR_TABLE.statusFalse.message);
    expect(JSON.stringify(err?.extensions)).not.toContain(API_KEY);
  });
});

/** Undocumented HTTP failures (no doc line): the shared status mapping, `Retry-After` honoured. */
const HTTP_ROWS: Array<{ status: number; headers?: Record<string, string>; expected: { code: string; retryAfterMs?: number } }> = [
  { status: 401, expected: { code: 'PROVIDER_UNAUTHORIZED' } },
  { status: 403, expected: { code: 'PROVIDER_UNAUTHORIZED' } },
  { status: 400, expected: { code: 'PROVIDER_ERROR' } },
  { status: 429, headers: { 'retry-after': '7' }, expected: { code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 7000 } },
  { status: 502, expected: { code: 'PROVIDER_UNAVAILABLE' } },
];

describe('zixflow errors: HTTP statuses', () => {
  it.each(HTTP_ROWS)('HTTP $status → $expected.code', async ({ status, headers, expected }) => {
    origin
      .intercept({ path: '/api/v1/campaign/whatsapp/message/send', method: 'POST' })
      .reply(status, JSON.stringify({ status: false, message: `refused ${API_KEY}` }), { headers: { 'content-type': 'application/json', ...headers } });
    const err = await client.sendMessage(request).then(
      () => null,
      (e: unknown) => e as GraphError,
    );
    expect(err?.extensions.code).toBe(expected.code);
    expect(err?.extensions.httpStatus).toBe(status);
    expect(err?.extensions.retryAfterMs).toBe(expected.retryAfterMs);
    expect(JSON.stringify({ message: err?.message, extensions: err?.extensions })).not.toContain(API_KEY);
  });
});
