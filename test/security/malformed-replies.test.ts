import { describe, expect, it } from 'vitest';
import { webhookProvider } from '../helpers/providers.js';
import { useSimulatedApp } from '../helpers/simulated-app.js';

/**
 * Issue 12: "a malformed or incomplete provider reply → 'Unexpected error.' on a non-null
 * field". A provider that answers 2xx with JSON the graph cannot read now fails as
 * `PROVIDER_ERROR` with `providerCode: 'MALFORMED_REPLY'`, naming the provider and what was
 * asked, and the server keeps answering. Each row injects one documented-status answer with an
 * unreadable body into the simulator of the first provider that posts webhooks.
 */
const mod = webhookProvider();
const h = useSimulatedApp([{ id: 'flaky', provider: mod.kind, simulator: { autoReply: false } }]);

const SEND = 'mutation { sendText(input: {instanceId: "flaky", to: "+55 11 98765-4321", text: "hi"}) { message { id status } } }';

const rows: Array<{ name: string; body: unknown }> = [
  { name: 'an empty object', body: {} },
  { name: 'an array', body: [] },
  { name: 'the wrong types', body: { messageId: 42, zaapId: { nested: true }, id: null } },
  { name: 'null', body: null },
];

describe('incomplete or malformed provider replies to a send', () => {
  it.each(rows)('$name → PROVIDER_ERROR MALFORMED_REPLY, never "Unexpected error."', async ({ body }) => {
    h.sims.flaky!.injectFault({ status: 200, body });
    const res = await h.gql(SEND);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: mod.kind, providerCode: 'MALFORMED_REPLY' });
    expect(res.errors?.[0]?.message).not.toBe('Unexpected error.');
    const healthy = await fetch(`${h.app.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    expect(healthy.status).toBe(200);
  });

  it('the next well-formed reply goes through', async () => {
    const res = await h.gql(SEND);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(typeof res.data?.sendText.message.id).toBe('string');
  });
});

describe('incomplete provider replies to a read', () => {
  const READ = '{ instance(id: "flaky") { chats(first: 5) { edges { node { id } } } } }';

  it.each([
    // the mapping reads these without failing, leaving a required value empty: the non-null guard names it
    { name: 'rows of valid JSON without an id', body: [{ isGroup: false, name: 'no id' }, { isGroup: true }], field: 'Chat.id' },
    // the mapping itself stumbles: the port guard names the capability
    { name: 'rows of the wrong type', body: [42, 'x'], field: undefined },
  ])('$name → PROVIDER_ERROR MALFORMED_REPLY, never "Unexpected error."', async ({ body, field }) => {
    h.sims.flaky!.injectFault({ status: 200, body, count: 3 });
    const res = await h.gql(READ);
    expect(res.errors?.length, JSON.stringify(res)).toBeGreaterThan(0);
    for (const e of res.errors!) {
      expect(e.message).not.toBe('Unexpected error.');
      expect(e.extensions).toMatchObject({ code: 'PROVIDER_ERROR', providerCode: 'MALFORMED_REPLY', ...(field ? { field } : {}) });
    }
  });
});
