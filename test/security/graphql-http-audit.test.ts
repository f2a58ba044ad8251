import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { sandboxConfig, startTestApp } from '../helpers/app.js';

/**
 * Issue 12, "Show it": the GraphQL over HTTP audit of `graphql-http` (`serverAudits`) against
 * the running server's `/graphql`: every MUST passes and every SHOULD passes (no warning).
 * MAY audits are printed but not asserted (they are optional by the spec). The audit runs
 * twice: on the sandbox without keys, and with `auth.apiKeys` configured, its requests
 * carrying the key (`serverAudits` has no header option; its `fetchFn` is wrapped to add it).
 */

const API_KEY = 'audit-key-0123456789abcdef';

/** Runs every audit, prints a table (requirement, id, name, result) and returns the results. */
async function audit(label: string, url: string, fetchFn: typeof fetch): Promise<AuditResult[]> {
  const results: AuditResult[] = [];
  for (const { fn } of serverAudits({ url, fetchFn })) results.push(await fn());
  const rows = results.map((r) => ({
    req: r.name.split(' ')[0],
    id: r.id,
    name: r.name.slice(r.name.indexOf(' ') + 1),
    result: r.status === 'ok' ? 'ok' : `${r.status}: ${r.reason}`,
  }));
  const count = (req: string, ok: boolean) => rows.filter((r) => r.req === req && (r.result === 'ok') === ok).length;
  console.log(
    `graphql-http ${label}: MUST ${count('MUST', true)} ok / ${count('MUST', false)} failing; SHOULD ${count('SHOULD', true)} ok / ${count('SHOULD', false)} warnings; MAY ${count('MAY', true)} ok / ${count('MAY', false)} not\n` +
      rows.map((r) => `| ${r.req} | ${r.id} | ${r.name} | ${r.result} |`).join('\n'),
  );
  return results;
}

/** The MUST and SHOULD audits that did not pass, as `REQ id name: status reason`. */
function failing(results: AuditResult[]): string[] {
  return results.filter((r) => r.status !== 'ok' && /^(MUST|SHOULD) /.test(r.name)).map((r) => `${r.id} ${r.name}: ${r.status === 'ok' ? '' : `${r.status} ${r.reason}`}`);
}

describe('graphql-http audit, sandbox without keys', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp(sandboxConfig());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('passes every MUST and every SHOULD', async () => {
    const results = await audit('(no keys)', `${app.url}/graphql`, fetch);
    expect(results.length).toBeGreaterThan(0);
    expect(failing(results)).toEqual([]);
  });

  it('gives 200 for a request error only to a client that asks for application/json; others keep the 400', async () => {
    const post = async (body: unknown, accept?: string) => {
      const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body: JSON.stringify(body) });
      const json = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      return [res.status, res.headers.get('content-type')?.split(';')[0], json.errors?.[0]?.extensions?.code];
    };
    const rows = {
      'parse, application/json': await post({ query: '{' }, 'application/json'),
      'validation, application/json': await post({ query: '{ nope }' }, 'application/json'),
      'subscription over HTTP, application/json': await post({ query: 'subscription { connectionChanged(instanceId: "x") { state } }' }, 'application/json'),
      'parse, fetch default (*/*)': await post({ query: '{' }),
      'parse, graphql-response+json': await post({ query: '{' }, 'application/graphql-response+json'),
      'parse, both (graphql-response+json first)': await post({ query: '{' }, 'application/graphql-response+json, application/json;q=0.9'),
      'no query, application/json': await post({ qeury: '{ __typename }' }, 'application/json'),
    };
    console.log(
      Object.entries(rows)
        .map(([k, v]) => `| ${k} | ${v.join(' | ')} |`)
        .join('\n'),
    );
    expect(rows).toEqual({
      'parse, application/json': [200, 'application/json', 'GRAPHQL_PARSE_FAILED'],
      'validation, application/json': [200, 'application/json', 'GRAPHQL_VALIDATION_FAILED'],
      'subscription over HTTP, application/json': [200, 'application/json', 'BAD_USER_INPUT'],
      'parse, fetch default (*/*)': [400, 'application/json', 'GRAPHQL_PARSE_FAILED'],
      'parse, graphql-response+json': [400, 'application/graphql-response+json', 'GRAPHQL_PARSE_FAILED'],
      'parse, both (graphql-response+json first)': [400, 'application/graphql-response+json', 'GRAPHQL_PARSE_FAILED'],
      'no query, application/json': [400, 'application/json', 'BAD_REQUEST'],
    });
  });
});

describe('graphql-http audit, with auth.apiKeys (requests carry the key)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp(sandboxConfig({ auth: { apiKeys: [API_KEY] } }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('passes every MUST and every SHOULD', async () => {
    const withKey: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${API_KEY}`);
      return fetch(input, { ...init, headers });
    };
    const results = await audit('(with a key)', `${app.url}/graphql`, withKey);
    expect(failing(results)).toEqual([]);
  });

  it('the key is needed: without it the audit request is refused', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
