import { EventEmitter, on } from 'node:events';
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { serveBenchIpc } from './ipc.js';

/**
 * The fan-out baseline of `bench/run.ts`: a bare graphql-ws `useServer` on `ws` (graphql-ws's
 * documented set-up, nothing of whatsgraph), in its own process, serving the same subscription
 * shape as the graph (`messageReceived(instanceId)` selecting id, timestamp, chat id and text
 * content). Events come from an in-process emitter; each subscriber is graphql-js's own
 * `subscribe` over `events.on(emitter)`, so every event is executed and stringified once per
 * subscriber, as a plain graphql-ws server does.
 *
 * IPC in: `{cmd: 'emit', id}` → `{}` once the event with that message id was handed to every
 * subscriber; and `heap`, `cpu`, `stop` (bench/ipc.ts).
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
  serveBenchIpc(
    async () => {
      await server.dispose();
      http.close();
    },
    {
      emit: (m) => {
        const n = ++seq;
        emitter.emit(`message:${(m.instanceId as string | undefined) ?? 'bench'}`, {
          id: m.id,
          timestamp: new Date(1_700_000_000_000 + n).toISOString(),
          chat: { id: '5511999999999' },
          content: { __typename: 'TextContent', body: `benchmark message ${n}` },
        });
        return {};
      },
    },
  );
  send({ ready: true, url: `http://127.0.0.1:${port}` });
}

main().catch((err: unknown) => {
  process.stderr.write(`bare graphql-ws server failed: ${(err as Error).message}\n`);
  process.exit(1);
});
