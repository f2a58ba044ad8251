import { afterEach, describe, expect, it } from 'vitest';
import { GraphError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import type { DomainEvent } from '../../src/providers/model.js';
import { startPoller, type Poller } from '../../src/providers/poller.js';

const logger = createLogger('silent');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const event = (n: number): DomainEvent => ({ type: 'INSTANCE_EVENT', id: `e${n}`, instanceId: 'i1', occurredAt: n, kind: 'TEST', raw: null });

const running: Poller[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

describe('startPoller', () => {
  it('never overlaps sweeps, even when a sweep outlasts the interval', async () => {
    let active = 0;
    let maxActive = 0;
    let sweeps = 0;
    running.push(
      startPoller({
        task: 'test',
        intervalMs: 5,
        logger,
        sink: { accept: async () => undefined },
        sweep: async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await sleep(30);
          active -= 1;
          sweeps += 1;
          return [];
        },
      }),
    );
    await sleep(200);
    expect(sweeps).toBeGreaterThanOrEqual(2);
    expect(maxActive).toBe(1);
  });

  it("hands each sweep's events to the sink, then calls onAccepted; none for an empty sweep", async () => {
    const accepted: DomainEvent[][] = [];
    const confirmed: string[] = [];
    let n = 0;
    running.push(
      startPoller({
        task: 'test',
        intervalMs: 5,
        logger,
        sink: { accept: async (events) => void accepted.push(events) },
        onAccepted: (events) => confirmed.push(...events.map((e) => e.id)),
        sweep: async () => (++n % 2 === 0 ? [] : [event(n)]),
      }),
    );
    await sleep(80);
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    expect(accepted.every((batch) => batch.length === 1)).toBe(true);
    expect(confirmed).toEqual(accepted.flat().map((e) => e.id));
  });

  it('stop() waits for the sweep in flight, aborts its signal, and no sweep starts afterwards', async () => {
    let started = 0;
    let finished = 0;
    let sawAbort = false;
    const poller = startPoller({
      task: 'test',
      intervalMs: 5,
      logger,
      sink: { accept: async () => undefined },
      sweep: async (signal) => {
        started += 1;
        await sleep(50);
        sawAbort = signal.aborted;
        finished += 1;
        return [];
      },
    });
    await sleep(20);
    expect(started).toBe(1);
    await poller.stop();
    expect(finished).toBe(1);
    expect(sawAbort).toBe(true);
    await sleep(40);
    expect(started).toBe(1);
  });

  it('an error in one sweep, or a sink that refuses, does not stop the next sweep (and onAccepted is skipped)', async () => {
    let n = 0;
    const confirmed: string[] = [];
    let sinkCalls = 0;
    running.push(
      startPoller({
        task: 'test',
        intervalMs: 5,
        logger,
        sink: {
          accept: async () => {
            sinkCalls += 1;
            if (sinkCalls === 1) throw new GraphError('SERVICE_UNAVAILABLE', 'down');
          },
        },
        onAccepted: (events) => confirmed.push(...events.map((e) => e.id)),
        sweep: async () => {
          n += 1;
          if (n === 1) throw new Error('boom with a secret');
          return [event(n)];
        },
      }),
    );
    await sleep(100);
    expect(n).toBeGreaterThanOrEqual(4);
    expect(sinkCalls).toBe(n - 1);
    expect(confirmed[0]).toBe('e3');
  });

  it('stop() before the first sweep: no sweep ever runs', async () => {
    let sweeps = 0;
    const poller = startPoller({ task: 'test', intervalMs: 10, logger, sink: { accept: async () => undefined }, sweep: async () => (sweeps++, []) });
    await poller.stop();
    await sleep(40);
    expect(sweeps).toBe(0);
  });
});
