import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { sandboxConfig, startTestApp } from '../helpers/app.js';

/**
 * The media route's provider-URL form (a provider whose media URLs need no credential): the
 * route fetches the URL itself, passes a range on, streams files of unknown length, and refuses
 * files over `media.maxBytes`, before or during the stream.
 */

const FILE = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
let files: Server;
let filesUrl: string;
let app: RunningApp;
let instanceId: string;
const seen: Array<{ url: string; range?: string }> = [];

beforeAll(async () => {
  files = createServer((req, res) => {
    seen.push({ url: req.url!, ...(req.headers.range ? { range: req.headers.range } : {}) });
    if (req.url === '/ranged.bin' && req.headers.range === 'bytes=10-19') {
      res.writeHead(206, { 'content-type': 'application/octet-stream', 'content-range': `bytes 10-19/${FILE.length}`, 'content-length': '10' });
      res.end(FILE.subarray(10, 20));
      return;
    }
    if (req.url === '/file.bin') return void res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(FILE.length) }).end(FILE);
    // chunked: no length announced
    if (req.url === '/chunked.bin') {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.write(FILE.subarray(0, 2048));
      res.end(FILE.subarray(2048));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  app = await startTestApp(sandboxConfig({ media: { maxBytes: 3000 } }), { logger: createLogger('silent') });
  instanceId = app.instanceConfigs[0]!.id;
});
afterAll(async () => {
  await app?.close();
  await new Promise((r) => files?.close(r));
});

const link = (path: string) => app.services.mediaLinks.sign({ instanceId, url: `${filesUrl}${path}` }, app.url).url;

describe('media route, provider URL form', () => {
  it('refuses a file whose announced length passes the cap (502), without streaming it', async () => {
    const res = await fetch(link('/file.bin'));
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: "media larger than this server's cap of 3000 bytes" });
  });

  it('passes a range to a provider that honours it, and streams its 206', async () => {
    const res = await fetch(link('/ranged.bin'), { headers: { range: 'bytes=10-19' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 10-19/${FILE.length}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(FILE.subarray(10, 20));
    expect(seen.at(-1)).toEqual({ url: '/ranged.bin', range: 'bytes=10-19' });
  });

  it('cuts a file of unknown length once it passes the cap', async () => {
    // the headers go out before the cap is reached, so the body is cut: the client never gets the whole file
    const received = await fetch(link('/chunked.bin'))
      .then((res) => res.arrayBuffer())
      .then(
        (b) => b.byteLength,
        () => -1,
      );
    expect(received).not.toBe(FILE.length);
    expect(received).toBeLessThanOrEqual(3000);
  });

  it('a file the provider does not have is 404; an unknown instance behind a valid link is 404', async () => {
    expect((await fetch(link('/missing.bin'))).status, 'missing file').toBe(404);
    const other = app.services.mediaLinks.sign({ instanceId: 'no-such-instance', url: `${filesUrl}/file.bin` }, app.url).url;
    expect((await fetch(other)).status).toBe(404);
  });
});
