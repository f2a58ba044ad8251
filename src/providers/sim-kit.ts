import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest, SimFault } from './contract.js';

/**
 * The small HTTP toolkit the provider simulators are built on: routing by method and path
 * pattern, JSON bodies, request recording, and webhook posting. It holds no provider's
 * knowledge; each `src/providers/<provider>/simulator.ts` declares its documented routes.
 */

/** What a route handler gets: the recorded request plus the path parameters. */
export interface SimContext extends RecordedRequest {
  params: Record<string, string>;
}

/** What a route handler answers: status, JSON body (or raw text, or raw bytes as a Uint8Array), optional headers. */
export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A documented route: `pattern` uses `:name` for path parameters (`/groups/:groupId`). */
export interface SimRoute {
  method: string;
  pattern: string;
  handler(ctx: SimContext): SimResponse | Promise<SimResponse>;
}

/** A running simulator server. */
export interface SimServer {
  url: string;
  server: Server;
  requests: RecordedRequest[];
  /** The next `fault.count` requests get the fault instead of their route's answer. */
  injectFault: (fault: SimFault) => void;
  close(): Promise<void>;
}

interface CompiledRoute {
  method: string;
  regex: RegExp;
  names: string[];
  route: SimRoute;
}

function compile(route: SimRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { method: route.method.toUpperCase(), regex: new RegExp(`^${source}/?$`), names, route };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Whether a fault's `match` (method, path substring) selects the request; a fault without one selects every request. */
function faultMatches(fault: SimFault, req: RecordedRequest): boolean {
  const m = fault.match;
  if (!m) return true;
  return (m.method === undefined || m.method.toUpperCase() === req.method) && (m.pathIncludes === undefined || req.path.includes(m.pathIncludes));
}

/**
 * Starts an HTTP server on 127.0.0.1 that answers `routes` (first match wins), records every
 * request, and answers 404 `{error: "Not found"}` for anything undocumented; a route whose
 * path matches but whose method does not gets 405.
 * @param options.port 0 (default) for a free port
 * @param options.before runs before routing; a response it returns is sent instead (auth checks)
 */
export async function startSimServer(options: { port?: number; routes: SimRoute[]; before?: (ctx: SimContext) => SimResponse | undefined }): Promise<SimServer> {
  const compiled = options.routes.map(compile);
  const requests: RecordedRequest[] = [];
  const faults: SimFault[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const body = await readBody(req);
      const recorded: RecordedRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: decodeURIComponent(url.pathname),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      let response: SimResponse | undefined;
      const ctx: SimContext = { ...recorded, params: {} };
      const at = faults.findIndex((f) => faultMatches(f, recorded));
      const fault = at >= 0 ? faults[at] : undefined;
      if (fault) {
        fault.count = (fault.count ?? 1) - 1;
        if (fault.count <= 0) faults.splice(at, 1);
        if (fault.delayMs) await sleep(fault.delayMs);
        if (fault.status) response = { status: fault.status, body: fault.body ?? { error: 'simulated fault' }, headers: fault.headers };
      }
      response ??= options.before?.(ctx);
      if (!response) {
        let pathMatched = false;
        for (const c of compiled) {
          const m = c.regex.exec(url.pathname);
          if (!m) continue;
          pathMatched = true;
          if (c.method !== recorded.method) continue;
          c.names.forEach((n, i) => (ctx.params[n] = decodeURIComponent(m[i + 1] ?? '')));
          try {
            response = await c.route.handler(ctx);
          } catch (err) {
            response = { status: 500, body: { error: (err as Error).message } };
          }
          break;
        }
        response ??= pathMatched ? { status: 405, body: { error: 'Method not allowed' } } : { status: 404, body: { error: 'Not found' } };
      }
      // A Uint8Array body is sent as raw bytes (media downloads), with the route's content-type header.
      const binary = response.body instanceof Uint8Array;
      const payload = response.body === undefined ? '' : binary || typeof response.body === 'string' ? (response.body as string | Uint8Array) : JSON.stringify(response.body);
      res.writeHead(response.status, {
        'content-type': binary ? 'application/octet-stream' : typeof response.body === 'string' ? 'text/plain' : 'application/json',
        'content-length': String(Buffer.byteLength(payload)),
        ...response.headers,
      });
      res.end(payload);
    })();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    injectFault: (fault) => faults.push({ ...fault, count: fault.count ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Names the required fields missing from a JSON body (dotted names allowed: `image.link`).
 * @returns the missing names, empty when all are present and non-empty
 */
export function missingFields(body: unknown, required: readonly string[]): string[] {
  return required.filter((name) => {
    let v: unknown = body;
    for (const part of name.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    return v === undefined || v === null || v === '';
  });
}

/**
 * Posts a webhook as a provider would: JSON, and retried (up to `attempts`, 200 ms apart)
 * while the receiver answers non-2xx or is unreachable — the redelivery that whatsgraph's
 * dedupe must absorb.
 * @returns the last HTTP status, or 0 when never reached
 */
export async function postWebhook(url: string, body: unknown, options: { headers?: Record<string, string>; attempts?: number } = {}): Promise<number> {
  const attempts = options.attempts ?? 3;
  let status = 0;
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: JSON.stringify(body) });
      status = res.status;
      await res.arrayBuffer();
      if (status >= 200 && status < 300) return status;
    } catch {
      status = 0;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return status;
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
