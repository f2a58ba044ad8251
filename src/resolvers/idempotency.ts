import { createHash } from 'node:crypto';
import { GraphError, badInput } from '../errors.js';
import { newLeaseOwner, type IdempotencyStore } from '../subscriptions/stores.js';

/** How long a send's result is kept under its idempotency key, ms (24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** How long a send may hold its key before another request may take over, ms. */
export const IDEMPOTENCY_LEASE_MS = 60_000;
/** How often a repeat polls while the first request is still in flight, ms. */
export const IDEMPOTENCY_POLL_MS = 25;
/** Longest an idempotency key may be, characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

interface StoredResult {
  inputHash: string;
  value: unknown;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs `send` at most once per (`instanceId`, `operation`, `key`) within 24 hours: a repeat,
 * on any replica and even while the first is still running, gets the first result. The key
 * is bound to the input: reusing it with a different input is refused. A failed send frees
 * the key so the client can retry.
 * @param scope.input the mutation input without `idempotencyKey` (hashed to detect key reuse); null when there is no key (nothing to compare)
 * @throws GraphError BAD_USER_INPUT (`input.idempotencyKey`) for an over-long key or one reused with another input
 * @throws GraphError SERVICE_UNAVAILABLE when the first request holds the key past the lease, or
 *   the idempotency store fails (Redis paused or unreachable) before the send: nothing was sent,
 *   the client retries with the same key
 */
export async function withIdempotency<T>(
  store: IdempotencyStore,
  scope: { instanceId: string; operation: string; key: string | null | undefined; input: unknown },
  send: () => Promise<T>,
): Promise<T> {
  const { key } = scope;
  if (!key) return send();
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw badInput('input.idempotencyKey', `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  const storeKey = `${scope.instanceId}:${scope.operation}:${createHash('sha256').update(key).digest('base64url')}`;
  const inputHash = createHash('sha256').update(stableStringify(scope.input)).digest('base64url');
  const deadline = Date.now() + IDEMPOTENCY_LEASE_MS;
  const owner = newLeaseOwner();
  for (;;) {
    let state;
    try {
      state = await store.begin(storeKey, IDEMPOTENCY_LEASE_MS, owner);
    } catch {
      throw new GraphError('SERVICE_UNAVAILABLE', 'The idempotency store is unavailable; nothing was sent, retry with the same key');
    }
    if (state.state === 'done') {
      const stored = JSON.parse(state.result) as StoredResult;
      if (stored.inputHash !== inputHash) throw badInput('input.idempotencyKey', 'was already used with a different input');
      return stored.value as T;
    }
    if (state.state === 'new') break;
    if (Date.now() > deadline) throw new GraphError('SERVICE_UNAVAILABLE', 'A request with this idempotency key is still in progress');
    await new Promise((r) => setTimeout(r, IDEMPOTENCY_POLL_MS));
  }
  let value: T;
  try {
    value = await send();
  } catch (err) {
    await store.abort(storeKey, owner).catch(() => undefined);
    throw err;
  }
  // the send went out: its result is the answer even when it cannot be remembered (the lease
  // then expires and a repeat would send again, which an error here would invite sooner)
  await store.finish(storeKey, JSON.stringify({ inputHash, value } satisfies StoredResult), IDEMPOTENCY_TTL_MS).catch(() => undefined);
  return value;
}
