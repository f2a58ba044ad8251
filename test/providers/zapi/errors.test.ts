import { MockAgent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_READ_RETRIES, RETRYABLE_READ_STATUSES } from '../../../src/providers/resilience.js';
import { ProviderError, ProviderHttpClient } from '../../../src/providers/http.js';
import { expectDone, mapZapiError, orNull, ZAPI_ERROR_TABLE } from '../../../src/providers/zapi/errors.js';

/**
 * Z-API's documented error answers, each read through the instance's HTTP client exactly as
 * the adapter builds it (`mapError: mapZapiError`), so each row checks the whole reading:
 * Z-API's table first, then the status-based mapping of `http.ts`.
 */

const ORIGIN = 'https://api.z-api.example';
const TOKEN = 'A1B2C3D4E5F6SECRETTOKEN0001';
const CLIENT_TOKEN = 'F9E8D7C6B5A4SECRETCLIENT0001';

interface Row {
  /** What Z-API answers and where its doc says so. */
  name: string;
  doc: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  expected: { code: string; providerCode?: string; retryAfterMs?: number };
}

const ROWS: Row[] = [
  // The doc gives no status for the two "not allowed" bodies; both are read from the body whatever it is.
  {
    name: 'missing Client-Token',
    doc: 'z-api.txt 468-475',
    status: 401,
    body: { error: 'null not allowed' },
    expected: { code: 'PROVIDER_UNAUTHORIZED', providerCode: 'NOT_ALLOWED' },
  },
  {
    name: 'missing Client-Token, answered 400',
    doc: 'z-api.txt 468-475',
    status: 400,
    body: { error: 'null not allowed' },
    expected: { code: 'PROVIDER_UNAUTHORIZED', providerCode: 'NOT_ALLOWED' },
  },
  {
    name: 'caller IP not on the allowed list',
    doc: 'z-api.txt 392-397',
    status: 403,
    body: { error: '203.0.113.7 not allowed' },
    expected: { code: 'PROVIDER_UNAUTHORIZED', providerCode: 'NOT_ALLOWED' },
  },
  {
    name: 'the instance is not connected',
    doc: 'z-api.txt 845',
    status: 400,
    body: { error: 'You are not connected.' },
    expected: { code: 'PROVIDER_UNAVAILABLE', providerCode: 'NOT_CONNECTED' },
  },
  {
    name: 'the session must be restored',
    doc: 'z-api.txt 845',
    status: 400,
    body: { error: 'You need to restore the session.' },
    expected: { code: 'PROVIDER_UNAVAILABLE', providerCode: 'RESTORE_SESSION' },
  },
  { name: 'invalid phone', doc: 'z-api.txt 6158-6161', status: 400, body: { error: 'Invalid phone' }, expected: { code: 'PROVIDER_ERROR', providerCode: 'INVALID_PHONE' } },
  { name: 'invalid request, no body', doc: 'z-api.txt 1076-1077', status: 400, expected: { code: 'PROVIDER_ERROR' } },
  { name: 'wrong method', doc: 'z-api.txt 527-529', status: 405, expected: { code: 'PROVIDER_ERROR' } },
  { name: 'missing Content-Type', doc: 'z-api.txt 531', status: 415, expected: { code: 'PROVIDER_ERROR' } },
  // Not documented by Z-API: the status decides, whatever the body says (DESIGN.md, "Outbound").
  {
    name: '429 with Retry-After, even with a documented body',
    doc: 'undocumented: status-based',
    status: 429,
    body: { error: 'null not allowed' },
    headers: { 'retry-after': '7' },
    expected: { code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 7000 },
  },
  {
    name: '5xx, even with a documented body',
    doc: 'undocumented: status-based',
    status: 503,
    body: { error: 'You are not connected.' },
    expected: { code: 'PROVIDER_UNAVAILABLE' },
  },
  {
    name: 'an error text the doc does not list',
    doc: 'undocumented: status-based',
    status: 401,
    body: { error: 'Instance not found or invalid token' },
    expected: { code: 'PROVIDER_UNAUTHORIZED' },
  },
  { name: 'nothing there', doc: 'undocumented: status-based', status: 404, body: { error: 'Chat not found' }, expected: { code: 'PROVIDER_ERROR' } },
];

