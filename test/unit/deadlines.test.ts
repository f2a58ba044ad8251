import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from '../../src/deadlines.js';

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
