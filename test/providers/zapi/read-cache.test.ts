import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import type { AppConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import type { RecordedRequest, SimulatorHandle } from '../../../src/providers/contract.js';
import { PROVIDER_MODULES } from '../../../src/providers/registry.js';
import { gql, startTestApp } from '../../helpers/app.js';
import { simulatedInstance } from '../../helpers/providers.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix, waitFor } from '../../helpers/redis.js';
import { zapiChatRows } from './chat-rows.js';

/**
 * The read cache (issue 13, item 5) against the Z-API simulator over real HTTP, in memory and
 * in Redis (two replicas sharing it): a 50-chat dashboard costs the status, the chat list, the
 * label list and one profile-picture call per chat whose row has no picture (Z-API has no batch
 * picture call, z-api.txt 5640-6071) on first load, and only the chat and label lists again
 * within the TTL; the webhooks and mutations that change a cached read make the next read fetch
 * it again; a TTL of 0 disables a kind; hits and misses are counted in `/metrics`.
 */

const mod = PROVIDER_MODULES.zapi;
const INSTANCE = 'cache';
const SECRET = 'cache-webhook-secret-0123456789';
const GROUP = '120363019502650977-group';
/** The contact the simulator seeds (`Z-API SUPPORT`). */
const CONTACT = '5511999999999';

const DASHBOARD = `query Dashboard($id: ID!) {
  instance(id: $id) {
    status
    chats(first: 50) { edges { node { id chatId name unreadCount contact { name profilePictureUrl } labels { name } lastMessage { id timestamp } } } }
  }
}`;

/** A `ReceivedCallback` notification (z-api.txt 12877-12925, 12324-12352), from the simulated instance. */
function notification(sim: SimulatorHandle, phone: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    isGroup: phone.endsWith('-group'),
    isNewsletter: false,
    instanceId: String(sim.instanceConfig.instanceId),
    messageId: `N${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
    phone,
    connectedPhone: '5544999999999',
    fromMe: true,
    momment: Date.now(),
    status: 'RECEIVED',
    type: 'ReceivedCallback',
    notification: name,
    callId: null,
    code: null,
    ...extra,
  };
}

/** One app's view of the simulator's requests under the instance prefix: `METHOD path?query`. */
function upstream(sim: SimulatorHandle, since: number): string[] {
  const prefix = `/instances/${String(sim.instanceConfig.instanceId)}/token/${String(sim.instanceConfig.token)}`;
  return sim.requests
    .slice(since)
    .filter((r: RecordedRequest) => r.path.startsWith(prefix))
    .map((r) => `${r.method} ${r.path.slice(prefix.length)}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query).toString()}` : ''}`);
}

/** `whatsgraph_read_cache_total` by `kind/outcome` from `/metrics`. */
async function cacheCounters(app: RunningApp): Promise<{ text: string; counts: Record<string, number> }> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/^whatsgraph_read_cache_total\{kind="(\w+)",outcome="(\w+)"\} (\d+)$/gm)) counts[`${m[1]}/${m[2]}`] = Number(m[3]);
  return { text, counts };
}

interface Rig {
  sim: SimulatorHandle;
  /** The app webhooks go to. */
  a: RunningApp;
  /** The app reads are also made on: a second replica with Redis, else `a`. */
  b: RunningApp;
  close(): Promise<void>;
}

async function startRig(backend: 'memory' | 'redis', cache?: AppConfig['cache']): Promise<Rig> {
  const prefix = uniquePrefix('read-cache');
  const sim = await mod.startSimulator({ autoReply: false });
  const config: AppConfig = {
    port: 0,
    sandbox: false,
    instances: [simulatedInstance(mod, sim, INSTANCE, SECRET)],
    ...(backend === 'redis' ? { redis: { url: TEST_REDIS_URL, keyPrefix: prefix } } : {}),
    ...(cache ? { cache } : {}),
    events: { retentionMs: 3_600_000, maxLength: 10_000 },
    source: 'read-cache.test',
  };
  const a = await startTestApp(config, { logger: createLogger('silent') });
  const b = backend === 'redis' ? await startTestApp(config, { logger: createLogger('silent') }) : a;
  sim.setWebhookUrl(`${a.url}/webhooks/${INSTANCE}/${SECRET}`);
  return {
    sim,
    a,
    b,
    close: async () => {
      await Promise.all([a.close(), b === a ? undefined : b.close()]);
      await sim.close();
      if (backend === 'redis') await deletePrefix(prefix);
    },
  };
}

