import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphError } from '../errors.js';

/** Most keys in a graphql-ws `connection_init` payload. Ours: the graph reads one (`authorization`). */
export const MAX_CONNECTION_PARAMS_KEYS = 16;
/** Longest `connection_init` payload, characters of its JSON. Ours: a key and a few client hints fit many times over. */
export const MAX_CONNECTION_PARAMS_CHARS = 16_384;
/** Longest `authorization` value, characters (`Bearer ` and the key). Ours. */
export const MAX_AUTHORIZATION_LENGTH = 4_096;

/**
 * What is wrong with a graphql-ws `connection_init` payload, checked before the key is: it
 * must be absent or a plain object of at most {@link MAX_CONNECTION_PARAMS_KEYS} keys and
 * {@link MAX_CONNECTION_PARAMS_CHARS} characters of JSON, whose `authorization`, when
 * present, is a string of at most {@link MAX_AUTHORIZATION_LENGTH} characters. The message
 * itself is bounded by the WebSocket `maxPayload` before it is parsed at all.
 * @param params the payload as graphql-ws parsed it (`ctx.connectionParams`)
 * @returns a safe reason (it never repeats the payload), or null when the shape is fine
 */
export function connectionParamsProblem(params: unknown): string | null {
  if (params === undefined || params === null) return null;
  if (typeof params !== 'object' || Array.isArray(params)) return 'connection_init payload must be an object';
  const keys = Object.keys(params);
  if (keys.length > MAX_CONNECTION_PARAMS_KEYS) return `connection_init payload has more than ${MAX_CONNECTION_PARAMS_KEYS} keys`;
  const record = params as Record<string, unknown>;
  for (const name of ['authorization', 'Authorization']) {
    const value = record[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return `connection_init ${name} must be a string`;
    if (value.length > MAX_AUTHORIZATION_LENGTH) return `connection_init ${name} is longer than ${MAX_AUTHORIZATION_LENGTH} characters`;
  }
  let size: number;
  try {
    size = JSON.stringify(params).length;
  } catch {
    return 'connection_init payload is not JSON';
  }
  if (size > MAX_CONNECTION_PARAMS_CHARS) return `connection_init payload is larger than ${MAX_CONNECTION_PARAMS_CHARS} characters`;
  return null;
}

/**
 * API-key authentication of GraphQL clients (config `auth.apiKeys`). Over HTTP the key comes
 * as `Authorization: Bearer <key>`; over graphql-ws as `{authorization: "Bearer <key>"}` in
 * the `connection_init` payload. Keys are compared as SHA-256 digests in constant time and
 * never logged.
 */
export class ClientAuth {
  private readonly digests: Buffer[];

  /** @param apiKeys the accepted keys; an empty list means the graph is open (sandbox, development) */
  constructor(apiKeys: readonly string[] = []) {
    this.digests = apiKeys.map((k) => createHash('sha256').update(k).digest());
  }

  /** Whether keys are required at all. */
  get enabled(): boolean {
    return this.digests.length > 0;
  }

  /** Whether an `Authorization` value carries an accepted key (always true when auth is off). */
  accepts(authorization: unknown): boolean {
    if (!this.enabled) return true;
    if (typeof authorization !== 'string') return false;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) return false;
    const given = createHash('sha256').update(m[1]!).digest();
    let ok = false;
    for (const d of this.digests) ok = timingSafeEqual(given, d) || ok;
    return ok;
  }

  /**
   * @throws GraphError UNAUTHENTICATED (HTTP 401) when the key is missing or not accepted
   */
  assert(authorization: unknown): void {
    if (!this.accepts(authorization)) {
      throw new GraphError('UNAUTHENTICATED', 'A valid API key is required: send Authorization: Bearer <key>', { http: { status: 401 } });
    }
  }
}
