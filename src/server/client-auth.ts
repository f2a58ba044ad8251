import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphError } from '../errors.js';
import { Access, DEFAULT_SCOPES, type Scope } from './access.js';

/**
 * One API key with what it may reach (config `auth.apiKeys[]` in object form): the key itself
 * (`key`) or its SHA-256 as 64 hex digits (`keySha256`, so the plain key is not in the file),
 * the instance ids it may use (or `'*'`), and its scopes.
 */
export interface ApiKeyGrant {
  key?: string;
  keySha256?: string;
  /** Instance ids, or `'*'` for all (default `'*'`). */
  instances?: string[] | '*';
  /** Default `['read', 'send', 'manage']`. */
  scopes?: Scope[];
}

/** An entry of `auth.apiKeys`: a bare key (all instances; read, send and manage) or an {@link ApiKeyGrant}. */
export type ApiKeyEntry = string | ApiKeyGrant;

interface KeyRecord {
  digest: Buffer;
  access: Access;
}

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
 * never logged; an accepted key yields its {@link Access} (instances and scopes), named
 * `key#N` by its position in the configuration.
 */
export class ClientAuth {
  private readonly keys: KeyRecord[];

  /** @param apiKeys the accepted keys; an empty list means the graph is open (sandbox, development) */
  constructor(apiKeys: readonly ApiKeyEntry[] = []) {
    this.keys = apiKeys.map((entry, i) => {
      const grant: ApiKeyGrant = typeof entry === 'string' ? { key: entry } : entry;
      const digest = grant.keySha256
        ? Buffer.from(grant.keySha256, 'hex')
        : createHash('sha256')
            .update(grant.key ?? '')
            .digest();
      return { digest, access: new Access(`key#${i}`, grant.instances ?? '*', grant.scopes ?? DEFAULT_SCOPES) };
    });
  }

  /** Whether keys are required at all. */
  get enabled(): boolean {
    return this.keys.length > 0;
  }

  /**
   * The access of the key an `Authorization` value carries: {@link Access.OPEN} when auth is
   * off, undefined when the key is missing or not accepted.
   */
  identify(authorization: unknown): Access | undefined {
    if (!this.enabled) return Access.OPEN;
    if (typeof authorization !== 'string') return undefined;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) return undefined;
    const given = createHash('sha256').update(m[1]!).digest();
    let found: Access | undefined;
    // compare against every key, so the time taken does not say which one matched
    for (const k of this.keys) if (k.digest.length === given.length && timingSafeEqual(given, k.digest)) found ??= k.access;
    return found;
  }

  /**
   * The access of the key, or a refusal.
   * @throws GraphError UNAUTHENTICATED (HTTP 401) when the key is missing or not accepted
   */
  assert(authorization: unknown): Access {
    const access = this.identify(authorization);
    if (!access) {
      throw new GraphError('UNAUTHENTICATED', 'A valid API key is required: send Authorization: Bearer <key>', { http: { status: 401 } });
    }
    return access;
  }
}
