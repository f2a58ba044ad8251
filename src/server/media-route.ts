import { Transform, type TransformCallback, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express from 'express';
import { request as undiciRequest } from 'undici';
import { GraphError } from '../errors.js';
import type { InstanceDirectory } from '../instances.js';
import type { Logger } from '../logger.js';
import { MEDIA_ROUTE_PATH, type MediaLinks, type MediaRef } from '../media/links.js';
import type { MediaDownload } from '../providers/contract.js';
import { DEFAULT_TIMEOUT_MS } from '../providers/http.js';

/** Options of {@link mediaRouter}. */
export interface MediaRouteOptions {
  links: MediaLinks;
  instances: InstanceDirectory;
  logger: Logger;
  /** Largest file streamed, bytes; a larger one answers 502 (`media.maxBytes`). */
  maxBytes: number;
  /** Longest wait for the provider's answer headers, ms (default the provider timeout). */
  timeoutMs?: number;
}

/** A single byte range of a file of known length: first and last byte, inclusive. */
interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses one `Range: bytes=…` value against a file of `length` bytes (RFC 9110 §14.1.2):
 * `a-b`, `a-` and `-n` (the last n bytes).
 * @returns the range, `'unsatisfiable'` for one that starts past the end, or null for a header
 *   that is absent, not `bytes`, malformed or asks for several ranges (served whole, as RFC 9110 allows)
 */
export function parseByteRange(header: string | undefined, length: number): ByteRange | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, length - suffix), end: length - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? length - 1 : Math.min(Number(m[2]), length - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= length) return 'unsatisfiable';
  return { start, end };
}

/** Passes on bytes `skip`…`skip + take - 1` of a stream and fails once more than `cap` bytes arrived in all. */
class SliceAndCap extends Transform {
  private seen = 0;
  constructor(
    private readonly skip: number,
    private readonly count: number,
    private readonly cap: number,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const from = this.seen;
    this.seen += chunk.length;
    if (this.seen > this.cap) return done(new Error('media larger than the cap'));
    const lo = Math.max(this.skip - from, 0);
    const hi = Math.min(this.skip + this.count - from, chunk.length);
    if (hi > lo) this.push(lo === 0 && hi === chunk.length ? chunk : chunk.subarray(lo, hi));
    done();
  }
}

/** Abandons a download: destroying an undici body emits an abort error nobody needs. */
function discard(body: Readable): void {
  body.on('error', () => undefined).destroy();
}

/** Fetches a provider URL with no credential (the link's `url` form), passing `range` on. */
async function openUrl(url: string, range: string | undefined, signal: AbortSignal): Promise<MediaDownload | null> {
  const res = await undiciRequest(url, { method: 'GET', headers: range ? { range } : {}, signal });
  const header = (name: string): string | null => {
    const v = res.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  };
  if (res.statusCode === 404 || res.statusCode === 410) {
    discard(res.body);
    return null;
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    discard(res.body);
    throw new Error(`media URL answered HTTP ${res.statusCode}`);
  }
  const length = Number(header('content-length'));
  return {
    status: res.statusCode,
    contentType: header('content-type'),
    contentLength: header('content-length') !== null && Number.isSafeInteger(length) && length >= 0 ? length : null,
    contentRange: header('content-range'),
    body: res.body,
  };
}

/** Opens the file a verified link names: through the instance's provider by media id, or its URL. */
async function openRef(ref: MediaRef, instances: InstanceDirectory, range: string | undefined, signal: AbortSignal): Promise<MediaDownload | null> {
  const entry = instances.get(ref.instanceId);
  if (ref.mediaId) {
    const port = entry.adapter.capabilities.has('GET_MEDIA') ? entry.adapter.media : undefined;
    return port?.openMedia ? port.openMedia(ref.mediaId, range, signal) : null;
  }
  return openUrl(ref.url!, range, signal);
}

