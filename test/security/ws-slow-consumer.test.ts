import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_SOCKET_BUFFERED_BYTES } from '../../src/subscriptions/ws-execution.js';
import { eventually } from '../helpers/app.js';
import { inboundTextBody, webhookProvider } from '../helpers/providers.js';
import { useSimulatedApp } from '../helpers/simulated-app.js';

/**
 * Back-pressure on WebSocket (issue 13, item 4: subscriptions write their own frames, so the
 * server, not graphql-ws, bounds what a socket may owe): a subscriber that stops reading is ended
 * with `SERVICE_UNAVAILABLE` and `resume: true` once more than {@link MAX_SOCKET_BUFFERED_BYTES}
 * wait unsent for it, the server's memory stays bounded, a reading subscriber on another socket
 * gets everything, and the slow one resumes from its last cursor with nothing missing. Real
 * sockets, real webhooks over HTTP.
 */

const mod = webhookProvider();
const INSTANCE = 'slow';
const SECRET = `${INSTANCE}-webhook-secret-0123456789`;
const h = useSimulatedApp([{ id: INSTANCE, provider: mod.kind }]);

/** Text of each message: 32 KB, so a few hundred events owe a stopped socket more than the limit plus the kernel's buffers. */
const TEXT = 'x'.repeat(32 * 1024);
const EVENTS = 700;
const SUBSCRIBE = `subscription($after: String) { events(instanceId: "${INSTANCE}", after: $after, types: [MESSAGE_RECEIVED]) { cursor ... on MessageReceivedEvent { message { providerMessageId content { ... on TextContent { body } } } } } }`;

interface Frame {
  id?: string;
  type: string;
  payload?: unknown;
}

/** A raw graphql-transport-ws socket, acknowledged, recording every frame it reads. */
async function socket(): Promise<{ ws: WebSocket; frames: Frame[] }> {
  const ws = new WebSocket(`${h.app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const frames: Frame[] = [];
  ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8')) as Frame));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await eventually(() => frames.some((f) => f.type === 'connection_ack'), 5_000, 'connection_ack');
  return { ws, frames };
}

async function post(n: number): Promise<void> {
  const res = await fetch(`${h.app.url}/webhooks/${INSTANCE}/${SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: inboundTextBody(mod, `slow-${n}`, { occurredAt: 1_700_000_000_000 + n, text: TEXT }),
  });
  expect(res.status).toBeLessThan(300);
  await res.arrayBuffer();
}

type NextPayload = { data?: { events: { cursor: string; message: { providerMessageId: string } } }; errors?: Array<{ extensions?: Record<string, unknown> }> };

describe('a WebSocket subscriber that stops reading', () => {
  it(`is ended with SERVICE_UNAVAILABLE (resume) past ${MAX_SOCKET_BUFFERED_BYTES / 1024 / 1024} MiB unsent, without hurting a reader, and resumes with nothing missing`, async () => {
    const slow = await socket();
    const reader = await socket();
    slow.ws.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: SUBSCRIBE, variables: { after: null } } }));
    reader.ws.send(JSON.stringify({ id: 'r', type: 'subscribe', payload: { query: SUBSCRIBE, variables: { after: null } } }));
    await new Promise((r) => setTimeout(r, 300));
    await post(-1);
    await eventually(() => [slow, reader].every((s) => s.frames.some((f) => f.type === 'next')), 5_000, 'both live');
    // the slow client stops reading its TCP socket: what the server sends piles up in the kernel, then in the server's buffer
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let n = 0; n < EVENTS; n++) await post(n);
    await eventually(() => reader.frames.filter((f) => f.type === 'next').length >= EVENTS + 1, 30_000, 'the reader got every event');
    // the server is still healthy and answers at once
    expect((await fetch(`${h.app.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).status).toBe(200);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);

    // the slow client reads again: what was sent before the limit, then the end of its subscription
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await eventually(() => slow.frames.some((f) => f.type === 'error' || f.type === 'complete'), 30_000, 'the slow subscription ended');
    const end = slow.frames.find((f) => f.type === 'error' || f.type === 'complete')!;
    const endErrors = (end.type === 'error' ? end.payload : (slow.frames.filter((f) => f.type === 'next').at(-1)?.payload as NextPayload | undefined)?.errors) as Array<{
      extensions?: Record<string, unknown>;
    }>;
    expect(endErrors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', resume: true });
    const got = slow.frames.filter((f) => f.type === 'next' && (f.payload as NextPayload).data).map((f) => (f.payload as NextPayload).data!.events);
    expect(got.length).toBeLessThan(EVENTS + 1);

    // resuming from its last cursor brings exactly the rest, in order
    const last = got.at(-1)!.cursor;
    slow.frames.length = 0;
    slow.ws.send(JSON.stringify({ id: 's2', type: 'subscribe', payload: { query: SUBSCRIBE, variables: { after: last } } }));
    const want = EVENTS + 1 - got.length;
    await eventually(() => slow.frames.filter((f) => f.type === 'next').length >= want, 30_000, 'the rest replayed');
    const rest = slow.frames.filter((f) => f.type === 'next').map((f) => (f.payload as NextPayload).data!.events.message.providerMessageId);
    const all = [...got.map((e) => e.message.providerMessageId), ...rest];
    expect(all).toEqual(['slow--1', ...Array.from({ length: EVENTS }, (_, n) => `slow-${n}`)]);
    slow.ws.close();
    reader.ws.close();
  }, 120_000);
});
