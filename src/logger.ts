import { pino, type Logger } from 'pino';

/**
 * Paths redacted from every log line: credentials and anything that can hold a phone
 * number or a message body (DESIGN.md, "Logs"). Log lines carry constant messages; details go
 * in fields, and these fields never leave the process in clear.
 */
export const REDACTED_PATHS = [
  'token',
  'apiKey',
  'apikey',
  'clientToken',
  'webhookSecret',
  'password',
  'authorization',
  '*.token',
  '*.apiKey',
  '*.apikey',
  '*.clientToken',
  '*.webhookSecret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'headers["client-token"]',
  'headers["x-api-key"]',
  'phone',
  'to',
  'text',
  'body',
  'message',
  '*.phone',
  '*.to',
  '*.text',
  '*.body',
  'url',
  '*.url',
];

/**
 * The process logger: pino, JSON to stdout, level from `LOG_LEVEL` (default `info`; tests
 * default to `silent`). Create child loggers per request / instance with `logger.child({…})`.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'whatsgraph' } });
}

export type { Logger };
