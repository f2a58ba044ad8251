import { randomBytes } from 'node:crypto';
import type { SimResponse, SimRoute } from '../../sim-kit.js';
import { ZAPI_MAX_CALL_SECONDS, ZAPI_MIN_CALL_SECONDS } from '../client/rich-messages.js';
import { bad } from './common.js';
import { checkItems, checkSend, type ZapiMessagesSimState } from './messages.js';

type Body = Record<string, unknown>;

/** `value` is one of `allowed` (or absent when `optional`); else a 400 naming `field`. */
function oneOf(value: unknown, allowed: readonly string[], field: string, optional = false): SimResponse | undefined {
  if (optional && value === undefined) return undefined;
  return typeof value === 'string' && allowed.includes(value) ? undefined : bad(`${field} must be one of ${allowed.join(', ')}`, [field]);
}

/** `buttonActions` entries (z-api.txt 3150-3165): a type of CALL, URL or REPLY, a label, the phone of a CALL and the url of a URL button. */
function checkButtons(buttons: unknown, name: string, required: boolean): SimResponse | undefined {
  if (!required && buttons === undefined) return undefined;
  const fail = checkItems(buttons, name, ['type', 'label']);
  if (fail) return fail;
  for (const [i, b] of (buttons as Body[]).entries()) {
    const wrong = oneOf(b.type, ['CALL', 'URL', 'REPLY'], `${name}[${i}].type`);
    if (wrong) return wrong;
    if (b.type === 'CALL' && !b.phone) return bad(`Missing required field: ${name}[${i}].phone`, [`${name}[${i}].phone`]);
    if (b.type === 'URL' && !b.url) return bad(`Missing required field: ${name}[${i}].url`, [`${name}[${i}].url`]);
  }
  return undefined;
}

/** An `order` object (z-api.txt 4293-4335, 4440-4470): a currency and products with the given fields. */
function checkOrder(order: unknown, productFields: string[]): SimResponse | undefined {
  const missing = checkSend(order, ['currency']);
  if (missing) return bad('Missing required field: order.currency', ['order.currency']);
  return checkItems((order as Body).products, 'order.products', productFields);
}

/** The order-update checks (z-api.txt 4421-4671): the documented statuses and every product's id and custom flag. */
function checkOrderUpdate(b: Body): SimResponse | undefined {
  return (
    oneOf(b.orderStatus, ['pending', 'processing', 'shipped', 'completed', 'canceled'], 'orderStatus') ??
    oneOf(b.paymentStatus, ['pending', 'paid'], 'paymentStatus') ??
    checkOrder(b.order, ['productId', 'name', 'value', 'quantity', 'isCustomItem'])
  );
}

/** An `event` object (z-api.txt 4830-4860): `canceled` is a boolean and `dateTime` a date. */
function checkEvent(b: Body): SimResponse | undefined {
  const e = b.event as Body;
  if (typeof e.canceled !== 'boolean') return bad('event.canceled must be a boolean', ['event.canceled']);
  if (Number.isNaN(Date.parse(String(e.dateTime)))) return bad('event.dateTime must be a date and time', ['event.dateTime']);
  return oneOf(e.callLinkType, ['voice', 'video'], 'event.callLinkType', true);
}

/**
 * The simulator routes of Z-API's rich sends (z-api.txt 1851-5047, 6692-6753, 13811-14189):
 * each checks its documented required fields (400 `{"error", "fields"}`), the documented
 * values of its enumerated fields and the 1..15 s delays, then answers the documented example
 * shape with fresh ids: `forward-message` only `zaapId` (z-api.txt 1888-1890), the status
 * posts `zaapId` and `messageId` (13845-13848), the others as every send. A send to a chat
 * starts that chat's webhooks as every send does (`accept`); a status post has no chat.
 */
