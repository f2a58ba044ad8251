import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../src/global-ids.js';
import type { RecordedRequest } from '../../../src/providers/contract.js';
import { zapiChatRows } from './chat-rows.js';
import { zapiHarness } from './harness.js';

/**
 * Relations through the per-request loaders (issue "A graph a frontend can live in", item 2),
 * against the Z-API simulator, counting the simulator's recorded requests.
 */

const h = zapiHarness();

async function seedChats(rows: Array<Record<string, unknown>>): Promise<void> {
  const res = await fetch(`${h.sim.url}/sim/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chats: rows, replace: true }) });
  expect(res.status).toBe(200);
}

/** The requests under the instance prefix, as `METHOD path?query`, and those that repeat. */
function upstream(requests: RecordedRequest[], prefix: string): { all: string[]; duplicates: string[] } {
  const all = requests.filter((r) => r.path.startsWith(prefix)).map((r) => `${r.method} ${r.path.slice(prefix.length)}?${new URLSearchParams(r.query).toString()}`);
  return { all, duplicates: all.filter((r, i) => all.indexOf(r) !== i) };
}

const INBOX = `{ instance(id: "zapi") { chats(first: 50) { edges { node { id contact { name profilePictureUrl } labels { name } lastMessage { id timestamp } } } } } }`;

describe('Z-API relations, batched', () => {
  it('the inbox query (50 chats with contact, labels, last message) costs at most 3 upstream requests and no duplicate', async () => {
    const rows = zapiChatRows();
    await seedChats(rows);
    // labels: three chats through the graph, one through the label webhook (CHAT_LABEL_ASSOCIATION, z-api.txt 12927-12961)
    for (const [chatId, labelId] of [
      [rows[0]!.phone, '1'],
      [rows[0]!.phone, '2'],
      [rows[7]!.phone, '4'],
    ] as const)
      await h.ok('mutation($input: AssignLabelInput!) { assignLabel(input: $input) { ok } }', { input: { instanceId: 'zapi', chatId, labelId } });
    const hook = await fetch(`${h.app.url}/webhooks/zapi/zapi-webhook-secret-0123456789`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        isGroup: false,
        isNewsletter: false,
        instanceId: String(h.sim.instanceConfig.instanceId),
        phone: rows[9]!.phone,
        connectedPhone: '554499999999',
        fromMe: true,
        momment: Date.now(),
        status: 'RECEIVED',
        type: 'ReceivedCallback',
        notification: 'CHAT_LABEL_ASSOCIATION',
        notificationParameters: [
          { phone: rows[9]!.phone, label: '5', assigned: true },
          { phone: rows[7]!.phone, label: '4', assigned: false },
        ],
      }),
    });
    expect(hook.status).toBeLessThan(300);
    h.sim.requests.length = 0;

    const data = await h.ok(INBOX);
    const nodes = data.instance.chats.edges.map((e: { node: unknown }) => e.node) as Array<{
      id: string;
      contact: { name: string; profilePictureUrl: string };
      labels: Array<{ name: string }>;
      lastMessage: unknown;
    }>;
    expect(nodes).toHaveLength(50);
    expect(nodes[3]!.contact).toEqual({ name: 'Customer 3', profilePictureUrl: `https://pps.whatsapp.net/sim/${rows[3]!.phone as string}.jpg` });
    expect(nodes[0]!.labels.map((l) => l.name)).toEqual(['New customer', 'New order']);
    expect(nodes[7]!.labels).toEqual([]);
    expect(nodes[9]!.labels.map((l) => l.name)).toEqual(['Order completed']);
    expect(nodes[1]!.labels).toEqual([]);
    expect(nodes[0]!.lastMessage).toBeNull();

    const { all, duplicates } = upstream(h.sim.requests, h.prefix);
    expect(all).toEqual(['GET /chats?page=1&pageSize=50', 'GET /tags?']);
    expect(all.length).toBeLessThanOrEqual(3);
    expect(duplicates).toEqual([]);
  });

  it("a chat's contact fields beyond name and picture come from the contact list: one page for every chat of the page", async () => {
    const rows = zapiChatRows().slice(0, 5);
    rows[0]!.phone = '5511999999999'; // the seeded contact `Z-API SUPPORT` (short `Z-API`, notify `Z-API`)
    await seedChats(rows);
    h.sim.requests.length = 0;
    const data = await h.ok('{ instance(id: "zapi") { chats(first: 5) { nodes { id contact { name shortName notifyName } } } } }');
    const nodes = data.instance.chats.nodes as Array<{ id: string; contact: { name: string; shortName: string | null; notifyName: string | null } }>;
    expect(nodes[0]!.contact).toEqual({ name: 'Customer 0', shortName: 'Z-API', notifyName: 'Z-API' });
    expect(nodes[1]!.contact).toEqual({ name: 'Customer 1', shortName: null, notifyName: null });
    const { all, duplicates } = upstream(h.sim.requests, h.prefix);
    expect(all).toEqual(['GET /chats?page=1&pageSize=5', 'GET /contacts?page=1&pageSize=100']);
    expect(duplicates).toEqual([]);
  });

  it('Label.chats: the chats carrying a label, each as the chat list shows it (one list read)', async () => {
    const rows = zapiChatRows().slice(0, 3);
    await seedChats(rows);
    await h.ok('mutation($input: AssignLabelInput!) { assignLabel(input: $input) { ok } }', { input: { instanceId: 'zapi', chatId: rows[2]!.phone, labelId: '3' } });
    await h.ok('mutation($input: AssignLabelInput!) { assignLabel(input: $input) { ok } }', { input: { instanceId: 'zapi', chatId: rows[1]!.phone, labelId: '3' } });
    await h.ok('mutation($input: AssignLabelInput!) { unassignLabel(input: $input) { ok } }', { input: { instanceId: 'zapi', chatId: rows[1]!.phone, labelId: '3' } });
    h.sim.requests.length = 0;
    const data = await h.ok('{ instance(id: "zapi") { labels { labelId chats { id chatId name } } } }');
    const pending = (data.instance.labels as Array<{ labelId: string; chats: Array<{ id: string; chatId: string; name: string }> }>).find((l) => l.labelId === '3')!;
    expect(pending.chats).toEqual([{ id: toGlobalId('Chat', 'zapi', rows[2]!.phone as string), chatId: rows[2]!.phone, name: 'Customer 2' }]);
    expect(upstream(h.sim.requests, h.prefix).all).toEqual(['GET /tags?', 'GET /chats?page=1&pageSize=100']);
  });

  it('Group.participants from a listing (which carries none): each group read once, each participant with its contact from one contact-list page', async () => {
    // the simulator lists groups from its chats (the earlier tests replaced them): the seeded groups' rows, as the `/groups` example shapes them
    await seedChats(
      ['120363019502650977-group', '120263358412332916-group'].map((phone) => ({
        phone,
        isGroup: true,
        name: phone,
        unread: '0',
        lastMessageTime: '1730918668000',
        archived: 'false',
        pinned: 'false',
      })),
    );
    h.sim.requests.length = 0;
    const data = await h.ok('{ instance(id: "zapi") { groups(first: 10) { nodes { groupId participants { phone isAdmin contact { phone name } } } } } }');
    const groups = data.instance.groups.nodes as Array<{
      groupId: string;
      participants: Array<{ phone: string; isAdmin: boolean; contact: { phone: string; name: string | null } }>;
    }>;
    const mine = groups.find((g) => g.groupId === '120363019502650977-group')!;
    expect(mine.participants).toEqual([
      { phone: '5511888888888', isAdmin: false, contact: { phone: '5511888888888', name: null } },
      { phone: '5511777777777', isAdmin: true, contact: { phone: '5511777777777', name: 'ZAPIs Boys' } },
    ]);
    const { all, duplicates } = upstream(h.sim.requests, h.prefix);
    expect(duplicates).toEqual([]);
    expect(all.filter((r) => r.startsWith('GET /group-metadata/'))).toHaveLength(groups.length);
    expect(all.filter((r) => r.startsWith('GET /contacts'))).toEqual(['GET /contacts?page=1&pageSize=100']);
  });

  it('Community.groups are Groups: ids, names and the announcement flag from the community; other fields read each group once', async () => {
    const q = (fields: string) => `{ instance(id: "zapi") { communities(first: 10) { nodes { id groups { ${fields} } } } } }`;
    h.sim.requests.length = 0;
    const cheap = await h.ok(q('id name isAnnouncement'));
    const groups = cheap.instance.communities.nodes[0].groups as Array<{ id: string; name: string; isAnnouncement: boolean }>;
    expect(groups.some((g) => g.isAnnouncement)).toBe(true);
    expect(upstream(h.sim.requests, h.prefix).all.some((r) => r.startsWith('GET /group-metadata'))).toBe(false);

    h.sim.requests.length = 0;
    const rich = await h.ok(q('id description isAnnouncement'));
    expect(rich.instance.communities.nodes[0].groups.map((g: { id: string }) => g.id)).toEqual(groups.map((g) => g.id));
    const { all, duplicates } = upstream(h.sim.requests, h.prefix);
    expect(all.filter((r) => r.startsWith('GET /group-metadata/'))).toHaveLength(groups.length);
    expect(duplicates).toEqual([]);
  });

  it("Product.collections and Instance.collection(id): the collection list read once, each collection's products once, whatever the number of products", async () => {
    h.sim.requests.length = 0;
    const data = await h.ok(
      '{ instance(id: "zapi") { products(first: 10) { nodes { productId collections { collectionId name } } } collection(id: "902834786123343") { id collectionId name status } missing: collection(id: "1") { id } } }',
    );
    const products = data.instance.products.nodes as Array<{ productId: string; collections: Array<{ collectionId: string; name: string }> }>;
    expect(products.find((p) => p.productId === '999999999999999')!.collections).toEqual([{ collectionId: '1072603710847740', name: 'Collection Name' }]);
    expect(products.find((p) => p.productId === '6988917394481455')!.collections).toEqual([{ collectionId: '902834786123343', name: 'Collection Name 2' }]);
    expect(products.find((p) => p.productId === '6643149779134830')!.collections).toEqual([]);
    expect(data.instance.collection).toEqual({
      id: toGlobalId('Collection', 'zapi', '902834786123343'),
      collectionId: '902834786123343',
      name: 'Collection Name 2',
      status: 'APPROVED',
    });
    expect(data.instance.missing).toBeNull();
    const { all, duplicates } = upstream(h.sim.requests, h.prefix);
    expect(duplicates).toEqual([]);
    // the list's pages (the simulator pages collections by its own size), each once, for the products' collections and `collection(id)` together
    expect(all.filter((r) => r === 'GET /catalogs/collection?')).toHaveLength(1);
    expect(all.filter((r) => r.startsWith('GET /catalogs/collection-products/'))).toHaveLength(3);
    expect(all.filter((r) => r === 'GET /device?')).toHaveLength(1);
  });
});
