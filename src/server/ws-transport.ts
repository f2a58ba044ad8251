import type { IncomingMessage } from 'node:http';
import { CloseCode, DEPRECATED_GRAPHQL_WS_PROTOCOL, handleProtocols, makeServer, type ServerOptions, type WebSocket as GraphqlWsSocket } from 'graphql-ws';
import { WebSocket, type RawData, type WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';

/**
 * graphql-ws on a `ws` server, like graphql-ws's own `useServer` (`graphql-ws/use/ws`), with the
 * protocol left entirely to graphql-ws's `makeServer` (connection_init and its timeout, ping and
 * pong messages, subscribe, next, error, complete, close codes), but lighter per socket, which is
 * what thousands of idle subscribers cost:
 *
 * - the socket's listeners are shared functions and its state lives on the socket (a subclass of
 *   `ws`'s WebSocket), not in a dozen closures per socket;
 * - one keep-alive timer for the whole server, not one interval per socket: every
 *   `keepAliveMs` each open socket is pinged, and a socket that did not answer the previous ping
 *   is terminated (as `useServer`: at most two periods without a pong). The sockets are spread
 *   over {@link KEEP_ALIVE_SLOTS} slots pinged in turn, so the pings, and the pongs they draw,
 *   come a slot at a time through the period (as `useServer`'s per-socket intervals do), never
 *   as one burst of a write and a read per socket that live events would queue behind;
 * - a received message is handed to graphql-ws as a string and its frame's buffer let go (the
 *   `useServer` handler keeps it for as long as a subscription it started runs).
 *
 * Internal errors are logged (not printed) and close the socket with 4500, as `useServer` does.
 */

/** What graphql-ws's hooks get as `ctx.extra`: the socket and its upgrade request (as with `useServer`). */
export interface WsExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/** Ours: graphql-ws's default keep-alive period (`useServer`'s 12 s), milliseconds. */
export const KEEP_ALIVE_MS = 12_000;
/**
 * Ours: the slots the sockets are spread over for keep-alive, one pinged every
 * `keepAliveMs / KEEP_ALIVE_SLOTS` (240 ms by default): 1,000 subscribers draw about 20 pings and
 * 20 pongs per tick instead of 1,000 of each every 12 s (about 25 ms of this machine's CPU in one
 * burst, bench/run.ts).
 */
export const KEEP_ALIVE_SLOTS = 50;

/** The transport graphql-ws's `makeServer` writes to: a class, so a socket costs one object and no closures. */
class Transport implements GraphqlWsSocket {
  readonly protocol: string;
  handler: ((data: string) => Promise<void>) | undefined;
  closed: ((code?: number, reason?: string) => Promise<void>) | undefined;

  constructor(private readonly ws: WebSocket) {
    this.protocol = ws.protocol;
  }

  send(data: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws.readyState !== WebSocket.OPEN) return resolve();
      this.ws.send(data, (err) => (err ? reject(err) : resolve()));
    });
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  onMessage(cb: (data: string) => Promise<void>): void {
    this.handler = cb;
  }
}

/** The class of the server's sockets ({@link graphqlWsSocketClass}): `ws`'s WebSocket with the graphql-ws state of the socket. */
export interface GraphqlWsSocketState {
  transport: Transport | undefined;
  awaitingPong: boolean;
  /** The keep-alive slot the socket is in (undefined: none, or keep-alive is off). */
  keepAliveSlot: Set<WebSocket> | undefined;
}

type StatefulSocket = WebSocket & GraphqlWsSocketState;

/**
 * The class to give `ws` as its `WebSocket` option. `ws` answers a frame over `maxPayload` itself
 * (close 1009, nothing parsed) and then reports it as a socket `error`: that error is passed to
 * `onOversize` and goes no further (no stack trace, no 4500 over the 1009).
 */
export function graphqlWsSocketClass(onOversize: () => void): typeof WebSocket {
  return class GraphqlWsSocket extends WebSocket implements GraphqlWsSocketState {
    transport: Transport | undefined = undefined;
    awaitingPong = false;
    keepAliveSlot: Set<WebSocket> | undefined = undefined;

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'error' && (args[0] as { code?: unknown } | undefined)?.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        onOversize();
        return true;
      }
      return super.emit(event, ...args);
    }
  };
}

/**
 * Serves graphql-ws on `wss` (whose `WebSocket` option is a {@link graphqlWsSocketClass}).
 * @param keepAliveMs ping period, ms (0: no keep-alive)
 * @returns `dispose`: closes every socket (1001 Going away) and the WebSocket server
 */
