/**
 * The answer to a request that failed outside a route's own handling (a body that could not be
 * read or parsed, a path that could not be decoded, an unexpected error): what the Express
 * error handler of `src/app.ts` sends, and what the webhook receiver sends for the same failures
 * on its own `node:http` path (`src/server/webhook-receiver.ts`). Ours.
 * @param err what was thrown or passed to `next` (body-parser's errors carry `status`)
 * @returns the status (the error's own when 4xx, else 500) and the `error` text of the JSON body
 */
export function errorAnswer(err: unknown): { status: number; error: string } {
  const own = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : undefined;
  const status = own && own >= 400 && own < 500 ? own : 500;
  const error = status === 413 ? 'body too large' : status === 400 ? 'malformed JSON body' : status === 500 ? 'Unexpected error.' : 'bad request';
  return { status, error };
}
