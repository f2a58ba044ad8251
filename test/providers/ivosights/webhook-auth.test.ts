import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.js';
import { ivosightsModule } from '../../../src/providers/ivosights/index.js';
import { sandboxConfig, startTestApp } from '../../helpers/app.js';
import { slowBody } from '../../helpers/slow-body.js';

/**
 * Ivosights authenticates its webhooks with HTTP Basic (`http_auth`) on `/webhooks/{id}`:
 * wrong credentials are refused before the body is read (issue 12, "Right codes"), so a
 * slow-body connection is not held; before, the body was read first and such a connection was
 * held for as long as the sender liked.
 */

const BODY_DEADLINE_MS = 400;
let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp(sandboxConfig(), { webhookBodyDeadlineMs: BODY_DEADLINE_MS });
});
afterAll(async () => {
  await app?.close();
});

describe('Ivosights webhook with wrong Basic auth and a body never sent', () => {
  it('is answered 401 before the body deadline', async () => {
    const instance = app.instanceConfigs.find((c) => c.provider === ivosightsModule.kind)!;
    const answer = await slowBody(app.url, `/webhooks/${encodeURIComponent(instance.id)}`, 100_000, { authorization: `Basic ${Buffer.from('x:y').toString('base64')}` });
    expect(answer.status).toBe(401);
    expect(answer.ms).toBeLessThan(BODY_DEADLINE_MS);
    expect((await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(1_000) })).status).toBe(200);
  });
});
