/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page, type WebSocketRoute } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { createLogger } from '../../src/logger.js';
import { eventually, gql, sandboxConfig, startTestApp } from '../helpers/app.js';
import { BrowserSendTextDocument, BrowserStatusEventsDocument } from '../generated/graphql.js';
import { webhookProvider } from '../helpers/providers.js';

/**
 * The reference inbox (examples/inbox/, served at `/inbox` in sandbox mode) in headless
 * Chromium against a sandbox server: open a conversation, send a text and an image, see the
 * text reach READ and the simulator's reply arrive live, reload and see the same conversation,
 * its events subscription resumed after the saved cursor. Writes a screenshot to
 * {@link SCREENSHOT} (outside the repository) and prints its path.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = process.env.INBOX_SCREENSHOT ?? '/tmp/whatsgraph-inbox.png';
/** The sandbox instance of the first provider that posts webhooks: statuses and the simulated reply arrive live. */
const mod = webhookProvider();
const SANDBOX_ID = `${mod.kind}-sandbox`;
const PHONE = '5511987654321';
let app: RunningApp;
let browser: Browser;
let page: Page;
const external: string[] = [];
/** The graphql-ws `subscribe` payloads the page sent, in order. */
const subscribes: Array<{ operationName?: string; query: string; variables?: { after?: string | null } }> = [];
/** The page's graphql-ws sockets (routed through the test), and whether new ones are refused. */
const sockets: WebSocketRoute[] = [];
let unreachable = false;
/** The events the page received on its events subscription, in order. */
const received: Array<{ cursor: string; messageId?: string; status?: string; message?: { id: string } }> = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`);
  app = await startTestApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const local = [app.url, app.url.replace('http', 'ws')];
  page.on('request', (req) => {
    if (!local.some((u) => req.url().startsWith(u)) && !req.url().startsWith('data:')) external.push(req.url());
  });
  // every graphql-ws socket of the page goes through the test, which records its frames and can
  // drop it (and refuse new ones while `unreachable`), as a network failure would
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (unreachable) {
      void ws.close({ code: 1011, reason: 'test: server unreachable' });
      return;
    }
    const server = ws.connectToServer();
    sockets.push(ws);
    ws.onMessage((frame) => {
      const msg = JSON.parse(String(frame)) as { type: string; payload?: (typeof subscribes)[number] };
      if (msg.type === 'subscribe' && msg.payload) subscribes.push(msg.payload);
      server.send(frame);
    });
    server.onMessage((frame) => {
      const msg = JSON.parse(String(frame)) as { type: string; payload?: { data?: { events?: (typeof received)[number] } } };
      if (msg.type === 'next' && msg.payload?.data?.events) received.push(msg.payload.data.events);
      ws.send(frame);
    });
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The conversation as the page shows it: id, side, text and (for sent messages) status. */
function conversation(): Promise<Array<{ id: string; fromMe: boolean; text: string; status: string | null; at: number }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#messages li')].map((li) => ({
      id: li.dataset.messageId ?? '',
      fromMe: li.dataset.fromMe === 'true',
      text: li.querySelector('.body')?.textContent ?? '',
      status: li.querySelector('.status')?.textContent?.trim() ?? null,
      at: Date.parse(li.querySelector('time')?.dateTime ?? ''),
    })),
  );
}

async function waitForConversation(pred: (rows: Awaited<ReturnType<typeof conversation>>) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await conversation();
    if (pred(rows)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the page shows ${JSON.stringify(rows)} (error: ${await page.textContent('#error')})`);
    await page.waitForTimeout(100);
  }
}

