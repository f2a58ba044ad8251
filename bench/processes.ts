import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How the benchmarks start the servers they measure: as compiled JavaScript (what `npm start` runs,
 * no run-time TypeScript loader in the measured process), each pinned to a core with `taskset`.
 * Ours (issue 13: "the server run as compiled JavaScript"; "the load generator and each server
 * pinned to their own core").
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where `tsconfig.bench.json` compiles the forked bench servers and what they import (git-ignored). */
const BUILD_DIR = join(root, '.bench-build');

/** The core every measured server (whatsgraph, the baselines, the socket floor) is pinned to. Ours. */
export const SERVER_CORE = 0;
/** The core the load generators (clients, webhook posts, the request paths' simulator, a bench's private Redis) are pinned to. Ours. */
export const CLIENT_CORE = 1;

/** True when `taskset` works here and there are at least two cores to pin to. Ours. */
export const haveTaskset: boolean = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return cpus().length >= 2;
  } catch {
    return false;
  }
})();

/**
 * Pins every thread of process `pid` to CPU `core` (0-based); nothing without {@link haveTaskset}. Ours.
 * @throws Error (taskset's exit) when the process is gone or the core does not exist
 */
export function pin(pid: number, core: number): void {
  if (haveTaskset) execFileSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
}

/** True when the servers run through `tsx` instead of the compiled build (`BENCH_TSX=1`, for a quick edit-and-measure loop). Ours. */
const RUN_THROUGH_TSX = process.env.BENCH_TSX === '1';

let built = false;

/** This process's environment without the variables that choose a server's stores (see {@link forkBenchServer}). */
function inheritedEnv(): NodeJS.ProcessEnv {
  const { BENCH_REDIS_URL: _url, BENCH_REDIS_PREFIX: _prefix, ...rest } = process.env;
  return rest;
}

/**
 * Compiles the forked bench servers (and what they import from `src/` and `test/helpers/`) with
 * `tsc -p tsconfig.bench.json` into `.bench-build/` (incremental; once per bench process), unless
 * {@link RUN_THROUGH_TSX}.
 * @throws Error (tsc's exit) when the code does not compile
 */
function buildOnce(): void {
  if (built || RUN_THROUGH_TSX) return;
  process.stdout.write('compiling the bench servers (tsc -p tsconfig.bench.json)…\n');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.bench.json')], { stdio: 'inherit', cwd: root });
  built = true;
}

/** How a measured server shows up in the docs: "as compiled JavaScript (`tsc -p tsconfig.bench.json`, plain `node`)", or "through `tsx` (BENCH_TSX=1)". Ours. */
export function runtimeLabel(): string {
  return RUN_THROUGH_TSX ? 'through `tsx` (BENCH_TSX=1)' : 'as compiled JavaScript (`tsc -p tsconfig.bench.json`, plain `node`)';
}

/** How {@link forkBenchServer} and {@link startBenchServer} start a bench server. Ours. */
export interface BenchServerOptions {
  /**
   * Set over this process's environment, which the child inherits without `BENCH_REDIS_URL` and
   * `BENCH_REDIS_PREFIX` (a server uses Redis only when its caller says so), and with `LOG_LEVEL=silent`.
   */
  env: Record<string, string>;
  /** Extra Node flags (e.g. `--expose-gc`). */
  execArgv?: string[];
  /** The CPU (0-based) to pin the server to with `taskset` (see {@link pin}); unpinned when absent. */
  core?: number;
}

/**
 * Forks the bench server `script` (a file name in `bench/`, e.g. `server.ts`) with an IPC channel:
 * its compiled `.bench-build/bench/<name>.js` under plain `node` (built by {@link buildOnce}), or the
 * TypeScript through `tsx` with {@link RUN_THROUGH_TSX}. `BENCH_CPU_PROF` (a directory) makes it
 * write a V8 CPU profile there on exit. Pinned to `core` when given. Ours.
 * @param args the script's command-line arguments
 * @param options its environment, Node flags and core ({@link BenchServerOptions})
 * @returns the child, its IPC channel open
 * @throws Error (tsc's exit) when the bench servers do not compile; Error (taskset's) when pinning fails (the child is then killed)
 */
