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
/** Where `tsconfig.bench.json` compiles `src/` and `bench/` (git-ignored). */
const BUILD_DIR = join(root, '.bench-build');

/** True when `taskset` works here and there are at least two cores to pin to. */
export const haveTaskset: boolean = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return cpus().length >= 2;
  } catch {
    return false;
  }
})();

/**
 * Pins every thread of process `pid` to CPU `core` (0-based); nothing without {@link haveTaskset}.
 * @throws Error (taskset's exit) when the process is gone or the core does not exist
 */
export function pin(pid: number, core: number): void {
  if (haveTaskset) execFileSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
}

/** True when the servers run through `tsx` instead of the compiled build (`BENCH_TSX=1`, for a quick edit-and-measure loop). */
export const RUN_THROUGH_TSX = process.env.BENCH_TSX === '1';

let built = false;

/** This process's environment without the variables that choose a server's stores (see {@link forkBenchServer}). */
function inheritedEnv(): NodeJS.ProcessEnv {
  const { BENCH_REDIS_URL: _url, BENCH_REDIS_PREFIX: _prefix, ...rest } = process.env;
  return rest;
}

/**
 * Compiles `src/` and `bench/` with `tsc -p tsconfig.bench.json` into `.bench-build/` (incremental;
 * once per bench process), unless {@link RUN_THROUGH_TSX}.
 * @throws Error (tsc's exit) when the code does not compile
 */
function buildOnce(): void {
  if (built || RUN_THROUGH_TSX) return;
  process.stdout.write('compiling the bench servers (tsc -p tsconfig.bench.json)…\n');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.bench.json')], { stdio: 'inherit', cwd: root });
  built = true;
}

/** How a measured server shows up in the docs: "as compiled JavaScript (`tsc -p tsconfig.bench.json`, plain `node`)", or "through `tsx` (BENCH_TSX=1)". */
export function runtimeLabel(): string {
  return RUN_THROUGH_TSX ? 'through `tsx` (BENCH_TSX=1)' : 'as compiled JavaScript (`tsc -p tsconfig.bench.json`, plain `node`)';
}

/**
 * Forks the bench server `script` (a file name in `bench/`, e.g. `server.ts`) with an IPC channel:
 * its compiled `.bench-build/bench/<name>.js` under plain `node` (built by {@link buildOnce}), or the
 * TypeScript through `tsx` with {@link RUN_THROUGH_TSX}. `BENCH_CPU_PROF` (a directory) makes it
 * write a V8 CPU profile there on exit. Pinned to `core` when given.
 * @param args the script's command-line arguments
 * @param options.env set over this process's environment, which the child inherits without
 *   `BENCH_REDIS_URL` and `BENCH_REDIS_PREFIX` (a server uses Redis only when its caller says so),
 *   and with `LOG_LEVEL=silent`
 * @param options.execArgv extra Node flags (e.g. `--expose-gc`)
 * @returns the child, its IPC channel open
 * @throws Error (tsc's exit) when the bench servers do not compile; Error (taskset's) when pinning fails
 */
export function forkBenchServer(script: string, args: string[], options: { env: Record<string, string>; execArgv?: string[]; core?: number }): ChildProcess {
  buildOnce();
  const file = RUN_THROUGH_TSX ? join(root, 'bench', script) : join(BUILD_DIR, 'bench', script.replace(/\.ts$/, '.js'));
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(file, args, {
    execArgv: [...(RUN_THROUGH_TSX ? ['--import', 'tsx'] : []), ...(options.execArgv ?? []), ...prof],
    env: { ...inheritedEnv(), ...options.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (options.core !== undefined) pin(child.pid!, options.core);
  return child;
}