export function serveGraphqlWs<P extends Record<string, unknown> | undefined, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, WsExtra & E>,
  wss: WebSocketServer,
  logger: Logger,
  keepAliveMs = KEEP_ALIVE_MS,
): { dispose(): Promise<void> } {
  const isProd = process.env.NODE_ENV === 'production';
  const server = makeServer(options);
  const reasonOf = (err: unknown) => (isProd ? 'Internal server error' : limitCloseReason(err instanceof Error ? err.message : String(err), 'Internal server error'));

  wss.options.handleProtocols = handleProtocols;
  wss.once('error', (err) => {
    logger.error({ transport: 'ws', err: err.message }, 'internal error on the WebSocket server: closing every socket');
    for (const client of wss.clients) client.close(CloseCode.InternalServerError, reasonOf(err));
  });

  function onMessage(this: WebSocket, data: RawData): void {
    const handler = (this as StatefulSocket).transport?.handler;
    if (!handler) return;
    handler(textOf(data)).catch((err: unknown) => {
      logger.error({ transport: 'ws', err: err instanceof Error ? err.message : String(err) }, 'internal error while handling a WebSocket message: socket closed with 4500');
      this.close(CloseCode.InternalServerError, reasonOf(err));
    });
  }
  function onError(this: WebSocket, err: Error): void {
    logger.error({ transport: 'ws', err: err.message }, 'internal error on a WebSocket: socket closed with 4500');
    this.close(CloseCode.InternalServerError, reasonOf(err));
  }
  function onPong(this: WebSocket): void {
    (this as StatefulSocket).awaitingPong = false;
  }
  function onClose(this: WebSocket, code: number, reason: Buffer): void {
    const socket = this as StatefulSocket;
    const closed = socket.transport?.closed;
    socket.transport = undefined;
    socket.keepAliveSlot?.delete(socket);
    socket.keepAliveSlot = undefined;
    if (!isProd && code === (CloseCode.SubprotocolNotAcceptable as number) && this.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL) {
      logger.warn({ transport: 'ws' }, 'a client offered the deprecated subscriptions-transport-ws subprotocol "graphql-ws": only "graphql-transport-ws" is served');
    }
    void closed?.(code, String(reason));
  }

  const heartbeat = keepAliveMs > 0 && Number.isFinite(keepAliveMs) ? new Heartbeat(keepAliveMs) : undefined;

  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const socket = ws as StatefulSocket;
    socket.on('error', onError);
    socket.on('pong', onPong);
    socket.on('close', onClose);
    heartbeat?.add(socket);
    const transport = new Transport(socket);
    socket.transport = transport;
    transport.closed = server.opened(transport, { socket, request } as unknown as WsExtra & E);
    socket.on('message', onMessage);
  });

  return {
    dispose: async () => {
      heartbeat?.stop();
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/**
 * The server's one keep-alive timer: the sockets are dealt round-robin into
 * {@link KEEP_ALIVE_SLOTS} slots, and every `periodMs / KEEP_ALIVE_SLOTS` the next slot's open
 * sockets are pinged, or terminated when the previous ping (one period ago) got no pong. Each
 * socket is thus pinged once per `periodMs`, and terminated after at most two periods of silence.
 */
class Heartbeat {
  private readonly slots: Set<WebSocket>[] = Array.from({ length: KEEP_ALIVE_SLOTS }, () => new Set<WebSocket>());
  /** The slot the next socket goes into. */
  private dealt = 0;
  /** The slot pinged next. */
  private due = 0;
  private readonly timer: NodeJS.Timeout;

  /** @param periodMs each socket's ping period, ms (> 0) */
  constructor(periodMs: number) {
    this.timer = setInterval(() => this.beat(), periodMs / KEEP_ALIVE_SLOTS);
    this.timer.unref();
  }

  /** Puts a new socket in the next slot (it leaves on `close`: the transport's onClose). */
  add(socket: StatefulSocket): void {
    const slot = this.slots[this.dealt] as Set<WebSocket>;
    this.dealt = (this.dealt + 1) % KEEP_ALIVE_SLOTS;
    slot.add(socket);
    socket.keepAliveSlot = slot;
  }

  private beat(): void {
    const slot = this.slots[this.due] as Set<WebSocket>;
    this.due = (this.due + 1) % KEEP_ALIVE_SLOTS;
    for (const client of slot) {
      const socket = client as StatefulSocket;
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (socket.awaitingPong) {
        socket.terminate();
        continue;
      }
      socket.awaitingPong = true;
      socket.ping();
    }
  }

  stop(): void {
    clearInterval(this.timer);
    for (const slot of this.slots) slot.clear();
  }
}

/** A text message's frame data as a string (what graphql-ws parses). */
function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
}

/** A close reason must fit a control frame (123 bytes): graphql-ws's own rule. */
function limitCloseReason(reason: string, whenTooLong: string): string {
  return reason.length < 124 ? reason : whenTooLong;
}
