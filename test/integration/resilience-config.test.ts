import { describe, expect, it } from 'vitest';
import { useSimulatedApp } from '../helpers/simulated-app.js';
import { webhookProvider } from '../helpers/providers.js';

/**
 * An instance's `resilience` block reaches its outbound calls: with `breakerThreshold: 1` and
 * no read retries, one provider failure opens the circuit and the next call is refused at once
 * (`PROVIDER_UNAVAILABLE`, `circuit: "OPEN"`) without reaching the provider, while an instance
 * with the defaults on the same kind of provider still calls it.
 */
const mod = webhookProvider();
const h = useSimulatedApp([
  { id: 'fragile', provider: mod.kind, simulator: { autoReply: false }, config: { resilience: { breakerThreshold: 1, readRetries: 0, halfOpenAfterMs: 60_000 } } },
  { id: 'sturdy', provider: mod.kind, simulator: { autoReply: false } },
]);

const STATUS = 'query($i: ID!) { instance(id: $i) { connection { state } } }';

describe('per-instance resilience configuration', () => {
  it('opens the circuit after the configured number of failures and refuses without calling the provider', async () => {
    h.sims.fragile!.injectFault({ status: 500, body: { error: 'boom' } });
    const first = await h.gql(STATUS, { i: 'fragile' });
    expect(first.errors?.[0]?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
    const before = h.sims.fragile!.requests.length;
    const second = await h.gql(STATUS, { i: 'fragile' });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', circuit: 'OPEN' });
    expect(h.sims.fragile!.requests.length).toBe(before);

    h.sims.sturdy!.injectFault({ status: 500, body: { error: 'boom' } });
    await h.gql(STATUS, { i: 'sturdy' });
    const again = await h.gql(STATUS, { i: 'sturdy' });
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
  });
});
