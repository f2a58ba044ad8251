/**
 * The forked side of the bench servers' IPC (the driver side is `startBenchServer` in
 * `bench/processes.ts`, which matches each answer to its request by `seq`). Kept apart from
 * `processes.ts`, which probes `taskset` when it loads.
 */

/** An IPC request to a bench server: its command, the sequence number its answer echoes, and the command's own fields. */
export interface BenchRequest {
  cmd: string;
  seq?: number;
  [field: string]: unknown;
}

/** A bench server's own command: the answer's fields (`seq` is added), or nothing to answer. */
export type BenchCommand = (request: BenchRequest) => object | undefined | Promise<object | undefined>;

/**
 * Serves the driver's requests in a forked bench server. Every server answers `{cmd: 'cpu'}` with
 * `{cpuMs}` (its user + system CPU since it started, ms) and `{cmd: 'heap'}` with `{heapUsed}` (bytes,
 * after three full GCs when the process runs with `--expose-gc`); `{cmd: 'stop'}` runs `stop` (a
 * failure of it is ignored) and exits with 0. Any other command goes to `commands`; one it does not
 * have is ignored. Ours.
 * @param stop closes what the server opened
 * @param commands the server's own commands by name (`emit`, `write`, `last`…)
 */
export function serveBenchIpc(stop: () => unknown, commands: Record<string, BenchCommand> = {}): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', async (m: BenchRequest) => {
    const reply = (answer: object | undefined) => answer && process.send?.({ ...answer, seq: m.seq });
    if (m.cmd === 'stop') {
      await Promise.resolve(stop()).catch(() => undefined);
      process.exit(0);
    } else if (m.cmd === 'cpu') {
      const u = process.cpuUsage();
      reply({ cpuMs: (u.user + u.system) / 1000 });
    } else if (m.cmd === 'heap') {
      for (let i = 0; i < 3; i++) gc?.();
      reply({ heapUsed: process.memoryUsage().heapUsed });
    } else {
      const command = commands[m.cmd];
      if (command) reply(await command(m));
    }
  });
}
