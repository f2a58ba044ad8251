import type { SimResponse, SimRoute } from '../../sim-kit.js';

/**
 * The webhooks of what comes back after some sends (issue 8, "the simulators follow"): a
 * poll gets a vote, an event a response, an order status update its order-update echo, each
 * in the documented `ReceivedCallback` shape (z-api.txt 12590-12619 `pollVote`, 12822-12855
 * `eventResponse`, 12674-12724 `reviewOrder`). Applied by wrapping the send routes
 * (`send-poll`, `send-event`, `order-status-update`, z-api.txt 4122, 4819, 4424), so it
 * follows whichever routes the simulator has.
 */

/** Who answers in the simulator: the recipient of a 1:1 send, this participant in a group (as the auto reply). */
export const ZAPI_SIM_GROUP_PARTICIPANT = '5511777777777';

/** The route names (the part after the instance prefix) that get a reply webhook. */
export const ZAPI_REPLY_ROUTES = ['/send-poll', '/send-event', '/order-status-update'] as const;

/** What a reply is built from: the send's body, the id it answered and the simulator's ids. */
export interface ReplyContext {
  route: (typeof ZAPI_REPLY_ROUTES)[number];
  body: Record<string, unknown>;
  /** The `messageId` the send answered. */
  messageId: string;
  /** The simulated instance's id and connected phone. */
  instanceId: string;
  ownPhone: string;
  /** A fresh message id for the reply. */
  newId: string;
  now: number;
}

/**
 * The reply webhook of one accepted send, in the documented `ReceivedCallback` shape:
 * `send-poll` → the recipient votes the first option (`pollVote`, `pollMessageId` the poll's
 * id); `send-event` → a group participant answers GOING (`eventResponse`); `order-status-update`
 * → the update's echo (`reviewOrder`, `fromMe`/`fromApi`, under the send's own message id) with
 * the status, payment status, reference ids, currency and products of the request.
 */
export function replyWebhook(ctx: ReplyContext): Record<string, unknown> {
  const phone = String(ctx.body.phone);
  const isGroup = phone.endsWith('-group');
  const sender = isGroup ? ZAPI_SIM_GROUP_PARTICIPANT : phone;
  const common = {
    isStatusReply: false,
    senderLid: `${sender}@lid`,
    connectedPhone: ctx.ownPhone,
    waitingMessage: false,
    isEdit: false,
    isGroup,
    isNewsletter: false,
    instanceId: ctx.instanceId,
    messageId: ctx.newId,
    phone,
    fromMe: false,
    momment: ctx.now,
    status: 'RECEIVED',
    chatName: phone,
    senderPhoto: null,
    senderName: sender,
    participantPhone: isGroup ? sender : null,
    participantLid: null,
    photo: null,
    broadcast: false,
    type: 'ReceivedCallback',
  };
  switch (ctx.route) {
    case '/send-poll': {
      const first = Array.isArray(ctx.body.poll) ? (ctx.body.poll[0] as { name?: unknown } | undefined) : undefined;
      return { ...common, pollVote: { pollMessageId: ctx.messageId, options: typeof first?.name === 'string' ? [{ name: first.name }] : [] } };
    }
    case '/send-event':
      return {
        ...common,
        eventResponse: {
          response: 'GOING',
          responseFrom: sender,
          time: ctx.now,
          referencedMessage: { messageId: ctx.messageId, fromMe: true, phone, participant: null },
        },
      };
    case '/order-status-update': {
      const order = (ctx.body.order ?? {}) as Record<string, unknown>;
      // The echo of the graph's own send carries that send's message id (issue 8 item 5: an
      // echo is the same message, never a second one), not a fresh one.
      return {
        ...common,
        messageId: ctx.messageId,
        fromMe: true,
        fromApi: true,
        senderLid: `${ctx.ownPhone}@lid`,
        senderName: ctx.ownPhone,
        participantPhone: null,
        status: 'SENT',
        reviewOrder: {
          currency: order.currency ?? null,
          referenceId: ctx.body.referenceId ?? null,
          orderRequestId: ctx.body.orderRequestId ?? null,
          orderStatus: ctx.body.orderStatus ?? null,
          paymentStatus: ctx.body.paymentStatus ?? null,
          discount: order.discount ?? null,
          shipping: order.shipping ?? null,
          tax: order.tax ?? null,
          products: Array.isArray(order.products) ? order.products : [],
        },
      };
    }
  }
}

/**
 * Wraps the routes named in {@link ZAPI_REPLY_ROUTES}: after the route answers a send (2xx
 * with a `messageId`), `schedule` is given the reply webhook to post. Other routes, and
 * refused sends, are untouched.
 * @param prefix the instance route prefix the patterns start with
 * @param ids the simulated instance's id and phone, and a fresh-id source
 */
export function withReplyWebhooks(
  routes: SimRoute[],
  prefix: string,
  ids: { instanceId: string; ownPhone: string; newId: () => string },
  schedule: (payload: Record<string, unknown>) => void,
): SimRoute[] {
  return routes.map((route) => {
    const name = ZAPI_REPLY_ROUTES.find((r) => route.method === 'POST' && route.pattern === `${prefix}${r}`);
    if (!name) return route;
    return {
      ...route,
      handler: async (ctx) => {
        const res: SimResponse = await route.handler(ctx);
        const messageId = (res.body as { messageId?: unknown } | undefined)?.messageId;
        if (res.status >= 200 && res.status < 300 && typeof messageId === 'string' && ctx.body && typeof ctx.body === 'object') {
          schedule(
            replyWebhook({
              route: name,
              body: ctx.body as Record<string, unknown>,
              messageId,
              instanceId: ids.instanceId,
              ownPhone: ids.ownPhone,
              newId: ids.newId(),
              now: Date.now(),
            }),
          );
        }
        return res;
      },
    };
  });
}
