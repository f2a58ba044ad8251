import { afterAll, describe, expect, it } from 'vitest';
import { GraphError } from '../../src/errors.js';
import type { DomainEvent } from '../../src/providers/model.js';
import type { GraphContext } from '../../src/context.js';
import { MAX_PAGE_SIZE, decodeCursor, encodeCursor, type CursorPosition } from '../../src/schema/connection.types.js';
import { createMemoryStores } from '../../src/subscriptions/memory-stores.js';
import { createRedisStores } from '../../src/subscriptions/redis-stores.js';
import { InvalidCursorError, type RetentionOptions, type Stores } from '../../src/subscriptions/stores.js';
import { MAX_EVENTS_PAGE, SubscriptionResolver } from '../../src/resolvers/subscription.resolver.js';
import { TEST_REDIS_URL, deletePrefix, uniquePrefix } from '../helpers/redis.js';

/**
 * Specifies the two kinds of cursor a client holds and what a bad one gets:
 * - connection cursors (`encodeCursor` / `decodeCursor`): opaque, URL-safe, round-trip their
 *   position; anything else decodes to null (the resolvers answer BAD_USER_INPUT on `after`);
 * - event-log cursors (`events(after:)`): a string the log did not issue is BAD_USER_INPUT on
 *   `after`, a cursor whose successors retention dropped is RESYNC_REQUIRED. Run on the memory
 *   log and on the Redis log (real Redis, unique prefix; skipped when none answers).
 */

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('connection cursors', () => {
  const positions: { name: string; pos: CursorPosition }[] = [
    { name: 'first item of the first page', pos: { page: 1, pageSize: 20, index: 0 } },
    { name: 'last item of a page', pos: { page: 1, pageSize: 20, index: 19 } },
    { name: 'a page of one', pos: { page: 7, pageSize: 1, index: 0 } },
    { name: 'the largest page, last item', pos: { page: 3, pageSize: MAX_PAGE_SIZE, index: MAX_PAGE_SIZE - 1 } },
    { name: 'a far page', pos: { page: 999_999_999, pageSize: 50, index: 49 } },
  ];

  it.each(positions)('round trip: $name', ({ pos }) => {
    const cursor = encodeCursor(pos);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(pos);
  });

  it('is opaque: the position is not readable in the cursor', () => {
    const cursor = encodeCursor({ page: 12, pageSize: 34, index: 5 });
    expect(cursor).not.toMatch(/12|34|p:/);
  });

  it('distinct positions give distinct cursors', () => {
    const all = positions.map(({ pos }) => encodeCursor(pos));
    expect(new Set(all).size).toBe(positions.length);
  });

  const real = encodeCursor({ page: 2, pageSize: 20, index: 5 });
  /** Strings that are not a cursor of a connection: decodeCursor answers null. */
  const refused: { name: string; cursor: string }[] = [
    { name: 'empty', cursor: '' },
    { name: 'garbage', cursor: 'garbage' },
    { name: 'the plain text form, not encoded', cursor: 'p:1:20:0' },
    { name: 'an event-log cursor (memory)', cursor: '42' },
    { name: 'an event-log cursor (Redis)', cursor: '1700000000000-0' },
    { name: 'a real cursor truncated', cursor: real.slice(0, -1) },
    { name: 'a real cursor with a byte appended', cursor: `${real}A` },
    { name: 'a real cursor upper-cased', cursor: real.toUpperCase() },
    { name: 'index equal to the page size', cursor: b64('p:1:20:20') },
    { name: 'index past the page size', cursor: b64('p:1:20:21') },
    { name: 'page size 0', cursor: b64('p:1:0:0') },
    { name: 'page size over the max', cursor: b64(`p:1:${MAX_PAGE_SIZE + 1}:0`) },
    { name: 'page 0', cursor: b64('p:0:20:0') },
    { name: 'negative page', cursor: b64('p:-1:20:0') },
    { name: 'negative index', cursor: b64('p:1:20:-1') },
    { name: 'fractional page', cursor: b64('p:1.5:20:0') },
    { name: 'page of ten digits', cursor: b64('p:1000000000:20:0') },
    { name: 'missing index', cursor: b64('p:1:20') },
    { name: 'an extra part', cursor: b64('p:1:20:0:0') },
    { name: 'another tag', cursor: b64('q:1:20:0') },
    { name: 'upper-case tag', cursor: b64('P:1:20:0') },
    { name: 'leading space inside', cursor: b64(' p:1:20:0') },
    { name: 'trailing newline inside', cursor: b64('p:1:20:0\n') },
    { name: 'non-ASCII digit inside', cursor: b64('p:١:20:0') },
    { name: 'JSON inside', cursor: b64('{"page":1,"pageSize":20,"index":0}') },
    { name: 'a real cursor with characters base64url skips', cursor: `${real}!!` },
    { name: 'a real cursor with padding', cursor: `${real}==` },
    { name: 'a real cursor with a URL-encoded =', cursor: `${real}%3D` },
    { name: 'zero-padded numbers inside', cursor: b64('p:02:020:05') },
  ];

  it.each(refused)('refuses $name', ({ cursor }) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

// --- event-log cursors ---------------------------------------------------------------------

function event(instanceId: string, n: number): DomainEvent {
  return { type: 'INSTANCE_EVENT', id: `cursor-unit-${instanceId}-${n}`, instanceId, occurredAt: 1_700_000_000_000 + n, kind: 'test', chatId: null, raw: { n } };
}

/** The `events` query as a client calls it, over these stores (the instance always exists). */
function eventsQuery(stores: Stores) {
  const ctx = { services: { stores, instances: { get: (id: string) => ({ id }) } } } as unknown as GraphContext;
  const resolver = new SubscriptionResolver();
  return (instanceId: string, after: string | null, first: number | null = null) => resolver.events(instanceId, after, first, null, null, ctx);
}

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

const redisPrefix = uniquePrefix('cursors-unit');
const opened: Stores[] = [];
const redisSkipReason: string | null = await (async () => {
  try {
    const probe = await createRedisStores({ url: TEST_REDIS_URL, keyPrefix: redisPrefix, connectTimeoutMs: 1_500 });
    await probe.close();
    return null;
  } catch (err) {
    return `no Redis answers on ${new URL(TEST_REDIS_URL).host} (${err instanceof Error ? err.message : String(err)})`;
  }
})();
if (redisSkipReason) console.warn(`cursors.test.ts: Redis event-log cases skipped: ${redisSkipReason}`);

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  if (!redisSkipReason) await deletePrefix(redisPrefix);
});

interface LogFactory {
  name: string;
  skip: boolean;
  open(retention?: RetentionOptions): Promise<Stores>;
  foreign: string;
}

let redisLogs = 0;
const logs: LogFactory[] = [
  { name: 'memory log', skip: false, open: async (retention) => createMemoryStores(retention), foreign: '1700000000000-0' },
  {
    name: redisSkipReason ? `Redis log (skipped: ${redisSkipReason})` : 'Redis log',
    skip: redisSkipReason !== null,
    open: async (retention) => {
      const s = await createRedisStores({ url: TEST_REDIS_URL, keyPrefix: `${redisPrefix}:${++redisLogs}`, ...(retention ? { retention } : {}) });
      opened.push(s);
      return s;
    },
    foreign: '42',
  },
];

describe.each(logs)('event-log cursors on the $name', (factory) => {
  /** Strings this log never issues, beyond the junk the shared stores suite already checks. */
  const notCursors: { name: string; cursor: string }[] = [
    { name: "the other backend's cursor form", cursor: factory.foreign },
    { name: 'a connection cursor', cursor: encodeCursor({ page: 1, pageSize: 20, index: 0 }) },
    { name: 'a leading space', cursor: ' 1' },
    { name: 'a trailing newline', cursor: '1\n' },
    { name: 'a plus sign', cursor: '+1' },
    { name: 'exponent notation', cursor: '1e3' },
    { name: 'hexadecimal', cursor: '0x1f' },
    { name: 'non-ASCII digits', cursor: '١٢' },
    { name: 'sixteen digits', cursor: '1234567890123456' },
    { name: 'a twenty-digit sequence', cursor: '1-12345678901234567890' },
  ];

  describe.skipIf(factory.skip)('behaviour', () => {
    it.each(notCursors)('the log refuses $name with InvalidCursorError', async ({ cursor }) => {
      const stores = await factory.open();
      await stores.log.append(event('A', 1), 'topic:A');
      await expect(stores.log.readAfter('A', cursor, 10)).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it.each(notCursors)('events(after: $name) is BAD_USER_INPUT on `after`', async ({ cursor }) => {
      const stores = await factory.open();
      await stores.log.append(event('A', 1), 'topic:A');
      const err = await rejectionOf(eventsQuery(stores)('A', cursor));
      expect(err).toBeInstanceOf(GraphError);
      expect((err as GraphError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it.each([
      { name: 'no cursor: from the oldest', from: null, expected: [0, 1, 2, 3, 4] },
      { name: 'after the first', from: 0, expected: [1, 2, 3, 4] },
      { name: 'after the middle', from: 2, expected: [3, 4] },
      { name: 'after the last: nothing yet', from: 4, expected: [] },
    ])('round trip, $name: events(after) answers exactly the successors', async ({ from, expected }) => {
      const stores = await factory.open();
      const cursors: string[] = [];
      for (let i = 0; i < 5; i++) cursors.push(await stores.log.append(event('A', i), 'topic:A'));
      const after = from === null ? null : (cursors[from] as string);
      const page = await eventsQuery(stores)('A', after);
      expect(page.events.map((e) => e.cursor)).toEqual(expected.map((i) => cursors[i]));
      expect(page.endCursor).toBe(expected.length ? cursors[expected.at(-1) as number] : after);
      expect(page.hasMore).toBe(false);
    });

    it.each([
      { name: 'the first dropped event', from: 0, outcome: 'RESYNC_REQUIRED' },
      { name: 'a dropped event in the middle', from: 3, outcome: 'RESYNC_REQUIRED' },
      { name: 'the last dropped event (nothing after it was lost)', from: 4, outcome: 'ok' },
      { name: 'a retained event', from: 6, outcome: 'ok' },
    ])('after $name, once retention dropped 5 of 8: $outcome', async ({ from, outcome }) => {
      const stores = await factory.open({ maxLength: 3, maxAgeMs: 3_600_000 });
      const cursors: string[] = [];
      for (let i = 0; i < 8; i++) cursors.push(await stores.log.append(event('A', i), 'topic:A'));
      const query = eventsQuery(stores)('A', cursors[from] as string);
      if (outcome === 'ok') {
        expect((await query).events.map((e) => e.cursor)).toEqual(cursors.slice(from + 1));
      } else {
        const err = await rejectionOf(query);
        expect(err).toBeInstanceOf(GraphError);
        expect((err as GraphError).extensions).toEqual({ code: 'RESYNC_REQUIRED' });
      }
    });

    it.each([
      { first: 0, ok: false },
      { first: -1, ok: false },
      { first: 1, ok: true },
      { first: MAX_EVENTS_PAGE, ok: true },
      { first: MAX_EVENTS_PAGE + 1, ok: false },
    ])('events(first: $first): accepted = $ok', async ({ first, ok }) => {
      const stores = await factory.open();
      await stores.log.append(event('A', 1), 'topic:A');
      const query = eventsQuery(stores)('A', null, first);
      if (ok) expect((await query).events).toHaveLength(1);
      else expect(await rejectionOf(query)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    });

    it('hasMore and endCursor page through a log with no gap and no repeat', async () => {
      const stores = await factory.open();
      const cursors: string[] = [];
      for (let i = 0; i < 7; i++) cursors.push(await stores.log.append(event('A', i), 'topic:A'));
      const query = eventsQuery(stores);
      const seen: string[] = [];
      let after: string | null = null;
      const pages: boolean[] = [];
      for (;;) {
        const page = await query('A', after, 3);
        seen.push(...page.events.map((e) => e.cursor as string));
        pages.push(page.hasMore);
        after = page.endCursor ?? null;
        if (!page.hasMore) break;
      }
      expect(seen).toEqual(cursors);
      expect(pages).toEqual([true, true, false]);
    });
  });
});
