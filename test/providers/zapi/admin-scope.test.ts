import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import type { SimulatorHandle } from '../../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../../src/providers/registry.js';
import { sandboxConfig, startTestApp, type GqlResult } from '../../helpers/app.js';
import { simulatedInstance } from '../../helpers/providers.js';

/**
 * Account administration (issue 9, item 8) needs an API key with the `admin` scope: with the
 * default scopes (read, send, manage) every administration field and mutation is refused with
 * FORBIDDEN before any provider request, and the refusal does not echo the code or PIN sent.
 */
const MANAGER = 'manager-key-0123456789abcdef';
const ADMIN = 'admin-key-0123456789abcdef';
const PIN = '482913';

let sim: SimulatorHandle;
let app: RunningApp;

beforeAll(async () => {
  sim = await PROVIDER_MODULES.zapi.startSimulator({ autoReply: false });
  app = await startTestApp(
    sandboxConfig({
      sandbox: false,
      auth: { apiKeys: [MANAGER, { key: ADMIN, instances: '*', scopes: ['read', 'admin'] }] },
      instances: [simulatedInstance(PROVIDER_MODULES.zapi, sim, 'zapi', 'zapi-webhook-secret-0123456789')],
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

async function post(key: string, query: string): Promise<{ text: string; body: GqlResult }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  return { text, body: JSON.parse(text) as GqlResult };
}

const ADMIN_OPERATIONS = [
  `mutation { checkRegistrationAvailability(input: {instanceId: "zapi", phone: "5544999999999"}) { ok } }`,
  `mutation { requestRegistrationCode(input: {instanceId: "zapi", phone: "5544999999999", method: SMS}) { ok } }`,
  `mutation { respondRegistrationCaptcha(input: {instanceId: "zapi", value: "${PIN}"}) { ok } }`,
  `mutation { confirmRegistrationCode(input: {instanceId: "zapi", value: "${PIN}"}) { ok } }`,
  `mutation { confirmRegistrationPin(input: {instanceId: "zapi", value: "${PIN}"}) { ok } }`,
  `mutation { recoverRegistrationPin(input: {instanceId: "zapi"}) { ok } }`,
  `mutation { requestUnbanning(input: {instanceId: "zapi", description: "please"}) { status } }`,
  `mutation { setSecurityEmail(input: {instanceId: "zapi", email: "owner@acme.test"}) { ok } }`,
  `mutation { verifySecurityEmail(input: {instanceId: "zapi", value: "${PIN}"}) { ok } }`,
  `mutation { removeSecurityEmail(input: {instanceId: "zapi"}) { ok } }`,
  `mutation { setSecurityPin(input: {instanceId: "zapi", value: "${PIN}"}) { ok } }`,
  `mutation { removeSecurityPin(input: {instanceId: "zapi"}) { ok } }`,
  `{ instance(id: "zapi") { accountSecurity { hasPin } } }`,
];

describe('account administration needs the admin scope', () => {
  it.each(ADMIN_OPERATIONS)('a key without admin is refused with FORBIDDEN, before any request: %s', async (query) => {
    const before = sim.requests.length;
    const { text, body } = await post(MANAGER, query);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });
    expect(sim.requests.length).toBe(before);
    expect(text.includes(PIN)).toBe(false);
  });

  it('a key with admin may: setSecurityPin, then accountSecurity shows only that a PIN is set', async () => {
    const set = await post(ADMIN, `mutation { setSecurityPin(input: {instanceId: "zapi", value: "${PIN}"}) { instanceId ok } }`);
    expect(set.body).toEqual({ data: { setSecurityPin: { instanceId: 'zapi', ok: true } } });
    expect(sim.requests.at(-1)?.body).toEqual({ code: PIN });
    const read = await post(ADMIN, '{ instance(id: "zapi") { accountSecurity { email emailVerified hasPin } } }');
    expect(read.body).toEqual({ data: { instance: { accountSecurity: { email: 'example@email.com', emailVerified: true, hasPin: true } } } });
    expect(set.text.includes(PIN) || read.text.includes(PIN)).toBe(false);
  });

  it('a key with admin but without manage may not restart the instance (scopes do not imply each other)', async () => {
    const { body } = await post(ADMIN, 'mutation { restartInstance(input: {instanceId: "zapi"}) { instance { id } } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'manage' });
  });

  it('a wrongly shaped PIN is refused without quoting it', async () => {
    const { text, body } = await post(ADMIN, 'mutation { setSecurityPin(input: {instanceId: "zapi", value: "12ab"}) { ok } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.value' });
    expect(text.includes('12ab')).toBe(false);
  });
});
