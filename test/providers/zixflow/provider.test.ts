import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { requireCapability, type SimulatorHandle } from '../../../src/providers/contract.js';
import type { SendButtonsInput } from '../../../src/providers/model.js';
import { zixflowModule, type ZixflowConfig } from '../../../src/providers/zixflow/index.js';
import { startZixflowSimulator } from '../../../src/providers/zixflow/simulator/index.js';

const logger = createLogger('silent');
let sim: SimulatorHandle;

function adapter(extra: Partial<ZixflowConfig> = {}) {
  return zixflowModule.create({ id: 'zx1', webhookSecret: 's', ...(sim.instanceConfig as Omit<ZixflowConfig, 'id' | 'webhookSecret'>), provider: 'zixflow', ...extra }, { logger });
}
async function rejects(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    return e as GraphError;
  }
  throw new Error('expected a rejection');
}
const input: SendButtonsInput = {
  to: '919876543210',
  body: 'Confirm your order?',
  footer: 'Reply below',
  header: { document: 'https://files.test/invoice.pdf', documentFileName: 'invoice.pdf' },
  buttons: [
    { id: 'yes', title: 'Yes' },
    { id: 'no', title: 'No' },
    { id: 'later', title: 'Later' },
  ],
  extra: { source: 'API', linkWithRecord: false, submissionStatus: true },
};

beforeAll(async () => {
  sim = await startZixflowSimulator();
});
afterAll(() => sim.close());
afterEach(() => {
  sim.requests.length = 0;
});

describe('zixflow provider against its simulator', () => {
  it('declares SEND_BUTTONS only', () => {
    const a = adapter();
    expect([...a.capabilities]).toEqual(['SEND_BUTTONS']);
    expect(() => requireCapability(a, 'SEND_TEXT')).toThrow(/do not support SEND_TEXT/);
    expect(zixflowModule.defaultBaseUrl).toBe('https://api.zixflow.com');
  });

  it('sendButtons posts the documented body with the Bearer key and phoneId from config', async () => {
    const sent = await requireCapability(adapter(), 'SEND_BUTTONS')(input);
    expect(sim.requests).toHaveLength(1);
    const req = sim.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/v1/campaign/whatsapp/message/send');
    expect(req.headers.authorization).toBe('Bearer zixflow_sim_api_key');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({
      to: '919876543210',
      phoneId: '106540352242922',
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'document', document: 'https://files.test/invoice.pdf' },
        body: { text: 'Confirm your order?' },
        footer: { text: 'Reply below' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
            { type: 'reply', reply: { id: 'later', title: 'Later' } },
          ],
        },
      },
      source: 'API',
      linkWithRecord: false,
      submissionStatus: true,
    });
    expect(sent.status).toBe('SENT');
    expect(sent.chatId).toBe('919876543210');
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('4 buttons or a 61-character footer → BAD_USER_INPUT naming the field and 0 HTTP requests', async () => {
    const a = adapter();
    const four = await rejects(a.messaging!.sendButtons!({ ...input, buttons: [...input.buttons, { id: 'x', title: 'X' }] }));
    expect(four.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buttons' });
    const footer = await rejects(a.messaging!.sendButtons!({ ...input, footer: 'f'.repeat(61) }));
    expect(footer.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.footer' });
    const title = await rejects(
      a.messaging!.sendButtons!({
        ...input,
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'x'.repeat(21) },
        ],
      }),
    );
    expect(title.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buttons[1].title' });
    expect(sim.requests).toHaveLength(0);
  });

  it('maps 401 (real and injected), 429, 500 and a status:false answer', async () => {
    const wrong = await rejects(adapter({ apiKey: 'zixflow_wrong_key' }).messaging!.sendButtons!(input));
    expect(wrong.extensions).toMatchObject({ code: 'PROVIDER_UNAUTHORIZED', httpStatus: 401 });
    expect(JSON.stringify({ m: wrong.message, e: wrong.extensions })).not.toContain('zixflow_wrong_key');
    const a = adapter();
    sim.injectFault({ status: 429, headers: { 'retry-after': '2' } });
    // on its own instance: after a 429 with Retry-After, an instance refuses its calls until then (issue 12)
    expect((await rejects(adapter().messaging!.sendButtons!(input))).extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 2000 });
    sim.injectFault({ status: 503 });
    expect((await rejects(a.messaging!.sendButtons!(input))).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    sim.injectFault({ status: 200, body: { status: false, message: 'Session expired for Confirm your order?' } });
    const refused = await rejects(a.messaging!.sendButtons!(input));
    expect(refused.extensions.code).toBe('PROVIDER_ERROR');
    expect(refused.message).not.toContain('Confirm your order');
    // An unknown phoneId is refused by the simulator (400 → PROVIDER_ERROR: Zixflow documents no error table).
    expect((await rejects(adapter({ phoneId: '999' }).messaging!.sendButtons!(input))).extensions).toMatchObject({ code: 'PROVIDER_ERROR', httpStatus: 400 });
  });

  it('simulator refuses a body missing required fields', async () => {
    const res = await fetch(`${sim.url}/api/v1/campaign/whatsapp/message/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer zixflow_sim_api_key' },
      body: JSON.stringify({ to: '919876543210', phoneId: '106540352242922', type: 'interactive', interactive: { type: 'button', body: { text: 'x' } } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ status: false, message: 'Missing required field: interactive.action.buttons' });
  });
});
