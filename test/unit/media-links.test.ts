import { describe, expect, it } from 'vitest';
import { MediaLinks, mediaLinkKey } from '../../src/media/links.js';
import { parseByteRange } from '../../src/server/media-route.js';

const KEY = mediaLinkKey('a-signing-key-of-at-least-32-characters!', []);

describe('media links (src/media/links.ts)', () => {
  it('signs a link that verifies to what it names, and carries neither key nor instance secret', () => {
    let now = 1_700_000_000_000;
    const links = new MediaLinks({ key: KEY, ttlSeconds: 3600, publicUrl: 'https://wa.example.com/', now: () => now });
    const link = links.sign({ instanceId: 'shop', mediaId: 'm-1' });
    expect(link.url).toMatch(/^https:\/\/wa\.example\.com\/media\/[\w-]+\.[\w-]+$/);
    expect(link.expiresAt - now).toBeGreaterThan(0.75 * 3600_000);
    expect(link.expiresAt - now).toBeLessThanOrEqual(3600_000);
    const token = link.url.split('/').at(-1)!;
    expect(links.verify(token)).toEqual({ instanceId: 'shop', mediaId: 'm-1', expiresAt: link.expiresAt });
    // past its expiry it no longer verifies
    now = link.expiresAt;
    expect(links.verify(token)).toBeNull();
  });

  it('gives the same URL for the same file within a quarter of the TTL (stable cache keys)', () => {
    let now = 1_700_000_000_000 - (1_700_000_000_000 % 900_000);
    const links = new MediaLinks({ key: KEY, ttlSeconds: 3600, now: () => now });
    const a = links.sign({ instanceId: 'i', url: 'https://cdn.example/f.jpg' }, 'http://localhost:4000');
    now += 899_000;
    expect(links.sign({ instanceId: 'i', url: 'https://cdn.example/f.jpg' }, 'http://localhost:4000')).toEqual(a);
    now += 1_000;
    expect(links.sign({ instanceId: 'i', url: 'https://cdn.example/f.jpg' }, 'http://localhost:4000').url).not.toBe(a.url);
  });

  it('is root-relative without a public URL or a request origin', () => {
    expect(new MediaLinks({ key: KEY, ttlSeconds: 60 }).sign({ instanceId: 'i', mediaId: 'x' }).url).toMatch(/^\/media\//);
  });

  it('refuses altered, re-keyed, malformed and non-http tokens', () => {
    const links = new MediaLinks({ key: KEY, ttlSeconds: 60 });
    const token = links.sign({ instanceId: 'i', mediaId: 'x' }).url.split('/').at(-1)!;
    const [payload, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ i: 'other', m: 'x', e: 9_999_999_999 })).toString('base64url');
    expect(links.verify(`${forged}.${mac}`)).toBeNull();
    expect(new MediaLinks({ key: mediaLinkKey(undefined, ['another-secret-0123456789']), ttlSeconds: 60 }).verify(token)).toBeNull();
    for (const bad of ['', '.', payload, `${payload}.`, `${payload}.${mac}.x`, `!!!.${mac}`]) expect(links.verify(bad)).toBeNull();
    const ftp = Buffer.from(JSON.stringify({ i: 'i', u: 'file:///etc/passwd', e: 9_999_999_999 })).toString('base64url');
    const signedFtp = `${ftp}.${(links as unknown as { mac(p: string): Buffer }).mac(ftp).toString('base64url')}`;
    expect(links.verify(signedFtp)).toBeNull();
  });

  it("derives one key from the instances' secrets whatever their order, and another from another set", () => {
    expect(mediaLinkKey(undefined, ['a-secret-0123456789', 'b-secret-0123456789'])).toEqual(mediaLinkKey(undefined, ['b-secret-0123456789', 'a-secret-0123456789']));
    expect(mediaLinkKey(undefined, ['a-secret-0123456789'])).not.toEqual(mediaLinkKey(undefined, ['b-secret-0123456789']));
    expect(() => new MediaLinks({ key: Buffer.alloc(16), ttlSeconds: 60 })).toThrow(/32 bytes/);
  });
});

describe('parseByteRange (RFC 9110 §14.1.2)', () => {
  it.each([
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
    ['bytes=50-500', 100, { start: 50, end: 99 }],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=9-0', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    [undefined, 100, null],
  ] as const)('%s of %i bytes → %j', (header, length, expected) => {
    expect(parseByteRange(header, length)).toEqual(expected);
  });
});
