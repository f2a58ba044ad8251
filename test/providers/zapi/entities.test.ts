import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../../src/providers/contract.js';
import { toGlobalId } from '../../../src/global-ids.js';
import { gql } from '../../helpers/app.js';
import { zapiHarness } from './harness.js';

/**
 * Federation entity references (issue 11 item 1): `_entities` resolves through one batch of the
 * operation's loaders, so 100 references cost what a list of 100 rows costs. Counted on the
 * Z-API simulator's recorded requests (as relations.test.ts does).
 */

const h = zapiHarness();

const phoneOf = (i: number) => `55119${String(60000000 + i)}`;

async function seedChats(n: number): Promise<void> {
  const chats = Array.from({ length: n }, (_, i) => ({
    phone: phoneOf(i),
    name: `Customer ${i}`,
    archived: 'false',
    pinned: 'false',
    unread: '0',
    lastMessageTime: String(1_730_000_000 + i),
  }));
  const res = await fetch(`${h.sim.url}/sim/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chats, replace: true }) });
  expect(res.status).toBe(200);
}

/** The requests under the instance prefix, as `METHOD path?query`. */
function upstream(requests: RecordedRequest[]): string[] {
  return requests.filter((r) => r.path.startsWith(h.prefix)).map((r) => `${r.method} ${r.path.slice(h.prefix.length)}?${new URLSearchParams(r.query).toString()}`);
}

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Chat { name } ... on Contact { phone name } ... on Instance { provider } } }`;

describe('Federation: _service and _entities', () => {
  it('_service { sdl } links Federation 2 and keys the entities on their id and natural keys', async () => {
    const sdl = (await h.ok('{ _service { sdl } }'))._service.sdl as string;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key"])');
    expect(sdl).toMatch(/type Contact(?: implements Node)?\s+@key\(fields: "id"\)\s+@key\(fields: "instanceId phone"\)/);
    expect(sdl).toMatch(/type Chat(?: implements Node)?\s+@key\(fields: "id"\)\s+@key\(fields: "instanceId chatId"\)/);
    expect(sdl).toMatch(/type Message(?: implements Node)?\s+@key\(fields: "id"\)\s+@key\(fields: "instanceId providerMessageId"\)/);
    expect(sdl).toMatch(/type Group(?: implements Node)?\s+@key\(fields: "id"\)\s+@key\(fields: "instanceId groupId"\)/);
    for (const type of ['Instance', 'Community', 'Product', 'Collection', 'Label', 'MessageTemplate'])
      expect(sdl).toMatch(new RegExp(`type ${type}(?: implements Node)?\\s+@key\\(fields: "id"\\)`));
    expect(sdl).toContain('union _Entity = Chat | Collection | Community | Contact | Group | Instance | Label | Message | MessageTemplate | Product');
  });

  it('100 chat references cost what a list of 100 chats costs (one chat-list page), none repeated', async () => {
    await seedChats(100);
    h.sim.requests.length = 0;
    const list = await h.ok('{ instance(id: "zapi") { chats(first: 100) { nodes { name } } } }');
    expect(list.instance.chats.nodes).toHaveLength(100);
    const listCost = upstream(h.sim.requests);

    h.sim.requests.length = 0;
    // half by natural key (instance + provider id), half by global id; the instance named either way
    const representations = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0
        ? { __typename: 'Chat', instanceId: i % 4 === 0 ? 'zapi' : toGlobalId('Instance', 'zapi', ''), chatId: phoneOf(i) }
        : { __typename: 'Chat', id: toGlobalId('Chat', 'zapi', phoneOf(i)) },
    );
    const data = await h.ok(ENTITIES, { representations });
    expect(data._entities.map((e: { name: string }) => e.name)).toEqual(Array.from({ length: 100 }, (_, i) => `Customer ${i}`));
    const cost = upstream(h.sim.requests);
    expect(cost).toEqual(['GET /chats?page=1&pageSize=100']);
    expect(cost.length).toBeLessThanOrEqual(listCost.length);
  });

  it('contacts by instance and phone (a phone as a CRM writes it) are one contact-list read; what names nothing is null', async () => {
    h.sim.requests.length = 0;
    const data = await h.ok(ENTITIES, {
      representations: [
        { __typename: 'Contact', instanceId: 'zapi', phone: '+55 11 99999-9999' },
        { __typename: 'Contact', instanceId: 'zapi', phone: '5511999999999' },
        { __typename: 'Instance', id: toGlobalId('Instance', 'zapi', '') },
        // a Chat's id given as a Contact, an unknown instance, a key with no provider id
        { __typename: 'Contact', id: toGlobalId('Chat', 'zapi', '5511999999999') },
        { __typename: 'Contact', instanceId: 'nowhere', phone: '5511999999999' },
        { __typename: 'Chat', instanceId: 'zapi' },
      ],
    });
    expect(data._entities[0]).toMatchObject({ __typename: 'Contact', phone: '5511999999999' });
    expect(data._entities[1]).toEqual(data._entities[0]);
    expect(data._entities[2]).toEqual({ __typename: 'Instance', provider: 'zapi' });
    expect(data._entities.slice(3)).toEqual([null, null, null]);
    expect(upstream(h.sim.requests)).toEqual(['GET /contacts?page=1&pageSize=100']);
  });

  it('the `id` key takes the global ids the graph hands out (read back through the node loader)', async () => {
    await seedChats(3);
    const ids = await h.ok('{ instance(id: "zapi") { id contact(phone: "5511999999999") { id phone } chats(first: 3) { nodes { id chatId } } } }');
    const representations = [
      { __typename: 'Instance', id: ids.instance.id },
      { __typename: 'Contact', id: ids.instance.contact.id },
      ...ids.instance.chats.nodes.map((c: { id: string }) => ({ __typename: 'Chat', id: c.id })),
    ];
    const data = await h.ok(`query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Instance { id } ... on Contact { id phone } ... on Chat { id chatId } } }`, {
      r: representations,
    });
    expect(data._entities).toEqual([
      { __typename: 'Instance', id: ids.instance.id },
      { __typename: 'Contact', ...ids.instance.contact },
      ...ids.instance.chats.nodes.map((c: object) => ({ __typename: 'Chat', ...c })),
    ]);
  });

  it('the same server still answers direct queries', async () => {
    const res = await gql(h.app.url, '{ instances { provider } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.instances).toEqual([{ provider: 'zapi' }, { provider: 'zivo' }]);
  });
});
