import { beforeAll, describe, expect, it } from 'vitest';
import { useSimulatedApp } from '../../helpers/simulated-app.js';
import type { ZivoSimulatorHandle } from '../../../src/providers/zivo/simulator/index.js';
import { toGlobalId } from '../../../src/global-ids.js';

const P = '/api/zivo/zchat/services';
// the poller has its own test; here it would add getdlr requests
const h = useSimulatedApp([{ id: 'zv', provider: 'zivo', simulator: { stepDelayMs: 50 }, config: { statusPollIntervalMs: 3_600_000 } }]);
let sim: ZivoSimulatorHandle;
beforeAll(() => {
  sim = h.sims.zv as ZivoSimulatorHandle;
});
const gql = h.gql;

const SEND_BULK = `mutation($input: SendBulkInput!) { sendBulk(input: $input) { results { message { id status clientReference } error { code message } } } }`;

describe('Zivo through the graph', () => {
  it('lists its capabilities and its connection with the balance', async () => {
    const r = await gql(`{ instance(id: "zv") { provider capabilities connection { state balance } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.instance).toEqual({
      provider: 'zivo',
      capabilities: ['INSTANCE_STATUS', 'MESSAGE_STATUS', 'SEND_BULK', 'SEND_TEXT'],
      connection: { state: 'CONNECTED', balance: 1000 },
    });
    expect(sim.requests.map((q) => q.path)).toEqual([`${P}/account`]);
  });

  it('sendText reads a Kenyan national number with the provider default country (07… → 2547…)', async () => {
    const r = await gql(`mutation($input: SendTextInput!) { sendText(input: $input) { message { id status clientReference } } }`, {
      input: { instanceId: 'zv', to: '0712 345 678', text: 'Hello', clientReference: 'order-1' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.sendText.message).toMatchObject({ status: 'SENT', clientReference: 'order-1' });
    expect(sim.requests[0]!.body).toMatchObject({ mobile: '254712345678', message: 'Hello', clientwhatsappid: 'order-1' });
  });

  it("sendBulk: 250 messages → 3 requests, 250 results in order; a bad phone is that item's error, a Zivo-rejected item does not stop the others", async () => {
    const messages = Array.from({ length: 250 }, (_, i) => ({ to: `2547${String(i).padStart(8, '0')}`, text: `m${i}`, clientReference: `r${i}` }));
    messages[5] = { to: 'not a phone', text: 'x', clientReference: 'r5' };
    messages[200] = { to: '+254 7000', text: 'x', clientReference: 'r200' };
    const r = await gql(SEND_BULK, { input: { instanceId: 'zv', messages } });
    expect(r.errors).toBeUndefined();
    const results = r.data!.sendBulk.results as Array<{ message: { id: string; status: string; clientReference: string } | null; error: { code: string; message: string } | null }>;
    expect(results).toHaveLength(250);
    expect(sim.requests.map((q) => (q.body as { whatsapplist: unknown[] }).whatsapplist.length)).toEqual([100, 100, 48]);
    expect(results[5]).toEqual({ message: null, error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('input.messages[5].to') } });
    expect(results[200]!.message).toBeNull();
    expect(results[200]!.error!.code).toBe('BAD_USER_INPUT');
    results.forEach((res, i) => {
      if (i !== 5 && i !== 200) expect(res).toEqual({ message: { id: expect.any(String), status: 'SENT', clientReference: `r${i}` }, error: null });
    });
  });

  it("sendBulk with an empty list is the whole call's BAD_USER_INPUT", async () => {
    const r = await gql(SEND_BULK, { input: { instanceId: 'zv', messages: [] } });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.messages' });
    expect(sim.requests).toHaveLength(0);
  });

  it('messageStatus follows the delivery report; null for an unknown message', async () => {
    const sent = await gql(`mutation($input: SendTextInput!) { sendText(input: $input) { message { id providerMessageId } } }`, {
      input: { instanceId: 'zv', to: '254700000077', text: 'status please' },
    });
    const id = sent.data!.sendText.message.providerMessageId as string;
    expect(sent.data!.sendText.message.id).toBe(toGlobalId('Message', 'zv', id));
    await new Promise((r) => setTimeout(r, 200));
    const r = await gql(`query($id: String!) { instance(id: "zv") { messageStatus(messageId: $id) } }`, { id });
    expect(r.data!.instance.messageStatus).toBe('READ');
    expect(sim.requests.at(-1)!.query.messageID).toBe(id);
    const unknown = await gql(`{ instance(id: "zv") { messageStatus(messageId: "424242") } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.instance.messageStatus).toBeNull();
  });

  it('sendImage and sendButtons on Zivo → CAPABILITY_NOT_SUPPORTED and 0 HTTP requests', async () => {
    const img = await gql(`mutation($input: SendImageInput!) { sendImage(input: $input) { message { id } } }`, {
      input: { instanceId: 'zv', to: '254700000000', image: 'https://example.test/a.png' },
    });
    expect(img.errors![0]!.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'zivo', capability: 'SEND_IMAGE' });
    const btn = await gql(`mutation($input: SendButtonsInput!) { sendButtons(input: $input) { message { id } } }`, {
      input: { instanceId: 'zv', to: '254700000000', body: 'b', buttons: [{ id: 'a', title: 'A' }] },
    });
    expect(btn.errors![0]!.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'SEND_BUTTONS' });
    expect(sim.requests).toHaveLength(0);
  });

  it('a Zivo 401 reaches the client as PROVIDER_UNAUTHORIZED without the key', async () => {
    sim.injectFault({ status: 401, body: { 'response-code': 401, 'response-description': 'Invalid partnerID or apikey zivo_live_xxx' } });
    const r = await gql(`mutation($input: SendTextInput!) { sendText(input: $input) { message { id } } }`, { input: { instanceId: 'zv', to: '254700000000', text: 'x' } });
    expect(r.errors![0]!.extensions!.code).toBe('PROVIDER_UNAUTHORIZED');
    expect(JSON.stringify(r)).not.toContain('zivo_live_xxx');
  });
});
