import { missingFields, type SimResponse, type SimRoute } from '../../sim-kit.js';
import { ZAPI_MAX_DELAY_SECONDS, ZAPI_MIN_DELAY_SECONDS } from '../client/messages.js';
import { bad } from './common.js';

/** What the message routes share with the rest of the Z-API simulator. */
export interface ZapiMessagesSimState {
  /** The route prefix (`/instances/:instanceId/token/:token`). */
  prefix: string;
  /** Accepts a checked send to `phone`: answers the documented send answer and starts its webhooks (index.ts). */
  accept: (phone: string) => SimResponse;
}

/** The checks every send shares: required fields and the documented delay range. */
export function checkSend(body: unknown, required: readonly string[]): SimResponse | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return bad('JSON body required', [...required]);
  const missing = missingFields(body, required);
  if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
  for (const field of ['delayMessage', 'delayTyping']) {
    const v = (body as Record<string, unknown>)[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || v < ZAPI_MIN_DELAY_SECONDS || v > ZAPI_MAX_DELAY_SECONDS) {
      return bad(`${field} must be between ${ZAPI_MIN_DELAY_SECONDS} and ${ZAPI_MAX_DELAY_SECONDS}`, [field]);
    }
  }
  return undefined;
}

/** Checks that `items` is a non-empty array whose entries all have `fields`; names the first missing one (`buttonList.buttons[1].label`). */
export function checkItems(items: unknown, name: string, fields: string[]): SimResponse | undefined {
  if (!Array.isArray(items) || items.length === 0) return bad(`Missing required field: ${name}`, [name]);
  for (let i = 0; i < items.length; i++) {
    const missing = missingFields(items[i], fields);
    if (missing.length)
      return bad(
        `Missing required field: ${name}[${i}].${missing[0]}`,
        missing.map((f) => `${name}[${i}].${f}`),
      );
  }
  return undefined;
}

/**
 * The simulator routes of Z-API messages (z-api.txt 1764-4117): every send checks its
 * documented required fields (400 `{"error", "fields"}` naming them) and the 1..15 s delays,
 * then is accepted; `read-message` and `DELETE /messages` answer 204.
 */
export function zapiMessagesRoutes(state: ZapiMessagesSimState): SimRoute[] {
  const { prefix, accept } = state;

  /** A send route: `required` fields checked, then `extra` checks, then accepted. */
  function sendRoute(path: string, required: readonly string[], extra?: (body: Record<string, unknown>) => SimResponse | undefined): SimRoute {
    return {
      method: 'POST',
      pattern: `${prefix}${path}`,
      handler: (ctx) => {
        const fail = checkSend(ctx.body, required) ?? extra?.(ctx.body as Record<string, unknown>);
        return fail ?? accept(String((ctx.body as { phone: unknown }).phone));
      },
    };
  }

  return [
    sendRoute('/send-text', ['phone', 'message'], (b) => {
      if (b.mentioned !== undefined && !Array.isArray(b.mentioned)) return bad('mentioned must be an array', ['mentioned']);
      // groupMentioned: each with the group's `phone` and `subject` (z-api.txt 7488-7492).
      return b.groupMentioned === undefined ? undefined : checkItems(b.groupMentioned, 'groupMentioned', ['phone', 'subject']);
    }),
    sendRoute('/send-image', ['phone', 'image']),
    sendRoute('/send-video', ['phone', 'video']),
    sendRoute('/send-audio', ['phone', 'audio']),
    sendRoute('/send-document/:extension', ['phone', 'document']),
    sendRoute('/send-location', ['phone', 'title', 'address', 'latitude', 'longitude'], (b) =>
      typeof b.latitude !== 'string' || typeof b.longitude !== 'string' ? bad('latitude and longitude must be strings', ['latitude', 'longitude']) : undefined,
    ),
    sendRoute('/send-reaction', ['phone', 'reaction', 'messageId']),
    sendRoute('/send-remove-reaction', ['phone', 'messageId']),
    sendRoute('/send-contact', ['phone', 'contactName', 'contactPhone']),
    sendRoute('/send-contacts', ['phone', 'contacts'], (b) => checkItems(b.contacts, 'contacts', ['name', 'phones'])),
    sendRoute('/send-button-list', ['phone', 'message', 'buttonList', 'buttonList.buttons'], (b) =>
      checkItems((b.buttonList as { buttons?: unknown }).buttons, 'buttonList.buttons', ['label']),
    ),
    sendRoute('/send-option-list', ['phone', 'message', 'optionList', 'optionList.title', 'optionList.buttonLabel', 'optionList.options'], (b) =>
      checkItems((b.optionList as { options?: unknown }).options, 'optionList.options', ['title', 'description']),
    ),
    {
      method: 'POST',
      pattern: `${prefix}/read-message`,
      handler: (ctx) => checkSend(ctx.body, ['phone', 'messageId']) ?? { status: 204 },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/messages`,
      handler: (ctx) => {
        const missing = missingFields(ctx.query, ['messageId', 'phone', 'owner']);
        if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
        if (ctx.query.owner !== 'true' && ctx.query.owner !== 'false') return bad('owner must be true or false', ['owner']);
        return { status: 204 };
      },
    },
  ];
}
