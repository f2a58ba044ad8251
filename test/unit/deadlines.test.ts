import { describe, expect, it } from 'vitest';
import { DeadlineQueue, endDeadline } from '../../src/deadlines.js';

/** src/deadlines.ts: deadlines of one duration on one timer (issue 13). */
describe('DeadlineQueue', () => {
  it('aborts every unfinished deadline when it passes, with a TimeoutError, and never a finished one', async () => {
    const queue = new DeadlineQueue(40);
    const a = queue.start();
    const b = queue.start();
    await new Promise((r) => setTimeout(r, 10));
    const c = queue.start();
    b.done();
    expect(a.at).toBeLessThanOrEqual(c.at);
    await new Promise((r) => setTimeout(r, 45));
    expect(a.signal.aborted).toBe(true);
    expect((a.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(b.signal.aborted).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(c.signal.aborted).toBe(true);
    expect(queue.size).toBe(0);
  });

  it('drops finished deadlines without aborting them, and arms again for later ones', async () => {
    const queue = new DeadlineQueue(20);
    const finished = Array.from({ length: 2_000 }, () => queue.start());
    for (const d of finished) d.done();
    await new Promise((r) => setTimeout(r, 40));
    expect(finished.some((d) => d.signal.aborted)).toBe(false);
    expect(queue.size).toBe(0);
    const late = queue.start();
    const aborted = new Promise<void>((r) => late.signal.addEventListener('abort', () => r()));
    await aborted;
    expect(Date.now()).toBeGreaterThanOrEqual(late.at - 1);
  });
});

/** src/deadlines.ts: a deadline is an EventEmitter undici and the field guard wait on; its AbortSignal is made on demand. */
describe('Deadline as a signal', () => {
  it('fires its abort event once, sets aborted and reason, and gives an aborted AbortSignal when asked after it passed', async () => {
    const queue = new DeadlineQueue(20);
    const d = queue.start();
    let fired = 0;
    // `on`, not `once`: a second emit would count
    d.on('abort', () => fired++);
    expect(d.aborted).toBe(false);
    expect(d.reason).toBeUndefined();
    await new Promise((r) => setTimeout(r, 40));
    expect(fired).toBe(1);
    expect(d.aborted).toBe(true);
    expect(d.reason?.name).toBe('TimeoutError');
    expect(d.signal.aborted).toBe(true);
    expect(d.signal.reason).toBe(d.reason);
  });

  it('a listener removed before the deadline passes is not called, and a finished deadline never fires', async () => {
    const queue = new DeadlineQueue(20);
    const removed = queue.start();
    const finished = queue.start();
    let calls = 0;
    const listener = () => calls++;
    removed.once('abort', listener);
    removed.removeListener('abort', listener);
    finished.on('abort', listener);
    finished.done();
    await new Promise((r) => setTimeout(r, 40));
    expect(calls).toBe(0);
    expect(removed.aborted).toBe(true);
    expect(finished.aborted).toBe(false);
  });

  it('endDeadline ends one through the signal its waiters see', async () => {
    const queue = new DeadlineQueue(20);
    const d = queue.start();
    endDeadline(d);
    await new Promise((r) => setTimeout(r, 40));
    expect(d.aborted).toBe(false);
    expect(queue.size).toBe(0);
  });

  it('undici takes it as a request signal: a call past the deadline fails with its TimeoutError', async () => {
    const { createServer } = await import('node:http');
    const { request } = await import('undici');
    const server = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const queue = new DeadlineQueue(50);
      const d = queue.start();
      const { port } = server.address() as { port: number };
      const err = await request(`http://127.0.0.1:${port}/`, { signal: d }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err?.name).toBe('TimeoutError');
      expect(d.aborted).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