let agent: MockAgent;
let http: ProviderHttpClient;

beforeAll(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});

// a fresh client per row: a 429 with Retry-After makes a client refuse its next calls until then (issue 12)
beforeEach(() => {
  http = new ProviderHttpClient({
    provider: 'zapi',
    baseUrl: `${ORIGIN}/instances/INSTANCE1/token/${TOKEN}`,
    headers: { 'Client-Token': CLIENT_TOKEN },
    secrets: [TOKEN, CLIENT_TOKEN],
    mapError: mapZapiError,
    dispatcher: agent,
  });
});

afterAll(async () => {
  await agent.close();
});

/** The error the client throws for one answer. */
async function answer(row: Row): Promise<ProviderError> {
  const reply = row.body === undefined ? '' : JSON.stringify(row.body);
  agent
    .get(ORIGIN)
    .intercept({ path: `/instances/INSTANCE1/token/${TOKEN}/status`, method: 'GET' })
    .reply(row.status, reply, { headers: { 'content-type': 'application/json', ...row.headers } })
    // a GET answered 502/503/504 is retried (DEFAULT_READ_RETRIES more times) before the error surfaces
    .times(RETRYABLE_READ_STATUSES.has(row.status) ? 1 + DEFAULT_READ_RETRIES : 1);
  const err = await http.request({ operation: 'status', method: 'GET', path: '/status' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('Z-API error answers → ProviderError kinds', () => {
  it.each(ROWS.map((r) => [`${r.name} (${r.doc}): HTTP ${r.status}`, r] as const))('%s', async (_name, row) => {
    const err = await answer(row);
    expect(err.extensions.code).toBe(row.expected.code);
    expect(err.extensions.provider).toBe('zapi');
    expect(err.extensions.operation).toBe('status');
    expect(err.extensions.httpStatus).toBe(row.status);
    expect(err.extensions.providerCode).toBe(row.expected.providerCode);
    expect(err.extensions.retryAfterMs).toBe(row.expected.retryAfterMs);
    // Never a credential, never the provider's own text (the IP-restriction body names the caller's IP).
    const shown = JSON.stringify({ message: err.message, extensions: err.extensions });
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain(CLIENT_TOKEN);
    expect(shown).not.toContain('203.0.113.7');
  });

  it('every row of the table is exercised by a documented answer above', () => {
    for (const rule of ZAPI_ERROR_TABLE) {
      const row = ROWS.find((r) => r.status < 429 && mapZapiError(r.status, r.body)?.providerCode === rule.providerCode);
      expect(row, `${rule.providerCode} (${rule.doc})`).toBeDefined();
      expect(row?.doc && rule.doc.includes(row.doc.replace('z-api.txt ', ''))).toBe(true);
    }
  });
});

describe('Z-API 2xx answers that say it failed', () => {
  it.each([
    ['{"value": false} (z-api.txt 6976-6984)', false, true],
    ['{"value": "false"}, a string as Z-API sends many booleans', 'false', true],
    ['{"success": false} (z-api.txt 8385-8393)', false, true],
    ['no flag at all', undefined, true],
    ['{"value": true}', true, false],
    ['{"success": "true"}', 'true', false],
  ] as const)('%s', (_name, flag, fails) => {
    if (!fails) {
      expect(() => expectDone('update-group-name', flag)).not.toThrow();
      return;
    }
    let err: unknown;
    try {
      expectDone('update-group-name', flag);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'zapi', operation: 'update-group-name', providerCode: 'FAILED' });
  });

  it('a 404 on a lookup is "nothing there"; any other error is thrown', async () => {
    const notFound = await answer(ROWS.find((r) => r.status === 404) as Row);
    await expect(orNull(Promise.reject(notFound))).resolves.toBeNull();
    const unauthorised = await answer(ROWS[0] as Row);
    await expect(orNull(Promise.reject(unauthorised))).rejects.toBe(unauthorised);
  });
});
