import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Path under which the server serves media links (`GET /media/<token>`, see `server/media-route.ts`). */
export const MEDIA_ROUTE_PATH = '/media';
/** Default life of a media link, seconds (config `media.linkTtlSeconds`). */
export const DEFAULT_MEDIA_LINK_TTL_SECONDS = 3600;
/** Default cap on the bytes one media link streams (config `media.maxBytes`): 100 MiB, WhatsApp's largest document. */
export const DEFAULT_MEDIA_MAX_BYTES = 100 * 1024 * 1024;

/**
 * What a media link names: a file of one instance, by the provider's media id (fetched through
 * the instance's provider, with its credentials) or by the provider's own URL (fetched with no
 * credential). Exactly one of `mediaId` and `url` is set.
 */
export interface MediaRef {
  /** The graph's instance id. */
  instanceId: string;
  /** The provider's media id (what `MediaPort.openMedia` takes). */
  mediaId?: string;
  /** The provider's http(s) URL of the file. */
  url?: string;
}

/** A signed media link: the URL a browser loads with no header, and when it stops working. */
export interface MediaLink {
  /** Absolute (`https://host/media/<token>`) when the server knows its public origin, else root-relative (`/media/<token>`). */
  url: string;
  /** Epoch ms after which the link answers 403. */
  expiresAt: number;
}

/** Options of {@link MediaLinks}. */
export interface MediaLinksOptions {
  /** The HMAC-SHA256 key (32 bytes or more). */
  key: Buffer;
  /** Life of a link, seconds. */
  ttlSeconds: number;
  /** The server's public origin (`https://wa.example.com`), when configured (`publicUrl`). */
  publicUrl?: string;
  /** Clock, epoch ms (tests). */
  now?: () => number;
}

/** The token's JSON: instance, media id or URL, expiry in epoch seconds. */
interface TokenBody {
  i: string;
  m?: string;
  u?: string;
  e: number;
}

/**
 * Signs and checks the media links of `GET /media/<token>` (issue 10, "media a browser can
 * load"): the token is `base64url(JSON {i, m|u, e}) "." base64url(HMAC-SHA256(key, payload))`.
 * It names the instance and the provider's media id or URL and carries no credential and no
 * instance secret; anyone holding it may load that one file until it expires.
 *
 * Expiries are rounded down to a multiple of a quarter of the TTL, so the same file resolved
 * again within that window gets the same URL (a browser's and a client cache's key stays stable)
 * while every link lives between ¾ TTL and the full TTL.
 */
export class MediaLinks {
  private readonly key: Buffer;
  private readonly ttlMs: number;
  private readonly stepMs: number;
  private readonly origin: string;
  private readonly now: () => number;

  constructor(options: MediaLinksOptions) {
    if (options.key.length < 32) throw new Error('media link key must be at least 32 bytes');
    this.key = options.key;
    this.ttlMs = options.ttlSeconds * 1000;
    this.stepMs = Math.max(1000, Math.floor(this.ttlMs / 4));
    this.origin = options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : '';
    this.now = options.now ?? Date.now;
  }

  /**
   * The link to one file. `origin` (the request's own `http://host`) is used when no
   * `publicUrl` is configured; without either the link is root-relative.
   */
  sign(ref: MediaRef, origin?: string): MediaLink {
    const expiresAt = Math.floor((this.now() + this.ttlMs) / this.stepMs) * this.stepMs;
    const body: TokenBody = { i: ref.instanceId, ...(ref.mediaId ? { m: ref.mediaId } : { u: ref.url }), e: Math.floor(expiresAt / 1000) };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    const token = `${payload}.${this.mac(payload).toString('base64url')}`;
    return { url: `${this.origin || origin || ''}${MEDIA_ROUTE_PATH}/${token}`, expiresAt: body.e * 1000 };
  }

  /**
   * Checks a token: its signature (constant-time) and its expiry.
   * @returns the file it names and the link's expiry (epoch ms), or null when the token is malformed, altered or expired
   */
  verify(token: string): (MediaRef & { expiresAt: number }) | null {
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
    const payload = token.slice(0, dot);
    // compared as text: base64url's last character carries padding bits a lenient decoder ignores,
    // so comparing decoded bytes would accept a link with that character changed
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(payload).toString('base64url'));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let body: Partial<TokenBody>;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenBody>;
    } catch {
      return null;
    }
    if (typeof body.i !== 'string' || typeof body.e !== 'number' || body.e * 1000 <= this.now()) return null;
    if (typeof body.m === 'string' && body.m) return { instanceId: body.i, mediaId: body.m, expiresAt: body.e * 1000 };
    if (typeof body.u === 'string' && /^https?:\/\//.test(body.u)) return { instanceId: body.i, url: body.u, expiresAt: body.e * 1000 };
    return null;
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}

/**
 * The link key: the configured `media.signingKey`, else one derived (HKDF-SHA256) from every
 * instance's webhook secret, so replicas sharing a configuration sign alike and a restart keeps
 * links valid, while no secret is ever in a link.
 * @param signingKey the configured key (32 characters or more), if any
 * @param instanceSecrets each instance's webhook secret
 */
export function mediaLinkKey(signingKey: string | undefined, instanceSecrets: readonly string[]): Buffer {
  if (signingKey) return createHash('sha256').update(signingKey).digest();
  const ikm = Buffer.from([...instanceSecrets].sort().join('\u0000'));
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.from('whatsgraph'), Buffer.from('media links v1'), 32));
}
