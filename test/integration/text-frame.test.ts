import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textFrame } from '../../src/subscriptions/ws-execution.js';

/**
 * The fan-out's own WebSocket text frames (src/subscriptions/ws-execution.ts `textFrame`), written
 * under a `ws` server socket the way the fan-out writes them, read by a real `ws` client: every
 * length encoding of RFC 6455 §5.2 (7-bit, 16-bit, 64-bit) at its edges, and multi-byte UTF-8.
 */

let wss: WebSocketServer;
let url: string;

beforeAll(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
});

/** Sends `head` + `tail` as one fan-out frame straight onto the server socket; answers what the client received. */
async function roundTrip(head: string, tail: string): Promise<{ text: string; isBinary: boolean }> {
  const connected = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(url);
  const received = new Promise<{ text: string; isBinary: boolean }>((resolve, reject) => {
    client.once('message', (data: Buffer, isBinary) => resolve({ text: data.toString('utf8'), isBinary }));
    client.once('error', reject);
  });
  const server = await connected;
  const raw = (server as unknown as { _socket: Socket })._socket;
  raw.write(textFrame(Buffer.from(head), Buffer.from(tail)));
  try {
    return await received;
  } finally {
    client.terminate();
  }
}

describe('textFrame', () => {
  const head = '{"id":"1","type":"next","payload":';
  // the shortest message: the prefix and an empty string payload (`""}`)
  for (const length of [head.length + 3, 125, 126, 127, 0xffff, 0x10000, 70_000]) {
    it(`frames a ${length}-byte message that a ws client reads back whole`, async () => {
      const tail = `"${'x'.repeat(length - head.length - 3)}"}`;
      const message = head + tail;
      expect(Buffer.byteLength(message)).toBe(length);
      expect(await roundTrip(head, tail)).toEqual({ text: message, isBinary: false });
    });
  }

  it('uses the shortest length encoding (2, 4 or 10 header bytes)', () => {
    const frameOf = (n: number) => textFrame(Buffer.alloc(0), Buffer.alloc(n, 0x61));
    expect(frameOf(125).length - 125).toBe(2);
    expect(frameOf(126).length - 126).toBe(4);
    expect(frameOf(0xffff).length - 0xffff).toBe(4);
    expect(frameOf(0x10000).length - 0x10000).toBe(10);
    expect([...frameOf(0x10000).subarray(0, 10)]).toEqual([0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('carries multi-byte UTF-8 as written', async () => {
    const tail = '{"body":"olá 👋 مرحبا"}}';
    expect(await roundTrip(head, tail)).toEqual({ text: head + tail, isBinary: false });
  });
});
