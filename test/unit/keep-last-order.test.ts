import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/subscriptions/memory-stores.js';
import { InvalidCursorError, keepLastOrder } from '../../src/subscriptions/stores.js';

/** `keepLastOrder` (src/subscriptions/stores.ts): the event log's compare keeps its last answer, and only that. */
describe('keepLastOrder', () => {
  it('asks the order once for a repeated pair, again for any other pair, and keeps nothing from a throw', () => {
    const asked: string[] = [];
    const order = keepLastOrder((a, b) => {
      asked.push(`${a}|${b}`);
      if (a === 'bad') throw new InvalidCursorError();
      return Number(a) - Number(b);
    });
    expect([order('2', '1'), order('2', '1'), order('2', '1')]).toEqual([1, 1, 1]);
    expect(order('1', '2')).toBe(-1);
    expect(order('2', '1')).toBe(1);
    expect(() => order('bad', '1')).toThrow(InvalidCursorError);
    expect(() => order('bad', '1')).toThrow(InvalidCursorError);
    expect(asked).toEqual(['2|1', '1|2', '2|1', 'bad|1', 'bad|1']);
  });

  it("is the memory event log's compare: cursors it appended order as they were appended", async () => {
    const stores = createMemoryStores();
    const first = await stores.log.append({ id: 'a', type: 'CONNECTION_CHANGED', instanceId: 'i', occurredAt: 0, state: 'CONNECTED' }, 'topic');
    const second = await stores.log.append({ id: 'b', type: 'CONNECTION_CHANGED', instanceId: 'i', occurredAt: 0, state: 'DISCONNECTED' }, 'topic');
    expect(Math.sign(stores.log.compare(second, first))).toBe(1);
    expect(Math.sign(stores.log.compare(second, first))).toBe(1);
    expect(Math.sign(stores.log.compare(first, second))).toBe(-1);
    expect(stores.log.compare(first, first)).toBe(0);
    await stores.close();
  });
});
