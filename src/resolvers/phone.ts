import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { LRUCache } from 'lru-cache';
import { badInput } from '../errors.js';
import type { InstanceEntry } from '../instances.js';

/**
 * A WhatsApp group / newsletter / LID id, passed to providers unchanged: Z-API's
 * `120363…-group` and `5511…-1622…`, JIDs with `@g.us`, `@newsletter`, `@lid`, `@s.whatsapp.net`.
 */
const NON_PHONE_ID = /^(\d{6,}-(group|\d{6,})|[\w.:-]+@(g\.us|newsletter|lid|s\.whatsapp\.net|broadcast))$/;

/**
 * Normalises a recipient to what the providers take: international phone digits without `+`
 * (wa_id form, e.g. `5511987654321`), or a group/JID id unchanged.
 *
 * A number with `+` or `00` is read as international. Bare digits are read both as
 * international digits (`5511987654321`) and as a national number of `defaultCountry`
 * (`0712345678` in KE → `254712345678`): a valid reading wins (international first), then a
 * merely possible one (national first).
 * @param field the input path for the error (`input.to`)
 * @throws GraphError BAD_USER_INPUT naming `field` when it is not a possible phone number
 */
export function normalizeRecipient(value: string, defaultCountry: string, field: string): string {
  // only short texts are kept: a recipient is at most 32 characters, or a JID of a few dozen
  if (value.length > MAX_CACHED_RECIPIENT) {
    const reading = readRecipient(value, defaultCountry);
    if (typeof reading === 'string') return reading;
    throw badInput(field, reading.problem);
  }
  const key = `${defaultCountry}\u0000${value}`;
  let reading = READINGS.get(key);
  if (reading === undefined) {
    reading = readRecipient(value, defaultCountry);
    READINGS.set(key, reading);
  }
  if (typeof reading === 'string') return reading;
  throw badInput(field, reading.problem);
}

/**
 * Recent readings of recipients by country and text (issue 13: libphonenumber once per
 * recipient, not once per field or retry): the normalised id, or why it is not one.
 */
const READINGS = new LRUCache<string, string | { problem: string }>({ max: 50_000 });
/** Longest recipient text the cache keeps, characters (longer ones are read every time). */
const MAX_CACHED_RECIPIENT = 96;

/** {@link normalizeRecipient} without the cache: the normalised id, or the problem to report. */
function readRecipient(value: string, defaultCountry: string): string | { problem: string } {
  const trimmed = value.trim();
  if (NON_PHONE_ID.test(trimmed)) return trimmed;
  if (!/^[+\d\s().\-/]{3,32}$/.test(trimmed)) return { problem: 'is not a phone number or group id' };
  const compact = trimmed.replace(/[\s().\-/]/g, '');
  const international = compact.startsWith('+') ? compact : compact.startsWith('00') ? `+${compact.slice(2)}` : null;
  if (international) {
    const parsed = parsePhoneNumberFromString(international);
    return parsed?.isPossible() ? parsed.number.slice(1) : { problem: 'is not a possible phone number' };
  }
  const asNational = parsePhoneNumberFromString(compact, defaultCountry as CountryCode);
  const asInternational = compact.startsWith('0') ? undefined : parsePhoneNumberFromString(`+${compact}`);
  // Valid readings win over merely possible ones; between two valid readings the international
  // one wins, since providers document recipients as "DDI DDD NUMBER" digits.
  for (const parsed of [asInternational, asNational]) if (parsed?.isValid()) return parsed.number.slice(1);
  for (const parsed of [asNational, asInternational]) if (parsed?.isPossible()) return parsed.number.slice(1);
  return { problem: 'is not a possible phone number' };
}

/**
 * A recipient, chat id or group id given to an instance, normalised with the instance's
 * `defaultCountry` (see {@link normalizeRecipient}): phone digits without `+`, ids unchanged.
 * @param field the input path for the error (`input.chatId`, `phone`)
 * @throws GraphError BAD_USER_INPUT naming `field` when it is not a possible phone number or id
 */
export function recipientOf(entry: InstanceEntry, value: string, field: string): string {
  return normalizeRecipient(value, entry.defaultCountry, field);
}

/**
 * A list of recipients (mentions, participants, group ids, contact-card phones) normalised
 * one by one as {@link recipientOf}; the error names the item (`input.mentions[2]`).
 * @param field the input path of the list (`input.mentions`)
 * @throws GraphError BAD_USER_INPUT naming the first item that is not a possible phone number or id
 */
export function recipientsOf(entry: InstanceEntry, values: readonly string[], field: string): string[] {
  return values.map((value, i) => normalizeRecipient(value, entry.defaultCountry, `${field}[${i}]`));
}
