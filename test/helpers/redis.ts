import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, connect } from 'node:net';
import { Redis } from 'ioredis';

/**
 * Test helpers for real Redis: the Redis of the run (`REDIS_URL`, which the global setup
 * test/helpers/global-setup.ts points at a private server when none answers) with a unique key
 * prefix per test, and private `redis-server` processes a test can kill and restart (outage
 * and chaos tests).
 */

/** Where a Redis is looked for when `REDIS_URL` is not set. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * The Redis URL the run was asked for: `REDIS_URL`, else the former `WHATSGRAPH_TEST_REDIS_URL`,
 * else {@link DEFAULT_REDIS_URL}.
 */
export function requestedRedisUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDIS_URL ?? env.WHATSGRAPH_TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
}

/**
 * The Redis the integration tests share: `REDIS_URL` as the global setup leaves it for the
 * workers (a private server's URL when none answered on the requested one).
 */
export const TEST_REDIS_URL = requestedRedisUrl();

/** A key prefix no other run uses: `test:{label}:{uuid}`. */
export function uniquePrefix(label = 'stores'): string {
  return `test:${label}:${randomUUID()}`;
}

/**
 * Deletes every key under `prefix:` (SCAN + UNLINK); returns how many. Ours (tests and benches clean up with it).
 * @throws what ioredis throws when the Redis at `url` cannot be reached (the client is closed first)
 */
export async function deletePrefix(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  const client = new Redis(url, { lazyConnect: true });
  let deleted = 0;
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}

/** A free TCP port on 127.0.0.1 (bound to 0, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when a Redis on `host:port` answers PING with PONG within `timeoutMs` (one that wants a password does not). */
export async function redisAnswers(port: number, timeoutMs = 500, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    let buffer = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      buffer += d.toString();
      if (buffer.includes('\r\n')) done(buffer.startsWith('+PONG'));
    });
    socket.on('error', () => done(false));
  });
}

/**
 * Resolves true when the Redis at `url` (`redis://host:port`, port 6379 when absent) answers
 * PING within `timeoutMs`; false for a URL it cannot read or a `rediss://` one (TLS is not tried).
 */
export async function redisUrlAnswers(url: string, timeoutMs = 500): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'redis:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  return redisAnswers(Number(parsed.port || 6379), timeoutMs, host);
}

/** A private redis-server child process (no persistence) on a fixed port. */
export interface PrivateRedis {
  port: number;
  url: string;
  /** Kills the process (SIGKILL: a crash, no goodbye to clients) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it persists nothing) and waits for PING. */
  start(): Promise<void>;
  /** Whether the process is running. */
  running(): boolean;
}

/** Options of {@link startPrivateRedis}. */
export interface PrivateRedisOptions {
  /** Port (default: a free one). */
  port?: number;
  /**
   * Keep data across kill/start in this directory: append-only file fsynced before every reply
   * (`appendfsync always`), so whatever Redis acknowledged survives a SIGKILL.
   * Default: no persistence at all (`--save "" --appendonly no`).
   */
  persistDir?: string;
}

/**
 * Spawns `redis-server --port <port> --save "" --appendonly no` (or with an fsync-always AOF in
 * `persistDir`) on 127.0.0.1 and waits until it answers PING. Kill it in `afterAll` (`kill()`),
 * or it is killed when the test process exits.
 * @throws when it does not answer within 5 s
 */
export async function startPrivateRedis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const p = options.port ?? (await freePort());
  const persistence = options.persistDir ? ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.persistDir] : ['--save', '', '--appendonly', 'no'];
  let child: ChildProcess | null = null;
  const handle: PrivateRedis = {
    port: p,
    url: `redis://127.0.0.1:${p}`,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    async start() {
      if (handle.running()) return;
      const proc = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--protected-mode', 'no', ...persistence], { stdio: 'ignore' });
      child = proc;
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode} (port ${p} taken?)`);
        if (await redisAnswers(p, 200)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`redis-server on port ${p} did not answer within 5 s`);
    },
    async kill() {
      const proc = child;
      if (!proc || !handle.running()) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGKILL');
      await exited;
    },
  };
  process.once('exit', () => {
    if (handle.running()) child?.kill('SIGKILL');
  });
  await handle.start();
  return handle;
}

/** Polls `predicate` every 10 ms until it holds. @throws after `timeoutMs` (with `what` in the message) */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
