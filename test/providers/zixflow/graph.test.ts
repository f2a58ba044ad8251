import { beforeAll, describe, expect, it } from 'vitest';
import { useSimulatedApp } from '../../helpers/simulated-app.js';
import type { SimulatorHandle } from '../../../src/providers/contract.js';
import { toGlobalId } from '../../../src/global-ids.js';

const h = useSimulatedApp([{ id: 'zx', provider: 'zixflow' }]);
let sim: SimulatorHandle;
beforeAll(() => {
  sim = h.sims.zx!;
});

const SEND_BUTTONS = `mutation($input: SendButtonsInput!) { sendButtons(input: $input) { message { id providerMessageId status } } }`;
const input = {
  instanceId: 'zx',
  to: '+91 98765 43210',
  body: 'Confirm?',
  footer: 'Thanks',
  header: { image: 'https://cdn.example.test/p.jpg' },
  buttons: [
    { id: 'yes', title: 'Yes' },
    { id: 'no', title: 'No' },
  ],
  source: 'crm',
  linkWithRecord: true,
  submissionStatus: true,
};

const gql = h.gql;

describe('Zixflow through the graph', () => {
  it('sendButtons sends the documented body and returns the message', async () => {
    const r = await gql(SEND_BUTTONS, { input });
    expect(r.errors).toBeUndefined();
    const { providerMessageId } = r.data!.sendButtons.message;
    expect(r.data!.sendButtons.message).toEqual({
      id: toGlobalId('Message', 'zx', providerMessageId),
      providerMessageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'SENT',
    });
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]!.headers.authorization).toBe('Bearer zixflow_sim_api_key');
    expect(sim.requests[0]!.body).toEqual({
      to: '919876543210',
      phoneId: '106540352242922',
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'image', image: 'https://cdn.example.test/p.jpg' },
        body: { text: 'Confirm?' },
        footer: { text: 'Thanks' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
      source: 'crm',
      linkWithRecord: true,
      submissionStatus: true,
    });
  });

  it('4 buttons, a 61-character footer or a 21-character title → BAD_USER_INPUT naming the field, 0 HTTP requests', async () => {
    const four = await gql(SEND_BUTTONS, { input: { ...input, buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })) } });
    expect(four.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buttons' });
    const footer = await gql(SEND_BUTTONS, { input: { ...input, footer: 'f'.repeat(61) } });
    expect(footer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.footer' });
    const title = await gql(SEND_BUTTONS, {
      input: {
        ...input,
        buttons: [
          { id: 'a', title: 'ok' },
          { id: 'b', title: 't'.repeat(21) },
        ],
      },
    });
    expect(title.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buttons[1].title' });
    const dup = await gql(SEND_BUTTONS, {
      input: {
        ...input,
        buttons: [
          { id: 'a', title: 'x' },
          { id: 'a', title: 'y' },
        ],
      },
    });
    expect(dup.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buttons[1].id' });
    expect(sim.requests).toHaveLength(0);
  });

  it('sendText on Zixflow → CAPABILITY_NOT_SUPPORTED and 0 HTTP requests', async () => {
    const r = await gql(`mutation($input: SendTextInput!) { sendText(input: $input) { message { id } } }`, { input: { instanceId: 'zx', to: '919876543210', text: 'hi' } });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', provider: 'zixflow', capability: 'SEND_TEXT' });
    const bulk = await gql(`mutation($input: SendBulkInput!) { sendBulk(input: $input) { results { error { code } } } }`, {
      input: { instanceId: 'zx', messages: [{ to: '919876543210', text: 'x' }] },
    });
    expect(bulk.errors![0]!.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'SEND_BULK' });
    const status = await gql(`{ instance(id: "zx") { messageStatus(messageId: "1") } }`);
    expect(status.errors![0]!.extensions).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'MESSAGE_STATUS' });
    expect(sim.requests).toHaveLength(0);
  });
});
