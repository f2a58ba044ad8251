import { describe, expect, it } from 'vitest';
import { GraphError } from '../../src/errors.js';
import { normalizeRecipient } from '../../src/resolvers/phone.js';

/**
 * Specifies `normalizeRecipient`: what a client may write as a recipient and what the
 * providers receive (international digits without `+`, or a group / JID id unchanged), and
 * that everything else is a `BAD_USER_INPUT` naming the caller's field.
 */

interface Accepted {
  input: string;
  country: string;
  expected: string;
  why: string;
}

/** Phone numbers in the forms clients write them, read against the instance's default country. */
const phoneNumbers: Accepted[] = [
  { input: '+55 11 98765-4321', country: 'BR', expected: '5511987654321', why: 'international with +, spaces and dash' },
  { input: '+55-11-98765-4321', country: 'BR', expected: '5511987654321', why: 'international, dashes only' },
  { input: '+55 (11) 98765.4321', country: 'BR', expected: '5511987654321', why: 'parentheses and dots are punctuation' },
  { input: '005511987654321', country: 'BR', expected: '5511987654321', why: '00 international prefix' },
  { input: '00 55 11 98765-4321', country: 'BR', expected: '5511987654321', why: '00 prefix with spaces' },
  { input: '5511987654321', country: 'BR', expected: '5511987654321', why: 'bare international digits (wa_id form)' },
  { input: '5511987654321', country: 'ID', expected: '5511987654321', why: 'bare international digits win over another default country' },
  { input: '55/11/98765/4321', country: 'BR', expected: '5511987654321', why: 'slashes are punctuation' },
  { input: '11987654321', country: 'BR', expected: '5511987654321', why: 'BR national: DDD + mobile' },
  { input: '(11) 98765-4321', country: 'BR', expected: '5511987654321', why: 'BR national, formatted' },
  { input: '0812-3456-7890', country: 'ID', expected: '6281234567890', why: 'ID national with trunk 0' },
  { input: '081234567890', country: 'ID', expected: '6281234567890', why: 'ID national, bare' },
  { input: '6281234567890', country: 'ID', expected: '6281234567890', why: 'ID international digits' },
  { input: '0712345678', country: 'KE', expected: '254712345678', why: 'KE national 07… → 2547…' },
  { input: '712345678', country: 'KE', expected: '254712345678', why: 'KE national without trunk 0' },
  { input: '254712345678', country: 'KE', expected: '254712345678', why: 'KE international digits stay' },
  { input: '+254 712 345 678', country: 'US', expected: '254712345678', why: '+ ignores the default country' },
  { input: '09876543210', country: 'IN', expected: '919876543210', why: 'IN national with trunk 0' },
  { input: '9876543210', country: 'IN', expected: '919876543210', why: 'IN national, ten digits' },
  { input: '919876543210', country: 'IN', expected: '919876543210', why: 'IN international digits' },
  { input: '+91 98765 43210', country: 'BR', expected: '919876543210', why: 'IN with + from a BR instance' },
  { input: '2025550123', country: 'US', expected: '12025550123', why: 'US national, ten digits' },
  { input: '12025550123', country: 'BR', expected: '12025550123', why: 'US international digits from a BR instance' },
  { input: '  5511987654321  ', country: 'BR', expected: '5511987654321', why: 'surrounding spaces trimmed' },
  { input: '\t5511987654321\n', country: 'BR', expected: '5511987654321', why: 'surrounding tab/newline trimmed' },
];

/** Group, community, newsletter and LID ids: passed through unchanged (only trimmed). */
const nonPhoneIds: Accepted[] = [
  { input: '120363019502650977-group', country: 'BR', expected: '120363019502650977-group', why: 'Z-API group id' },
  { input: '5511999999999-1622222222', country: 'BR', expected: '5511999999999-1622222222', why: 'legacy owner-timestamp group id' },
  { input: '120363019502650977@g.us', country: 'BR', expected: '120363019502650977@g.us', why: 'group JID' },
  { input: '123456789012345@lid', country: 'BR', expected: '123456789012345@lid', why: 'LID' },
  { input: '5511987654321@s.whatsapp.net', country: 'BR', expected: '5511987654321@s.whatsapp.net', why: 'user JID is not reformatted' },
  { input: '120363123456789@newsletter', country: 'BR', expected: '120363123456789@newsletter', why: 'channel (newsletter) JID' },
  { input: 'status@broadcast', country: 'BR', expected: 'status@broadcast', why: 'broadcast JID' },
  { input: ' 120363019502650977-group ', country: 'BR', expected: '120363019502650977-group', why: 'id trimmed' },
  { input: '123456-group', country: 'BR', expected: '123456-group', why: 'shortest group id: six digits' },
];

interface Refused {
  input: string;
  country: string;
  why: string;
}

