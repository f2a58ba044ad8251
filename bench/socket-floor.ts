import { createServer, type Socket } from 'node:net';
import { FLOOR_CHUNK_BYTES } from './constants.js';
import { serveBenchIpc } from './ipc.js';

/**
 * The floor under the fan-out latency on this machine (`bench/run.ts`, issue 13): no GraphQL, no
 * WebSocket, no JSON. This process (forked by `run.ts`, pinned to the servers' core) accepts the
 * bench process's 1,000 plain TCP connections and, on `{cmd: 'write', seq}`, writes one `FLOOR_CHUNK_BYTES`-byte (600)
 * chunk to each (a `next` frame's size) and answers `{seq, startedAt}` (its `process.hrtime.bigint()`
 * when the writes began, as a string: the monotonic clock both processes share). The bench process
 * times each chunk's read against it. Ours.
 *
 * IPC out: `{ready: true, port}` once listening; IPC in: `write`, and `cpu`, `heap`, `stop` (bench/ipc.ts).
 */

function main(): void {
  const sockets: Socket[] = [];
  const chunk = Buffer.alloc(FLOOR_CHUNK_BYTES, 0x61);
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ ready: true, port: typeof address === 'object' && address ? address.port : 0 });
  });
  serveBenchIpc(
    () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
    {
      write: () => {
        const startedAt = process.hrtime.bigint();
        for (const s of sockets) s.write(chunk);
        return { startedAt: String(startedAt) };
      },
    },
  );
}

main();
