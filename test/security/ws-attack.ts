import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';

/** A graphql-transport-ws message as the server sends it. */
export interface WsMessage {
  type: string;
  id?: string;
  payload?: any;
}

/** A raw graphql-transport-ws socket that records every message and how it closed. */
export interface RawSocket {
  socket: WebSocket;
  messages: WsMessage[];
  /** Resolves with the close code and reason once the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Sends one message (an object is JSON-encoded, a string or buffer goes as it is). */
  send(message: object | string | Buffer): void;
  /** Resolves once `pred` holds for the messages received, or rejects after `timeoutMs`. */
  until(pred: (messages: WsMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Opens a raw socket on `/graphql` with the graphql-transport-ws subprotocol; resolves once it is open. */
export async function rawSocket(url: string): Promise<RawSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: WsMessage[] = [];
  const waiters: Array<() => void> = [];
  // a server that closes while we still write answers with a reset: that is the close we wait for
  socket.on('error', () => undefined);
  socket.on('message', (data) => {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
    messages.push(JSON.parse(text) as WsMessage);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const w of waiters.splice(0)) w();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message)),
    until: (pred, timeoutMs = 4_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(messages).slice(0, 1000)}`)), timeoutMs);
        const check = () => {
          if (pred(messages)) {
            clearTimeout(timer);
            resolve();
          } else if (socket.readyState === WebSocket.CLOSED) {
            clearTimeout(timer);
            reject(new Error(`socket closed; got ${JSON.stringify(messages).slice(0, 1000)}`));
          } else waiters.push(check);
        };
        check();
      }),
    close: () => socket.close(),
  };
}

/** A raw socket past `connection_init` (acknowledged). */
export async function initialisedSocket(url: string, authorization?: string): Promise<RawSocket> {
  const raw = await rawSocket(url);
  raw.send({ type: 'connection_init', payload: authorization ? { authorization } : {} });
  await raw.until((m) => m.some((x) => x.type === 'connection_ack'));
  return raw;
}

let gcFn: (() => void) | undefined;

/** Runs a full garbage collection (exposing `gc` through V8's flags when the process was not started with `--expose-gc`). */
export function collectGarbage(): void {
  if (!gcFn) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gcFn = exposed;
    else {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    }
  }
  gcFn();
  gcFn();
}

/** `heapUsed` in bytes after a full collection. */
export function settledHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Milliseconds `/healthz` took to answer 200; rejects when it did not within `timeoutMs`. */
export async function healthzMs(url: string, timeoutMs = 1_000): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
  if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
  await res.arrayBuffer();
  return performance.now() - start;
}