async function ok<T = any>(app: RunningApp, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql<T>(app.url, query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

async function seed(sim: SimulatorHandle, rows: Array<Record<string, unknown>>): Promise<void> {
  const res = await fetch(`${sim.url}/sim/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chats: rows, replace: true }) });
  expect(res.status).toBe(200);
}

async function postWebhook(rig: Rig, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${rig.a.url}/webhooks/${INSTANCE}/${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
}

/** Loads the dashboard on `app`; the upstream requests it made. */
async function loadDashboard(rig: Rig, app: RunningApp): Promise<string[]> {
  const since = rig.sim.requests.length;
  const data = await ok(app, DASHBOARD, { id: INSTANCE });
  expect(data.instance.status).toBe('CONNECTED');
  expect(data.instance.chats.edges).toHaveLength(50);
  const node = data.instance.chats.edges[7].node;
  expect(node.contact).toEqual({ name: 'Customer 7', profilePictureUrl: `https://pps.whatsapp.net/sim/${node.chatId as string}.jpg` });
  return upstream(rig.sim, since);
}

const pictures = (calls: string[]) => calls.filter((c) => c.startsWith('GET /profile-picture'));

function cacheSuite(backend: 'memory' | 'redis'): void {
  describe(`read cache in ${backend}`, () => {
    let rig: Rig;
    const rows = zapiChatRows(50, 4);

    beforeAll(async () => {
      rig = await startRig(backend);
      await seed(rig.sim, rows);
      // one chat carries a label, so the dashboard reads the label list (`GET /tags`)
      await ok(rig.a, 'mutation($input: AssignLabelInput!) { assignLabel(input: $input) { ok } }', { input: { instanceId: INSTANCE, chatId: rows[0]!.phone, labelId: '1' } });
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('50-chat dashboard: first load = status + chat list + label list + one call per uncached picture; repeat within the TTL ≤ 2 (also on the other replica)', async () => {
      const first = await loadDashboard(rig, rig.a);
      const distinct = new Set(pictures(first));
      expect(distinct.size).toBe(46);
      expect(pictures(first)).toHaveLength(46);
      expect(first.filter((c) => !c.startsWith('GET /profile-picture')).sort()).toEqual(['GET /chats?page=1&pageSize=50', 'GET /status', 'GET /tags']);
      expect(first.length).toBeLessThanOrEqual(3 + distinct.size);

      const repeat = await loadDashboard(rig, rig.a);
      expect(repeat.sort()).toEqual(['GET /chats?page=1&pageSize=50', 'GET /tags']);
      expect(repeat.length).toBeLessThanOrEqual(2);

      if (backend === 'redis') {
        // the second replica shares the cache: its first load is a repeat too
        const other = await loadDashboard(rig, rig.b);
        expect(other.sort()).toEqual(['GET /chats?page=1&pageSize=50', 'GET /tags']);
      }
      console.log(`[read-cache ${backend}] dashboard upstream calls: first load ${first.length} (46 pictures), repeat ${repeat.length}`);
    });

    it('a profile-picture webhook (PROFILE_PICTURE_UPDATED) makes the next load read that picture again, and only it', async () => {
      await loadDashboard(rig, rig.b); // warm
      const phone = rows[10]!.phone as string;
      await postWebhook(rig, notification(rig.sim, phone, 'PROFILE_PICTURE_UPDATED', { updatedPhoto: 'https://pps.whatsapp.net/new.jpg' }));
      const next = await loadDashboard(rig, rig.b);
      expect(pictures(next)).toEqual([`GET /profile-picture?phone=${phone}`]);
      expect(next.length).toBeLessThanOrEqual(3);
    });

    it('a name-change webhook (PROFILE_NAME_UPDATED) makes the next read of the contact fetch it again', async () => {
      const q = `query($id: ID!, $phone: String!) { instance(id: $id) { contact(phone: $phone) { phone name shortName } } }`;
      const read = async (app: RunningApp) => {
        const since = rig.sim.requests.length;
        const data = await ok(app, q, { id: INSTANCE, phone: CONTACT });
        expect(data.instance.contact).toMatchObject({ phone: CONTACT, shortName: 'Z-API' });
        return upstream(rig.sim, since);
      };
      expect(await read(rig.a)).toEqual([`GET /contacts/${CONTACT}`]);
      expect(await read(rig.b)).toEqual([]);
      await postWebhook(rig, notification(rig.sim, CONTACT, 'PROFILE_NAME_UPDATED', { profileName: 'Support' }));
      expect(await read(rig.b)).toEqual([`GET /contacts/${CONTACT}`]);
      expect(await read(rig.a)).toEqual([]);
    });

    it('a group: cached; updateGroup through the graph and a participants webhook each make the next read fetch it again', async () => {
      const q = `query($id: ID!, $g: String!) { instance(id: $id) { group(id: $g) { id name participants { phone } } } }`;
      const read = async (app: RunningApp) => {
        const since = rig.sim.requests.length;
        const data = await ok(app, q, { id: INSTANCE, g: GROUP });
        return { name: data.instance.group.name as string, calls: upstream(rig.sim, since) };
      };
      expect((await read(rig.a)).calls).toEqual([`GET /group-metadata/${GROUP}`]);
      expect((await read(rig.b)).calls).toEqual([]);

      await ok(rig.a, 'mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { ok } }', { input: { instanceId: INSTANCE, groupId: GROUP, name: 'Renamed' } });
      const renamed = await read(rig.b);
      expect(renamed).toEqual({ name: 'Renamed', calls: [`GET /group-metadata/${GROUP}`] });
      expect((await read(rig.b)).calls).toEqual([]);

      await postWebhook(rig, notification(rig.sim, GROUP, 'GROUP_PARTICIPANT_ADD', { notificationParameters: ['5544988887777'], participantPhone: '5544999999999' }));
      expect((await read(rig.b)).calls).toEqual([`GET /group-metadata/${GROUP}`]);
    });

    it('the status: cached; disconnectInstance drops it, and the ConnectedCallback of a new scan drops it again', async () => {
      const read = async (app: RunningApp) => {
        const since = rig.sim.requests.length;
        const data = await ok(app, '{ instance(id: "cache") { status } }');
        return { status: data.instance.status as string, calls: upstream(rig.sim, since) };
      };
      await read(rig.a);
      expect(await read(rig.b)).toEqual({ status: 'CONNECTED', calls: [] });
      await ok(rig.a, 'mutation { disconnectInstance(input: { instanceId: "cache" }) { instance { id } } }');
      expect(await read(rig.b)).toEqual({ status: 'DISCONNECTED', calls: ['GET /status'] });
      // the simulated phone scans the QR code shown: Z-API posts ConnectedCallback (z-api.txt 13351-13402), the status is read again well before its TTL
      await ok(rig.a, '{ instance(id: "cache") { qrCode { __typename } } }');
      const scan = await fetch(`${rig.sim.url}/sim/scan`, { method: 'POST' });
      expect(scan.status).toBe(200);
      await waitFor(async () => (await read(rig.b)).status === 'CONNECTED', 5_000, 'the status to be read again after ConnectedCallback');
    });

    it('/metrics counts hits and misses per kind (no phone number in any label)', async () => {
      for (const app of new Set([rig.a, rig.b])) {
        const { text, counts } = await cacheCounters(app);
        for (const kind of ['profilePictures', 'contacts', 'groups', 'status']) {
          expect(counts[`${kind}/hit`], `${kind}/hit`).toBeTypeOf('number');
          expect(counts[`${kind}/miss`], `${kind}/miss`).toBeTypeOf('number');
        }
        for (const row of rows) expect(text).not.toContain(row.phone as string);
        expect(text).not.toContain(CONTACT);
      }
      // the webhooks went to A: it dropped the entries (shared ones in Redis, so B read them again too)
      const { text, counts } = await cacheCounters(rig.a);
      expect(text).toMatch(/^whatsgraph_read_cache_invalidations_total\{kind="profilePictures"\} [1-9]/m);
      expect(counts['profilePictures/miss']).toBeGreaterThanOrEqual(46);
      expect(counts['profilePictures/hit']).toBeGreaterThanOrEqual(46);
      expect(counts['status/hit']).toBeGreaterThanOrEqual(1);
    });
  });
}

cacheSuite('memory');
cacheSuite('redis');

describe('read cache TTLs', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('memory', { ttlSeconds: { profilePictures: 0, status: 2 } });
    await seed(rig.sim, zapiChatRows(50, 4));
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('a TTL of 0 disables the kind: every load reads every picture again; another kind still caches until its TTL passes', async () => {
    const first = await loadDashboard(rig, rig.a);
    expect(pictures(first)).toHaveLength(46);
    const repeat = await loadDashboard(rig, rig.a);
    expect(pictures(repeat)).toHaveLength(46);
    expect(repeat).not.toContain('GET /status');
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await loadDashboard(rig, rig.a)).toContain('GET /status');
    const { counts } = await cacheCounters(rig.a);
    expect(counts['profilePictures/hit'] ?? 0).toBe(0);
    expect(counts['profilePictures/miss'] ?? 0).toBe(0);
  });
});
