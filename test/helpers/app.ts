import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';

/** A sandbox-mode config on a free port (the four simulators, one instance each). */
export function sandboxConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { port: 0, sandbox: true, instances: [], events: { retentionMs: 7 * 24 * 3600_000, maxLength: 100_000 }, source: 'sandbox', ...overrides };
}

/** Starts the real app on 127.0.0.1 (port 0). Close it with `app.close()`. */
export function startTestApp(config: AppConfig = sandboxConfig(), options: AppOptions = {}): Promise<RunningApp> {
  return startApp(config, { host: '127.0.0.1', ...options });
}

/** A GraphQL response. */
export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/** POSTs one GraphQL operation over real HTTP. */
export async function gql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GqlResult<T>;
}

/** A graphql-ws client over a real WebSocket. */
export function wsClient(url: string, options: { retryAttempts?: number } = {}): Client {
  return createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: options.retryAttempts ?? 0, lazy: true });
}

/** A running subscription that collects what it receives. */
export interface Collected<T = any> {
  results: GqlResult<T>[];
  /** Resolves with the data of the first result (from now or already received) that passes `pred`. */
  waitFor(pred: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves once `n` results have arrived. */
  waitForCount(n: number, timeoutMs?: number): Promise<GqlResult<T>[]>;
  /** Resolves when the server acknowledged the subscription as started (first result or a short settle). */
  done: Promise<void>;
  dispose(): void;
}

/** Subscribes and collects results. */
export function collect<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Collected<T> {
  const results: GqlResult<T>[] = [];
  const waiters: Array<() => void> = [];
  let resolveDone!: () => void;
  let rejectDone!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => ((resolveDone = res), (rejectDone = rej)));
  // a test that never awaits `done` must not see its rejection as unhandled
  done.catch(() => undefined);
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        results.push(r as GqlResult<T>);
        for (const w of waiters.splice(0)) w();
      },
      error: (e) => {
        const close = e as { code?: number; reason?: string; message?: string };
        results.push({ errors: Array.isArray(e) ? e : [{ message: String(close?.message ?? close?.reason ?? e), extensions: { closeCode: close?.code } }] });
        for (const w of waiters.splice(0)) w();
        rejectDone(e);
      },
      complete: () => resolveDone(),
    },
  );
  const wait = <R>(check: () => R | undefined, timeoutMs: number, what: string) =>
    new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(results).slice(0, 2000)}`)), timeoutMs);
      const tryNow = () => {
        const r = check();
        if (r !== undefined) {
          clearTimeout(timer);
          resolve(r);
        } else waiters.push(tryNow);
      };
      tryNow();
    });
  return {
    results,
    done,
    dispose,
    waitFor: (pred, timeoutMs = 10_000) => wait(() => results.find((r) => r.data && pred(r.data))?.data ?? undefined, timeoutMs, 'a matching event'),
    waitForCount: (n, timeoutMs = 10_000) => wait(() => (results.length >= n ? results : undefined), timeoutMs, `${n} results`),
  };
}

/** Waits until `check` returns true (polling), or fails after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Lets a just-sent subscribe message reach the server before the test publishes (graphql-ws has no "subscribed" ack). */
export function settle(ms = 150): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
