import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { toGlobalId } from '../../src/global-ids.js';
import { fanoutStats } from '../../src/server/websocket.js';
import type { FanoutStats } from '../../src/subscriptions/ws-execution.js';
import { eventually } from '../helpers/app.js';
import { inboundTextBody, webhookProvider } from '../helpers/providers.js';
import { useSimulatedApp } from '../helpers/simulated-app.js';

/**
 * Issue 13, item 4: a subscription payload is executed and serialised once per (event,
 * document, variables), and that one JSON goes, as it is, into the `next` frame of every socket
 * that asked for it; only the subscription id differs. Real sockets, real webhooks over HTTP.
 */

const mod = webhookProvider();
const INSTANCE = 'fanout';
const SECRET = `${INSTANCE}-webhook-secret-0123456789`;
const h = useSimulatedApp([{ id: INSTANCE, provider: mod.kind }]);

const QUERY = `subscription($i: ID!, $full: Boolean!) { messageReceived(instanceId: $i) { id providerMessageId timestamp content { __typename ... on TextContent @include(if: $full) { body } } } }`;
/** Sockets with the same document and variables. */
const SAME = 20;
/** Sockets with the same document and other variables. */
const OTHER = 5;

/** A raw graphql-transport-ws socket that keeps every text frame exactly as it arrived. */
interface Recorder {
  socket: WebSocket;
  frames: string[];
}

async function recorder(url: string): Promise<Recorder> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const frames: string[] = [];
  socket.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await eventually(() => frames.some((f) => JSON.parse(f).type === 'connection_ack'), 5_000, 'connection_ack');
  return { socket, frames };
}

/** The `next` frames of a recorder, as received. */
const nexts = (r: Recorder) => r.frames.filter((f) => (JSON.parse(f) as { type: string }).type === 'next');

async function postWebhook(messageId: string, n: number): Promise<void> {
  const res = await fetch(`${h.app.url}/webhooks/${INSTANCE}/${SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: inboundTextBody(mod, messageId, { occurredAt: 1_700_000_000_000 + n, text: `fan-out ${n}` }),
  });
  await res.arrayBuffer();
  expect(res.status).toBe(200);
}

describe('WebSocket fan-out: one serialisation per (event, document, variables)', () => {
  const same: Recorder[] = [];
  const other: Recorder[] = [];
  const stats = (): FanoutStats => ({ ...fanoutStats(h.app.httpServer)! });

  beforeAll(async () => {
    for (let i = 0; i < SAME + OTHER; i++) {
      const r = await recorder(h.app.url);
      const full = i < SAME;
      (full ? same : other).push(r);
      // ids differ from socket to socket, as clients choose them
      r.socket.send(JSON.stringify({ id: `sub-${i}`, type: 'subscribe', payload: { query: QUERY, variables: { i: INSTANCE, full } } }));
    }
    // live once a probe reaches every socket
    for (let probe = 0; ; probe++) {
      expect(probe).toBeLessThan(50);
      await postWebhook(`probe-${probe}`, probe);
      await new Promise((r) => setTimeout(r, 200));
      if ([...same, ...other].every((r) => nexts(r).some((f) => f.includes(`"probe-${probe}"`)))) break;
    }
    for (const r of [...same, ...other]) r.frames.length = 0;
  });

  afterAll(() => {
    for (const r of [...same, ...other]) r.socket.terminate();
  });

  it('every socket gets byte-identical payload JSON, serialised once per event and variables; only the id differs', async () => {
    const before = stats();
    await postWebhook('fanout-1', 1_000);
    await eventually(() => [...same, ...other].every((r) => nexts(r).length === 1), 10_000, 'one next frame on every socket');
    const after = stats();

    const payloadOf = (frame: string, id: string) => {
      const prefix = `{"id":"${id}","type":"next","payload":`;
      expect(frame.startsWith(prefix)).toBe(true);
      expect(frame.endsWith('}')).toBe(true);
      return frame.slice(prefix.length, -1);
    };
    const samePayloads = same.map((r, i) => payloadOf(nexts(r)[0]!, `sub-${i}`));
    const otherPayloads = other.map((r, i) => payloadOf(nexts(r)[0]!, `sub-${SAME + i}`));
    expect(new Set(samePayloads).size).toBe(1);
    expect(new Set(otherPayloads).size).toBe(1);
    // different variables: a different payload, in a frame of its own
    expect(samePayloads[0]).not.toBe(otherPayloads[0]);
    expect(JSON.parse(samePayloads[0]!)).toMatchObject({
      data: { messageReceived: { id: toGlobalId('Message', INSTANCE, 'fanout-1'), providerMessageId: 'fanout-1', content: { __typename: 'TextContent', body: 'fan-out 1000' } } },
    });
    expect(JSON.parse(otherPayloads[0]!).data.messageReceived.content).toEqual({ __typename: 'TextContent' });
    // the bytes graphql-ws itself would have sent for that message
    const frame = nexts(same[3]!)[0]!;
    expect(JSON.stringify({ id: 'sub-3', type: 'next', payload: JSON.parse(samePayloads[0]!) })).toBe(frame);

    // one execution and one stringify per (event, document, variables): two variable sets, two of each
    expect(after.executions - before.executions).toBe(2);
    expect(after.serialisations - before.serialisations).toBe(2);
    expect(after.frames - before.frames).toBe(SAME + OTHER);
  });

  it('a burst arrives complete and in order on every socket, still one serialisation per event and variables', async () => {
    for (const r of [...same, ...other]) r.frames.length = 0;
    const before = stats();
    const ids = Array.from({ length: 10 }, (_, i) => `burst-${i}`);
    // posted one after another (each answered before the next): the log order is this order
    for (const [i, id] of ids.entries()) await postWebhook(id, 2_000 + i);
    await eventually(() => [...same, ...other].every((r) => nexts(r).length === ids.length), 10_000, 'every burst frame on every socket');
    for (const r of [...same, ...other]) expect(nexts(r).map((f) => JSON.parse(f).payload.data.messageReceived.providerMessageId)).toEqual(ids);
    const after = stats();
    expect(after.serialisations - before.serialisations).toBe(2 * ids.length);
    expect(after.frames - before.frames).toBe((SAME + OTHER) * ids.length);
  });

  it('complete from the client stops its frames at once and is not echoed; the other sockets keep theirs', async () => {
    for (const r of [...same, ...other]) r.frames.length = 0;
    same[0]!.socket.send(JSON.stringify({ id: 'sub-0', type: 'complete' }));
    await new Promise((r) => setTimeout(r, 200));
    await postWebhook('after-complete', 3_000);
    await eventually(() => same.slice(1).every((r) => nexts(r).length === 1), 10_000, 'the others still receive');
    await new Promise((r) => setTimeout(r, 200));
    expect(same[0]!.frames).toEqual([]);
  });
});
