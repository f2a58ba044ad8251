import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../src/global-ids.js';
import { ZAPI_SANDBOX_PHONE } from '../../../src/providers/zapi/simulator/index.js';
import { zapiHarness } from './harness.js';

const h = zapiHarness();
const { on, expectAuth, ok, fails } = h;

const GROUP = 'group { id name description participants { phone isAdmin isSuperAdmin } onlyAdminsSend onlyAdminsEdit invitationLink }';

describe('Z-API group management through the graph', () => {
  it('lists the group capabilities on a zapi instance', async () => {
    const data = await ok('{ instance(id: "zapi") { capabilities } }');
    expect(data.instance.capabilities).toEqual(
      expect.arrayContaining([
        'CREATE_GROUP',
        'UPDATE_GROUP',
        'MANAGE_GROUP_PARTICIPANTS',
        'LEAVE_GROUP',
        'GROUP_INVITE_LINK',
        'RESET_GROUP_INVITE_LINK',
        'GROUP_INVITATION',
        'JOIN_GROUP',
      ]),
    );
  });

  it('createGroup sends the documented create-group body; the group then appears in instance.groups and instance.group(id) with its participants', async () => {
    const data = await ok(
      `mutation { createGroup(input: {instanceId: "zapi", name: "Team Z", participants: ["+55 44 99999-1111", "5544988882222"]}) { groupId ok invitationLink ${GROUP} } }`,
    );
    const created = data.createGroup;
    expect(created.ok).toBe(true);
    expect(created.groupId).toMatch(/^120363\d{12}-group$/);
    expect(created.invitationLink).toMatch(/^https:\/\/chat\.whatsapp\.com\//);
    const [req] = on('POST', '/create-group');
    expectAuth(req);
    // z-api.txt 6863-6868: autoInvite, groupName and phones, phones as digits.
    expect(req?.body).toEqual({ autoInvite: true, groupName: 'Team Z', phones: ['5544999991111', '5544988882222'] });
    expect(created.group.name).toBe('Team Z');
    expect(created.group.id).toBe(toGlobalId('Group', 'zapi', created.groupId));
    expect(created.group.participants.map((p: { phone: string }) => p.phone).sort()).toEqual([ZAPI_SANDBOX_PHONE, '5544988882222', '5544999991111'].sort());

    const listed = await ok('{ instance(id: "zapi") { groups(first: 100) { nodes { id groupId name } } } }');
    expect(listed.instance.groups.nodes).toContainEqual({ id: created.group.id, groupId: created.groupId, name: 'Team Z' });
    const read = await ok(`query($id: String!) { instance(id: "zapi") { group(id: $id) { id name participants { phone isSuperAdmin } } } }`, { id: created.groupId });
    expect(read.instance.group.participants).toContainEqual({ phone: ZAPI_SANDBOX_PHONE, isSuperAdmin: true });
    expect(read.instance.group.participants).toContainEqual({ phone: '5544988882222', isSuperAdmin: false });
  });

  it('updateGroup calls only what is given, each on its documented path and body, and the read shows the change', async () => {
    const { createGroup } = await ok('mutation { createGroup(input: {instanceId: "zapi", name: "Before", participants: ["5544977773333"], autoInvite: false}) { groupId } }');
    const id = createGroup.groupId as string;
    expect(on('POST', '/create-group')[0]?.body).toMatchObject({ autoInvite: false });
    h.sim.requests.length = 0;

    const renamed = await ok(`mutation($id: String!) { updateGroup(input: {instanceId: "zapi", groupId: $id, name: "After"}) { ok ${GROUP} } }`, { id });
    expect(renamed.updateGroup.group.name).toBe('After');
    expect(on('POST', '/update-group-name').map((r) => r.body)).toEqual([{ groupId: id, groupName: 'After' }]);
    expect(on('POST', '/update-group-description')).toHaveLength(0);
    expect(on('POST', '/update-group-photo')).toHaveLength(0);
    expect(on('POST', '/update-group-settings')).toHaveLength(0);
    h.sim.requests.length = 0;

    const all = await ok(
      `mutation($id: String!) { updateGroup(input: {instanceId: "zapi", groupId: $id, description: "About us", photo: "https://example.com/p.png",
      settings: {onlyAdminsSend: true, onlyAdminsEdit: true, requireAdminApproval: false, onlyAdminsAddMembers: true}}) { ok ${GROUP} } }`,
      { id },
    );
    expect(on('POST', '/update-group-name')).toHaveLength(0);
    expect(on('POST', '/update-group-description')[0]?.body).toEqual({ groupId: id, groupDescription: 'About us' });
    expect(on('POST', '/update-group-photo')[0]?.body).toEqual({ groupId: id, groupPhoto: 'https://example.com/p.png' });
    // z-api.txt 8108-8114: the group id goes in `phone`, all four settings together.
    expect(on('POST', '/update-group-settings')[0]?.body).toEqual({
      phone: id,
      adminOnlyMessage: true,
      adminOnlySettings: true,
      requireAdminApproval: false,
      adminOnlyAddMember: true,
    });
    expect(all.updateGroup.group).toMatchObject({ description: 'About us', onlyAdminsSend: true, onlyAdminsEdit: true });
  });

  it('participant mutations send the documented operations and the group shows the result', async () => {
    const { createGroup } = await ok('mutation { createGroup(input: {instanceId: "zapi", name: "Members", participants: ["5544911110001"]}) { groupId } }');
    const id = createGroup.groupId as string;
    h.sim.requests.length = 0;
    const run = (mutation: string, participants: string[]) =>
      ok(`mutation($id: String!, $p: [String!]!) { ${mutation}(input: {instanceId: "zapi", groupId: $id, participants: $p}) { ok groupId ${GROUP} } }`, { id, p: participants });

    await run('addGroupParticipants', ['+55 44 91111-0002', '5544911110003']);
    expect(on('POST', '/add-participant')[0]?.body).toEqual({ autoInvite: true, groupId: id, phones: ['5544911110002', '5544911110003'] });
    const promoted = await run('promoteGroupAdmins', ['5544911110002']);
    expect(on('POST', '/add-admin')[0]?.body).toEqual({ groupId: id, phones: ['5544911110002'] });
    expect(promoted.promoteGroupAdmins.group.participants).toContainEqual({ phone: '5544911110002', isAdmin: true, isSuperAdmin: false });
    const demoted = await run('demoteGroupAdmins', ['5544911110002']);
    expect(on('POST', '/remove-admin')[0]?.body).toEqual({ groupId: id, phones: ['5544911110002'] });
    expect(demoted.demoteGroupAdmins.group.participants).toContainEqual({ phone: '5544911110002', isAdmin: false, isSuperAdmin: false });
    const removed = await run('removeGroupParticipants', ['5544911110003']);
    expect(on('POST', '/remove-participant')[0]?.body).toEqual({ groupId: id, phones: ['5544911110003'] });
    expect(removed.removeGroupParticipants.group.participants.map((p: { phone: string }) => p.phone)).not.toContain('5544911110003');
    const approved = await run('approveGroupParticipants', ['5544911110004']);
    expect(on('POST', '/approve-participant')[0]?.body).toEqual({ groupId: id, phones: ['5544911110004'] });
    expect(approved.approveGroupParticipants.group.participants.map((p: { phone: string }) => p.phone)).toContain('5544911110004');
    await run('rejectGroupParticipants', ['5544911110005']);
    expect(on('POST', '/reject-participant')[0]?.body).toEqual({ groupId: id, phones: ['5544911110005'] });
    for (const r of h.sim.requests) expectAuth(r);
  });

  it('a change Z-API answers with {"value": false} is a PROVIDER_ERROR, not a success', async () => {
    const err = await fails('mutation { promoteGroupAdmins(input: {instanceId: "zapi", groupId: "120363019502650977-group", participants: ["5544900000009"]}) { ok } }');
    expect(err.extensions?.code).toBe('PROVIDER_ERROR');
    expect(err.extensions?.providerCode).toBe('FAILED');
    expect(on('POST', '/add-admin')).toHaveLength(1);
  });

  it('invite links: groupInviteLink reads, resetGroupInviteLink replaces, groupInvitation previews and joinGroup joins', async () => {
    const { createGroup } = await ok('mutation { createGroup(input: {instanceId: "zapi", name: "Invites", participants: ["5544922220001"]}) { groupId invitationLink } }');
    const id = createGroup.groupId as string;
    h.sim.requests.length = 0;
    const link = await ok('query($id: String!) { instance(id: "zapi") { groupInviteLink(groupId: $id) } }', { id });
    expect(link.instance.groupInviteLink).toBe(createGroup.invitationLink);
    const [read] = on('POST', `/group-invitation-link/${id}`);
    expectAuth(read);
    expect(read?.body).toBeUndefined();

    const reset = await ok('mutation($id: String!) { resetGroupInviteLink(input: {instanceId: "zapi", groupId: $id}) { invitationLink group { invitationLink } } }', { id });
    expect(on('POST', `/redefine-invitation-link/${id}`)).toHaveLength(1);
    expect(reset.resetGroupInviteLink.invitationLink).not.toBe(createGroup.invitationLink);
    expect(reset.resetGroupInviteLink.group.invitationLink).toBe(reset.resetGroupInviteLink.invitationLink);
    const url = reset.resetGroupInviteLink.invitationLink as string;

    const preview = await ok('query($url: String!) { instance(id: "zapi") { groupInvitation(url: $url) { id groupId name participantsCount participants { phone } } } }', { url });
    expect(preview.instance.groupInvitation).toMatchObject({ id: toGlobalId('GroupInvitation', 'zapi', url), groupId: id, name: 'Invites', participantsCount: 2 });
    // the invitation is a node: node(id) reads it again by its link
    const node = await ok('query($id: ID!) { node(id: $id) { __typename id ... on GroupInvitation { groupId name participantsCount participants { phone } } } }', {
      id: preview.instance.groupInvitation.id,
    });
    expect(node.node).toEqual({ __typename: 'GroupInvitation', ...preview.instance.groupInvitation });
    // z-api.txt 8012: the parameter is `url` (the curl sample's `URL` is not used).
    expect(on('GET', '/group-invitation-metadata')[0]?.query).toEqual({ url });
    const gone = await ok('query { instance(id: "zapi") { groupInvitation(url: "https://chat.whatsapp.com/NoSuchLink000") { id } } }');
    expect(gone.instance.groupInvitation).toBeNull();

    // Leave, then join again by the link.
    const left = await ok('mutation($id: String!) { leaveGroup(input: {instanceId: "zapi", groupId: $id}) { ok group { participants { phone } } } }', { id });
    expect(on('POST', '/leave-group')[0]?.body).toEqual({ groupId: id });
    expect(left.leaveGroup.group.participants.map((p: { phone: string }) => p.phone)).not.toContain(ZAPI_SANDBOX_PHONE);
    const groupsAfterLeave = await ok('{ instance(id: "zapi") { groups(first: 100) { nodes { groupId } } } }');
    expect(groupsAfterLeave.instance.groups.nodes.map((g: { groupId: string }) => g.groupId)).not.toContain(id);

    const joined = await ok('mutation($url: String!) { joinGroup(input: {instanceId: "zapi", url: $url}) { ok groupId group { participants { phone } } } }', { url });
    expect(on('GET', '/accept-invite-group')[0]?.query).toEqual({ url });
    expect(joined.joinGroup.groupId).toBe(id);
    expect(joined.joinGroup.group.participants.map((p: { phone: string }) => p.phone)).toContain(ZAPI_SANDBOX_PHONE);
  });

  it.each([
    ['createGroup with no participants', 'mutation { createGroup(input: {instanceId: "zapi", name: "X", participants: []}) { ok } }', 'input.participants'],
    ['createGroup with an empty name', 'mutation { createGroup(input: {instanceId: "zapi", name: "", participants: ["5544999991111"]}) { ok } }', 'input.name'],
    [
      'createGroup with a 101-character name',
      `mutation { createGroup(input: {instanceId: "zapi", name: "${'n'.repeat(101)}", participants: ["5544999991111"]}) { ok } }`,
      'input.name',
    ],
    [
      'createGroup with a participant that is not a phone',
      'mutation { createGroup(input: {instanceId: "zapi", name: "X", participants: ["5544999991111", "call me"]}) { ok } }',
      'input.participants[1]',
    ],
    ['updateGroup with nothing to change', 'mutation { updateGroup(input: {instanceId: "zapi", groupId: "120363019502650977-group"}) { ok } }', 'input'],
    [
      'updateGroup with a photo that is not a URL',
      'mutation { updateGroup(input: {instanceId: "zapi", groupId: "120363019502650977-group", photo: "file:///etc/passwd"}) { ok } }',
      'input.photo',
    ],
    ['updateGroup on a phone number instead of a group id', 'mutation { updateGroup(input: {instanceId: "zapi", groupId: "+5544999991111", name: "X"}) { ok } }', 'input.groupId'],
    [
      'addGroupParticipants with none',
      'mutation { addGroupParticipants(input: {instanceId: "zapi", groupId: "120363019502650977-group", participants: []}) { ok } }',
      'input.participants',
    ],
    ["joinGroup with a link that is not WhatsApp's", 'mutation { joinGroup(input: {instanceId: "zapi", url: "https://evil.example.com/x"}) { ok } }', 'input.url'],
  ])('%s: BAD_USER_INPUT naming the field, no request', async (_name, query, field) => {
    const err = await fails(query);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe(field);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('a provider without group management fails with CAPABILITY_NOT_SUPPORTED before any request', async () => {
    const err = await fails('mutation { createGroup(input: {instanceId: "zivo", name: "X", participants: []}) { ok } }');
    expect(err.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'CREATE_GROUP', provider: 'zivo' });
    expect(h.zivo.requests).toHaveLength(0);
  });
});
