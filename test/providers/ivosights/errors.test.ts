import { MockAgent } from 'undici';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphError } from '../../../src/errors.js';
import { IvosightsClient } from '../../../src/providers/ivosights/client.js';
import { IVOSIGHTS_ERROR_RULES, mapIvosightsError } from '../../../src/providers/ivosights/errors.js';

/**
 * IVOWBA's error answers (ivosights-ivowba.txt: the media 404 of lines 171-174, WhatsApp's
 * `{errors: [{code, title}]}` of lines 3095-3135) → the graph's error kinds, through the real
 * client: JSON operations via the shared HTTP client, media via the raw path.
 */

const API_KEY = 'ivo_secret_api_key_0001';
const agent = new MockAgent();
agent.disableNetConnect();
const origin = agent.get('http://ivo.test');
// a fresh client per test: a 429 with Retry-After makes a client refuse its next calls until then (issue 12)
let client = new IvosightsClient({ baseUrl: 'http://ivo.test', apiKey: API_KEY, dispatcher: agent });
beforeEach(() => {
  client = new IvosightsClient({ baseUrl: 'http://ivo.test', apiKey: API_KEY, dispatcher: agent });
});
const sandboxClient = new IvosightsClient({ baseUrl: 'http://ivo.test', apiKey: API_KEY, sandbox: true, dispatcher: agent });
afterAll(() => agent.close());

type Call = 'sendText' | 'showTemplate' | 'media';
const CALLS: Record<Call, { method: string; path: string; run: () => Promise<unknown> }> = {
  sendText: { method: 'POST', path: '/api/v1/messages/send-text-message', run: () => client.sendTextMessage({ wa_id: '628123456789', text: 'hi' }) },
  showTemplate: { method: 'GET', path: '/api/v1/message-templates/60243665e4058d3b4a377bd2', run: () => client.showTemplate('60243665e4058d3b4a377bd2') },
  media: { method: 'GET', path: '/api/v1/media/unknown-media', run: () => client.media('unknown-media') },
};

interface Row {
  /** The documenting lines of ivosights-ivowba.txt, or why there are none. */
  doc: string;
  call: Call;
  answer: { status: number; body: unknown; headers?: Record<string, string> };
  expected: { code: string; providerCode?: string; retryAfterMs?: number; message?: string };
}

