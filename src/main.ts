import 'reflect-metadata';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

/** Longest a graceful shutdown may take before the process exits anyway, ms. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Entry point (`npm start`): load and validate the configuration (every error at once, then
 * exit 1), start the server, and shut down cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const logger = createLogger();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  // Sandbox mode has no keys: it serves this machine only unless HOST says otherwise.
  const host = process.env.HOST ?? (config.sandbox ? '127.0.0.1' : '0.0.0.0');
  const app = await startApp(config, { logger, host });
  if (config.sandbox) {
    process.stdout.write(
      `\nwhatsgraph is running in sandbox mode (no configuration file): simulators of every provider, one instance each.\n` +
        `  Explorer:   ${app.url}/graphql\n  Inbox:      ${app.url}/inbox\n  WebSocket:  ${app.url.replace('http', 'ws')}/graphql\n  Instances:  ${app.instanceConfigs.map((c) => c.id).join(', ')}\n\n`,
    );
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: String(reason) }, 'unhandled rejection'));
}

main().catch((err: unknown) => {
  process.stderr.write(`whatsgraph failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
