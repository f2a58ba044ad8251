import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { DomainEvent } from '../../src/providers/model.js';
import { applyEvent, sentChange } from '../../src/conversations/apply.js';
import { messageKeys } from '../../src/conversations/redis-store.js';
import { DEFAULT_MESSAGE_RETENTION, type MessageRetention } from '../../src/conversations/store.js';
import { messageStoreSuite } from './message-store.suite.js';
import { createLogger } from '../../src/logger.js';
import { EventPipeline } from '../../src/subscriptions/pipeline.js';
import { instanceTopic } from '../../src/subscriptions/topics.js';
import { createMemoryStores } from '../../src/subscriptions/memory-stores.js';
import { createRedisStores, eventLogKeys, reconnectDelayMs, taggedKey, trackingKeys, trimBatch } from '../../src/subscriptions/redis-stores.js';
import { CursorExpiredError, InvalidCursorError, newLeaseOwner, type RetentionOptions, type Stores } from '../../src/subscriptions/stores.js';
import { TEST_REDIS_URL, deletePrefix, startPrivateRedis, uniquePrefix, waitFor } from '../helpers/redis.js';

/**
 * ONE conformance suite for the store interfaces (`src/subscriptions/stores.ts`), run against
 * every implementation: memory and Redis (a real Redis, a unique key prefix per run, deleted
 * afterwards). Replica tests run where the backend can be shared.
 */

/** How the suite opens stores of one backend. */
interface StoresFactory {
  name: string;
  /** Opens stores; `share` opens another replica over the same shared state (Redis: same prefix). */
  open(options?: { retention?: RetentionOptions; messageRetention?: MessageRetention; share?: Stores }): Promise<Stores>;
  /** Whether two `open({share})` results really share state (false for memory: one replica). */
  replicas: boolean;
  /**
   * The backend loses instance `instanceId`'s event log (memory: the process restarts; Redis:
   * its keys are gone, as after a restart without persistence); returns the stores to go on with.
   */
  loseLog(stores: Stores, instanceId: string): Promise<Stores>;
  /** Closes everything opened and deletes what it stored. */
  cleanup(): Promise<void>;
}

