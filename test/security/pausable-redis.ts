import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, redisAnswers } from '../helpers/redis.js';

/** A private `redis-server` that a test can freeze (SIGSTOP) and thaw (SIGCONT): Redis paused, connections open but unanswered. */
export interface PausableRedis {
  url: string;
  /** Freezes the process: every command hangs until {@link PausableRedis.resume}. */
  pause(): void;
  /** Thaws it and waits until it answers PING again (5 s at most). */
  resume(): Promise<void>;
  /** Kills it (SIGKILL, thawed first so it can exit) and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Spawns `redis-server` (no persistence) on a free port of 127.0.0.1 and waits for PING.
 * @throws when it does not answer within 5 s
 */
export async function startPausableRedis(): Promise<PausableRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const answers = async () => {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if (await redisAnswers(port, 200)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server on port ${port} did not answer within 5 s`);
  };
  await answers();
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => child.kill('SIGSTOP'),
    resume: async () => {
      child.kill('SIGCONT');
      await answers();
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
