import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import express, { type Router } from 'express';

/**
 * The reference inbox (examples/inbox/) at `/inbox`, served in sandbox mode only, every asset
 * from this server (no CDN).
 *
 * Its script is bundled with esbuild on the first request for it and kept in memory: one
 * bundle per process (about a tenth of a second), always from the sources beside it, so the
 * inbox works after `npm ci && npm start` and in tests with no separate build step, and
 * `npm run build` stays the plain `tsc` of src/. The bundle holds the inbox, its typed
 * documents (examples/generated/, strings: no graphql-js) and graphql-ws.
 */
export const INBOX_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/inbox');

let bundle: Promise<string> | null = null;

/**
 * The inbox's script as one ES module (minified, inline source map). Resolves once per process;
 * rejects with esbuild's error (and forgets it, so the next request builds again) when the sources do not bundle.
 */
export function inboxBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(INBOX_DIR, 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  }).then(
    (out) => out.outputFiles[0]?.text ?? '',
    (err: unknown) => {
      bundle = null;
      throw err;
    },
  );
  return bundle;
}

/** Routes: `GET /inbox` (the page), `/inbox/inbox.js` (the bundle), `/inbox/inbox.css`. */
export function inboxRouter(): Router {
  const router = express.Router();
  router.get(['/inbox', '/inbox/'], (_req, res) => {
    res.set('Cache-Control', 'no-store').sendFile(join(INBOX_DIR, 'index.html'));
  });
  router.get('/inbox/inbox.css', (_req, res) => {
    res.sendFile(join(INBOX_DIR, 'inbox.css'));
  });
  router.get('/inbox/inbox.js', (_req, res, next) => {
    inboxBundle().then((js) => res.type('text/javascript').set('Cache-Control', 'no-cache').send(js), next);
  });
  return router;
}