function forkBenchServer(script: string, args: string[], options: BenchServerOptions): ChildProcess {
  buildOnce();
  const file = RUN_THROUGH_TSX ? join(root, 'bench', script) : join(BUILD_DIR, 'bench', script.replace(/\.ts$/, '.js'));
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(file, args, {
    execArgv: [...(RUN_THROUGH_TSX ? ['--import', 'tsx'] : []), ...(options.execArgv ?? []), ...prof],
    env: { ...inheritedEnv(), ...options.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (options.core !== undefined) {
    try {
      pin(child.pid!, options.core);
    } catch (err) {
      // not left running with its IPC channel open (the bench would never exit)
      child.kill();
      throw err;
    }
  }
  return child;
}

/**
 * A bench server started by {@link startBenchServer}, listening. Ours.
 * @typeParam Ready its ready message (see {@link startBenchServer})
 */
export interface BenchServer<Ready extends object> {
  /** The server process, its IPC channel open until it stops. */
  child: ChildProcess;
  /** Its first IPC message, `{ready: true, ...}` (e.g. `url`: `http://127.0.0.1:PORT`; `port`: a TCP port). */
  ready: Ready;
  /**
   * One IPC request and its answer: sends `{...extra, cmd, seq}` and resolves with the message the
   * server sends back with the same `seq` (each bench server echoes it), typed `T` as the script
   * documents it (not checked).
   * @throws Error (a rejection) when the server exits before answering, or the message cannot be sent
   */
  ask<T extends object>(cmd: string, extra?: Record<string, unknown>): Promise<T>;
  /** Sends `{cmd: 'stop'}` (kills the process when its channel is already closed) and resolves once it exited; at once when it already had. */
  stop(): Promise<void>;
}

/**
 * Starts the bench server `script` with {@link forkBenchServer} (compiled, or through `tsx` with
 * `BENCH_TSX=1`; pinned to `options.core` when given) and waits for its ready message, the first
 * IPC message with `ready: true`; then pins it again (the threads it started while loading, the
 * libuv pool and V8's workers, are not pinned yet). Ours.
 * @typeParam Ready the ready message as the script documents it (`{ready: true, url}` by default;
 *   the socket floor sends `{ready: true, port}`); only `ready: true` is checked
 * @param script a file name in `bench/` (`server.ts`, `bare-ws-server.ts`, `socket-floor.ts`, `paths-servers.ts`, `ingest.ts`)
 * @param args its command-line arguments (e.g. `paths-servers.ts`'s role)
 * @returns the server, ready, with its IPC request/answer and its stop ({@link BenchServer})
 * @throws Error (a rejection) when the process fails to start or exits before it is ready; Error
 *   (tsc's exit) when the bench servers do not compile; Error (taskset's) when pinning fails (the
 *   process is then killed)
 */
export async function startBenchServer<Ready extends object = { ready: true; url: string }>(
  script: string,
  args: string[],
  options: BenchServerOptions,
): Promise<BenchServer<Ready>> {
  const name = [script, ...args].join(' ');
  const child = forkBenchServer(script, args, options);
  const pending = new Map<number, { resolve: (answer: object) => void; reject: (err: Error) => void }>();
  let seq = 0;
  let exitError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitError = new Error(`bench server ${name} exited (${signal ?? `code ${code}`})`);
      for (const p of pending.values()) p.reject(exitError);
      pending.clear();
      resolve();
    });
  });
  let onReady: ((m: object) => void) | undefined;
  child.on('message', (m: unknown) => {
    if (!m || typeof m !== 'object') return;
    const { ready, seq: answered } = m as { ready?: unknown; seq?: unknown };
    if (ready === true && onReady) {
      onReady(m);
      onReady = undefined;
    } else if (typeof answered === 'number') {
      pending.get(answered)?.resolve(m);
      pending.delete(answered);
    }
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    const failed = (err: Error) => {
      onReady = undefined;
      reject(err);
    };
    child.once('error', failed);
    void exited.then(() => failed(new Error(`${exitError?.message ?? `bench server ${name} exited`} before it was ready`)));
    onReady = (m) => {
      child.off('error', failed);
      try {
        if (options.core !== undefined) pin(child.pid!, options.core);
      } catch (err) {
        child.kill();
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      resolve(m as Ready);
    };
  });
  const ask = <T extends object>(cmd: string, extra: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      if (exitError) {
        reject(exitError);
        return;
      }
      const n = ++seq;
      pending.set(n, { resolve: resolve as (answer: object) => void, reject });
      child.send({ ...extra, cmd, seq: n }, (err) => {
        if (!err) return;
        pending.delete(n);
        reject(err);
      });
    });
  const stop = async () => {
    if (!exitError) {
      if (child.connected) child.send({ cmd: 'stop' }, (err) => err && child.kill());
      else child.kill();
    }
    await exited;
  };
  return { child, ready, ask, stop };
}
