import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import { createLogger } from '../../../src/logger.js';
import { SIM_MEDIA_BYTES, SIM_MEDIA_ID, startIvosightsSimulator, type IvosightsSimulatorHandle } from '../../../src/providers/ivosights/simulator/index.js';
import { gql as post, sandboxConfig, startTestApp } from '../../helpers/app.js';

/**
 * The media route (issue 10, "media a browser can load") with the provider whose files are
 * only served behind its API key: the graph hands out signed links to its own `/media/<token>`,
 * a browser loads them with no header, ranges work, and an expired or altered link is 403.
 */

let sim: IvosightsSimulatorHandle;
let app: RunningApp;
const SECRET = 'ivo-media-test-secret-0123456789';
const gql = (query: string, variables: Record<string, unknown> = {}) => post(app.url, query, variables);

beforeAll(async () => {
  sim = await startIvosightsSimulator({ stepDelayMs: 5, autoReply: false });
  app = await startTestApp(
    sandboxConfig({
      sandbox: false,
      source: 'test',
      media: { linkTtlSeconds: 60 },
      instances: [{ ...sim.instanceConfig, id: 'ivo', provider: 'ivosights', webhookSecret: SECRET }] as never,
    }),
    { logger: createLogger('silent') },
  );
});
afterAll(async () => {
  await sim?.settle();
  await app?.close();
  await sim?.close();
});

async function mediaUrl(): Promise<string> {
  const r = await gql(`{ instance(id: "ivo") { media(id: "${SIM_MEDIA_ID}") { url expiresAt } } }`);
  expect(r.errors).toBeUndefined();
  return r.data!.instance.media.url as string;
}

describe('media links', () => {
  it('a link from the graph, fetched with no header, returns the bytes the provider serves, with type and length; no credential is in it', async () => {
    const url = await mediaUrl();
    expect(url).not.toContain(String(sim.instanceConfig.apiKey));
    expect(url).not.toContain(SECRET);
    expect(url).not.toContain(SIM_MEDIA_ID);
    const before = sim.requests.length;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(SIM_MEDIA_BYTES.byteLength));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(SIM_MEDIA_BYTES);
    // the route fetched it from the provider with the instance's key
    const fetched = sim.requests.slice(before).find((q) => q.path === `/api/v1/media/${SIM_MEDIA_ID}`);
    expect(fetched?.headers['x-api-key']).toBe(sim.instanceConfig.apiKey);
  });

  it('serves a byte range (206) even when the provider ignores Range, and 416 past the end', async () => {
    const url = await mediaUrl();
    const part = await fetch(url, { headers: { range: 'bytes=1-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1-4/${SIM_MEDIA_BYTES.byteLength}`);
    expect(part.headers.get('content-length')).toBe('4');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(SIM_MEDIA_BYTES.subarray(1, 5));
    const tail = await fetch(url, { headers: { range: 'bytes=-3' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(SIM_MEDIA_BYTES.subarray(SIM_MEDIA_BYTES.byteLength - 3));
    const past = await fetch(url, { headers: { range: `bytes=${SIM_MEDIA_BYTES.byteLength + 10}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${SIM_MEDIA_BYTES.byteLength}`);
  });

  it('HEAD answers the headers without the body', async () => {
    const res = await fetch(await mediaUrl(), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(SIM_MEDIA_BYTES.byteLength));
  });

  it('the same link with one character changed is 403, and so is a link past its expiry', async () => {
    const url = await mediaUrl();
    const token = url.slice(url.lastIndexOf('/') + 1);
    for (const i of [3, token.indexOf('.') + 2, token.length - 1]) {
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      const res = await fetch(url.replace(token, changed));
      expect(res.status, `changed at ${i}`).toBe(403);
      expect(await res.json()).toEqual({ error: 'invalid or expired media link' });
    }
    // a link signed with the server's own key an hour ago has expired
    const links = app.services.mediaLinks as unknown as { now: () => number };
    const realNow = links.now;
    links.now = () => Date.now() - 3600_000;
    let old: string;
    try {
      old = (await mediaUrl()).replace(/^https?:\/\/[^/]+/, app.url);
    } finally {
      links.now = realNow;
    }
    expect((await fetch(old)).status).toBe(403);
  });

  it('a media file a received message carries comes with a link the browser loads', async () => {
    sim.setWebhookUrl(`${app.url}/webhooks/ivo/${SECRET}`);
    try {
      await sim.notify({
        messages: [
          {
            from: '16315551234',
            id: 'wamid.media-route-1',
            type: 'image',
            timestamp: String(Math.floor(Date.now() / 1000)),
            image: { id: SIM_MEDIA_ID, mime_type: 'image/png', caption: 'look' },
          },
        ],
      });
      await sim.settle();
      const r = await gql(
        `{ events(instanceId: "ivo", first: 20) { events { ... on MessageReceivedEvent { message { providerMessageId content { ... on ImageContent { url expiresAt mediaId caption } } } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      const image = (r.data!.events.events as Array<{ message?: { providerMessageId: string; content: { url: string; expiresAt: string } } }>).find(
        (e) => e.message?.providerMessageId === 'wamid.media-route-1',
      )!.message!.content;
      expect(image).toMatchObject({ mediaId: SIM_MEDIA_ID, caption: 'look' });
      expect(Date.parse(image.expiresAt)).toBeGreaterThan(Date.now());
      const res = await fetch(image.url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(SIM_MEDIA_BYTES);
    } finally {
      sim.setWebhookUrl(null);
    }
  });

  it('an unknown media id behind a valid link is 404', async () => {
    const link = app.services.mediaLinks.sign({ instanceId: 'ivo', mediaId: 'no-such-file' }, app.url);
    const res = await fetch(link.url);
    expect(res.status).toBe(404);
  });
});
