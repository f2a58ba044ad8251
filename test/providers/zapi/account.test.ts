import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import type { InstanceConfig } from '../../../src/config.js';
import { toGlobalId } from '../../../src/global-ids.js';
import { REDACTED_PATHS } from '../../../src/logger.js';
import type { RecordedRequest, SimulatorHandle } from '../../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../../src/providers/registry.js';
import { sandboxConfig, startTestApp, type GqlResult } from '../../helpers/app.js';
import { operationFixtures, type KeyedOperationFixture } from '../../helpers/fixtures.js';
import { expectAuthorised, isCallOf, operationsFor, simulatedInstance } from '../../helpers/providers.js';

/**
 * Issue 9 through the graph against the Z-API simulator (and Ivosights for the shared profile
 * mutations, Zivo for refusals): every new field and mutation sends the documented method,
 * path, headers, query and body (checked against test/fixtures/zapi/operations.json and its doc
 * lines); the server registers its webhooks at start with `publicUrl`; at the end, no response
 * and no log line carries a secret.
 */

const zapi = PROVIDER_MODULES.zapi;
const OPS = new Map(operationFixtures(zapi).map((o) => [o.key, o] as const));
const SECRETS = {
  zapi: 'zapi-webhook-secret-0123456789',
  offline: 'offline-webhook-secret-0123456789',
  ivosights: 'ivo-webhook-secret-0123456789',
  zivo: 'zivo-webhook-secret-0123456789',
};

/** The PIN the suite sets: it must never come back in a response or a log line. */
const PIN = '730519';
const logLines: string[] = [];
const responses: string[] = [];
const pairingCodes: string[] = [];
let app: RunningApp;
let sim: SimulatorHandle;
let offline: SimulatorHandle;
let ivo: SimulatorHandle;
let zivo: SimulatorHandle;
let publicUrl = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  responses.push(text);
  return JSON.parse(text) as GqlResult<T>;
}
async function ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

beforeAll(async () => {
  sim = await zapi.startSimulator({ autoReply: false });
  offline = await zapi.startSimulator({ autoReply: false, connected: false });
  ivo = await PROVIDER_MODULES.ivosights.startSimulator({ autoReply: false });
  zivo = await PROVIDER_MODULES.zivo.startSimulator({ autoReply: false });
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  const instances: InstanceConfig[] = [
    simulatedInstance(zapi, sim, 'zapi', SECRETS.zapi),
    simulatedInstance(zapi, offline, 'offline', SECRETS.offline),
    simulatedInstance(PROVIDER_MODULES.ivosights, ivo, 'ivosights', SECRETS.ivosights),
    simulatedInstance(PROVIDER_MODULES.zivo, zivo, 'zivo', SECRETS.zivo),
  ];
  app = await startTestApp(sandboxConfig({ sandbox: false, source: 'test', port, publicUrl, instances, graphql: { introspection: true } }), { logger });
  await app.webhooksRegistered;
});

afterAll(async () => {
  await app?.close();
  for (const s of [sim, offline, ivo, zivo]) await s?.close();
});

/** The requests `handle` received since `from`. */
const since = (handle: SimulatorHandle, from: number): RecordedRequest[] => handle.requests.slice(from);

/** The documented field names of an operation's body. */
function bodyFields(op: KeyedOperationFixture): { required: string[]; all: string[] } {
  const required = (op.body?.required ?? []).map((f) => f.name);
  return { required, all: [...required, ...(op.body?.optional ?? []).map((f) => f.name)] };
}

/**
 * Asserts that `req` is a call of the documented operation `key`: method and path, the
 * `Client-Token` header (z-api.txt 450-480), query parameters among the documented ones, and an
 * object body with every required and only documented fields.
 */
function expectDocumented(handle: SimulatorHandle, key: string, req: RecordedRequest | undefined): void {
  const op = OPS.get(key);
  expect(op, key).toBeDefined();
  expect(req, `a request for ${key}`).toBeDefined();
  expect(isCallOf(zapi, handle.instanceConfig, op!, req!), `${req!.method} ${req!.path} is ${key} (z-api.txt ${op!.lines.join('-')})`).toBe(true);
  expectAuthorised(zapi, handle.instanceConfig, op!, req!);
  const documentedQuery = (op!.query ?? []).map((q) => q.name);
  for (const name of Object.keys(req!.query)) expect(documentedQuery, `${key}: query ${name}`).toContain(name);
  const body = req!.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const { required, all } = bodyFields(op!);
    for (const name of required) expect(Object.keys(body), `${key}: required ${name}`).toContain(name);
    for (const name of Object.keys(body)) expect(all, `${key}: field ${name} is documented`).toContain(name);
  }
}

