import { describe, expect, it } from 'vitest';
import { toChat, toContact, toGroupSummary } from '../../../src/providers/zapi/mapping.js';
import { zapiHarness } from './harness.js';

const h = zapiHarness();

const CHAT = 'query($id: String!) { instance(id: "zapi") { chat(id: $id) { id archived pinned isMuted unreadCount mutedUntil mutedForever } } }';
const chatOf = async (id: string) => (await h.ok(CHAT, { id })).instance.chat;

const ACTIONS = [
  ['markChatRead', 'read'],
  ['markChatUnread', 'unread'],
  ['archiveChat', 'archive'],
  ['unarchiveChat', 'unarchive'],
  ['pinChat', 'pin'],
  ['unpinChat', 'unpin'],
  ['muteChat', 'mute'],
  ['unmuteChat', 'unmute'],
  ['clearChat', 'clear'],
] as const;

const mutate = (name: string) => `mutation($input: ChatActionInput!) { ${name}(input: $input) { instanceId chatId ok } }`;

describe('Z-API chat management through the graph', () => {
  it.each(ACTIONS)('%s sends POST /modify-chat with action "%s" (z-api.txt 6335-6588)', async (name, action) => {
    const data = await h.ok(mutate(name), { input: { instanceId: 'zapi', chatId: '+55 11 98888-8888' } });
    expect(data[name]).toEqual({ instanceId: 'zapi', chatId: '5511988888888', ok: true });
    const [req, ...more] = h.on('POST', '/modify-chat');
    expect(more).toHaveLength(0);
    h.expectAuth(req);
    // `phone` a string, as the doc's examples send it (z-api.txt 6355), not the table's integer.
    expect(req?.body).toEqual({ phone: '5511988888888', action });
  });

  it('archive, pin, mute and unread show on instance.chat(id); the reverse actions undo them', async () => {
    const id = '5511999999999';
    const input = { instanceId: 'zapi', chatId: id };
    expect(await chatOf(id)).toMatchObject({ archived: false, pinned: true, isMuted: false });
    await h.ok(mutate('archiveChat'), { input });
    await h.ok(mutate('unpinChat'), { input });
    await h.ok(mutate('muteChat'), { input });
    await h.ok(mutate('markChatUnread'), { input });
    // mute sets `muteEndTime` -1, "forever" (z-api.txt 6219): never a 1969 date
    expect(await chatOf(id)).toMatchObject({ archived: true, pinned: false, isMuted: true, unreadCount: 1, mutedUntil: null, mutedForever: true });
    await h.ok(mutate('unarchiveChat'), { input });
    await h.ok(mutate('pinChat'), { input });
    await h.ok(mutate('unmuteChat'), { input });
    await h.ok(mutate('markChatRead'), { input });
    expect(await chatOf(id)).toMatchObject({ archived: false, pinned: true, isMuted: false, unreadCount: 0, mutedUntil: null, mutedForever: false });
  });

  it('unreadCount reads `unread` before the discontinued `messagesUnread` (z-api.txt 6216-6222); a mute end is a date, -1 forever', () => {
    expect(toChat({ phone: '5511999999999', unread: '4', messagesUnread: 0 }).unreadCount).toBe(4);
    expect(toChat({ phone: '5511999999999', messagesUnread: 2 }).unreadCount).toBe(2);
    expect(toChat({ phone: '5511999999999', isMuted: '1', muteEndTime: 1655953774000 })).toMatchObject({ isMuted: true, mutedUntil: 1655953774000, mutedForever: false });
    expect(toChat({ phone: '5511999999999', isMuted: '1', muteEndTime: '-1' })).toMatchObject({ isMuted: true, mutedUntil: null, mutedForever: true });
    expect(toChat({ phone: '5511999999999', isMuted: '0', muteEndTime: 1655953774000 })).toMatchObject({ isMuted: false, mutedUntil: null, mutedForever: false });
  });

  it('a contact keeps its LID when the answer carries one', () => {
    expect(toContact({ phone: '5511999999999', lid: '81896604192873@lid' })).toMatchObject({ id: '5511999999999', phone: '5511999999999', lid: '81896604192873@lid' });
    expect(toContact({ phone: '5511999999999' }).lid).toBeNull();
  });

  it('a /groups entry that carries participants has them read (the documented entry carries none)', () => {
    const group = toGroupSummary({ phone: '120363019502650977-group', name: 'G', participants: [{ phone: '5511999999999', isAdmin: 'true', isSuperAdmin: false, name: 'Ann' }] });
    expect(group.participants).toEqual([{ id: '5511999999999', phone: '5511999999999', isAdmin: true, isSuperAdmin: false, name: 'Ann' }]);
    expect(toGroupSummary({ phone: '120363019502650977-group', name: 'G' }).participants).toEqual([]);
  });

  it('works on a group id unchanged', async () => {
    const data = await h.ok(mutate('archiveChat'), { input: { instanceId: 'zapi', chatId: '120363019502650977-group' } });
    expect(data.archiveChat.ok).toBe(true);
    expect(h.on('POST', '/modify-chat')[0]?.body).toEqual({ phone: '120363019502650977-group', action: 'archive' });
    expect((await chatOf('120363019502650977-group')).archived).toBe(true);
  });

  it('deleteChat sends action "delete" (z-api.txt 6590-6637); the chat is then gone, and a second delete is not confirmed', async () => {
    const input = { instanceId: 'zapi', chatId: '120263358412332916-group' };
    expect(await chatOf(input.chatId)).not.toBeNull();
    expect((await h.ok(mutate('deleteChat'), { input })).deleteChat.ok).toBe(true);
    expect(h.on('POST', '/modify-chat')[0]?.body).toEqual({ phone: input.chatId, action: 'delete' });
    expect(await chatOf(input.chatId)).toBeNull();
    expect((await h.ok(mutate('deleteChat'), { input })).deleteChat.ok).toBe(false);
  });

  it.each([
    ['HOURS_24', '24_HOURS'],
    ['DAYS_7', '7_DAYS'],
    ['DAYS_90', '90_DAYS'],
    ['OFF', 'OFF'],
  ] as const)('setChatExpiration %s sends POST /send-chat-expiration with chatExpiration "%s" (z-api.txt 6639-6679)', async (expiration, wire) => {
    const data = await h.ok('mutation($input: SetChatExpirationInput!) { setChatExpiration(input: $input) { chatId ok } }', {
      input: { instanceId: 'zapi', chatId: '5511999999999', expiration },
    });
    expect(data.setChatExpiration).toEqual({ chatId: '5511999999999', ok: true });
    const [req] = h.on('POST', '/send-chat-expiration');
    h.expectAuth(req);
    expect(req?.body).toEqual({ phone: '5511999999999', chatExpiration: wire });
  });

  it('rejects a chat id that is not a phone or group id with BAD_USER_INPUT naming input.chatId, before any request', async () => {
    const err = await h.fails(mutate('archiveChat'), { input: { instanceId: 'zapi', chatId: 'not a phone' } });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('input.chatId');
    expect(h.sim.requests).toHaveLength(0);
  });

  it('rejects an unknown expiration as a GraphQL validation error, before any request', async () => {
    const res = await h.fails('mutation { setChatExpiration(input: { instanceId: "zapi", chatId: "5511999999999", expiration: DAYS_30 }) { ok } }');
    expect(res.message).toMatch(/DAYS_30/);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('fails with CAPABILITY_NOT_SUPPORTED on a provider without chat management, before any request', async () => {
    const err = await h.fails(mutate('pinChat'), { input: { instanceId: 'zivo', chatId: '254700000001' } });
    expect(err.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'zivo', capability: 'PIN_CHAT' });
    expect(h.zivo.requests).toHaveLength(0);
  });

  it('lists the chat capabilities on the Z-API instance only', async () => {
    const data = await h.ok('{ z: instance(id: "zapi") { capabilities } v: instance(id: "zivo") { capabilities } }');
    for (const c of ['MARK_CHAT_READ', 'ARCHIVE_CHAT', 'PIN_CHAT', 'MUTE_CHAT', 'CLEAR_CHAT', 'DELETE_CHAT', 'CHAT_EXPIRATION']) {
      expect(data.z.capabilities).toContain(c);
      expect(data.v.capabilities).not.toContain(c);
    }
  });
});