let counter = 0;
function event(instanceId: string, n: number, extra: Partial<DomainEvent> = {}): DomainEvent {
  return {
    type: 'INSTANCE_EVENT',
    id: `ev-${++counter}-${n}`,
    instanceId,
    occurredAt: 1_700_000_000_000 + n,
    kind: 'test',
    chatId: null,
    raw: { n, text: 'ünïcødé "quoted" \\ {braces}', nested: [1, 2.5, null, true] },
    ...extra,
  } as DomainEvent;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the whole suite against one backend. */
function storesSuite(factory: StoresFactory): void {
  describe(`stores: ${factory.name}`, () => {
    afterEach(async () => {
      await factory.cleanup();
    });

    describe('bus', () => {
      it('fans a publish out to every listener of the topic, in publish order, and to no other topic', async () => {
        const s = await factory.open();
        const got: string[][] = [[], [], []];
        const other: string[] = [];
        for (const list of got) await s.bus.subscribe('t1', (m) => list.push(m));
        await s.bus.subscribe('t2', (m) => other.push(m));
        for (let i = 0; i < 50; i++) await s.bus.publish('t1', `m${i}`);
        await s.bus.publish('t2', 'sentinel');
        await waitFor(() => other.length === 1 && got.every((l) => l.length === 50), 5_000, 'deliveries');
        const expected = Array.from({ length: 50 }, (_, i) => `m${i}`);
        for (const list of got) expect(list).toEqual(expected);
        expect(other).toEqual(['sentinel']);
      });

      it('stops delivering to a removed listener and keeps delivering to the others; removing twice is harmless', async () => {
        const s = await factory.open();
        const a: string[] = [];
        const b: string[] = [];
        const offA = await s.bus.subscribe('t', (m) => a.push(m));
        await s.bus.subscribe('t', (m) => b.push(m));
        await s.bus.publish('t', 'one');
        await waitFor(() => a.length === 1 && b.length === 1);
        await offA();
        await offA();
        await s.bus.publish('t', 'two');
        await waitFor(() => b.length === 2);
        expect(a).toEqual(['one']);
        expect(b).toEqual(['one', 'two']);
      });

      it('a stale remove of a topic emptied earlier does not drop a newer listener of that topic', async () => {
        const s = await factory.open();
        const first: string[] = [];
        const later: string[] = [];
        const off = await s.bus.subscribe('t', (m) => first.push(m));
        await off();
        await s.bus.subscribe('t', (m) => later.push(m));
        await off();
        await s.bus.publish('t', 'x');
        await waitFor(() => later.length === 1);
        expect(first).toEqual([]);
        expect(later).toEqual(['x']);
      });

      it('counts the same function subscribed twice as two subscriptions', async () => {
        const s = await factory.open();
        const got: string[] = [];
        const listener = (m: string) => got.push(m);
        const off1 = await s.bus.subscribe('t', listener);
        await s.bus.subscribe('t', listener);
        await s.bus.publish('t', 'a');
        await waitFor(() => got.length === 2);
        await off1();
        await s.bus.publish('t', 'b');
        await waitFor(() => got.length === 3);
        expect(got).toEqual(['a', 'a', 'b']);
      });

      it('a throwing listener does not stop delivery to the others', async () => {
        const s = await factory.open();
        const got: string[] = [];
        await s.bus.subscribe('t', () => {
          throw new Error('listener failure');
        });
        await s.bus.subscribe('t', (m) => got.push(m));
        await s.bus.publish('t', 'a');
        await s.bus.publish('t', 'b');
        await waitFor(() => got.length === 2);
        expect(got).toEqual(['a', 'b']);
      });

      it.runIf(factory.replicas)('replicas: a publish on one reaches a subscriber on the other', async () => {
        const a = await factory.open();
        const b = await factory.open({ share: a });
        const onB: string[] = [];
        await b.bus.subscribe('shared', (m) => onB.push(m));
        await a.bus.publish('shared', 'from-a');
        await waitFor(() => onB.length === 1);
        expect(onB).toEqual(['from-a']);
      });
    });

    describe('event log', () => {
      it('reads back appended events in order, per instance, with the cursors append returned', async () => {
        const s = await factory.open();
        const inA: DomainEvent[] = [];
        const cursorsA: string[] = [];
        const inB: DomainEvent[] = [];
        for (let i = 0; i < 5; i++) {
          const ea = event('A', i);
          inA.push(ea);
          cursorsA.push(await s.log.append(ea, 'topic:A'));
          if (i < 3) {
            const eb = event('B', i);
            inB.push(eb);
            await s.log.append(eb, 'topic:B');
          }
        }
        const readA = await s.log.readAfter('A', null, 100);
        expect(readA.map((e) => e.cursor)).toEqual(cursorsA);
        expect(readA).toEqual(inA.map((e, i) => ({ ...e, cursor: cursorsA[i] })));
        const readB = await s.log.readAfter('B', null, 100);
        expect(readB.map((e) => e.id)).toEqual(inB.map((e) => e.id));
        expect(await s.log.readAfter('nobody', null, 100)).toEqual([]);
      });

      it('orders cursors with compare', async () => {
        const s = await factory.open();
        const c1 = await s.log.append(event('A', 1), 'topic:A');
        const c2 = await s.log.append(event('A', 2), 'topic:A');
        expect(s.log.compare(c1, c2)).toBeLessThan(0);
        expect(s.log.compare(c2, c1)).toBeGreaterThan(0);
        expect(s.log.compare(c1, c1)).toBe(0);
      });

      it('readAfter is exclusive of the cursor, honours the limit and is empty at the head', async () => {
        const s = await factory.open();
        const cursors: string[] = [];
        for (let i = 0; i < 5; i++) cursors.push(await s.log.append(event('A', i), 'topic:A'));
        const after2 = await s.log.readAfter('A', cursors[1] as string, 100);
        expect(after2.map((e) => e.cursor)).toEqual(cursors.slice(2));
        const firstTwo = await s.log.readAfter('A', null, 2);
        expect(firstTwo.map((e) => e.cursor)).toEqual(cursors.slice(0, 2));
        const page = await s.log.readAfter('A', cursors[0] as string, 2);
        expect(page.map((e) => e.cursor)).toEqual(cursors.slice(1, 3));
        expect(await s.log.readAfter('A', cursors[4] as string, 100)).toEqual([]);
      });

      it('append publishes the event with its cursor, and live order equals log order under concurrency', async () => {
        const s = await factory.open();
        const live: DomainEvent[] = [];
        await s.bus.subscribe('topic:A', (m) => live.push(JSON.parse(m) as DomainEvent));
        const events = Array.from({ length: 40 }, (_, i) => event('A', i));
        const cursors = await Promise.all(events.map((e) => s.log.append(e, 'topic:A')));
        await waitFor(() => live.length === 40);
        const logged = await s.log.readAfter('A', null, 100);
        expect(live.map((e) => e.cursor)).toEqual(logged.map((e) => e.cursor));
        expect(live.map((e) => e.id)).toEqual(logged.map((e) => e.id));
        expect(new Set(cursors)).toEqual(new Set(logged.map((e) => e.cursor)));
        for (let i = 1; i < live.length; i++) expect(s.log.compare(live[i - 1]?.cursor as string, live[i]?.cursor as string)).toBeLessThan(0);
        const byId = new Map(events.map((e) => [e.id, e]));
        for (const e of live) expect(e).toEqual({ ...byId.get(e.id), cursor: e.cursor });
      });

      it('the pipeline (Stores.ingest) stores and publishes like append: cursors, live order, length retention, concurrent redeliveries once', async () => {
        const s = await factory.open({ retention: { maxLength: 5, maxAgeMs: 3_600_000 } });
        const pipeline = new EventPipeline(s, createLogger('silent'));
        const live: DomainEvent[] = [];
        await s.bus.subscribe(instanceTopic('A'), (m) => live.push(JSON.parse(m) as DomainEvent));
        const events = Array.from({ length: 12 }, (_, i) => event('A', i));
        expect(await pipeline.offer(events)).toEqual(events.map(() => 'published'));
        await waitFor(() => live.length === 12);
        const kept = await s.log.readAfter('A', null, 100);
        expect(kept.map((e) => e.cursor)).toEqual(live.slice(7).map((e) => e.cursor));
        for (let i = 1; i < live.length; i++) expect(s.log.compare(live[i - 1]?.cursor as string, live[i]?.cursor as string)).toBeLessThan(0);
        const byId = new Map(events.map((e) => [e.id, e]));
        for (const e of live) expect(e).toEqual({ ...byId.get(e.id), cursor: e.cursor });
        await expect(s.log.readAfter('A', live[0]?.cursor as string, 100)).rejects.toBeInstanceOf(CursorExpiredError);
        // redeliveries, at once: duplicates, nothing stored or published again
        const again = await Promise.all(Array.from({ length: 6 }, () => pipeline.offer([events[11]!]).catch((err: Error) => err.name)));
        expect(again.flat().filter((o) => o === 'published')).toHaveLength(0);
        expect((await s.log.readAfter('A', live[11]?.cursor as string, 100)).length).toBe(0);
        const fresh = event('A', 99);
        const concurrent = await Promise.all(Array.from({ length: 6 }, () => pipeline.offer([fresh]).catch((err: Error) => err.name)));
        expect(concurrent.flat().filter((o) => o === 'published')).toHaveLength(1);
        expect((await s.log.readAfter('A', live[11]?.cursor as string, 100)).map((e) => e.id)).toEqual([fresh.id]);
      });

      it('at(cursor) reads the one event stored there, with its cursor; null once retention dropped it, for another instance or epoch, or a position never issued', async () => {
        const s = await factory.open({ retention: { maxLength: 3, maxAgeMs: 3_600_000 } });
        const events = Array.from({ length: 6 }, (_, i) => event('A', i));
        const cursors: string[] = [];
        for (const e of events) cursors.push(await s.log.append(e, 'topic:A'));
        const b = await s.log.append(event('B', 0), 'topic:B');
        // the newest three are kept (length retention): each reads back as readAfter returns it
        const kept = await s.log.readAfter('A', null, 100);
        for (const e of kept) expect(await s.log.at('A', e.cursor as string)).toEqual(e);
        expect(kept.map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
        expect(await s.log.at('A', cursors[5] as string)).toEqual({ ...events[5], cursor: cursors[5] });
        // dropped by retention
        for (const c of cursors.slice(0, 3)) expect(await s.log.at('A', c), c).toBeNull();
        // another instance's cursor, on this instance and on an instance with no log
        expect(await s.log.at('A', b)).toBeNull();
        expect(await s.log.at('nobody', cursors[5] as string)).toBeNull();
        expect(await s.log.at('B', b)).toEqual(expect.objectContaining({ instanceId: 'B', cursor: b }));
        // a well-formed cursor of an epoch this log never had, and a position the log never issued
        const [epoch, position] = (cursors[5] as string).split('.') as [string, string];
        expect(await s.log.at('A', `000000000000.${position}`)).toBeNull();
        // an epoch-less cursor (the format before epochs) names no event
        expect(await s.log.at('A', position)).toBeNull();
        const neverIssued = position.includes('-')
          ? `${epoch}.${position.split('-')[0] as string}-${BigInt(position.split('-')[1] as string) + 1000n}`
          : `${epoch}.${Number(position) + 1000}`;
        expect(await s.log.at('A', neverIssued)).toBeNull();
        for (const junk of ['', 'junk', '-1', '1-2-3']) await expect(s.log.at('A', junk), junk).rejects.toBeInstanceOf(InvalidCursorError);
        // after the log is lost, its old cursors name nothing
        const after = await factory.loseLog(s, 'A');
        expect(await after.log.at('A', cursors[5] as string)).toBeNull();
      });

      it('replaces a cursor the event already carries', async () => {
        const s = await factory.open();
        const c = await s.log.append({ ...event('A', 1), cursor: 'stale' }, 'topic:A');
        const [read] = await s.log.readAfter('A', null, 10);
        expect(read?.cursor).toBe(c);
      });

      it('rejects junk cursors with InvalidCursorError', async () => {
        const s = await factory.open();
        const c = await s.log.append(event('A', 1), 'topic:A');
        for (const junk of ['', 'junk', '12abc', '-1', 'x-1', '1-2-3', '1.5']) {
          await expect(s.log.readAfter('A', junk, 10), junk).rejects.toBeInstanceOf(InvalidCursorError);
          expect(() => s.log.compare(junk, c), junk).toThrow(InvalidCursorError);
        }
      });

      it('length retention: keeps the newest maxLength, and a cursor whose successors were dropped expires', async () => {
        const s = await factory.open({ retention: { maxLength: 5, maxAgeMs: 3_600_000 } });
        const cursors: string[] = [];
        for (let i = 0; i < 12; i++) cursors.push(await s.log.append(event('A', i), 'topic:A'));
        const kept = await s.log.readAfter('A', null, 100);
        expect(kept.map((e) => e.cursor)).toEqual(cursors.slice(7));
        await expect(s.log.readAfter('A', cursors[0] as string, 100)).rejects.toBeInstanceOf(CursorExpiredError);
        await expect(s.log.readAfter('A', cursors[5] as string, 100)).rejects.toBeInstanceOf(CursorExpiredError);
        // the last dropped event's own cursor: nothing after it was lost, so it still reads
        expect((await s.log.readAfter('A', cursors[6] as string, 100)).map((e) => e.cursor)).toEqual(cursors.slice(7));
        expect((await s.log.readAfter('A', cursors[9] as string, 100)).map((e) => e.cursor)).toEqual(cursors.slice(10));
      });

      it('age retention: events older than maxAgeMs are dropped on the next append, and their cursors expire', async () => {
        const s = await factory.open({ retention: { maxLength: 1_000, maxAgeMs: 150 } });
        const old: string[] = [];
        for (let i = 0; i < 3; i++) old.push(await s.log.append(event('A', i), 'topic:A'));
        await sleep(300);
        const fresh = await s.log.append(event('A', 3), 'topic:A');
        expect((await s.log.readAfter('A', null, 100)).map((e) => e.cursor)).toEqual([fresh]);
        await expect(s.log.readAfter('A', old[0] as string, 100)).rejects.toBeInstanceOf(CursorExpiredError);
        await expect(s.log.readAfter('A', old[1] as string, 100)).rejects.toBeInstanceOf(CursorExpiredError);
        expect((await s.log.readAfter('A', old[2] as string, 100)).map((e) => e.cursor)).toEqual([fresh]);
        // retention is per instance: another instance's log is untouched
        const other = await s.log.append(event('B', 0), 'topic:B');
        expect((await s.log.readAfter('B', null, 10)).map((e) => e.cursor)).toEqual([other]);
      });

      it('epoch: a cursor from before the log was lost is CursorExpiredError, never an empty answer', async () => {
        const before = await factory.open();
        const old: string[] = [];
        for (let i = 0; i < 3; i++) old.push(await before.log.append(event('A', i), 'topic:A'));
        const s = await factory.loseLog(before, 'A');
        // the log is gone and nothing new came yet: still not "nothing after your cursor"
        await expect(s.log.readAfter('A', old[2] as string, 100)).rejects.toBeInstanceOf(CursorExpiredError);
        const fresh = await s.log.append(event('A', 10), 'topic:A');
        expect(s.log.compare(fresh, fresh)).toBe(0);
        for (const c of old) await expect(s.log.readAfter('A', c, 100), c).rejects.toBeInstanceOf(CursorExpiredError);
        // the new epoch's cursors work, and reading from the start is the new log
        expect((await s.log.readAfter('A', null, 100)).map((e) => e.cursor)).toEqual([fresh]);
        expect(await s.log.readAfter('A', fresh, 100)).toEqual([]);
      });

      it("epoch: cursors carry the epoch; another instance's epoch is not this one's", async () => {
        const s = await factory.open();
        const a = await s.log.append(event('A', 1), 'topic:A');
        const b = await s.log.append(event('B', 1), 'topic:B');
        expect(a.split('.')[0]).toMatch(/^[0-9a-f]{12}$/);
        expect(a.split('.')[0]).not.toBe(b.split('.')[0]);
        await expect(s.log.readAfter('A', b, 10)).rejects.toBeInstanceOf(CursorExpiredError);
        // a well-formed cursor of an epoch this log never had
        await expect(s.log.readAfter('A', `000000000000.${a.split('.')[1] as string}`, 10)).rejects.toBeInstanceOf(CursorExpiredError);
        // the live copy carries the same epoch as the log's
        const live: string[] = [];
        await s.bus.subscribe('topic:A', (m) => live.push((JSON.parse(m) as DomainEvent).cursor as string));
        const c = await s.log.append(event('A', 2), 'topic:A');
        await waitFor(() => live.length === 1);
        expect(live).toEqual([c]);
        expect((await s.log.readAfter('A', a, 10)).map((e) => e.cursor)).toEqual([c]);
      });

      it.runIf(factory.replicas)('replicas: appends from two replicas form one log, in one order', async () => {
        const a = await factory.open();
        const b = await factory.open({ share: a });
        const live: string[] = [];
        await b.bus.subscribe('topic:A', (m) => live.push((JSON.parse(m) as DomainEvent).cursor as string));
        const cursors = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).log.append(event('A', i), 'topic:A')));
        await waitFor(() => live.length === 20);
        const fromA = (await a.log.readAfter('A', null, 100)).map((e) => e.cursor);
        expect(fromA).toEqual(live);
        expect((await b.log.readAfter('A', null, 100)).map((e) => e.cursor)).toEqual(fromA);
        expect(new Set(cursors)).toEqual(new Set(fromA));
      });
    });

    describe('dedupe', () => {
      it('claim → busy while leased → complete → done; release never undoes done', async () => {
        const s = await factory.open();
        expect(await s.dedupe.claim('k', 5_000)).toBe('claimed');
        expect(await s.dedupe.claim('k', 5_000)).toBe('busy');
        await s.dedupe.complete('k', 60_000);
        expect(await s.dedupe.claim('k', 5_000)).toBe('done');
        await s.dedupe.release('k');
        expect(await s.dedupe.claim('k', 5_000)).toBe('done');
      });

      it('release lets a redelivery claim again', async () => {
        const s = await factory.open();
        expect(await s.dedupe.claim('k', 5_000)).toBe('claimed');
        await s.dedupe.release('k');
        expect(await s.dedupe.claim('k', 5_000)).toBe('claimed');
      });

      it('an expired lease (a crash) lets a redelivery claim; an expired done mark is forgotten', async () => {
        const s = await factory.open();
        expect(await s.dedupe.claim('lease', 100)).toBe('claimed');
        expect(await s.dedupe.claim('lease', 100)).toBe('busy');
        await s.dedupe.claim('done', 5_000);
        await s.dedupe.complete('done', 100);
        expect(await s.dedupe.claim('done', 100)).toBe('done');
        await sleep(250);
        expect(await s.dedupe.claim('lease', 5_000)).toBe('claimed');
        expect(await s.dedupe.claim('done', 5_000)).toBe('claimed');
      });

      it("leases carry their owner: a late release of an expired lease does not free the newer owner's", async () => {
        const s = await factory.open();
        const a = newLeaseOwner();
        const b = newLeaseOwner();
        expect(a).not.toBe(b);
        expect(await s.dedupe.claim('k', 100, a)).toBe('claimed');
        await sleep(250);
        expect(await s.dedupe.claim('k', 5_000, b)).toBe('claimed');
        await s.dedupe.release('k', a);
        await s.dedupe.release('k');
        expect(await s.dedupe.claim('k', 5_000, newLeaseOwner())).toBe('busy');
        await s.dedupe.release('k', b);
        expect(await s.dedupe.claim('k', 5_000, a)).toBe('claimed');
        // the owner's own release works; complete is a fact whoever holds the lease
        await s.dedupe.complete('k', 60_000);
        await s.dedupe.release('k', a);
        expect(await s.dedupe.claim('k', 5_000, b)).toBe('done');
      });

      it('concurrent claims: exactly one is claimed', async () => {
        const s = await factory.open();
        const results = await Promise.all(Array.from({ length: 25 }, () => s.dedupe.claim('k', 5_000)));
        expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
        expect(results.filter((r) => r === 'busy')).toHaveLength(24);
      });

      it.runIf(factory.replicas)('replicas: a claim on one is seen by the other', async () => {
        const a = await factory.open();
        const b = await factory.open({ share: a });
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).dedupe.claim('k', 5_000)));
        expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
        await a.dedupe.complete('k', 60_000);
        expect(await b.dedupe.claim('k', 5_000)).toBe('done');
      });
    });

    describe('idempotency', () => {
      it('begin → busy → finish → done with the result; abort never undoes a result', async () => {
        const s = await factory.open();
        expect(await s.idempotency.begin('k', 5_000)).toEqual({ state: 'new' });
        expect(await s.idempotency.begin('k', 5_000)).toEqual({ state: 'busy' });
        const result = JSON.stringify({ id: 'msg-1', text: 'ünïcødé' });
        await s.idempotency.finish('k', result, 60_000);
        expect(await s.idempotency.begin('k', 5_000)).toEqual({ state: 'done', result });
        await s.idempotency.abort('k');
        expect(await s.idempotency.begin('k', 5_000)).toEqual({ state: 'done', result });
      });

      it('abort (or an expired lease) hands the key to the next caller', async () => {
        const s = await factory.open();
        expect(await s.idempotency.begin('a', 5_000)).toEqual({ state: 'new' });
        await s.idempotency.abort('a');
        expect(await s.idempotency.begin('a', 5_000)).toEqual({ state: 'new' });
        expect(await s.idempotency.begin('b', 100)).toEqual({ state: 'new' });
        await sleep(250);
        expect(await s.idempotency.begin('b', 5_000)).toEqual({ state: 'new' });
      });

      it("leases carry their owner: a late abort of an expired lease does not free the newer owner's", async () => {
        const s = await factory.open();
        const a = newLeaseOwner();
        const b = newLeaseOwner();
        expect(await s.idempotency.begin('k', 100, a)).toEqual({ state: 'new' });
        await sleep(250);
        expect(await s.idempotency.begin('k', 5_000, b)).toEqual({ state: 'new' });
        await s.idempotency.abort('k', a);
        await s.idempotency.abort('k');
        expect(await s.idempotency.begin('k', 5_000, newLeaseOwner())).toEqual({ state: 'busy' });
        await s.idempotency.abort('k', b);
        expect(await s.idempotency.begin('k', 5_000, a)).toEqual({ state: 'new' });
        await s.idempotency.finish('k', 'result', 60_000);
        await s.idempotency.abort('k', a);
        expect(await s.idempotency.begin('k', 5_000, b)).toEqual({ state: 'done', result: 'result' });
      });

      it('keeps any result string verbatim, including ones that look like internal markers', async () => {
        const s = await factory.open();
        for (const [i, result] of ['', 'N', 'L', 'D', 'lease', '\u0000lease', 'x'.repeat(10_000)].entries()) {
          await s.idempotency.begin(`k${i}`, 5_000);
          await s.idempotency.finish(`k${i}`, result, 60_000);
          expect(await s.idempotency.begin(`k${i}`, 5_000)).toEqual({ state: 'done', result });
        }
      });

      it('a finished result expires after its ttl', async () => {
        const s = await factory.open();
        await s.idempotency.begin('k', 5_000);
        await s.idempotency.finish('k', 'r', 100);
        await sleep(250);
        expect(await s.idempotency.begin('k', 5_000)).toEqual({ state: 'new' });
      });

      it('concurrent begin: exactly one new', async () => {
        const s = await factory.open();
        const results = await Promise.all(Array.from({ length: 25 }, () => s.idempotency.begin('k', 5_000)));
        expect(results.filter((r) => r.state === 'new')).toHaveLength(1);
        expect(results.filter((r) => r.state === 'busy')).toHaveLength(24);
      });

      it.runIf(factory.replicas)('replicas: concurrent begin across replicas: exactly one new, and both see the result', async () => {
        const a = await factory.open();
        const b = await factory.open({ share: a });
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).idempotency.begin('k', 5_000)));
        expect(results.filter((r) => r.state === 'new')).toHaveLength(1);
        await a.idempotency.finish('k', 'result', 60_000);
        expect(await b.idempotency.begin('k', 5_000)).toEqual({ state: 'done', result: 'result' });
      });
    });

    describe('statuses', () => {
      it('advances only upwards; the same (rank, event) again is a retry and answers true', async () => {
        const s = await factory.open();
        expect(await s.statuses.advance('m', 1, 'sent', 60_000)).toBe(true);
        expect(await s.statuses.advance('m', 0, 'pending', 60_000)).toBe(false);
        expect(await s.statuses.advance('m', 1, 'other-sent', 60_000)).toBe(false);
        expect(await s.statuses.advance('m', 1, 'sent', 60_000)).toBe(true);
        expect(await s.statuses.advance('m', 3, 'read', 60_000)).toBe(true);
        expect(await s.statuses.advance('m', 2, 'delivered', 60_000)).toBe(false);
        expect(await s.statuses.advance('m', 1, 'sent', 60_000)).toBe(false);
        expect(await s.statuses.advance('other', 0, 'pending', 60_000)).toBe(true);
      });

      it('concurrent advance to one rank: exactly one winner', async () => {
        const s = await factory.open();
        const results = await Promise.all(Array.from({ length: 25 }, (_, i) => s.statuses.advance('m', 2, `e${i}`, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('concurrent advance to many ranks ends at the highest, and the highest always wins', async () => {
        const s = await factory.open();
        const ranks = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
        const results = await Promise.all(ranks.map((r, i) => s.statuses.advance('m', r, `e${i}`, 60_000)));
        expect(results[ranks.indexOf(9)]).toBe(true);
        expect(await s.statuses.advance('m', 8, 'late', 60_000)).toBe(false);
        expect(await s.statuses.advance('m', 10, 'later', 60_000)).toBe(true);
      });

      it('a mark expires after its ttl', async () => {
        const s = await factory.open();
        expect(await s.statuses.advance('m', 5, 'a', 100)).toBe(true);
        await sleep(250);
        expect(await s.statuses.advance('m', 1, 'b', 60_000)).toBe(true);
      });

      it.runIf(factory.replicas)('replicas: concurrent advance across replicas: exactly one winner', async () => {
        const a = await factory.open();
        const b = await factory.open({ share: a });
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).statuses.advance('m', 2, `e${i}`, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('messages', () => {
      messageStoreSuite(factory);
    });

    describe('messages, events stored whole by the pipeline (Stores.ingest)', () => {
      messageStoreSuite(factory, 'pipeline');
    });

    describe('tracking', () => {
      it('tracks per instance, lists oldest first up to the limit, re-tracking replaces the record, untrack drops', async () => {
        const s = await factory.open();
        await s.tracking.track('A', 'm1', 'r1', 60_000, 10);
        await sleep(5);
        await s.tracking.track('A', 'm2', 'r2', 60_000, 10);
        await sleep(5);
        await s.tracking.track('A', 'm3', 'ünï "r3"', 60_000, 10);
        await s.tracking.track('B', 'm1', 'other', 60_000, 10);
        expect(await s.tracking.list('A', 10)).toEqual([
          { id: 'm1', record: 'r1' },
          { id: 'm2', record: 'r2' },
          { id: 'm3', record: 'ünï "r3"' },
        ]);
        expect(await s.tracking.list('A', 2)).toEqual([
          { id: 'm1', record: 'r1' },
          { id: 'm2', record: 'r2' },
        ]);
        expect(await s.tracking.list('B', 10)).toEqual([{ id: 'm1', record: 'other' }]);
        expect(await s.tracking.list('C', 10)).toEqual([]);
        await s.tracking.track('A', 'm2', 'r2-delivered', 59_000, 10);
        expect((await s.tracking.list('A', 10)).find((e) => e.id === 'm2')).toEqual({ id: 'm2', record: 'r2-delivered' });
        await s.tracking.untrack('A', 'm2');
        await s.tracking.untrack('A', 'never');
        expect((await s.tracking.list('A', 10)).map((e) => e.id)).toEqual(['m1', 'm3']);
      });

      it('beyond max the oldest are dropped; an entry expires after its ttl', async () => {
        const s = await factory.open();
        for (let i = 0; i < 5; i++) {
          await s.tracking.track('A', `m${i}`, `r${i}`, 60_000, 3);
          await sleep(3);
        }
        expect((await s.tracking.list('A', 10)).map((e) => e.id)).toEqual(['m2', 'm3', 'm4']);
        // the soonest-expiring go first: beyond max, a short-lived entry is dropped before older long-lived ones
        await s.tracking.track('A', 'short', 'x', 100, 3);
        expect((await s.tracking.list('A', 10)).map((e) => e.id)).toEqual(['m2', 'm3', 'm4']);
        await s.tracking.track('A', 'short', 'x', 100, 10);
        expect((await s.tracking.list('A', 10)).map((e) => e.id)).toEqual(['short', 'm2', 'm3', 'm4']);
        await sleep(250);
        expect((await s.tracking.list('A', 10)).map((e) => e.id)).toEqual(['m2', 'm3', 'm4']);
      });

      it('the lease: one owner at a time per instance, renewed by its owner, free after it expires or is resigned', async () => {
        const s = await factory.open();
        expect(await s.tracking.lead('A', 'one', 200)).toBe(true);
        expect(await s.tracking.lead('A', 'two', 200)).toBe(false);
        expect(await s.tracking.lead('B', 'two', 200)).toBe(true);
        expect(await s.tracking.lead('A', 'one', 200)).toBe(true);
        await s.tracking.resign('A', 'two');
        expect(await s.tracking.lead('A', 'two', 200)).toBe(false);
        await sleep(300);
        expect(await s.tracking.lead('A', 'two', 60_000)).toBe(true);
        expect(await s.tracking.lead('A', 'one', 60_000)).toBe(false);
        await s.tracking.resign('A', 'two');
        expect(await s.tracking.lead('A', 'one', 60_000)).toBe(true);
      });

      it.runIf(factory.replicas)('replicas: a message tracked on one is listed on the other; concurrent leads: exactly one winner', async () => {
        const a = await factory.open();
        const b = await factory.open({ share: a });
        await a.tracking.track('A', 'from-a', 'ra', 60_000, 10);
        await b.tracking.track('A', 'from-b', 'rb', 60_000, 10);
        expect((await b.tracking.list('A', 10)).map((e) => e.id).sort()).toEqual(['from-a', 'from-b']);
        await b.tracking.untrack('A', 'from-a');
        expect((await a.tracking.list('A', 10)).map((e) => e.id)).toEqual(['from-b']);
        const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).tracking.lead('A', `owner${i}`, 60_000)));
        expect(wins.filter(Boolean)).toHaveLength(1);
      });
    });

    it('ping answers true while the backend is up, and close is idempotent', async () => {
      const s = await factory.open();
      expect(await s.ping()).toBe(true);
      await s.close();
      await s.close();
    });
  });
}

// ---------------------------------------------------------------------------------------

const memoryFactory: StoresFactory = (() => {
  const opened: Stores[] = [];
  return {
    name: 'memory',
    replicas: false,
    async open(options) {
      const s = createMemoryStores(options?.retention, options?.messageRetention);
      opened.push(s);
      return s;
    },
    // a memory log is lost when its process restarts: new stores are the restarted process
    async loseLog() {
      return this.open();
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    },
  };
})();

const redisFactory: StoresFactory = (() => {
  const opened: Stores[] = [];
  const prefixes = new Map<Stores, string>();
  return {
    name: 'redis',
    replicas: true,
    async open(options) {
      const keyPrefix = (options?.share && prefixes.get(options.share)) ?? uniquePrefix('stores');
      const s = await createRedisStores({
        url: TEST_REDIS_URL,
        keyPrefix,
        ...(options?.retention ? { retention: options.retention } : {}),
        ...(options?.messageRetention ? { messageRetention: options.messageRetention } : {}),
      });
      opened.push(s);
      prefixes.set(s, keyPrefix);
      return s;
    },
    async loseLog(stores, instanceId) {
      const prefix = prefixes.get(stores) as string;
      const admin = new Redis(TEST_REDIS_URL);
      try {
        const keys = await admin.keys(`${prefix}:{${instanceId}}:*`);
        const logKeys = Object.values(eventLogKeys(prefix, instanceId));
        expect(keys.length).toBeGreaterThan(0);
        for (const k of keys) expect(logKeys).toContain(k);
        await admin.del(...keys);
      } finally {
        admin.disconnect();
      }
      return stores;
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      const used = new Set(prefixes.values());
      prefixes.clear();
      for (const p of used) await deletePrefix(p);
    },
  };
})();

storesSuite(memoryFactory);
storesSuite(redisFactory);

describe('redis specifics', () => {
  const prefix = uniquePrefix('redis-specific');
  const admin = new Redis(TEST_REDIS_URL);
  const opened: Stores[] = [];
  const open = async () => {
    const s = await createRedisStores({ url: TEST_REDIS_URL, keyPrefix: prefix });
    opened.push(s);
    return s;
  };
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await deletePrefix(prefix);
    admin.disconnect();
  });

  it('1,000 subscribers of one topic are one Redis subscription; the last removal unsubscribes', async () => {
    const s = await open();
    const channel = `${prefix}:bus:crowd`;
    const counts = new Array<number>(1000).fill(0);
    const offs = await Promise.all(
      counts.map((_, i) =>
        s.bus.subscribe('crowd', () => {
          counts[i] = (counts[i] ?? 0) + 1;
        }),
      ),
    );
    expect(await admin.pubsub('NUMSUB', channel)).toEqual([channel, 1]);
    await s.bus.publish('crowd', 'hello');
    await waitFor(() => counts.every((c) => c === 1), 5_000, 'fan-out to 1,000');
    await Promise.all(offs.slice(0, 999).map((off) => off()));
    expect(await admin.pubsub('NUMSUB', channel)).toEqual([channel, 1]);
    await offs[999]?.();
    expect(await admin.pubsub('NUMSUB', channel)).toEqual([channel, 0]);
  });

  it('messages: every key of an instance carries its hash tag and expires with the retention age', async () => {
    // its own prefix: the next test counts every key under the shared one
    const own = uniquePrefix('redis-messages');
    const s = await createRedisStores({ url: TEST_REDIS_URL, keyPrefix: own });
    opened.push(s);
    const at = Date.now() - 60_000;
    await s.messages.update(
      'tagged',
      'm1',
      sentChange({ id: 'm1', instanceId: 'tagged', chatId: '5511000000001', fromMe: true, timestamp: at, status: 'SENT', content: { kind: 'text', body: 'x' } }),
    );
    await applyEvent(s.messages, {
      type: 'MESSAGE_RECEIVED',
      id: 'tagged-ev',
      instanceId: 'tagged',
      occurredAt: at + 1,
      message: { id: 'm2', instanceId: 'tagged', chatId: '5511000000001', fromMe: false, timestamp: at + 1, content: { kind: 'text', body: 'y' } },
    });
    await s.messages.markReadUpTo('tagged', '5511000000001', at);
    const keys = (await admin.keys(`${own}:*tagged*`)).sort();
    const k = messageKeys(own, 'tagged');
    expect(keys).toEqual([k.chat('5511000000001'), k.record('m1'), k.record('m2'), k.readUpTo('5511000000001'), k.unread('5511000000001')].sort());
    for (const key of keys) {
      expect(key.startsWith(`${own}:{tagged}:`), key).toBe(true);
      const ttl = await admin.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(DEFAULT_MESSAGE_RETENTION.maxAgeMs);
    }
    await deletePrefix(own);
  });

  it('keeps every key and channel under its prefix, the log in one stream per instance', async () => {
    const s = await open();
    await s.log.append(event('inst-1', 1), 'instance:inst-1');
    await s.dedupe.claim('d', 5_000);
    await s.idempotency.begin('i', 5_000);
    await s.statuses.advance('st', 1, 'e', 60_000);
    expect(await admin.type(`${prefix}:{inst-1}:events`)).toBe('stream');
    expect(await admin.xlen(`${prefix}:{inst-1}:events`)).toBe(1);
    const keys = (await admin.keys(`${prefix}:*`)).sort();
    expect(keys).toEqual([`${prefix}:{d}:dedupe`, `${prefix}:{i}:idem`, `${prefix}:{inst-1}:epoch`, `${prefix}:{inst-1}:events`, `${prefix}:{st}:status`].sort());
    expect(await admin.pttl(`${prefix}:{d}:dedupe`)).toBeGreaterThan(4_000);
    expect(await admin.pttl(`${prefix}:{st}:status`)).toBeGreaterThan(59_000);
    expect(await admin.pttl(`${prefix}:{inst-1}:epoch`)).toBe(-1);
  });

  it('cursors are `<epoch>.<stream id>`, which XRANGE and the epoch key agree with', async () => {
    const s = await open();
    const c = await s.log.append(event('inst-2', 1), 'instance:inst-2');
    expect(c).toMatch(/^[0-9a-f]{12}\.\d+-\d+$/);
    const [[id]] = (await admin.xrange(`${prefix}:{inst-2}:events`, '-', '+')) as [[string, string[]]];
    expect(c).toBe(`${c.split('.')[0] as string}.${id}`);
    expect(await admin.get(`${prefix}:{inst-2}:epoch`)).toBe(`${c.split('.')[0] as string} ${id.split('-')[0] as string}`);
  });

  it('every key the stores write for one instance is in its hash tag (one Cluster slot)', async () => {
    const s = await open();
    const inst = 'inst-slot';
    const hashTag = (key: string) => {
      // Redis Cluster: the slot of a key with a non-empty `{…}` is the slot of what is between the first `{` and the next `}`
      const open = key.indexOf('{');
      const close = key.indexOf('}', open + 1);
      return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : null;
    };
    // the two callers' key conventions: pipeline `<instance>:<eventId>` / `<instance>:<messageId>`, idempotency `<instance>:<op>:<hash>`
    await s.dedupe.claim(`${inst}:ev-1`, 5_000, newLeaseOwner());
    await s.dedupe.claim(`${inst}:ev-2`, 5_000);
    await s.dedupe.complete(`${inst}:ev-2`, 60_000);
    await s.idempotency.begin(`${inst}:SEND_TEXT:abc:def`, 5_000, newLeaseOwner());
    await s.statuses.advance(`${inst}:msg-1`, 1, 'e', 60_000);
    for (let i = 0; i < 5; i++) await s.log.append(event(inst, i), `instance:${inst}`);
    await s.log.readAfter(inst, null, 10);
    await s.tracking.track(inst, 'msg-1', '{}', 60_000, 10);
    await s.tracking.lead(inst, 'owner', 60_000);
    const keys = (await admin.keys(`${prefix}:*`)).filter((k) => k.includes(inst));
    expect(keys).toHaveLength(9);
    for (const key of keys) expect(hashTag(key), key).toBe(inst);
    expect(keys.sort()).toEqual(
      [
        ...Object.values(eventLogKeys(prefix, inst)).filter((k) => !k.endsWith(':trimmed')),
        taggedKey(prefix, 'dedupe', `${inst}:ev-1`),
        taggedKey(prefix, 'dedupe', `${inst}:ev-2`),
        taggedKey(prefix, 'idem', `${inst}:SEND_TEXT:abc:def`),
        taggedKey(prefix, 'status', `${inst}:msg-1`),
        ...Object.values(trackingKeys(prefix, inst)),
      ].sort(),
    );
    // the trimmed watermark too, once retention dropped something; and the multi-key scripts' keys share the tag
    expect(new Set(Object.values(eventLogKeys(prefix, inst)).map(hashTag))).toEqual(new Set([inst]));
    expect(taggedKey(prefix, 'dedupe', `${inst}:a:b`)).toBe(`${prefix}:{${inst}}:dedupe:a:b`);
    expect(taggedKey(prefix, 'dedupe', `${inst}:`)).not.toBe(taggedKey(prefix, 'dedupe', inst));
  });

  it('tracking: expiry on the Redis clock in a sorted set, records in a hash, both keys expire; the leader key holds its owner', async () => {
    const s = await open();
    const k = trackingKeys(prefix, 'inst-track');
    await s.tracking.track('inst-track', 'm1', 'rec', 60_000, 10);
    expect(await admin.hget(k.records, 'm1')).toBe('rec');
    const score = Number(await admin.zscore(k.set, 'm1'));
    const [sec] = await admin.time();
    expect(Math.abs(score - (Number(sec) * 1000 + 60_000))).toBeLessThan(2_000);
    for (const key of [k.set, k.records]) expect(await admin.pttl(key)).toBeGreaterThan(50_000);
    await s.tracking.untrack('inst-track', 'm1');
    expect(await admin.exists(k.set, k.records)).toBe(0);
    expect(await s.tracking.lead('inst-track', 'me', 5_000)).toBe(true);
    expect(await admin.get(k.leader)).toBe('me');
    expect(await admin.pttl(k.leader)).toBeGreaterThan(4_000);
  });

  it('stores the lease owner, and release/abort are compare-and-delete in Redis', async () => {
    const s = await open();
    const owner = newLeaseOwner();
    await s.dedupe.claim('inst-own:ev', 5_000, owner);
    await s.idempotency.begin('inst-own:op:h', 5_000, owner);
    expect(await admin.get(taggedKey(prefix, 'dedupe', 'inst-own:ev'))).toBe(`lease:${owner}`);
    expect(await admin.get(taggedKey(prefix, 'idem', 'inst-own:op:h'))).toBe(`L${owner}`);
    await s.dedupe.release('inst-own:ev', 'someone-else');
    await s.idempotency.abort('inst-own:op:h', 'someone-else');
    expect(await admin.exists(taggedKey(prefix, 'dedupe', 'inst-own:ev'), taggedKey(prefix, 'idem', 'inst-own:op:h'))).toBe(2);
    await s.dedupe.release('inst-own:ev', owner);
    await s.idempotency.abort('inst-own:op:h', owner);
    expect(await admin.exists(taggedKey(prefix, 'dedupe', 'inst-own:ev'), taggedKey(prefix, 'idem', 'inst-own:op:h'))).toBe(0);
  });

  it("epoch-less cursors (before epochs) are the current epoch's when not older than it, and expire otherwise", async () => {
    const s = await open();
    const legacyOld = `${Date.now() - 60_000}-0`;
    const c1 = await s.log.append(event('inst-legacy', 1), 'instance:inst-legacy');
    const c2 = await s.log.append(event('inst-legacy', 2), 'instance:inst-legacy');
    const legacy1 = c1.split('.')[1] as string;
    expect((await s.log.readAfter('inst-legacy', legacy1, 10)).map((e) => e.cursor)).toEqual([c2]);
    await expect(s.log.readAfter('inst-legacy', legacyOld, 10)).rejects.toBeInstanceOf(CursorExpiredError);
    expect(s.log.compare(legacy1, c2)).toBeLessThan(0);
  });

  it('a stream whose epoch key alone was lost gets a new epoch on read: no earlier cursor passes for current', async () => {
    const s = await open();
    const c1 = await s.log.append(event('inst-evicted', 1), 'instance:inst-evicted');
    await admin.del(`${prefix}:{inst-evicted}:epoch`);
    await expect(s.log.readAfter('inst-evicted', c1, 10)).rejects.toBeInstanceOf(CursorExpiredError);
    await expect(s.log.readAfter('inst-evicted', c1.split('.')[1] as string, 10)).rejects.toBeInstanceOf(CursorExpiredError);
    const [again] = await s.log.readAfter('inst-evicted', null, 10);
    expect(again?.cursor).not.toBe(c1);
    expect(again?.cursor?.split('.')[1]).toBe(c1.split('.')[1]);
    const c2 = await s.log.append(event('inst-evicted', 2), 'instance:inst-evicted');
    expect((await s.log.readAfter('inst-evicted', again?.cursor as string, 10)).map((e) => e.cursor)).toEqual([c2]);
  });

  it('Redis lost its data (FLUSHDB on a private Redis): a cursor from before is CursorExpiredError', async () => {
    const redis = await startPrivateRedis();
    const stores = await createRedisStores({ url: redis.url, keyPrefix: 'flush' });
    const priv = new Redis(redis.url);
    try {
      const before = await stores.log.append(event('inst-f', 1), 'instance:inst-f');
      await priv.flushdb();
      await expect(stores.log.readAfter('inst-f', before, 10)).rejects.toBeInstanceOf(CursorExpiredError);
      const after = await stores.log.append(event('inst-f', 2), 'instance:inst-f');
      expect(after.split('.')[0]).not.toBe(before.split('.')[0]);
      await expect(stores.log.readAfter('inst-f', before, 10)).rejects.toBeInstanceOf(CursorExpiredError);
      expect((await stores.log.readAfter('inst-f', null, 10)).map((e) => e.cursor)).toEqual([after]);
    } finally {
      priv.disconnect();
      await stores.close();
      await redis.kill();
    }
  });

  it('rejects a wrong URL quickly without leaking it', async () => {
    const started = Date.now();
    const err = await createRedisStores({ url: 'redis://user:s3cret@127.0.0.1:1', connectTimeoutMs: 500 }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('backs off with a cap (Math.min, not Math.max)', () => {
    expect(reconnectDelayMs(1, 1_000)).toBe(50);
    expect(reconnectDelayMs(2, 1_000)).toBe(100);
    expect(reconnectDelayMs(5, 1_000)).toBe(800);
    expect(reconnectDelayMs(6, 1_000)).toBe(1_000);
    expect(reconnectDelayMs(1_000, 1_000)).toBe(1_000);
  });

  it('trims length in batches of 0.1 % (1..100 entries)', () => {
    expect(trimBatch(5)).toBe(1);
    expect(trimBatch(1_000)).toBe(1);
    expect(trimBatch(100_000)).toBe(100);
    expect(trimBatch(10_000_000)).toBe(100);
  });
});