interface Row {
  name: string;
  /** Which instance (and so which simulator). */
  on: 'zapi' | 'offline';
  query: string;
  variables?: Record<string, unknown>;
  /** The documented operations it calls, in order, with the exact query/body sent. */
  calls: Array<{ key: string; path?: string; query?: Record<string, string>; body?: unknown }>;
  /** Checks on the data. */
  data?: (data: any) => void;
}

const ROWS: Row[] = [
  {
    name: 'restartInstance',
    on: 'zapi',
    query: 'mutation { restartInstance(input: {instanceId: "zapi"}) { instance { id instanceId status } } }',
    calls: [{ key: 'GET /restart' }, { key: 'GET /status' }],
    data: (d) => expect(d.restartInstance.instance).toEqual({ id: toGlobalId('Instance', 'zapi', ''), instanceId: 'zapi', status: 'CONNECTED' }),
  },
  {
    name: 'renameInstance',
    on: 'zapi',
    query: 'mutation { renameInstance(input: {instanceId: "zapi", name: "Sales line"}) { instance { id } } }',
    calls: [{ key: 'PUT /update-name', body: { value: 'Sales line' } }],
  },
  {
    name: 'updateProfileName',
    on: 'zapi',
    query: 'mutation { updateProfileName(input: {instanceId: "zapi", name: "ACME"}) { instance { profile { name } } } }',
    calls: [{ key: 'PUT /profile-name', body: { value: 'ACME' } }, { key: 'GET /me' }, { key: 'GET /device' }],
    data: (d) => expect(d.updateProfileName.instance.profile.name).toBe('ACME'),
  },
  {
    name: 'updateProfileAbout',
    on: 'zapi',
    query: 'mutation { updateProfileAbout(input: {instanceId: "zapi", text: "Open 9-18"}) { instance { id } } }',
    calls: [{ key: 'PUT /profile-description', body: { value: 'Open 9-18' } }],
  },
  {
    name: 'updateProfilePicture',
    on: 'zapi',
    query: 'mutation { updateProfilePicture(input: {instanceId: "zapi", photo: "https://cdn.example.com/logo.png"}) { instance { id } } }',
    calls: [{ key: 'PUT /profile-picture', body: { value: 'https://cdn.example.com/logo.png' } }],
  },
  {
    name: 'updateAccountSettings (all four, in order) then Instance.accountSettings',
    on: 'zapi',
    query:
      'mutation { updateAccountSettings(input: {instanceId: "zapi", autoReadMessages: true, autoReadStatuses: true, rejectCalls: true, callRejectMessage: "Text us"}) { instance { accountSettings { autoReadMessages autoReadStatuses rejectCalls callRejectMessage } } } }',
    calls: [
      { key: 'PUT /update-auto-read-message', body: { value: true } },
      { key: 'PUT /update-auto-read-status', body: { value: true } },
      { key: 'PUT /update-call-reject-auto', body: { value: true } },
      { key: 'PUT /update-call-reject-message', body: { value: 'Text us' } },
      { key: 'GET /me' },
    ],
    // `/me` reports no auto read of statuses (z-api.txt 946-990): null, not a guess.
    data: (d) =>
      expect(d.updateAccountSettings.instance.accountSettings).toEqual({ autoReadMessages: true, autoReadStatuses: null, rejectCalls: true, callRejectMessage: 'Text us' }),
  },
  {
    name: 'updatePrivacy (every setting) then Instance.privacy',
    on: 'zapi',
    query: `mutation { updatePrivacy(input: {instanceId: "zapi", readReceipts: false, defaultMessageDuration: DAYS_7, audiences: [
      {setting: LAST_SEEN, audience: CONTACTS_EXCEPT, addDisallowed: ["+55 44 1111-1111"]},
      {setting: PROFILE_PHOTO, audience: NOBODY}, {setting: ABOUT, audience: EVERYONE},
      {setting: GROUP_ADD, audience: CONTACTS}, {setting: ONLINE, audience: SAME_AS_LAST_SEEN}]}) {
      instance { privacy { lastSeen readReceipts disallowedContacts { lastSeen profilePhoto about groupAdd } } } } }`,
    calls: [
      { key: 'POST /privacy/last-seen', body: { visualizationType: 'CONTACT_BLACKLIST', contactsBlacklist: [{ action: 'add', phone: '554411111111' }] } },
      { key: 'POST /privacy/photo', body: { visualizationType: 'NONE' } },
      { key: 'POST /privacy/description', body: { visualizationType: 'ALL' } },
      { key: 'POST /privacy/group-add', body: { type: 'CONTACTS' } },
      { key: 'POST /privacy/online', body: { visualizationType: 'SAME_LAST_SEEN' } },
      { key: 'POST /privacy/read-receipts', query: { value: 'disable' } },
      { key: 'POST /privacy/messages-duration', query: { value: 'days7' } },
      { key: 'GET /privacy/disallowed-contacts', query: { type: 'lastSeen' } },
      { key: 'GET /privacy/disallowed-contacts', query: { type: 'photo' } },
      { key: 'GET /privacy/disallowed-contacts', query: { type: 'description' } },
      { key: 'GET /privacy/disallowed-contacts', query: { type: 'groupAdd' } },
    ],
    // Z-API documents no read of the audiences (only the exception lists): null, never invented.
    data: (d) =>
      expect(d.updatePrivacy.instance.privacy).toEqual({
        lastSeen: null,
        readReceipts: null,
        disallowedContacts: { lastSeen: ['554411111111'], profilePhoto: [], about: [], groupAdd: [] },
      }),
  },
  {
    name: 'addContacts',
    on: 'zapi',
    query:
      'mutation { addContacts(input: {instanceId: "zapi", contacts: [{phone: "+55 44 9999-9999", firstName: "Ana", lastName: "Lima"}, {phone: "554499998888", firstName: "Bia"}]}) { phones } }',
    calls: [
      {
        key: 'POST /contacts/add',
        body: [
          { firstName: 'Ana', lastName: 'Lima', phone: '554499999999' },
          { firstName: 'Bia', phone: '554499998888' },
        ],
      },
    ],
    data: (d) => expect(d.addContacts.phones).toEqual(['554499999999', '554499998888']),
  },
  {
    name: 'removeContacts',
    on: 'zapi',
    query: 'mutation { removeContacts(input: {instanceId: "zapi", phones: ["554499999999", "554499998888"]}) { phones } }',
    calls: [{ key: 'DELETE /contacts/remove', body: ['554499999999', '554499998888'] }],
  },
  {
    name: 'blockContact (the contract)',
    on: 'zapi',
    query: 'mutation { blockContact(input: {instanceId: "zapi", phone: "5511999999999"}) { contact { phone name blocked } } }',
    calls: [
      { key: 'POST /contacts/modify-blocked', body: { phone: '5511999999999', action: 'block' } },
      { key: 'GET /contacts/{phone}', path: '/contacts/5511999999999' },
    ],
    data: (d) => expect(d.blockContact.contact).toEqual({ phone: '5511999999999', name: 'Z-API SUPPORT', blocked: true }),
  },
  {
    name: 'unblockContact',
    on: 'zapi',
    query: 'mutation { unblockContact(input: {instanceId: "zapi", phone: "5511999999999"}) { contact { blocked } } }',
    calls: [{ key: 'POST /contacts/modify-blocked', body: { phone: '5511999999999', action: 'unblock' } }, { key: 'GET /contacts/{phone}' }],
    data: (d) => expect(d.unblockContact.contact.blocked).toBe(false),
  },
  {
    name: 'reportContact',
    on: 'zapi',
    query: 'mutation { reportContact(input: {instanceId: "zapi", phone: "5511988888888"}) { contact { phone blocked } } }',
    calls: [{ key: 'POST /contacts/{phone}/report', path: '/contacts/5511988888888/report' }, { key: 'GET /contacts/{phone}' }],
    data: (d) => expect(d.reportContact.contact).toEqual({ phone: '5511988888888', blocked: null }),
  },
  {
    name: 'Instance.queue (a page and the count)',
    on: 'zapi',
    query:
      '{ instance(id: "zapi") { queue(first: 1) { count pageInfo { hasNextPage } nodes { id providerMessageId chat { chatId } fromMe status content { ... on TextContent { body } } } } } }',
    calls: [{ key: 'GET /queue list', query: { page: '1', pageSize: '1' } }, { key: 'GET /queue/count count' }],
    data: (d) =>
      expect(d.instance.queue).toEqual({
        count: 2,
        pageInfo: { hasNextPage: true },
        nodes: [
          {
            id: toGlobalId('Message', 'zapi', '7AD29EAA5EF34C301F01'),
            providerMessageId: '7AD29EAA5EF34C301F01',
            chat: { chatId: '5511999999999' },
            fromMe: true,
            status: 'PENDING',
            content: { body: 'Mensagem da fila 1' },
          },
        ],
      }),
  },
  {
    name: 'cancelQueuedMessage (by message id: the queue id is looked up)',
    on: 'zapi',
    query: 'mutation { cancelQueuedMessage(input: {instanceId: "zapi", messageId: "7AD29EAA5EF34C301F01"}) { instance { queue { count } } } }',
    calls: [
      { key: 'GET /queue list', query: { page: '1', pageSize: '100' } },
      { key: 'DELETE /queue/{zaapId}', path: '/queue/39BB1684570F00E91090F6BBC7EE7641' },
      { key: 'GET /queue list' },
      { key: 'GET /queue/count count' },
    ],
    data: (d) => expect(d.cancelQueuedMessage.instance.queue.count).toBe(1),
  },
  {
    name: 'clearQueue',
    on: 'zapi',
    query: 'mutation { clearQueue(input: {instanceId: "zapi"}) { instance { queue { count nodes { id } } } } }',
    calls: [{ key: 'DELETE /queue' }, { key: 'GET /queue list' }, { key: 'GET /queue/count count' }],
    data: (d) => expect(d.clearQueue.instance.queue).toEqual({ count: 0, nodes: [] }),
  },
  {
    name: 'updateBusinessProfile (every field Z-API keeps, one request each, in order)',
    on: 'zapi',
    query: `mutation { updateBusinessProfile(input: {instanceId: "zapi", description: "Bakery", email: "hi@acme.test", address: "Rua A, 1",
      websites: ["https://acme.test"], categories: ["RESTAURANT", "629412378414563"],
      hours: {timezone: "America/Sao_Paulo", days: [{dayOfWeek: MONDAY, openTime: "08:00", closeTime: "12:00"}, {dayOfWeek: MONDAY, openTime: "14:00", closeTime: "18:00"}]}}) { ok } }`,
    calls: [
      { key: 'POST /business/company-description', body: { value: 'Bakery' } },
      { key: 'POST /business/company-email', body: { value: 'hi@acme.test' } },
      { key: 'POST /business/company-address', body: { value: 'Rua A, 1' } },
      { key: 'POST /business/company-websites', body: { websites: ['https://acme.test'] } },
      {
        key: 'POST /business/hours',
        body: {
          timezone: 'America/Sao_Paulo',
          mode: 'specificHours',
          days: [
            { dayOfWeek: 'MONDAY', openTime: '08:00', closeTime: '12:00' },
            { dayOfWeek: 'MONDAY', openTime: '14:00', closeTime: '18:00' },
          ],
        },
      },
      { key: 'POST /business/categories', body: { categories: ['RESTAURANT', '629412378414563'] } },
    ],
    data: (d) => expect(d.updateBusinessProfile.ok).toBe(true),
  },
  {
    name: 'updateBusinessProfile (one field: only its request)',
    on: 'zapi',
    query: 'mutation { updateBusinessProfile(input: {instanceId: "zapi", hours: {timezone: "UTC", mode: OPEN_24H}}) { ok } }',
    calls: [{ key: 'POST /business/hours', body: { timezone: 'UTC', mode: 'open24h', days: [] } }],
  },
  {
    name: 'Instance.businessCategories (searched)',
    on: 'zapi',
    query: '{ instance(id: "zapi") { businessCategories(query: "other") { categoryId label name } } }',
    calls: [{ key: 'GET /business/available-categories', query: { query: 'other' } }],
    data: (d) => expect(d.instance.businessCategories).toEqual([{ categoryId: '629412378414563', label: 'OTHER_COMPANIES', name: 'Other Companies' }]),
  },
  {
    name: 'checkRegistrationAvailability (available)',
    on: 'zapi',
    query: 'mutation { checkRegistrationAvailability(input: {instanceId: "zapi", phone: "+55 44 9999-9999"}) { ok available banned smsWaitSeconds appEligible } }',
    calls: [{ key: 'POST /mobile/registration-available', body: { ddi: '55', phone: '4499999999' } }],
    data: (d) => expect(d.checkRegistrationAvailability).toEqual({ ok: true, available: true, banned: null, smsWaitSeconds: 0, appEligible: true }),
  },
  {
    name: 'checkRegistrationAvailability (banned: the appeal token stays on the server)',
    on: 'zapi',
    query: 'mutation { checkRegistrationAvailability(input: {instanceId: "zapi", phone: "+55 44 9999-9990"}) { ok available banned reason } }',
    calls: [{ key: 'POST /mobile/registration-available', body: { ddi: '55', phone: '4499999990' } }],
    data: (d) => expect(d.checkRegistrationAvailability).toEqual({ ok: false, available: false, banned: true, reason: 'banned' }),
  },
  {
    name: 'requestUnbanning (with the kept appeal token)',
    on: 'zapi',
    query: 'mutation { requestUnbanning(input: {instanceId: "zapi", description: "Normal chats only"}) { status } }',
    calls: [{ key: 'POST /mobile/request-unbanning', body: { appealToken: expect.stringMatching(/^[\w-]{40,}$/), description: 'Normal chats only' } }],
    data: (d) => expect(d.requestUnbanning.status).toBe('IN_REVIEW'),
  },
  {
    name: 'requestRegistrationCode',
    on: 'zapi',
    query: 'mutation { requestRegistrationCode(input: {instanceId: "zapi", phone: "554499999999", method: VOICE}) { ok retryAfterSeconds voiceWaitSeconds } }',
    calls: [{ key: 'POST /mobile/request-registration-code', body: { ddi: '55', phone: '4499999999', method: 'voice' } }],
    data: (d) => expect(d.requestRegistrationCode).toEqual({ ok: true, retryAfterSeconds: 165, voiceWaitSeconds: 125 }),
  },
  {
    name: 'respondRegistrationCaptcha',
    on: 'zapi',
    query: 'mutation { respondRegistrationCaptcha(input: {instanceId: "zapi", value: "123456"}) { ok } }',
    calls: [{ key: 'POST /mobile/respond-captcha', body: { captcha: '123456' } }],
    data: (d) => expect(d.respondRegistrationCaptcha.ok).toBe(true),
  },
  {
    name: 'confirmRegistrationCode',
    on: 'zapi',
    query: 'mutation { confirmRegistrationCode(input: {instanceId: "zapi", value: "123456"}) { ok } }',
    calls: [{ key: 'POST /mobile/confirm-registration-code', body: { code: '123456' } }],
    data: (d) => expect(d.confirmRegistrationCode.ok).toBe(true),
  },
  {
    name: 'confirmRegistrationPin (a wrong PIN is not ok)',
    on: 'zapi',
    query: `mutation { confirmRegistrationPin(input: {instanceId: "zapi", value: "${PIN}"}) { ok } }`,
    calls: [{ key: 'POST /mobile/confirm-pin-code', body: { code: PIN } }],
    data: (d) => expect(d.confirmRegistrationPin.ok).toBe(false),
  },
  {
    name: 'recoverRegistrationPin',
    on: 'zapi',
    query: 'mutation { recoverRegistrationPin(input: {instanceId: "zapi"}) { ok } }',
    calls: [{ key: 'POST /mobile/recovery-pin-code' }],
  },
  {
    name: 'setSecurityEmail',
    on: 'zapi',
    query: 'mutation { setSecurityEmail(input: {instanceId: "zapi", email: "owner@acme.test"}) { ok } }',
    calls: [{ key: 'POST /security/email', body: { email: 'owner@acme.test' } }],
  },
  {
    name: 'verifySecurityEmail',
    on: 'zapi',
    query: 'mutation { verifySecurityEmail(input: {instanceId: "zapi", value: "123456"}) { ok } }',
    calls: [{ key: 'POST /security/verify-email', body: { verificationCode: '123456' } }],
  },
  {
    name: 'setSecurityPin then Instance.accountSecurity',
    on: 'zapi',
    query: `mutation { setSecurityPin(input: {instanceId: "zapi", value: "${PIN}"}) { ok instanceId } }`,
    calls: [{ key: 'POST /security/two-fa-code', body: { code: PIN } }],
  },
  {
    name: 'Instance.accountSecurity',
    on: 'zapi',
    query: '{ instance(id: "zapi") { accountSecurity { email emailVerified hasPin } } }',
    calls: [{ key: 'GET /security/email' }, { key: 'GET /security/two-fa-code' }],
    data: (d) => expect(d.instance.accountSecurity).toEqual({ email: 'owner@acme.test', emailVerified: true, hasPin: true }),
  },
  { name: 'removeSecurityPin', on: 'zapi', query: 'mutation { removeSecurityPin(input: {instanceId: "zapi"}) { ok } }', calls: [{ key: 'POST /security/two-fa-code/remove' }] },
  { name: 'removeSecurityEmail', on: 'zapi', query: 'mutation { removeSecurityEmail(input: {instanceId: "zapi"}) { ok } }', calls: [{ key: 'POST /security/email/remove' }] },
  {
    name: 'sendText to Meta AI (the send-text request to its number, z-api.txt 9250-9331)',
    on: 'zapi',
    query: 'mutation { sendText(input: {instanceId: "zapi", to: "13135550002", text: "Hello, Meta AI!"}) { message { id } } }',
    calls: [{ key: 'POST /send-text meta-ai', body: { phone: '13135550002', message: 'Hello, Meta AI!' } }],
  },
  {
    name: 'syncWebhooks (already registered at start: reads only)',
    on: 'zapi',
    query: 'mutation { syncWebhooks(input: {instanceId: "zapi"}) { registered changed } }',
    calls: [{ key: 'GET /me' }],
    data: (d) => expect(d.syncWebhooks).toEqual({ registered: [], changed: false }),
  },
  {
    name: 'Instance.qrCode of a connected instance is null (the contract)',
    on: 'zapi',
    // `status` alone is cached across requests (src/cache/read-cache.ts): only the status read of the QR call itself is certain here
    query: '{ instance(id: "zapi") { qrCode { image expiresAt } } }',
    calls: [{ key: 'GET /status' }],
    data: (d) => expect(d.instance).toEqual({ qrCode: null }),
  },
  {
    name: 'Instance.qrCode of a disconnected instance (the contract)',
    on: 'offline',
    query: '{ instance(id: "offline") { status qrCode { image expiresAt } } }',
    calls: [{ key: 'GET /status' }, { key: 'GET /status' }, { key: 'GET /qr-code/image' }],
    data: (d) => {
      expect(d.instance.status).toBe('DISCONNECTED');
      expect(d.instance.qrCode.image).toMatch(/^data:image\/png;base64,/);
      const png = PNG.sync.read(Buffer.from(d.instance.qrCode.image.split(',')[1], 'base64'));
      expect(png.width).toBeGreaterThan(20);
      // WhatsApp refuses a QR after 20 s (z-api.txt 804).
      const expires = Date.parse(d.instance.qrCode.expiresAt);
      expect(expires - Date.now()).toBeGreaterThan(15_000);
      expect(expires - Date.now()).toBeLessThanOrEqual(20_000);
    },
  },
  {
    name: 'requestPairingCode',
    on: 'offline',
    query: 'mutation { requestPairingCode(input: {instanceId: "offline", phone: "+55 44 9999-9999"}) { instanceId code } }',
    calls: [{ key: 'GET /phone-code/{phone}', path: '/phone-code/554499999999' }],
    data: (d) => {
      expect(d.requestPairingCode.code).toMatch(/^[0-9A-F]{8}$/);
      pairingCodes.push(d.requestPairingCode.code);
    },
  },
  {
    name: 'disconnectInstance',
    on: 'offline',
    query: 'mutation { disconnectInstance(input: {instanceId: "offline"}) { instance { status } } }',
    calls: [{ key: 'GET /disconnect' }, { key: 'GET /status' }],
    data: (d) => expect(d.disconnectInstance.instance.status).toBe('DISCONNECTED'),
  },
];

