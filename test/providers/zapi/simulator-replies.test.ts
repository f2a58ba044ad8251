import { describe, expect, it } from 'vitest';
import type { MessageReceivedEvent } from '../../../src/providers/model.js';
import type { SimContext, SimRoute } from '../../../src/providers/sim-kit.js';
import { withReplyWebhooks } from '../../../src/providers/zapi/simulator/replies.js';
import { parseZapiWebhook } from '../../../src/providers/zapi/webhooks.js';

/**
 * The simulator's reply webhooks (issue 8, "the simulators follow"): after a poll, an event or
 * an order status update is accepted, the vote, the response or the update's echo is posted
 * in the documented shape, and the graph's own parser types it as a reply to that send.
 */

const PREFIX = '/instances/:instanceId/token/:token';
const ids = { instanceId: 'SIMINSTANCE', ownPhone: '554499999999', newId: () => 'REPLY1' };

/** A send route answering like the simulator's `accept` (or a 400 when `fail`). */
function fakeSend(path: string, fail = false): SimRoute {
  return {
    method: 'POST',
    pattern: `${PREFIX}${path}`,
    handler: () => (fail ? { status: 400, body: { error: 'x' } } : { status: 200, body: { zaapId: 'Z', messageId: 'SENT1', id: 'SENT1' } }),
  };
}
async function replyTo(path: string, body: Record<string, unknown>, fail = false): Promise<Array<Record<string, unknown>>> {
  const posted: Array<Record<string, unknown>> = [];
  const [route] = withReplyWebhooks([fakeSend(path, fail)], PREFIX, ids, (p) => posted.push(p));
  const res = await route!.handler({ body } as SimContext);
  expect(res.status).toBe(fail ? 400 : 200);
  return posted;
}
const contentOf = (payload: Record<string, unknown>) => (parseZapiWebhook('i', { body: payload, headers: {}, receivedAt: Date.now() })[0] as MessageReceivedEvent).message;

describe('Z-API simulator reply webhooks', () => {
  it('send-poll (z-api.txt 4122) → the recipient votes the first option: a PollVoteContent on the poll', async () => {
    const [vote] = await replyTo('/send-poll', { phone: '5511999999999', message: 'Lunch?', poll: [{ name: 'Yes' }, { name: 'No' }] });
    expect(contentOf(vote!)).toMatchObject({
      id: 'REPLY1',
      chatId: '5511999999999',
      fromMe: false,
      content: { kind: 'pollVote', pollMessageId: 'SENT1', selectedOptions: ['Yes'] },
    });
  });

  it('send-event (z-api.txt 4819) → a group participant is GOING: an EventResponseContent on the event', async () => {
    const [response] = await replyTo('/send-event', { phone: '120363019502650977-group', event: { name: 'Party', dateTime: '2024-04-29T09:30:53.309Z', canceled: false } });
    expect(contentOf(response!)).toMatchObject({ isGroup: true, senderId: '5511777777777', content: { kind: 'eventResponse', eventMessageId: 'SENT1', response: 'GOING' } });
  });

  it("order-status-update (z-api.txt 4424) → the update's echo: an OrderDetailsContent UPDATE from the account", async () => {
    const [echo] = await replyTo('/order-status-update', {
      phone: '554499999999',
      messageId: '3EB0F91BBA791BB0A787FC',
      referenceId: '4N8FCTW1WM6',
      orderRequestId: '4N8FCTW22W4',
      orderStatus: 'processing',
      paymentStatus: 'pending',
      order: { currency: 'BRL', products: [{ productId: 'p1', name: 'Item', value: 150, quantity: 2, isCustomItem: false }] },
    });
    // the echo of the graph's own send: the send's message id, so the graph keeps one message
    expect(contentOf(echo!)).toMatchObject({
      id: 'SENT1',
      fromMe: true,
      sentFromApi: true,
      content: {
        kind: 'orderDetails',
        stage: 'UPDATE',
        orderStatus: 'processing',
        referenceId: '4N8FCTW1WM6',
        currency: 'BRL',
        items: [{ productId: 'p1', price: 150, quantity: 2 }],
      },
    });
  });

  it('a refused send posts nothing; other routes are left as they are', async () => {
    expect(await replyTo('/send-poll', { phone: '5511999999999' }, true)).toEqual([]);
    const text = fakeSend('/send-text');
    expect(withReplyWebhooks([text], PREFIX, ids, () => undefined)[0]).toBe(text);
  });
});
