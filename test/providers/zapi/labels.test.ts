import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../../src/global-ids.js';
import { zapiHarness } from './harness.js';

const h = zapiHarness();

const LABELS = '{ instance(id: "zapi") { labels { labelId name colorIndex } } }';
const labels = async () => (await h.ok(LABELS)).instance.labels as Array<{ labelId: string; name: string; colorIndex: number | null }>;

describe('Z-API labels through the graph', () => {
  it('Instance.labels reads GET /tags (z-api.txt 9851-9906): ids as strings, colour indexes as numbers', async () => {
    const list = await labels();
    expect(list).toContainEqual({ labelId: '1', name: 'New customer', colorIndex: 1 });
    expect(list).toContainEqual({ labelId: '5', name: 'Order completed', colorIndex: 5 });
    const [req] = h.on('GET', '/tags');
    h.expectAuth(req);
  });

  it('Instance.labelColors reads GET /business/tags/colors (z-api.txt 9907-9954) sorted by index', async () => {
    const data = await h.ok('{ instance(id: "zapi") { labelColors { index hex } } }');
    expect(data.instance.labelColors).toEqual([
      { index: 0, hex: '#FF9485' },
      { index: 1, hex: '#64C4FF' },
      { index: 2, hex: '#FFD429' },
    ]);
    h.expectAuth(h.on('GET', '/business/tags/colors')[0]);
  });

  it('createLabel → updateLabel → deleteLabel, each with its documented request, and Instance.labels shows each change', async () => {
    const created = await h.ok('mutation($input: CreateLabelInput!) { createLabel(input: $input) { label { id labelId name colorIndex } } }', {
      input: { instanceId: 'zapi', name: 'VIP', colorIndex: 2 },
    });
    const label = created.createLabel.label;
    expect(label).toMatchObject({ name: 'VIP', colorIndex: 2 });
    expect(label.labelId).toMatch(/^\d+$/);
    expect(label.id).toBe(toGlobalId('Label', 'zapi', label.labelId));
    const [create] = h.on('POST', '/business/create-tag');
    h.expectAuth(create);
    expect(create?.body).toEqual({ name: 'VIP', color: 2 });
    expect(await labels()).toContainEqual({ labelId: label.labelId, name: 'VIP', colorIndex: 2 });

    const updated = await h.ok('mutation($input: UpdateLabelInput!) { updateLabel(input: $input) { labelId ok } }', {
      input: { instanceId: 'zapi', labelId: label.labelId, name: 'Very important' },
    });
    expect(updated.updateLabel).toEqual({ labelId: label.labelId, ok: true });
    // No colour given: none sent, so the label keeps its colour.
    expect(h.on('POST', `/business/edit-tag/${label.labelId}`)[0]?.body).toEqual({ name: 'Very important' });
    expect(await labels()).toContainEqual({ labelId: label.labelId, name: 'Very important', colorIndex: 2 });

    const del = 'mutation($input: DeleteLabelInput!) { deleteLabel(input: $input) { labelId ok } }';
    expect((await h.ok(del, { input: { instanceId: 'zapi', labelId: label.labelId } })).deleteLabel).toEqual({ labelId: label.labelId, ok: true });
    const [delReq] = h.on('DELETE', `/business/tag/${label.labelId}`);
    h.expectAuth(delReq);
    expect(delReq?.body ?? null).toBeNull();
    expect((await labels()).map((l) => l.labelId)).not.toContain(label.labelId);
    // Gone: a second delete is not confirmed (the doc's "false if it failed", z-api.txt 10106).
    expect((await h.ok(del, { input: { instanceId: 'zapi', labelId: label.labelId } })).deleteLabel.ok).toBe(false);
  });

  it('createLabel without a colour sends only the name (z-api.txt 9977-9979)', async () => {
    await h.ok('mutation { createLabel(input: { instanceId: "zapi", name: "Plain" }) { label { id } } }');
    expect(h.on('POST', '/business/create-tag')[0]?.body).toEqual({ name: 'Plain' });
  });

  it('assignLabel / unassignLabel send PUT /chats/{phone}/tags/{tag}/add|remove without a body (z-api.txt 10132-10190); the assignment is kept', async () => {
    const assign = 'mutation($input: AssignLabelInput!) { assignLabel(input: $input) { chatId labelId ok } }';
    const unassign = 'mutation($input: AssignLabelInput!) { unassignLabel(input: $input) { chatId labelId ok } }';
    const input = { instanceId: 'zapi', chatId: '+55 (11) 99999-9999', labelId: '2' };
    // Not assigned yet: removing it is not confirmed.
    expect((await h.ok(unassign, { input })).unassignLabel.ok).toBe(false);
    expect((await h.ok(assign, { input })).assignLabel).toEqual({ chatId: '5511999999999', labelId: '2', ok: true });
    const [add] = h.on('PUT', '/chats/5511999999999/tags/2/add');
    h.expectAuth(add);
    expect(add?.body ?? null).toBeNull();
    // Now assigned: removing it is confirmed, once.
    expect((await h.ok(unassign, { input })).unassignLabel).toEqual({ chatId: '5511999999999', labelId: '2', ok: true });
    expect(h.on('PUT', '/chats/5511999999999/tags/2/remove')).toHaveLength(2);
    expect((await h.ok(unassign, { input })).unassignLabel.ok).toBe(false);
  });

  it('assignLabel on a chat that does not exist is not confirmed', async () => {
    const data = await h.ok('mutation { assignLabel(input: { instanceId: "zapi", chatId: "5511977776666", labelId: "1" }) { ok } }');
    expect(data.assignLabel.ok).toBe(false);
  });

  it.each([
    ['an empty name', 'mutation { createLabel(input: { instanceId: "zapi", name: "" }) { label { id } } }', 'input.name'],
    ['a negative colour', 'mutation { createLabel(input: { instanceId: "zapi", name: "x", colorIndex: -1 }) { label { id } } }', 'input.colorIndex'],
    ['a too long name', `mutation { updateLabel(input: { instanceId: "zapi", labelId: "1", name: "${'x'.repeat(101)}" }) { ok } }`, 'input.name'],
    ['a bad chat id', 'mutation { assignLabel(input: { instanceId: "zapi", chatId: "abc", labelId: "1" }) { ok } }', 'input.chatId'],
  ])('rejects %s with BAD_USER_INPUT naming the field, before any request', async (_name, query, field) => {
    const err = await h.fails(query);
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(h.sim.requests).toHaveLength(0);
  });

  it('fails with CAPABILITY_NOT_SUPPORTED on a provider without labels, before any request', async () => {
    const err = await h.fails('{ instance(id: "zivo") { labels { id } } }');
    expect(err.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'zivo', capability: 'LIST_LABELS' });
    const err2 = await h.fails('mutation { assignLabel(input: { instanceId: "zivo", chatId: "254700000001", labelId: "1" }) { ok } }');
    expect(err2.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'ASSIGN_LABEL' });
    expect(h.zivo.requests).toHaveLength(0);
  });
});