export function zapiRichMessagesRoutes(state: ZapiMessagesSimState): SimRoute[] {
  const { prefix, accept } = state;

  /** A send route: `required` checked, then `extra`, then accepted and answered with the documented keys (`keys`). */
  function route(path: string, required: readonly string[], extra?: (body: Body) => SimResponse | undefined, keys?: readonly string[]): SimRoute {
    return {
      method: 'POST',
      pattern: `${prefix}${path}`,
      handler: (ctx) => {
        const fail = checkSend(ctx.body, required) ?? extra?.(ctx.body as Body);
        if (fail) return fail;
        const res = accept(String((ctx.body as Body).phone));
        if (!keys) return res;
        const all = res.body as Body;
        return { ...res, body: Object.fromEntries(keys.map((k) => [k, all[k]])) };
      },
    };
  }

  /** A status post (no recipient): checked, answered `{zaapId, messageId}` as documented. */
  function statusRoute(path: string, required: readonly string[]): SimRoute {
    return {
      method: 'POST',
      pattern: `${prefix}${path}`,
      handler: (ctx) =>
        checkSend(ctx.body, required) ?? { status: 200, body: { zaapId: randomBytes(16).toString('hex').toUpperCase(), messageId: randomBytes(10).toString('hex').toUpperCase() } },
    };
  }

  return [
    route('/send-sticker', ['phone', 'sticker']),
    route('/send-gif', ['phone', 'gif']),
    route('/send-ptv', ['phone', 'ptv']),
    route('/send-link', ['phone', 'message', 'image', 'linkUrl', 'title', 'linkDescription'], (b) => oneOf(b.linkType, ['SMALL', 'MEDIUM', 'LARGE'], 'linkType', true)),
    route('/forward-message', ['phone', 'messageId', 'messagePhone'], undefined, ['zaapId']),
    route('/send-button-actions', ['phone', 'message', 'buttonActions'], (b) => checkButtons(b.buttonActions, 'buttonActions', true)),
    route('/send-button-otp', ['phone', 'message', 'code']),
    route('/send-button-pix', ['phone', 'pixKey', 'type'], (b) => oneOf(b.type, ['CPF', 'CNPJ', 'PHONE', 'EMAIL', 'EVP'], 'type')),
    route('/send-carousel', ['phone', 'message', 'carousel'], (b) => {
      const fail = checkItems(b.carousel, 'carousel', ['text', 'image']);
      if (fail) return fail;
      for (const [i, card] of (b.carousel as Body[]).entries()) {
        const wrong = checkButtons(card.buttons, `carousel[${i}].buttons`, false);
        if (wrong) return wrong;
      }
      return undefined;
    }),
    route('/send-poll', ['phone', 'message', 'poll'], (b) => {
      const fail = checkItems(b.poll, 'poll', ['name']);
      if (fail) return fail;
      if (b.pollMaxOptions !== undefined && (!Number.isInteger(b.pollMaxOptions) || (b.pollMaxOptions as number) < 1))
        return bad('pollMaxOptions must be a positive integer', ['pollMaxOptions']);
      return undefined;
    }),
    route('/send-poll-vote', ['phone', 'pollMessageId', 'pollVote'], (b) => checkItems(b.pollVote, 'pollVote', ['name'])),
    route('/send-product', ['phone', 'catalogPhone', 'productId']),
    route('/send-catalog', ['phone', 'catalogPhone'], (b) => oneOf(b.translation, ['EN', 'PT'], 'translation', true)),
    route('/send-order', ['phone', 'order', 'paymentSettings'], (b) => checkOrder(b.order, ['name', 'value', 'quantity'])),
    route('/order-status-update', ['phone', 'messageId', 'referenceId', 'orderRequestId', 'orderStatus', 'paymentStatus', 'order'], checkOrderUpdate),
    route('/order-payment-update', ['phone', 'messageId', 'referenceId', 'orderRequestId', 'orderStatus', 'paymentStatus', 'order'], checkOrderUpdate),
    route(
      '/pin-message',
      ['phone', 'messageId', 'messageAction', 'pinMessageDuration'],
      (b) => oneOf(b.messageAction, ['pin', 'unpin'], 'messageAction') ?? oneOf(b.pinMessageDuration, ['24_hours', '7_days', '30_days'], 'pinMessageDuration'),
    ),
    route('/send-newsletter-admin-invite', ['phone', 'adminInviteMessage', 'adminInviteMessage.newsletterId', 'adminInviteMessage.caption']),
    route('/send-event', ['phone', 'event', 'event.name', 'event.dateTime'], checkEvent),
    route('/send-edit-event', ['phone', 'eventMessageId', 'event', 'event.name', 'event.dateTime'], checkEvent),
    route('/send-event-response', ['phone', 'eventMessageId', 'eventResponse'], (b) => oneOf(b.eventResponse, ['GOING', 'NOT_GOING'], 'eventResponse')),
    route('/send-call', ['phone'], (b) => {
      const d = b.callDuration;
      if (d !== undefined && (!Number.isInteger(d) || (d as number) < ZAPI_MIN_CALL_SECONDS || (d as number) > ZAPI_MAX_CALL_SECONDS))
        return bad(`callDuration must be between ${ZAPI_MIN_CALL_SECONDS} and ${ZAPI_MAX_CALL_SECONDS}`, ['callDuration']);
      return undefined;
    }),
    statusRoute('/send-text-status', ['message']),
    statusRoute('/send-image-status', ['image']),
    statusRoute('/send-video-status', ['video']),
    route('/reply-status-text', ['phone', 'message', 'statusMessageId']),
    route('/reply-status-gif', ['phone', 'gif', 'statusMessageId']),
    route('/reply-status-sticker', ['phone', 'sticker', 'statusMessageId']),
  ];
}
