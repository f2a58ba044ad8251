import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, getGraphQLWSOptions, type GatewayConfig, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/** A Hive Gateway runtime served on a real port: HTTP, and graphql-ws on its GraphQL endpoint. */
export interface RunningHiveGateway {
  runtime: GatewayRuntime;
  server: Server;
  /** `http://127.0.0.1:<port>` (the GraphQL endpoint is `/graphql`). */
  url: string;
  /** Closes every connection, the server and the runtime. */
  close(): Promise<void>;
}

/**
 * Starts Hive Gateway's runtime (`@graphql-hive/gateway-runtime`, as `hive-gateway` serves it) with
 * `config` on 127.0.0.1 and a free port, with graphql-ws on its endpoint (`getGraphQLWSOptions`).
 * Ours, after the Hive Gateway docs ("Subscriptions using WebSockets").
 * @throws what the runtime throws for a bad config; the listen error
 */
export async function startHiveGateway(config: GatewayConfig): Promise<RunningHiveGateway> {
  const runtime = createGatewayRuntime(config);
  const server = createServer(runtime);
  const wss = new WebSocketServer({ server, path: runtime.graphqlEndpoint });
  useServer(
    getGraphQLWSOptions<Record<string, unknown>, { request?: unknown; socket?: unknown }>(runtime, (ctx) => ({ req: ctx.extra?.request, socket: ctx.extra?.socket })),
    wss,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await runtime[Symbol.asyncDispose]();
  };
  return { runtime, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}
