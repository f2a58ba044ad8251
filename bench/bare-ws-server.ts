import { EventEmitter, on } from 'node:events';
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/**
 * The fan-out baseline of `bench/run.ts`: a bare graphql-ws `useServer` on `ws` (graphql-ws's
 * documented set-up, nothing of whatsgraph), in its own process, serving the same subscription
 * shape as the graph (`messageReceived(instanceId)` selecting id, timestamp, chat id and text
 * content). Events come from an in-process emitter; each subscriber is graphql-js's own
 * `subscribe` over `events.on(emitter)`, so every event is executed and stringified once per
 * subscriber, as a plain graphql-ws server does.
 *
 * IPC in (each with a `seq` echoed in the answer): `{cmd: 'heap'}` → `{heapUsed}` after a full GC
 * (bytes); `{cmd: 'cpu'}` → `{cpuMs}` (user + system since start); `{cmd: 'emit', id}` → `{}` once
 * the event with that message id was handed to every subscriber; `{cmd: 'stop'}`.
 * IPC out: `{ready: true, url}` once listening.
 */

const schema = buildSchema(`
  scalar DateTime
  type Chat { id: ID! }
  type TextContent { body: String! }
  type ImageContent { caption: String }
  union MessageContent = TextContent | ImageContent
  type Message { id: ID! timestamp: DateTime! chat: Chat! content: MessageContent! }
  type Query { ok: Boolean }
  type Subscription { messageReceived(instanceId: ID!): Message }
`);

const emitter = new EventEmitter();
emitter.setMaxListeners(0);
let seq = 0;

const roots = {
  subscription: {
    messageReceived: (args: { instanceId: string }) => {
      const source = on(emitter, `message:${args.instanceId}`);
      return (async function* () {
        for await (const [event] of source as AsyncIterable<[unknown]>) yield { messageReceived: event };
      })();
    },
  },
};

async function main(): Promise<void> {
  const send = (m: unknown) => process.send?.(m);
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  // graphql-js's subscribe takes the resolver from the root value's field
  const server = useServer({ schema, roots }, wss);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', async (m: { cmd: string; seq?: number; id?: string; instanceId?: string }) => {
    const reply = (body: object) => send({ ...body, seq: m.seq });
    if (m.cmd === 'heap') {
      for (let i = 0; i < 3; i++) gc?.();
      reply({ heapUsed: process.memoryUsage().heapUsed });
    } else if (m.cmd === 'cpu') {
      const u = process.cpuUsage();
      reply({ cpuMs: (u.user + u.system) / 1000 });
    } else if (m.cmd === 'emit') {
      const n = ++seq;
      emitter.emit(`message:${m.instanceId ?? 'bench'}`, {
        id: m.id,
        timestamp: new Date(1_700_000_000_000 + n).toISOString(),
        chat: { id: '5511999999999' },
        content: { __typename: 'TextContent', body: `benchmark message ${n}` },
      });
      reply({});
    } else if (m.cmd === 'stop') {
      await server.dispose();
      http.close();
      process.exit(0);
    }
  });
  send({ ready: true, url: `http://127.0.0.1:${port}` });
}

main().catch((err: unknown) => {
  process.stderr.write(`bare graphql-ws server failed: ${(err as Error).message}\n`);
  process.exit(1);
});
