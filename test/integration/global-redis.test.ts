import { describe, expect, inject, it } from 'vitest';
import { TEST_REDIS_URL, redisUrlAnswers, requestedRedisUrl } from '../helpers/redis.js';

/**
 * The run's Redis (test/helpers/global-setup.ts): every worker sees the same URL through
 * `REDIS_URL`, `inject('redisUrl')` and `TEST_REDIS_URL`, and a Redis answers there.
 */
describe('the Redis of the run', () => {
  it('is the same URL in the environment, the provided context and the helper, and answers PING', async () => {
    expect(inject('redisUrl')).toMatch(/^redis:\/\//);
    expect(process.env.REDIS_URL).toBe(inject('redisUrl'));
    expect(TEST_REDIS_URL).toBe(inject('redisUrl'));
    expect(await redisUrlAnswers(TEST_REDIS_URL)).toBe(true);
  });

  it('is asked for through REDIS_URL, then WHATSGRAPH_TEST_REDIS_URL, then 127.0.0.1:6379', () => {
    expect(requestedRedisUrl({ REDIS_URL: 'redis://a:1', WHATSGRAPH_TEST_REDIS_URL: 'redis://b:2' })).toBe('redis://a:1');
    expect(requestedRedisUrl({ WHATSGRAPH_TEST_REDIS_URL: 'redis://b:2' })).toBe('redis://b:2');
    expect(requestedRedisUrl({})).toBe('redis://127.0.0.1:6379');
  });

  it('is not taken to answer where nothing listens, nor at a URL it cannot read', async () => {
    expect(await redisUrlAnswers('redis://127.0.0.1:1')).toBe(false);
    expect(await redisUrlAnswers('not a url')).toBe(false);
  });
});
