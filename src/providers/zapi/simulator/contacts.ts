import type { SimRoute } from '../../sim-kit.js';
import { ZAPI_PHONE_EXISTS_BATCH_MAX } from '../client/contacts.js';
import type { ZapiContact } from '../wire/contacts.js';
import { bad, pageOf } from './common.js';

/** The deterministic profile picture URL the simulator gives `phone`. */
export function zapiSimProfilePictureUrl(phone: string): string {
  return `https://pps.whatsapp.net/sim/${encodeURIComponent(phone)}.jpg`;
}

/** What the contact routes share with the rest of the Z-API simulator. */
export interface ZapiContactsSimState {
  /** The route prefix (`/instances/:instanceId/token/:token`). */
  prefix: string;
  /** The simulator's contacts by phone. */
  contacts: Map<string, ZapiContact>;
}

/**
 * The simulator routes of Z-API contacts (z-api.txt 5640-6071): the seeded contacts paged,
 * one contact or 404; `profile-picture` gives {@link zapiSimProfilePictureUrl} for every
 * phone; `phone-exists-batch` says a number ending in an even digit exists and one ending in
 * an odd digit does not (a fixed rule so tests can predict the answer).
 */
export function zapiContactsRoutes(state: ZapiContactsSimState): SimRoute[] {
  const { prefix, contacts } = state;
  return [
    { method: 'GET', pattern: `${prefix}/contacts`, handler: (ctx) => pageOf(ctx, [...contacts.values()]) },
    {
      method: 'GET',
      pattern: `${prefix}/contacts/:phone`,
      handler: (ctx) => {
        const c = contacts.get(ctx.params.phone ?? '');
        return c ? { status: 200, body: c } : { status: 404, body: { error: 'Contact not found' } };
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/profile-picture`,
      handler: (ctx) => (ctx.query.phone ? { status: 200, body: [{ link: zapiSimProfilePictureUrl(ctx.query.phone) }] } : bad('Missing required field: phone', ['phone'])),
    },
    {
      method: 'POST',
      pattern: `${prefix}/phone-exists-batch`,
      handler: (ctx) => {
        const phones = (ctx.body as { phones?: unknown } | undefined)?.phones;
        if (!Array.isArray(phones) || phones.length === 0 || phones.some((p) => typeof p !== 'string')) return bad('Missing required field: phones', ['phones']);
        if (phones.length > ZAPI_PHONE_EXISTS_BATCH_MAX) return bad(`At most ${ZAPI_PHONE_EXISTS_BATCH_MAX} phones per request`, ['phones']);
        return { status: 200, body: (phones as string[]).map((p) => ({ exists: Number(p.slice(-1)) % 2 === 0, inputPhone: p, outputPhone: p })) };
      },
    },
  ];
}