describe('Z-API account administration through the graph', () => {
  it('registered every webhook at start with publicUrl (update-every-webhooks + update-notify-sent-by-me), and logged it without the URL', () => {
    const url = `${publicUrl}/webhooks/zapi/${SECRETS.zapi}`;
    const every = sim.requests.find((r) => r.path.endsWith('/update-every-webhooks'));
    expectDocumented(sim, 'PUT /update-every-webhooks', every);
    expect(every?.body).toEqual({ value: url, notifySentByMe: true });
    const notify = sim.requests.find((r) => r.path.endsWith('/update-notify-sent-by-me'));
    expectDocumented(sim, 'PUT /update-notify-sent-by-me', notify);
    expect(notify?.body).toEqual({ notifySentByMe: true });
    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'webhooks registered with the provider');
    expect(logged.map((l) => l.instanceId).sort()).toEqual(['offline', 'zapi']);
    expect(logged.find((l) => l.instanceId === 'zapi')).toMatchObject({ changed: true, registered: expect.arrayContaining(['received', 'notifySentByMe']) });
  });

  it.each(ROWS)('$name: the documented requests, in order', async (row) => {
    const handle = row.on === 'zapi' ? sim : offline;
    const from = handle.requests.length;
    const data = await ok(row.query, row.variables);
    const got = since(handle, from);
    expect(got.map((r) => `${r.method} ${r.path.replace(/^\/instances\/[^/]+\/token\/[^/]+/, '')}`)).toHaveLength(row.calls.length);
    row.calls.forEach((call, i) => {
      const req = got[i];
      expectDocumented(handle, call.key, req);
      if (call.path) expect(req!.path.endsWith(call.path), `${req!.path} ends with ${call.path}`).toBe(true);
      if (call.query) expect(req!.query).toEqual(call.query);
      if (call.body !== undefined) expect(req!.body).toEqual(call.body);
      else if (!call.key.startsWith('GET')) expect(req!.body ?? null, `${call.key} has no body`).toBeNull();
    });
    row.data?.(data);
  });

  it('every operation the table names is one the operation table routes to a capability', () => {
    for (const row of ROWS) for (const c of row.calls) expect(zapi.operations[c.key], c.key).toHaveProperty('capabilities');
  });

  it.each([
    ['a group id as the contact', 'mutation { blockContact(input: {instanceId: "zapi", phone: "120363019502650977-group"}) { contact { blocked } } }', 'input.phone'],
    ['an empty instance name', 'mutation { renameInstance(input: {instanceId: "zapi", name: ""}) { instance { id } } }', 'input.name'],
    [
      'a picture as a data: URI (Z-API takes a URL, z-api.txt 577)',
      'mutation { updateProfilePicture(input: {instanceId: "zapi", photo: "data:image/png;base64,AAAA"}) { instance { id } } }',
      'input.photo',
    ],
    ['a settings change without any setting', 'mutation { updateAccountSettings(input: {instanceId: "zapi"}) { instance { id } } }', 'input'],
    [
      'GROUP_ADD for nobody (z-api.txt 5391-5396)',
      'mutation { updatePrivacy(input: {instanceId: "zapi", audiences: [{setting: GROUP_ADD, audience: NOBODY}]}) { instance { id } } }',
      'input.audiences[0].audience',
    ],
    [
      'exceptions without CONTACTS_EXCEPT',
      'mutation { updatePrivacy(input: {instanceId: "zapi", audiences: [{setting: LAST_SEEN, audience: CONTACTS, addDisallowed: ["5544111111111"]}]}) { instance { id } } }',
      'input.audiences[0].addDisallowed',
    ],
    ['no contacts', 'mutation { addContacts(input: {instanceId: "zapi", contacts: []}) { phones } }', 'input.contacts'],
    ['an industry (Z-API keeps none)', 'mutation { updateBusinessProfile(input: {instanceId: "zapi", vertical: "Retail"}) { ok } }', 'input.vertical'],
    ['four categories (z-api.txt 11042-11043)', 'mutation { updateBusinessProfile(input: {instanceId: "zapi", categories: ["a", "b", "c", "d"]}) { ok } }', 'input.categories'],
    [
      'hours closing before they open',
      'mutation { updateBusinessProfile(input: {instanceId: "zapi", hours: {timezone: "UTC", days: [{dayOfWeek: MONDAY, openTime: "18:00", closeTime: "08:00"}]}}) { ok } }',
      'input.hours.days[0].closeTime',
    ],
    ['a bad pairing phone', 'mutation { requestPairingCode(input: {instanceId: "offline", phone: "abc"}) { code } }', 'input.phone'],
  ])('refuses %s with BAD_USER_INPUT naming the field, before any request', async (_name, query, field) => {
    const before = [sim.requests.length, offline.requests.length];
    const res = await gql(query);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect([sim.requests.length, offline.requests.length]).toEqual(before);
  });

  it('a simulated scan connects the offline instance; its QR code is then null', async () => {
    await ok('{ instance(id: "offline") { qrCode { image } } }');
    const res = await fetch(`${offline.url}/sim/scan`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await ok('{ instance(id: "offline") { status qrCode { image } } }')).toEqual({ instance: { status: 'CONNECTED', qrCode: null } });
  });

  it('Ivosights takes the same profile mutations (its about text and photo operations)', async () => {
    const ivoMod = PROVIDER_MODULES.ivosights;
    const from = ivo.requests.length;
    await ok('mutation { updateProfileAbout(input: {instanceId: "ivosights", text: "We answer fast"}) { instance { id } } }');
    await ok('mutation { updateProfilePicture(input: {instanceId: "ivosights", photo: "data:image/png;base64,iVBORw0KGgo="}) { instance { id } } }');
    const got = since(ivo, from);
    const [about] = operationsFor(ivoMod, 'UPDATE_PROFILE_ABOUT');
    const [photo] = operationsFor(ivoMod, 'UPDATE_PROFILE_PICTURE');
    expect(got).toHaveLength(2);
    expect(isCallOf(ivoMod, ivo.instanceConfig, about!, got[0]!)).toBe(true);
    expect(isCallOf(ivoMod, ivo.instanceConfig, photo!, got[1]!)).toBe(true);
  });

  it('Instance.webhooks never shows the webhook secret in a URL (Ivosights reports the URL it posts to)', async () => {
    ivo.setWebhookUrl(`${publicUrl}/webhooks/ivosights/${SECRETS.ivosights}`);
    const data = await ok('{ instance(id: "ivosights") { webhooks { url } } }');
    expect(data.instance.webhooks).toContainEqual({ url: `${publicUrl}/webhooks/ivosights/********` });
    ivo.setWebhookUrl(null);
  });

  it('a business category is a node: node(id) reads it back from the category list', async () => {
    const [category] = (await ok('{ instance(id: "zapi") { businessCategories(query: "other") { id categoryId label name } } }')).instance.businessCategories;
    expect(category).toMatchObject({ categoryId: '629412378414563', label: 'OTHER_COMPANIES' });
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on BusinessCategory { categoryId label name } } }`;
    expect((await ok(NODE, { id: category.id })).node).toEqual({ __typename: 'BusinessCategory', ...category });
    expect((await ok(NODE, { id: toGlobalId('BusinessCategory', 'zapi', 'no-such-category') })).node).toBeNull();
  });

  it('the old Ivosights names stay, deprecated with their replacement', async () => {
    const data = await ok('{ __schema { mutationType { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } } }');
    const fields = data.__schema.mutationType.fields as Array<{ name: string; isDeprecated: boolean; deprecationReason: string | null }>;
    expect(fields.find((f) => f.name === 'updateBusinessAbout')).toEqual({ name: 'updateBusinessAbout', isDeprecated: true, deprecationReason: 'use updateProfileAbout' });
    expect(fields.find((f) => f.name === 'updateBusinessPhoto')).toEqual({ name: 'updateBusinessPhoto', isDeprecated: true, deprecationReason: 'use updateProfilePicture' });
  });

  it.each([
    ['restartInstance', 'mutation { restartInstance(input: {instanceId: "zivo"}) { instance { id } } }', 'RESTART_INSTANCE'],
    ['blockContact', 'mutation { blockContact(input: {instanceId: "zivo", phone: "254700000001"}) { contact { blocked } } }', 'BLOCK_CONTACT'],
    ['Instance.queue', '{ instance(id: "zivo") { queue { count } } }', 'LIST_QUEUE'],
    ['syncWebhooks', 'mutation { syncWebhooks(input: {instanceId: "zivo"}) { changed } }', 'REGISTER_WEBHOOKS'],
  ])('%s on a provider without it fails with CAPABILITY_NOT_SUPPORTED before any request', async (_name, query, capability) => {
    const from = zivo.requests.length;
    const res = await gql(query);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability });
    expect(zivo.requests.length).toBe(from);
  });

  // Last: after the whole suite of this issue.
  it('no response and no log line carries a webhook secret, a credential, an appeal token, a PIN, a registration code or a pairing code', () => {
    const credentials = [sim, offline, ivo, zivo].flatMap((s, i) => {
      const kind = (['zapi', 'zapi', 'ivosights', 'zivo'] as const)[i]!;
      return PROVIDER_MODULES[kind].secretFields.map((f) => s.instanceConfig[f]).filter((v): v is string => typeof v === 'string' && v.length >= 8);
    });
    const appealTokens = sim.requests.filter((r) => r.path.endsWith('/mobile/request-unbanning')).map((r) => String((r.body as { appealToken: string }).appealToken));
    expect(appealTokens).toHaveLength(1);
    const secrets = [...Object.values(SECRETS), ...credentials, ...appealTokens, PIN];
    expect(responses.length).toBeGreaterThan(20);
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      for (const text of [...responses, ...logLines]) expect(text.includes(secret), `a secret leaked into: ${text.slice(0, 200)}`).toBe(false);
    }
    expect(pairingCodes).toHaveLength(1);
    for (const line of logLines) expect(line.includes(pairingCodes[0]!)).toBe(false);
    // the registration and e-mail codes the suite typed (the simulator's "123456") never come back quoted
    for (const text of [...responses, ...logLines]) expect(text.includes('"123456"'), text.slice(0, 200)).toBe(false);
  });
});
