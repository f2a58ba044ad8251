import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { KEEP_ALIVE_SLOTS, graphqlWsSocketClass, serveGraphqlWs } from '../../src/server/ws-transport.js';

/**
 * The WebSocket keep-alive (src/server/ws-transport.ts) against real `ws` clients: every socket is
 * pinged once a period, a socket that stops answering is terminated within two periods, and the
 * pings are spread over the period a slot at a time, not sent to every socket in one burst.
 */

const PERIOD_MS = 500;

let http: Server | undefined;
let dispose: (() => Promise<void>) | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await dispose?.();
  dispose = undefined;
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  http = undefined;
});

async function start(): Promise<string> {
  http = createServer();
  const wss = new WebSocketServer({ server: http, path: '/graphql', WebSocket: graphqlWsSocketClass(() => undefined) });
  const served = serveGraphqlWs({ schema: buildSchema('type Query { ok: Boolean }') }, wss, createLogger('silent'), PERIOD_MS);
  dispose = () => served.dispose();
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
}

/** Opens a graphql-ws socket (connection_init acknowledged); `autoPong: false` makes it ignore pings. */
async function open(url: string, autoPong = true): Promise<WebSocket> {
  const socket = new WebSocket(url, GRAPHQL_TRANSPORT_WS_PROTOCOL, { autoPong });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('message', () => resolve());
  });
  return socket;
}

describe('WebSocket keep-alive', () => {
  it('pings every socket once a period and keeps the ones that answer', async () => {
    const url = await start();
    const socket = await open(url);
    let pings = 0;
    socket.on('ping', () => pings++);
    await sleep(PERIOD_MS * 3.5);
    expect(pings).toBeGreaterThanOrEqual(3);
    expect(pings).toBeLessThanOrEqual(4);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it('terminates a socket that stops answering within two periods, and only that one', async () => {
    const url = await start();
    // taken before the silent socket joins: its opening (and the other's) count in the time to its end, never against it
    const openedAt = performance.now();
    const silent = await open(url, false);
    const closedAt = new Promise<number>((resolve) => silent.once('close', () => resolve(performance.now())));
    const answering = await open(url);
    const elapsed = (await closedAt) - openedAt;
    expect(elapsed).toBeGreaterThan(PERIOD_MS * 0.9);
    expect(elapsed).toBeLessThan(PERIOD_MS * 2 + 250);
    expect(answering.readyState).toBe(WebSocket.OPEN);
  });

  it('spreads the pings over the period a slot at a time instead of pinging every socket at once', async () => {
    const url = await start();
    const count = KEEP_ALIVE_SLOTS * 2;
    const opened = await Promise.all(Array.from({ length: count }, () => open(url)));
    const firstPing = await Promise.all(opened.map((s) => new Promise<number>((resolve) => s.once('ping', () => resolve(performance.now())))));
    const sorted = firstPing.sort((a, b) => a - b);
    // one slot per PERIOD_MS / KEEP_ALIVE_SLOTS: the first pings of the 100 sockets span most of a period
    expect((sorted.at(-1) as number) - (sorted[0] as number)).toBeGreaterThan(PERIOD_MS / 2);
    // and no tick pings more than its slot: 2 sockets each, so no 10 first pings land within 1 ms
    for (let i = 10; i < sorted.length; i++) expect((sorted[i] as number) - (sorted[i - 10] as number)).toBeGreaterThan(1);
  });
});
