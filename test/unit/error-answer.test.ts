import { describe, expect, it } from 'vitest';
import { errorAnswer, logUnexpected } from '../../src/server/error-answer.js';
import { UUID_V4 as UUID, captureLogger } from '../helpers/logger.js';

/**
 * The answers of the HTTP edges to failures outside a route's own handling (src/server/error-answer.ts):
 * a client's fault keeps its 4xx and is not logged; anything else is a 500 whose body carries the
 * `errorId` of the one line that logged it.
 */

describe('errorAnswer', () => {
  it.each([
    { status: 400, error: 'malformed JSON body' },
    { status: 413, error: 'body too large' },
    { status: 415, error: 'bad request' },
  ])('a $status from the body parser keeps its status, its body has no errorId, nothing is logged', ({ status, error }) => {
    const { logger, error: spy } = captureLogger();
    expect(errorAnswer(Object.assign(new Error('parser said no'), { status }), logger)).toEqual({ status, body: { error } });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    { name: 'an Error without a status', err: new Error('the store exploded: redis://:s3cret@host') },
    { name: 'a 5xx status', err: Object.assign(new Error('upstream'), { status: 502 }) },
    { name: 'a thrown string', err: 'plain string' },
  ])('$name is a 500 "Unexpected error." carrying the errorId of its one log line, and nothing of the error', ({ err }) => {
    const { logger, error: spy } = captureLogger();
    const answer = errorAnswer(err, logger);
    expect(spy).toHaveBeenCalledTimes(1);
    const [fields, message] = spy.mock.calls[0] as [{ errorId: string; err: unknown }, string];
    expect(message).toBe('unexpected error');
    expect(fields.errorId).toMatch(UUID);
    expect(answer).toEqual({ status: 500, body: { error: 'Unexpected error.', errorId: fields.errorId } });
    expect(JSON.stringify(answer)).not.toContain('s3cret');
  });
});

describe('logUnexpected', () => {
  it('logs the name, message and stack with the extra fields, and answers a fresh id each time', () => {
    const { logger, error: spy } = captureLogger();
    const first = logUnexpected(logger, new TypeError('bad type'), { path: ['a', 0] });
    const second = logUnexpected(logger, new Error('other'));
    expect(first).not.toBe(second);
    const [fields] = spy.mock.calls[0] as [{ errorId: string; err: { name: string; message: string; stack: string }; path: unknown }];
    expect(fields).toMatchObject({ errorId: first, err: { name: 'TypeError', message: 'bad type' }, path: ['a', 0] });
    expect(fields.err.stack).toContain('bad type');
    expect((spy.mock.calls[1]?.[0] as { errorId: string }).errorId).toBe(second);
  });
});