/**
 * `GET|HEAD /media/<token>`: the media route of issue 10 ("media a browser can load"). A
 * signed, expiring link (`src/media/links.ts`) is all it takes: no header, no key. It streams
 * the file from the provider (with the instance's credentials for a media id, with none for a
 * provider URL) with its content type and length, supports one byte range (passed to the
 * provider, or cut here when the provider ignores it) and refuses files over `maxBytes`.
 *
 * Answers: 200/206 the bytes; 403 a link that is malformed, altered or expired; 404 an unknown
 * instance or a file the provider does not have; 416 a range past the end; 502 a provider that
 * fails or a file over the cap. Errors are `{ "error": "…" }` and never carry the link's target.
 */
export function mediaRouter(options: MediaRouteOptions): express.Router {
  const router = express.Router();
  const { links, instances, logger, maxBytes } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const serve = async (req: express.Request, res: express.Response): Promise<void> => {
    const ref = links.verify(String(req.params.token));
    if (!ref) {
      res.status(403).json({ error: 'invalid or expired media link' });
      return;
    }
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    let download: MediaDownload | null;
    try {
      download = await openRef(ref, instances, range, AbortSignal.any([aborted.signal, AbortSignal.timeout(timeoutMs)]));
    } catch (err) {
      if (err instanceof GraphError && err.code === 'NOT_FOUND') {
        res.status(404).json({ error: 'no such media' });
        return;
      }
      logger.warn({ instanceId: ref.instanceId, code: err instanceof GraphError ? err.code : 'NETWORK' }, 'media route: provider failed');
      if (!res.headersSent) res.status(502).json({ error: 'the provider could not serve this media' });
      return;
    }
    if (!download) {
      res.status(404).json({ error: 'no such media' });
      return;
    }
    const body: Readable = download.body;
    const whole = download.status === 200 ? download.contentLength : null;
    if ((download.contentLength ?? 0) > maxBytes) {
      discard(body);
      res.status(502).json({ error: `media larger than this server's cap of ${maxBytes} bytes` });
      return;
    }
    let status = download.status === 206 ? 206 : 200;
    let skip = 0;
    let take = Number.MAX_SAFE_INTEGER;
    let contentLength = download.contentLength;
    let contentRange = status === 206 ? download.contentRange : null;
    if (range && status === 200 && whole !== null) {
      // the provider ignored the range: cut it here
      const wanted = parseByteRange(range, whole);
      if (wanted === 'unsatisfiable') {
        discard(body);
        res.status(416).set('Content-Range', `bytes */${whole}`).end();
        return;
      }
      if (wanted) {
        status = 206;
        skip = wanted.start;
        take = wanted.end - wanted.start + 1;
        contentLength = take;
        contentRange = `bytes ${wanted.start}-${wanted.end}/${whole}`;
      }
    }
    res.status(status);
    res.set({
      'Content-Type': download.contentType ?? 'application/octet-stream',
      'Cache-Control': `private, max-age=${Math.max(0, Math.floor((ref.expiresAt - Date.now()) / 1000))}`,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      ...(whole !== null || status === 206 ? { 'Accept-Ranges': 'bytes' } : {}),
      ...(contentLength !== null ? { 'Content-Length': String(contentLength) } : {}),
      ...(contentRange ? { 'Content-Range': contentRange } : {}),
    });
    if (req.method === 'HEAD') {
      discard(body);
      res.end();
      return;
    }
    try {
      await pipeline(body, new SliceAndCap(skip, take, maxBytes), res);
    } catch (err) {
      // the client went away, or the file passed the cap mid-way (the connection is cut)
      if (!aborted.signal.aborted) logger.warn({ instanceId: ref.instanceId, err: (err as Error).message }, 'media route: stream ended early');
      res.destroy();
    }
  };

  router.get(`${MEDIA_ROUTE_PATH}/:token`, serve);
  router.head(`${MEDIA_ROUTE_PATH}/:token`, serve);
  return router;
}
