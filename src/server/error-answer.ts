import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';

/**
 * Logs an error the client is not told about under a fresh error id, and returns the id, which the
 * masked answer carries (`extensions.errorId` of a GraphQL error, `errorId` of a JSON error body):
 * a client reporting "Unexpected error." can quote it, and the id finds the log line. Ours.
 * @param logger where it is logged (level `error`, the constant message `unexpected error`)
 * @param err what was thrown: its name, message and stack are logged, never sent
 * @param fields more fields for the log line (the GraphQL `path`)
 * @returns the error id, a random UUID (RFC 9562 version 4)
 */
export function logUnexpected(logger: Logger, err: unknown, fields: Record<string, unknown> = {}): string {
  const errorId = randomUUID();
  logger.error({ errorId, err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err), ...fields }, 'unexpected error');
  return errorId;
}

/**
 * The answer to a request that failed outside a route's own handling (a body that could not be
 * read or parsed, a path that could not be decoded, an unexpected error): what the Express
 * error handler of `src/app.ts` sends, and what the webhook receiver sends for the same failures
 * on its own `node:http` path (`src/server/webhook-receiver.ts`). An unexpected error (500) is
 * logged ({@link logUnexpected}) and its body carries the error id. Ours.
 * @param err what was thrown or passed to `next` (body-parser's errors carry `status`)
 * @param logger where an unexpected error is logged
 * @returns the status (the error's own when 4xx, else 500) and the JSON body: `{error}`, with `errorId` for a 500
 */
export function errorAnswer(err: unknown, logger: Logger): { status: number; body: { error: string; errorId?: string } } {
  const own = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : undefined;
  const status = own && own >= 400 && own < 500 ? own : 500;
  if (status === 500) return { status, body: { error: 'Unexpected error.', errorId: logUnexpected(logger, err) } };
  return { status, body: { error: status === 413 ? 'body too large' : status === 400 ? 'malformed JSON body' : 'bad request' } };
}