describe('the reference inbox in Chromium', () => {
  const text = `hello from the inbox test ${Date.now()}`;
  let sentId = '';

  it('serves the instance the test drives, with what the inbox needs', () => {
    const cfg = app.instanceConfigs.find((c) => c.id === SANDBOX_ID)!;
    const caps = PROVIDER_MODULES[cfg.provider].create(cfg, { logger: createLogger('silent') }).capabilities;
    for (const c of ['LIST_CHATS', 'GET_CHAT', 'SEND_TEXT', 'SEND_IMAGE'] as const) expect(caps.has(c), c).toBe(true);
  });

  it('lists the chats of an instance with contact and last message', async () => {
    await page.goto(`${app.url}/inbox`);
    await page.waitForSelector(`#instance option[value="${SANDBOX_ID}"]`, { state: 'attached', timeout: 20_000 });
    await page.selectOption('#instance', SANDBOX_ID);
    await page.waitForSelector('#chats li', { timeout: 20_000 });
    const chats = await page.$$eval('#chats li', (lis) => lis.map((li) => ({ id: (li as HTMLElement).dataset.chatId, name: li.querySelector('.name')?.textContent ?? '' })));
    expect(chats.length).toBeGreaterThan(0);
    expect(chats.every((c) => c.id && c.name)).toBe(true);
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 20_000 });
  }, 60_000);

  it('sends a text, sees it reach READ and the simulated reply arrive live', async () => {
    await page.fill('#open-chat-phone', PHONE);
    await page.click('#open-chat button');
    await page.waitForSelector(`#chat-title[data-chat-id="${PHONE}"]`, { timeout: 20_000 });
    const before = (await conversation()).length;
    await page.fill('#text', text);
    await page.click('#send-text button');
    await waitForConversation((rows) => rows.some((r) => r.fromMe && r.text === text), 'the sent text');
    sentId = (await conversation()).find((r) => r.text === text)!.id;
    await waitForConversation((rows) => rows.some((r) => r.id === sentId && r.status === 'READ'), 'READ on the sent text');
    await waitForConversation((rows) => rows.length > before + 1 && rows.slice(before).some((r) => !r.fromMe), 'the simulated reply');
  }, 60_000);

  it('sends an image by URL', async () => {
    await page.fill('#image-url', 'https://example.com/whatsgraph-inbox.png');
    await page.fill('#image-caption', 'an image from the inbox test');
    await page.click('#send-image button');
    await waitForConversation((rows) => rows.some((r) => r.fromMe && r.text === 'Image: an image from the inbox test'), 'the sent image');
  }, 60_000);

  it('shows the same conversation after a reload, its events subscription resumed after the saved cursor', async () => {
    const shown = await conversation();
    subscribes.length = 0;
    await page.reload();
    await page.waitForSelector(`#chat-title[data-chat-id="${PHONE}"]`, { timeout: 20_000 });
    await waitForConversation((rows) => shown.every((s) => rows.some((r) => r.id === s.id)), 'the same messages after the reload');
    const after = await conversation();
    expect(after.find((r) => r.id === sentId)).toMatchObject({ fromMe: true, text, status: 'READ' });
    // the history reads top to bottom, oldest to newest
    const times = after.map((r) => r.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(after.some((r) => !r.fromMe)).toBe(true);
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 20_000 });
    const resumed = subscribes.find((s) => s.query.includes('InboxEvents'));
    expect(resumed?.variables?.after, 'the reloaded page resumes after a cursor it received').toBeTruthy();
    expect(received.map((e) => e.cursor)).toContain(resumed!.variables!.after);
  }, 60_000);

  it('replays what happened while it was closed: statuses and the reply of a text sent elsewhere', async () => {
    await page.goto('about:blank');
    received.length = 0;
    subscribes.length = 0;
    const res = await gql(app.url, BrowserSendTextDocument, { instanceId: SANDBOX_ID, to: PHONE, text: 'sent while the inbox was closed' });
    const awayId = res.data!.sendText.message.providerMessageId;
    // let the simulator's statuses and reply reach the event log while no page listens
    await eventually(
      async () => {
        const page = await gql(app.url, BrowserStatusEventsDocument, { instanceId: SANDBOX_ID });
        return page.data!.events.events.some((e) => e.messageId === awayId && e.status === 'READ');
      },
      20_000,
      'READ of the text sent while the inbox was closed',
    );
    await page.goto(`${app.url}/inbox`);
    await waitForConversation((rows) => rows.some((r) => r.id === awayId && r.status === 'READ'), 'the text sent elsewhere, READ');
    // the replay itself: the page's resumed subscription delivered those status events again
    await eventually(() => received.some((e) => e.messageId === awayId && e.status === 'READ'), 10_000, 'the replayed READ');
    expect(subscribes.find((s) => s.query.includes('InboxEvents'))?.variables?.after).toBeTruthy();
  }, 60_000);

  it('resumes after a dropped socket with the events cursor: what happened meanwhile is replayed live', async () => {
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 20_000 });
    const repliesBefore = (await conversation()).filter((r) => !r.fromMe).length;
    // the network fails: the open socket drops and reconnects are refused
    unreachable = true;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1011, reason: 'test: connection lost' });
    await page.waitForSelector('#connection[data-state="reconnecting"]', { timeout: 10_000 });
    const lastCursor = await page.evaluate((id) => localStorage.getItem(`whatsgraph.inbox.cursor.${id}`), SANDBOX_ID);
    expect(
      received.map((e) => e.cursor),
      'the saved cursor is the last one the page received',
    ).toContain(lastCursor);
    subscribes.length = 0;
    received.length = 0;
    // meanwhile a text is sent elsewhere; its statuses and the simulated reply reach the event log
    const res = await gql(app.url, BrowserSendTextDocument, { instanceId: SANDBOX_ID, to: PHONE, text: 'sent while the socket was down' });
    const missedId = res.data!.sendText.message.providerMessageId;
    await eventually(
      async () =>
        ((await gql(app.url, BrowserStatusEventsDocument, { instanceId: SANDBOX_ID })).data?.events.events ?? []).some((e) => e.messageId === missedId && e.status === 'READ'),
      20_000,
      'READ of the text sent while the socket was down',
    );
    // the network is back: the inbox reconnects on its own and resumes after the last cursor it saw
    unreachable = false;
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 20_000 });
    await eventually(() => received.some((e) => e.messageId === missedId && e.status === 'READ'), 10_000, 'the replayed READ');
    expect(subscribes.find((x) => x.query.includes('InboxEvents'))?.variables?.after).toBe(lastCursor);
    // the simulated reply, missed while down, is on the page with no reload
    await waitForConversation((rows) => rows.filter((r) => !r.fromMe).length > repliesBefore, 'the reply missed while the socket was down');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`inbox screenshot: ${SCREENSHOT}`);
  }, 60_000);

  it('re-reads the state and continues live when its saved cursor is from a lost event log (RESYNC_REQUIRED)', async () => {
    const shown = await conversation();
    // a cursor of another epoch: what a server restarted without Redis would answer RESYNC_REQUIRED to
    const lost = '000000000000.1';
    await page.evaluate(([id, cursor]) => localStorage.setItem(`whatsgraph.inbox.cursor.${id}`, cursor), [SANDBOX_ID, lost] as const);
    subscribes.length = 0;
    await page.reload();
    await eventually(() => subscribes.filter((x) => x.query.includes('InboxEvents')).length >= 2, 15_000, 'a second events subscription');
    const events = subscribes.filter((x) => x.query.includes('InboxEvents'));
    expect(events[0]!.variables?.after).toBe(lost);
    expect(events[1]!.variables?.after ?? null).toBeNull();
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 20_000 });
    await waitForConversation((rows) => shown.every((x) => rows.some((r) => r.id === x.id)), 'the conversation re-read');
    expect(await page.textContent('#error')).toBe('');
    // and live again: a new text reaches READ on the page
    await page.fill('#text', 'after the resync');
    await page.click('#send-text button');
    await waitForConversation((rows) => rows.some((r) => r.text === 'after the resync' && r.status === 'READ'), 'READ after the resync');
  }, 60_000);

  it('is served in sandbox mode only', async () => {
    const production = await startTestApp(sandboxConfig({ sandbox: false, source: 'test' }));
    try {
      for (const path of ['/inbox', '/inbox/inbox.js', '/inbox/inbox.css']) expect((await fetch(`${production.url}${path}`)).status, path).toBe(404);
    } finally {
      await production.close();
    }
  });

  it('asked nothing of any other host than this server, except the image the test sent by URL', () => {
    expect(external.filter((u) => !u.startsWith('https://example.com/'))).toEqual([]);
  });
});
