/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { gql, sandboxConfig, startTestApp } from '../helpers/app.js';
import { webhookProvider } from '../helpers/providers.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { BrowserSendTextDocument } from '../generated/graphql.js';

/** The sandbox instance the explorer drives: the first provider that posts webhooks (its statuses arrive live). */
const SANDBOX_ID = `${webhookProvider().kind}-sandbox`;

/**
 * The explorer in a real headless browser (Debian's chromium, driven by playwright-core):
 * GraphiQL loads with every asset from this server, runs the first query, and shows a
 * subscription's live events over graphql-ws.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let app: RunningApp;
let browser: Browser;
let page: Page;
const external: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`);
  app = await startTestApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (req) => {
    if (!req.url().startsWith(app.url) && !req.url().startsWith(app.url.replace('http', 'ws')) && !req.url().startsWith('data:')) external.push(req.url());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function setQuery(text: string): Promise<void> {
  await page.evaluate((q) => {
    const cm = (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror;
    cm.setValue(q);
  }, text);
  // GraphiQL parses the edited document (its AST decides HTTP or WebSocket) after a short debounce
  await page.waitForTimeout(600);
}

async function resultText(): Promise<string> {
  return page.evaluate(() => document.querySelector('.result-window')?.textContent ?? '');
}

describe('the GraphiQL explorer in Chromium', () => {
  it('loads from this server alone and runs the first query', async () => {
    await page.goto(`${app.url}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction((id) => (document.querySelector('.result-window')?.textContent ?? '').includes(id), SANDBOX_ID, { timeout: 20_000 });
    // the result pane renders only its visible lines: the first capability is on screen
    expect(await resultText()).toContain('"capabilities"');
    expect(external).toEqual([]);
  }, 60_000);

  it('opens with the query builder, a tab per README example, and the docs pane', async () => {
    // the explorer plugin (query builder) is open and lists the root fields of the schema
    await page.waitForSelector('.graphiql-explorer-root', { timeout: 20_000 });
    await page.waitForFunction(() => (document.querySelector('.graphiql-explorer-root')?.textContent ?? '').includes('instances'), undefined, { timeout: 20_000 });
    // one tab per ```graphql block of the README, after the welcome tab
    const readme = readFileSync(resolve(REPO_ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    const tabs = page.locator('.graphiql-tab');
    expect(await tabs.count()).toBe(1 + blocks.length);
    // each tab is named after its operation (README examples are anonymous: named by their first field)
    const titles = await page.locator('.graphiql-tab-button').allTextContents();
    expect(titles[0]).toBe('Welcome');
    expect(titles).not.toContain('<untitled>');
    // the second README example's tab holds that operation
    await page.locator('.graphiql-tab-button').nth(2).click();
    await page.waitForTimeout(300);
    const editor = await page.evaluate(() =>
      (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
    );
    expect(editor).toContain('# README example 2');
    const field = /\{\s*(\w+)/.exec(blocks[1]!)![1]!;
    expect(editor).toContain(field);
    // the docs pane: the sidebar's documentation button shows the schema's root types
    await page.locator('.graphiql-sidebar button[aria-label*="Documentation"]').click();
    await page.waitForSelector('.graphiql-doc-explorer', { timeout: 20_000 });
    expect(await page.textContent('.graphiql-doc-explorer')).toMatch(/query:\s*Query/);
    await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT ?? '/tmp/whatsgraph-explorer.png' });
    await page.locator('.graphiql-tab-button').nth(0).click();
  }, 60_000);

  it('shows live subscription events over graphql-ws', async () => {
    await setQuery(`subscription { messageStatusChanged(instanceId: "${SANDBOX_ID}") { messageId status } }`);
    await page.click('.graphiql-execute-button');
    await new Promise((r) => setTimeout(r, 500));
    const sent = await gql(app.url, BrowserSendTextDocument, { instanceId: SANDBOX_ID, to: '5511987654321', text: 'from the browser test' });
    const id = sent.data!.sendText.message.providerMessageId;
    await page.waitForFunction(
      (mid) => {
        const t = document.querySelector('.result-window')?.textContent ?? '';
        return t.includes(mid) && t.includes('READ');
      },
      id,
      { timeout: 20_000 },
    );
  }, 60_000);

  it('uses the API key from the Headers tab for subscriptions on a protected graph', async () => {
    const KEY = 'browser-api-key-0123456789';
    const secured = await startTestApp(sandboxConfig({ auth: { apiKeys: [KEY] } }));
    try {
      await page.goto(`${secured.url}/graphql`);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      await page.getByText('Headers', { exact: true }).click();
      await page.evaluate(
        (h) => {
          const editor = document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } };
          editor.CodeMirror.setValue(h);
        },
        JSON.stringify({ Authorization: `Bearer ${KEY}` }),
      );
      await setQuery(`subscription { messageStatusChanged(instanceId: "${SANDBOX_ID}") { messageId status } }`);
      await page.click('.graphiql-execute-button');
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate(() => document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')?.textContent ?? '')).toContain(KEY);
      const res = await fetch(`${secured.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ query: `mutation { sendText(input: {instanceId: "${SANDBOX_ID}", to: "5511987654321", text: "with a key"}) { message { providerMessageId } } }` }),
      });
      const id = ((await res.json()) as { data: { sendText: { message: { providerMessageId: string } } } }).data.sendText.message.providerMessageId;
      await page
        .waitForFunction(
          (mid) => {
            const t = document.querySelector('.result-window')?.textContent ?? '';
            return t.includes(mid) && t.includes('READ');
          },
          id,
          { timeout: 20_000 },
        )
        .catch(async (e) => {
          await page.screenshot({ path: '/tmp/explorer-auth-fail.png' });
          throw e;
        });
    } finally {
      await secured.close();
    }
  }, 60_000);
});
