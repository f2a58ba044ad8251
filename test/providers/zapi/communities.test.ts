import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../src/global-ids.js';
import { zapiHarness } from './harness.js';

const h = zapiHarness();
const { on, ok, fails } = h;

const COMMUNITY = 'community { id communityId name description groups { id groupId name isAnnouncement } }';

describe('Z-API communities through the graph', () => {
  it('lists the seeded example community (z-api.txt 8553-8560) and reads its groups lazily from communities-metadata', async () => {
    const data = await ok(
      '{ instance(id: "zapi") { communities(first: 10) { nodes { communityId name description groups { groupId isAnnouncement } } pageInfo { hasNextPage } } } }',
    );
    const example = data.instance.communities.nodes.find((c: { communityId: string }) => c.communityId === '98372465382764532938');
    expect(example).toMatchObject({ name: 'My first Community', description: 'A description of the community' });
    expect(example.groups).toEqual([
      { groupId: '342532456234453-group', isAnnouncement: true },
      { groupId: '1203634230225498-group', isAnnouncement: false },
    ]);
    expect(on('GET', '/communities')[0]?.query).toEqual({ page: '1', pageSize: '10' });
    expect(on('GET', '/communities-metadata/98372465382764532938')).toHaveLength(1);
    expect(on('GET', '/communities')[0]?.headers['client-token']).toBe(h.sim.instanceConfig.clientToken);
  });

  it('createCommunity → link and unlink groups → update → participants → reset link → deactivate, each on its documented request, the reads following', async () => {
    const created = await ok(`mutation { createCommunity(input: {instanceId: "zapi", name: "Neighbours", description: "Street"}) { communityId ok ${COMMUNITY} } }`);
    const id = created.createCommunity.communityId as string;
    expect(on('POST', '/communities')[0]?.body).toEqual({ name: 'Neighbours', description: 'Street' });
    const announcement = created.createCommunity.community.groups[0];
    expect(announcement).toMatchObject({ name: 'Neighbours', isAnnouncement: true });

    const listed = await ok('{ instance(id: "zapi") { communities(first: 100) { nodes { id communityId name } } } }');
    expect(listed.instance.communities.nodes).toContainEqual({ id: toGlobalId('Community', 'zapi', id), communityId: id, name: 'Neighbours' });

    const g1 = (await ok('mutation { createGroup(input: {instanceId: "zapi", name: "Block A", participants: ["5544933330001"]}) { groupId } }')).createGroup.groupId as string;
    const g2 = (await ok('mutation { createGroup(input: {instanceId: "zapi", name: "Block B", participants: ["5544933330002"]}) { groupId } }')).createGroup.groupId as string;
    h.sim.requests.length = 0;
    const linked = await ok(`mutation($id: String!, $g: [String!]!) { linkGroupsToCommunity(input: {instanceId: "zapi", communityId: $id, groupIds: $g}) { ok ${COMMUNITY} } }`, {
      id,
      g: [g1, g2],
    });
    expect(on('POST', '/communities/link')[0]?.body).toEqual({ communityId: id, groupsPhones: [g1, g2] });
    expect(linked.linkGroupsToCommunity.community.groups.map((g: { groupId: string }) => g.groupId)).toEqual([announcement.groupId, g1, g2]);
    const groupRead = await ok('query($g: String!) { instance(id: "zapi") { group(id: $g) { communityId } } }', { g: g1 });
    expect(groupRead.instance.group.communityId).toBe(id);

    const unlinked = await ok(
      `mutation($id: String!, $g: [String!]!) { unlinkGroupsFromCommunity(input: {instanceId: "zapi", communityId: $id, groupIds: $g}) { ok ${COMMUNITY} } }`,
      { id, g: [g2] },
    );
    expect(on('POST', '/communities/unlink')[0]?.body).toEqual({ communityId: id, groupsPhones: [g2] });
    expect(unlinked.unlinkGroupsFromCommunity.community.groups.map((g: { groupId: string }) => g.groupId)).toEqual([announcement.groupId, g1]);
    // The last regular group cannot be unlinked (z-api.txt 8652-8654): Z-API answers success false.
    const last = await fails('mutation($id: String!, $g: [String!]!) { unlinkGroupsFromCommunity(input: {instanceId: "zapi", communityId: $id, groupIds: $g}) { ok } }', {
      id,
      g: [g1],
    });
    expect(last.extensions).toMatchObject({ code: 'PROVIDER_ERROR', providerCode: 'FAILED' });

    h.sim.requests.length = 0;
    const updated = await ok(
      `mutation($id: String!) { updateCommunity(input: {instanceId: "zapi", communityId: $id, description: "Whole street", whoCanAddGroups: ALL}) { ok ${COMMUNITY} } }`,
      { id },
    );
    expect(on('POST', '/update-community-description')[0]?.body).toEqual({ communityId: id, communityDescription: 'Whole street' });
    expect(on('POST', '/communities/settings')[0]?.body).toEqual({ communityId: id, whoCanAddNewGroups: 'all' });
    expect(updated.updateCommunity.community.description).toBe('Whole street');
    h.sim.requests.length = 0;
    await ok('mutation($id: String!) { updateCommunity(input: {instanceId: "zapi", communityId: $id, whoCanAddGroups: ADMINS}) { ok } }', { id });
    expect(on('POST', '/update-community-description')).toHaveLength(0);
    expect(on('POST', '/communities/settings')[0]?.body).toEqual({ communityId: id, whoCanAddNewGroups: 'admins' });

    // Participants act on the announcement group (z-api.txt 8446-8453).
    h.sim.requests.length = 0;
    const run = (m: string, p: string[]) =>
      ok(`mutation($id: String!, $p: [String!]!) { ${m}(input: {instanceId: "zapi", communityId: $id, participants: $p}) { ok } }`, { id, p });
    await run('addCommunityParticipants', ['+55 44 95555-0001']);
    expect(on('POST', '/add-participant')[0]?.body).toEqual({ autoInvite: true, communityId: id, phones: ['5544955550001'] });
    await run('promoteCommunityAdmins', ['5544955550001']);
    expect(on('POST', '/add-admin')[0]?.body).toEqual({ communityId: id, phones: ['5544955550001'] });
    const members = await ok('query($g: String!) { instance(id: "zapi") { group(id: $g) { participants { phone isAdmin } } } }', { g: announcement.groupId });
    expect(members.instance.group.participants).toContainEqual({ phone: '5544955550001', isAdmin: true });
    await run('demoteCommunityAdmins', ['5544955550001']);
    expect(on('POST', '/remove-admin')[0]?.body).toEqual({ communityId: id, phones: ['5544955550001'] });
    await run('removeCommunityParticipants', ['5544955550001']);
    expect(on('POST', '/remove-participant')[0]?.body).toEqual({ communityId: id, phones: ['5544955550001'] });
    const after = await ok('query($g: String!) { instance(id: "zapi") { group(id: $g) { participants { phone } } } }', { g: announcement.groupId });
    expect(after.instance.group.participants.map((p: { phone: string }) => p.phone)).not.toContain('5544955550001');

    h.sim.requests.length = 0;
    const reset = await ok('mutation($id: String!) { resetCommunityInviteLink(input: {instanceId: "zapi", communityId: $id}) { invitationLink } }', { id });
    expect(reset.resetCommunityInviteLink.invitationLink).toMatch(/^https:\/\/chat\.whatsapp\.com\//);
    expect(on('POST', `/redefine-invitation-link/${id}`)[0]?.body).toBeUndefined();

    const gone = await ok(`mutation($id: String!) { deactivateCommunity(input: {instanceId: "zapi", communityId: $id}) { ok ${COMMUNITY} } }`, { id });
    expect(on('DELETE', `/communities/${id}`)).toHaveLength(1);
    expect(gone.deactivateCommunity.community).toBeNull();
    const read = await ok('query($id: String!) { instance(id: "zapi") { community(id: $id) { id } } }', { id });
    expect(read.instance.community).toBeNull();
    // Its groups remain, unlinked (z-api.txt 9136-9137).
    const kept = await ok('query($g: String!) { instance(id: "zapi") { group(id: $g) { id groupId communityId } } }', { g: g1 });
    expect(kept.instance.group).toEqual({ id: toGlobalId('Group', 'zapi', g1), groupId: g1, communityId: null });
  });

  it.each([
    ['createCommunity with an empty name', 'mutation { createCommunity(input: {instanceId: "zapi", name: ""}) { ok } }', 'input.name'],
    ['updateCommunity with nothing to change', 'mutation { updateCommunity(input: {instanceId: "zapi", communityId: "98372465382764532938"}) { ok } }', 'input'],
    [
      'linkGroupsToCommunity with no groups',
      'mutation { linkGroupsToCommunity(input: {instanceId: "zapi", communityId: "98372465382764532938", groupIds: []}) { ok } }',
      'input.groupIds',
    ],
    [
      'linkGroupsToCommunity with 51 groups (z-api.txt 8428: up to 50)',
      `mutation { linkGroupsToCommunity(input: {instanceId: "zapi", communityId: "98372465382764532938", groupIds: [${Array.from({ length: 51 }, (_, i) => `"1203634230${String(i).padStart(6, '0')}-group"`).join(',')}]}) { ok } }`,
      'input.groupIds',
    ],
    [
      'linkGroupsToCommunity with a phone instead of a group',
      'mutation { linkGroupsToCommunity(input: {instanceId: "zapi", communityId: "98372465382764532938", groupIds: ["5544999991111"]}) { ok } }',
      'input.groupIds[0]',
    ],
    ['a group id given as a community id', 'mutation { deactivateCommunity(input: {instanceId: "zapi", communityId: "120363019502650977-group"}) { ok } }', 'input.communityId'],
    [
      'addCommunityParticipants with none',
      'mutation { addCommunityParticipants(input: {instanceId: "zapi", communityId: "98372465382764532938", participants: []}) { ok } }',
      'input.participants',
    ],
  ])('%s: BAD_USER_INPUT naming the field, no request', async (_name, query, field) => {
    const err = await fails(query);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe(field);
    expect(h.sim.requests).toHaveLength(0);
  });
});