/** Not a recipient: each is BAD_USER_INPUT naming the field. */
const refused: Refused[] = [
  { input: '', country: 'BR', why: 'empty' },
  { input: '   ', country: 'BR', why: 'whitespace only' },
  { input: '12', country: 'BR', why: 'two digits' },
  { input: '123', country: 'BR', why: 'three digits' },
  { input: '1234', country: 'BR', why: 'four digits' },
  { input: '+', country: 'BR', why: 'a lone +' },
  { input: '+1', country: 'BR', why: 'a country code only' },
  { input: '00', country: 'BR', why: 'a lone 00 prefix' },
  { input: '+55 11 9876', country: 'BR', why: 'international, too short' },
  { input: '+1 555 0100', country: 'US', why: 'US number missing digits' },
  { input: '+551198765432198765', country: 'BR', why: 'international, too long' },
  { input: '5511987654321987654321', country: 'BR', why: 'bare digits, too long' },
  { input: '123456789012345678901234567890123', country: 'BR', why: 'over 32 characters' },
  { input: '++5511987654321', country: 'BR', why: 'doubled +' },
  { input: '+0055 11 98765 4321', country: 'BR', why: '+ and 00 together' },
  { input: 'abc', country: 'BR', why: 'letters' },
  { input: '55119876543a1', country: 'BR', why: 'a letter among digits' },
  { input: '5511 98765 4321 ext 2', country: 'BR', why: 'an extension' },
  { input: '٥٥١١٩٨٧٦٥٤٣٢١', country: 'BR', why: 'non-ASCII digits' },
  { input: '5511987654321@c.us', country: 'BR', why: 'unknown JID server' },
  { input: '12345-group', country: 'BR', why: 'group id under six digits' },
  { input: '120363019502650977-GROUP', country: 'BR', why: 'group suffix is lower case' },
];

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected normalizeRecipient to throw');
}

describe('normalizeRecipient', () => {
  it.each(phoneNumbers)('phone $input in $country → $expected ($why)', ({ input, country, expected }) => {
    expect(normalizeRecipient(input, country, 'input.to')).toBe(expected);
  });

  it.each(nonPhoneIds)('id $input → $expected ($why)', ({ input, country, expected }) => {
    expect(normalizeRecipient(input, country, 'input.to')).toBe(expected);
  });

  it.each(refused)('refuses $input in $country ($why)', ({ input, country }) => {
    const err = errorOf(() => normalizeRecipient(input, country, 'input.to'));
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect((err as GraphError).message).toMatch(/^input\.to: is not a (possible )?phone number/);
  });

  it.each([{ field: 'input.to' }, { field: 'input.participants[2]' }, { field: 'chatId' }])('the error names the field it was given: $field', ({ field }) => {
    const err = errorOf(() => normalizeRecipient('not a phone', 'BR', field));
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect((err as GraphError).message.startsWith(`${field}: `)).toBe(true);
  });

  it.each([
    { input: '5511987654321', why: 'international digits' },
    { input: '0712345678', why: 'national digits, KE' },
    { input: '+55 11 98765-4321', why: 'formatted international' },
    { input: '120363019502650977-group', why: 'group id' },
  ])('is idempotent: normalising $input twice gives the first result ($why)', ({ input }) => {
    const once = normalizeRecipient(input, 'KE', 'input.to');
    expect(normalizeRecipient(once, 'KE', 'input.to')).toBe(once);
  });
});

describe('normalizeRecipient: a JID needs a user part', () => {
  it.each(['@g.us', 'foo bar@g.us', '/x@lid', 'a@b@s.whatsapp.net'])('refuses %j', (value) => {
    expect(() => normalizeRecipient(value, 'BR', 'input.to')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'input.to' } }));
  });
});

describe('normalizeRecipient memoises its readings (issue 13)', () => {
  it('answers a repeated recipient the same, error included, with the field of each call', () => {
    expect(normalizeRecipient('+55 11 98765-4321', 'BR', 'input.to')).toBe('5511987654321');
    expect(normalizeRecipient('+55 11 98765-4321', 'BR', 'input.to')).toBe('5511987654321');
    expect(() => normalizeRecipient('not a phone', 'BR', 'input.to')).toThrow('input.to: is not a phone number or group id');
    expect(() => normalizeRecipient('not a phone', 'BR', 'input.mentions[1]')).toThrow('input.mentions[1]: is not a phone number or group id');
    // the country is part of the key: the same digits read in another country are read again
    expect(normalizeRecipient('0712345678', 'KE', 'to')).toBe('254712345678');
    expect(normalizeRecipient('0712345678', 'BR', 'to')).not.toBe('254712345678');
  });

  it('reads an over-long text every time without keeping it', () => {
    const long = `+${'1'.repeat(200)}`;
    expect(() => normalizeRecipient(long, 'BR', 'input.to')).toThrow('input.to: is not a phone number or group id');
  });
});
