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
