import { describe, expect, it } from 'vitest';
import type { GraphContext } from '../../src/context.js';
import type { DomainEvent } from '../../src/providers/model.js';
import { MAX_EVENTS_SCAN, SubscriptionResolver } from '../../src/resolvers/subscription.resolver.js';
import { createMemoryStores } from '../../src/subscriptions/memory-stores.js';
import { instanceTopic } from '../../src/subscriptions/topics.js';

/**
 * `Query.events` with the subscription's filters (`types`, `chatId`): only matching events,
 * oldest first, at most `first`; `endCursor` is the last event read, so polling continues
 * after what was skipped; a filter that matches little reads at most MAX_EVENTS_SCAN events per call.
 */

const I = 'poll';
const CHATS = ['5511900000001', '5511900000002'];

/** Event n: a status change of chat n%2, or (every third) a presence change. */
function event(n: number): DomainEvent {
  const chatId = CHATS[n % 2]!;
  if (n % 3 === 0) return { type: 'PRESENCE_CHANGED', id: `p-${n}`, instanceId: I, occurredAt: n, chatId, presence: 'AVAILABLE' };
  return { type: 'MESSAGE_STATUS_CHANGED', id: `s-${n}`, instanceId: I, occurredAt: n, messageId: `m-${n}`, chatId, status: 'SENT' };
}

async function setup(count: number) {
  const stores = createMemoryStores();
  for (let n = 0; n < count; n++) await stores.log.append(event(n), instanceTopic(I));
  const ctx = { services: { stores, instances: { get: (id: string) => ({ id, defaultCountry: 'BR' }) } } } as unknown as GraphContext;
  const resolver = new SubscriptionResolver();
  return (after: string | null, first: number | null, types: DomainEvent['type'][] | null, chatId: string | null) => resolver.events(I, after, first, types, chatId, ctx);
}

describe('Query.events filters', () => {
  it('types and chatId filter; paging by endCursor sees every matching event once, in order', async () => {
    const events = await setup(60);
    const expected = Array.from({ length: 60 }, (_, n) => event(n)).filter((e) => e.type === 'PRESENCE_CHANGED' && e.chatId === CHATS[1]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page = await events(after, 3, ['PRESENCE_CHANGED'], `+${CHATS[1]}`);
      expect(page.events.every((e) => e.type === 'PRESENCE_CHANGED' && e.chatId === CHATS[1])).toBe(true);
      seen.push(...page.events.map((e) => e.id));
      after = page.endCursor ?? null;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(expected.map((e) => e.id));
    const statuses = await events(null, 100, ['MESSAGE_STATUS_CHANGED'], null);
    expect(statuses.events).toHaveLength(40);
    expect(statuses.hasMore).toBe(false);
    // after the last page, polling again finds nothing new and keeps its place
    const again = await events(after, 3, ['PRESENCE_CHANGED'], CHATS[1]!);
    expect(again.events).toEqual([]);
    expect(again.endCursor).toBe(after);
  });

  it('a filter that matches nothing reads at most MAX_EVENTS_SCAN events per call and moves endCursor on', async () => {
    const events = await setup(MAX_EVENTS_SCAN + 10);
    const first = await events(null, 10, ['CONNECTION_CHANGED'], null);
    expect(first.events).toEqual([]);
    expect(first.hasMore).toBe(true);
    const second = await events(first.endCursor ?? null, 10, ['CONNECTION_CHANGED'], null);
    expect(second.events).toEqual([]);
    expect(second.hasMore).toBe(false);
    expect(second.endCursor).not.toBe(first.endCursor);
  });

  it('a bad chatId is BAD_USER_INPUT', async () => {
    const events = await setup(1);
    await expect(events(null, 10, null, 'not a phone!')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
