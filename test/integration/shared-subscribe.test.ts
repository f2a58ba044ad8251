import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, type ExecutionArgs } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { graphqlWsSocketClass, serveGraphqlWs } from '../../src/server/ws-transport.js';
import { DocumentCache, sharedSubscribe, type Delivery, type FanoutStats } from '../../src/subscriptions/ws-execution.js';
import { eventually } from '../helpers/app.js';

/**
 * `sharedSubscribe` (src/subscriptions/ws-execution.ts) served by graphql-ws over a real `ws`
 * server to real graphql-ws clients: one execution and one serialisation per event however many
 * subscribe; on plain sockets the fan-out writes the `next` frames itself, on sockets that
 * negotiated permessage-deflate graphql-ws sends them (ws would queue its compressed frames, and
 * one of ours would overtake them); either way every client gets every event in order, and the
 * `complete` after them.
 */

interface Tick {
  n: number;
  text: string;
}

/** Every open subscription's event queue: `emit` hands an event to each, `end` ends them all. */
class Channel {
  private readonly sinks = new Set<{ push(v: IteratorResult<unknown>): void }>();

  iterator(): AsyncIterableIterator<unknown> {
    const queue: IteratorResult<unknown>[] = [];
    let wake: (() => void) | undefined;
    const sink = {
      push: (v: IteratorResult<unknown>) => {
        queue.push(v);
        wake?.();
      },
    };
    this.sinks.add(sink);
    const sinks = this.sinks;
    return {
      async next() {
        while (!queue.length) await new Promise<void>((r) => (wake = r));
        return queue.shift() as IteratorResult<unknown>;
      },
      async return() {
        sinks.delete(sink);
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** One event object shared by every subscriber (as the topic hub shares its parsed events). */
  emit(tick: Tick): void {
    const event = { tick };
    for (const s of this.sinks) s.push({ value: event, done: false });
  }

  end(): void {
    for (const s of this.sinks) s.push({ value: undefined, done: true });
  }

  get size(): number {
    return this.sinks.size;
  }
}

const TickType = new GraphQLObjectType({ name: 'Tick', fields: { n: { type: GraphQLInt }, text: { type: GraphQLString } } });

let http: Server | undefined;
let dispose: (() => Promise<void>) | undefined;
let clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
  clients = [];
  await dispose?.();
  dispose = undefined;
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  http = undefined;
});

/** A graphql-ws server whose subscriptions go through `sharedSubscribe` with a delivery per subscription, as the app's. */
async function start(perMessageDeflate: boolean): Promise<{ url: string; channel: Channel; stats: FanoutStats }> {
  const channel = new Channel();
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt, resolve: () => 1 } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { tick: { type: TickType, subscribe: () => channel.iterator(), resolve: (event: { tick: Tick }) => event.tick } },
    }),
  });
  const documents = new DocumentCache(schema);
  const stats: FanoutStats = { executions: 0, serialisations: 0, frames: 0 };
  const deliveries = new WeakMap<object, Delivery>();
  http = createServer();
  const wss = new WebSocketServer({ server: http, path: '/graphql', perMessageDeflate, WebSocket: graphqlWsSocketClass(() => undefined) });
  const served = serveGraphqlWs(
    {
      schema,
      onSubscribe: (ctx, id, payload) => {
        const document = documents.get(payload.query);
        if (!('kind' in document)) return [...document];
        const args: ExecutionArgs = { schema, document, variableValues: payload.variables ?? null, operationName: payload.operationName ?? null };
        deliveries.set(args, { socket: ctx.extra.socket, id });
        return args;
      },
      subscribe: sharedSubscribe(documents, { deliveryOf: (args) => deliveries.get(args), stats }),
    },
    wss,
    createLogger('silent'),
    0,
  );
  dispose = () => served.dispose();
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  return { url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`, channel, stats };
}

/** `count` clients each subscribed to `tick`; each collects what it receives until `complete`. */
function subscribeMany(url: string, count: number): { received: string[][]; completed: Promise<void[]> } {
  const received: string[][] = [];
  const completions: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    const mine: string[] = [];
    received.push(mine);
    completions.push(
      new Promise<void>((resolve, reject) =>
        client.subscribe<{ tick: Tick }>(
          { query: 'subscription { tick { n text } }' },
          { next: (r) => mine.push(`${r.data?.tick.n}:${r.data?.tick.text}`), error: reject, complete: resolve },
        ),
      ),
    );
  }
  return { received, completed: Promise.all(completions) };
}

const COUNT = 40;
const TICKS: Tick[] = [
  { n: 1, text: 'plain' },
  { n: 2, text: 'olá 👋 "quoted"' },
  { n: 3, text: 'x'.repeat(70_000) },
];
const expected = TICKS.map((t) => `${t.n}:${t.text}`);

/**
 * Serves `tick` (with or without permessage-deflate), subscribes {@link COUNT} clients, emits
 * {@link TICKS} and ends the stream in the same turn as the last event (so `complete` must still
 * follow that event's frame); checks every client got every event, in order, before `complete`.
 * @returns the fan-out's counters
 */
async function deliverTicks(perMessageDeflate: boolean): Promise<FanoutStats> {
  const { url, channel, stats } = await start(perMessageDeflate);
  const { received, completed } = subscribeMany(url, COUNT);
  await eventually(() => channel.size === COUNT, 5_000, 'every subscription');
  for (const t of TICKS) channel.emit(t);
  channel.end();
  await completed;
  for (const r of received) expect(r).toEqual(expected);
  return stats;
}

describe('sharedSubscribe through graphql-ws', () => {
  it('writes the next frames itself on plain sockets: one execution per event, every client gets every event, then complete', async () => {
    expect(await deliverTicks(false)).toEqual({ executions: TICKS.length, serialisations: TICKS.length, frames: TICKS.length * COUNT });
  });

  it('leaves the frames to graphql-ws on sockets that negotiated permessage-deflate, still executing once per event', async () => {
    const stats = await deliverTicks(true);
    expect(stats.frames).toBe(0);
    expect(stats.executions).toBe(TICKS.length);
  });
});
