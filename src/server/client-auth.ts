import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphError } from '../errors.js';

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
