import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fromGlobalId, toGlobalId } from '../../src/global-ids.js';
import { collect, eventually, gql, settle, wsClient } from '../helpers/app.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

/**
 * A newcomer's first run: `npm start` (which compiles to `dist/` first, then runs the compiled
 * JavaScript) with no configuration file is a working graph, and the
 * README's first query, mutation and subscriptions work exactly as written. Then SIGTERM
 * closes subscribers with 1001 and exits 0.
 */
const readmeOps = [...readFileSync(resolve(REPO_ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

let child: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.WHATSGRAPH_CONFIG;
  delete env.HOST;
  delete env.VITEST;
  child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  await eventually(
    async () =>
      await fetch(`${url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false),
    150_000,
    `npm start to build and listen (output: ${output})`,
  );
}, 180_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** This machine's first non-loopback IPv4 address, if it has one. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('npm start with no configuration (sandbox mode)', () => {
  it.skipIf(!externalAddress)('serves this machine only: sandbox mode has no keys', async () => {
    const port = new URL(url).port;
    const reached = await fetch(`http://${externalAddress}:${port}/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then(() => true)
      .catch(() => false);
    expect(reached).toBe(false);
    expect((await fetch(`${url}/healthz`)).ok).toBe(true);
  });

  it('says it runs in sandbox mode and where the explorer is', () => {
    expect(output).toContain('sandbox mode');
    expect(output).toContain('/graphql');
  });

  it('serves the reference inbox from the built server: its page, stylesheet and bundled script', async () => {
    expect(output).toContain('/inbox');
    const page = await fetch(`${url}/inbox`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/inbox\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.sort()).toEqual(['/inbox/inbox.css', '/inbox/inbox.js']);
    const script = await fetch(`${url}/inbox/inbox.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // the bundle carries the typed documents (as strings) and graphql-ws, not graphql-js
    const js = await script.text();
    expect(js).toContain('subscription InboxEvents');
    expect(js).toContain('graphql-transport-ws');
    expect(js).not.toContain('GraphQLSchema');
    expect((await fetch(`${url}/inbox/inbox.css`)).status).toBe(200);
  }, 60_000);

  it('runs the README query, mutation and subscriptions as written', async () => {
    const query = readmeOps.find((o) => o.startsWith('{ instances'));
    const mutation = readmeOps.find((o) => o.startsWith('mutation { sendText'));
    const statusSub = readmeOps.find((o) => o.startsWith('subscription { messageStatusChanged'));
    const receivedSub = readmeOps.find((o) => o.startsWith('subscription { messageReceived'));
    const eventsSub = readmeOps.find((o) => o.startsWith('subscription { events'));
    expect([query, mutation, statusSub, receivedSub, eventsSub].every(Boolean)).toBe(true);

    const q = await gql(url, query!);
    expect(q.errors).toBeUndefined();
    // the sandbox instance the README's mutation names exists
    const readmeInstance = /instanceId: "([^"]+)"/.exec(mutation!)?.[1];
    expect(readmeInstance).toBeDefined();
    expect((q.data!.instances as Array<{ id: string }>).map((i) => i.id)).toContain(toGlobalId('Instance', readmeInstance!, ''));

    const client = wsClient(url);
    const statuses = collect(client, statusSub!);
    const received = collect(client, receivedSub!);
    const events = collect(client, eventsSub!);
    await settle(300);
    const m = await gql(url, mutation!);
    expect(m.errors).toBeUndefined();
    // the message's global id names the provider's message id that statuses carry, and the status event's message is that one
    const sent = m.data!.sendText.message as { id: string; providerMessageId: string };
    expect(fromGlobalId(sent.id)).toEqual({ type: 'Message', scope: readmeInstance, localId: sent.providerMessageId });
    const read = await statuses.waitFor((d) => d.messageStatusChanged.messageId === sent.providerMessageId && d.messageStatusChanged.status === 'READ', 15_000);
    expect(read.messageStatusChanged.message).toEqual({ id: sent.id, status: 'READ' });
    const reply = await received.waitFor((d) => !d.messageReceived.fromMe, 15_000);
    expect(reply.messageReceived.content.__typename).toBe('TextContent');
    await events.waitFor((d) => d.events.type === 'MESSAGE_RECEIVED', 15_000);
    statuses.dispose();
    received.dispose();
    events.dispose();
    await client.dispose();
  });

  it('shuts down on SIGTERM: subscribers closed with 1001, exit code 0', async () => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((res, rej) => {
      ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
      ws.once('message', (d: Buffer) => ((JSON.parse(d.toString()) as { type: string }).type === 'connection_ack' ? res() : rej(new Error(d.toString()))));
      ws.once('error', rej);
    });
    const [first] = (await gql(url, '{ instances { id } }')).data!.instances as Array<{ id: string }>;
    ws.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription($i: ID!) { connectionChanged(instanceId: $i) { state } }', variables: { i: first!.id } } }),
    );
    await settle(200);
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    // npm forwards SIGTERM to the server process it started
    child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await exited).toBe(0);
  }, 30_000);
});