const ROWS: Row[] = [
  {
    doc: 'lines 171-174',
    call: 'media',
    answer: { status: 404, body: { message: 'File not found' } },
    expected: { code: 'NOT_FOUND', providerCode: '404', message: 'ivosights: file not found' },
  },
  {
    doc: 'lines 171-174 (another 404 body)',
    call: 'showTemplate',
    answer: { status: 404, body: { message: 'No query results' } },
    expected: { code: 'NOT_FOUND', providerCode: '404', message: 'ivosights: not found' },
  },
  {
    doc: 'lines 3095-3106',
    call: 'sendText',
    answer: {
      status: 400,
      body: {
        errors: [
          {
            code: 470,
            title: 'Failed to send message because you are outside the support window for freeform messages to this user. Please use a valid HSM notification or reconsider.',
          },
        ],
      },
    },
    expected: { code: 'PROVIDER_ERROR', providerCode: '470' },
  },
  {
    doc: 'lines 3107-3123',
    call: 'sendText',
    answer: {
      status: 400,
      body: {
        errors: [
          {
            code: 470,
            href: 'https://developers.facebook.com/docs/whatsapp/api/errors/',
            title: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number',
          },
        ],
      },
    },
    expected: {
      code: 'PROVIDER_ERROR',
      providerCode: '470',
      message: 'ivosights refused the request: Message failed to send because more than 24 hours have passed since the customer last replied to this number',
    },
  },
  {
    doc: 'lines 3124-3135',
    call: 'sendText',
    answer: { status: 400, body: { errors: [{ code: 480, title: 'Failed to send message since we detect an identity change of the contact' }] } },
    expected: { code: 'PROVIDER_ERROR', providerCode: '480' },
  },
  {
    doc: 'undocumented: a validation answer naming fields',
    call: 'sendText',
    answer: { status: 422, body: { message: `The given data was invalid (${API_KEY})`, errors: { wa_id: ['The wa id field is required.'], 'components.0.type': ['bad'] } } },
    expected: { code: 'PROVIDER_ERROR', providerCode: 'VALIDATION', message: 'ivosights rejected the request (invalid fields: wa_id, components.0.type)' },
  },
  {
    doc: 'undocumented: an empty errors list',
    call: 'sendText',
    answer: { status: 400, body: { errors: [] } },
    expected: { code: 'PROVIDER_ERROR', providerCode: 'VALIDATION', message: 'ivosights rejected the request (invalid fields: unknown)' },
  },
  { doc: 'lines 10-16 (X-API-KEY refused)', call: 'sendText', answer: { status: 401, body: { message: 'Unauthenticated.' } }, expected: { code: 'PROVIDER_UNAUTHORIZED' } },
  { doc: 'lines 10-16 (X-API-KEY refused, raw path)', call: 'media', answer: { status: 403, body: { message: 'Forbidden' } }, expected: { code: 'PROVIDER_UNAUTHORIZED' } },
  {
    doc: 'undocumented: throttling',
    call: 'sendText',
    answer: { status: 429, body: {}, headers: { 'retry-after': '5' } },
    expected: { code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 5000 },
  },
  {
    doc: 'undocumented: throttling (raw path)',
    call: 'media',
    answer: { status: 429, body: {}, headers: { 'retry-after': '2' } },
    expected: { code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 2000 },
  },
  {
    doc: 'undocumented: outage, even with a WhatsApp error body',
    call: 'sendText',
    answer: { status: 503, body: { errors: [{ code: 131000, title: 'x' }] } },
    expected: { code: 'PROVIDER_UNAVAILABLE' },
  },
  { doc: 'undocumented: a bare 400', call: 'media', answer: { status: 400, body: 'Bad Request' }, expected: { code: 'PROVIDER_ERROR' } },
];

describe('ivosights errors', () => {
  it.each(ROWS)('$doc: HTTP $answer.status on $call → $expected.code $expected.providerCode', async ({ call, answer, expected }) => {
    const { method, path, run } = CALLS[call];
    origin
      .intercept({ path, method })
      .reply(answer.status, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), { headers: { 'content-type': 'application/json', ...answer.headers } });
    const err = await run().then(
      () => null,
      (e: unknown) => e as GraphError,
    );
    expect(err).not.toBeNull();
    expect(err!.extensions.code).toBe(expected.code);
    expect(err!.extensions.httpStatus).toBe(answer.status);
    expect(err!.extensions.providerCode).toBe(expected.providerCode);
    expect(err!.extensions.retryAfterMs).toBe(expected.retryAfterMs);
    if (expected.message) expect(err!.message).toBe(expected.message);
    expect(JSON.stringify({ message: err!.message, extensions: err!.extensions })).not.toContain(API_KEY);
  });

  it('every documented rule names its doc lines; the rules are read in order', () => {
    expect(IVOSIGHTS_ERROR_RULES.map((r) => r.lines)).toEqual([null, [171, 174], [3095, 3135], null]);
    // 401 with a WhatsApp-shaped body: the first rule (credentials) wins.
    expect(mapIvosightsError(401, { errors: [{ code: 470, title: 't' }] })).toBeUndefined();
    expect(mapIvosightsError(418, 'not json')).toBeUndefined();
  });

  it('a sandbox instance refuses what the Sandbox does not serve (lines 3137-3145) before any request', async () => {
    // the client refuses synchronously (no request is built), so the call runs inside a promise chain
    const err = await Promise.resolve()
      .then(() => sandboxClient.checkContacts({ contacts: ['+628123456789'] }))
      .then(
        () => null,
        (e: unknown) => e as GraphError,
      );
    expect(err?.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'ivosights', operation: 'contacts-check', sandbox: true });
  });
});
