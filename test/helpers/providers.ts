import { expect } from 'vitest';
import type { ProviderModule, RecordedRequest } from '../../src/providers/contract.js';
import { authorisedParts } from './provider-modules.js';

/**
 * Picking a provider for a generic test through PROVIDER_MODULES, never by its name (see
 * test/helpers/provider-modules.ts, the part without vitest, which this module re-exports so that
 * tests keep importing everything from here), plus the assertions on a provider's requests. Ours.
 */

export {
  authorisedParts,
  documentedStatusPayload,
  inboundTextBody,
  isCallOf,
  operationsFor,
  simulatedInstance,
  webhookProvider,
  type WebhookProviderModule,
} from './provider-modules.js';

/**
 * Asserts that `req` carries every credential `authorise` puts on a request for `op` (headers,
 * query parameters, body fields, path prefix), and that it puts at least one. Ours.
 * @throws vitest's AssertionError when a credential is missing or none is added
 */
export function expectAuthorised(mod: ProviderModule, config: Readonly<Record<string, unknown>>, op: { method: string; base?: string }, req: RecordedRequest): void {
  const authorised = authorisedParts(mod, config, op);
  const added = Object.keys(authorised.headers).length + [...authorised.query.keys()].length + (authorised.body === undefined ? 0 : 1) + (authorised.path ? 1 : 0);
  expect(added, `${mod.kind}: simulatorAccess.authorise adds no credential at all`).toBeGreaterThan(0);
  for (const [name, value] of Object.entries(authorised.headers)) expect(req.headers[name.toLowerCase()], `header ${name}`).toBe(value);
  for (const [name, value] of authorised.query) expect(req.query[name], `query ${name}`).toBe(value);
  if (authorised.body !== undefined) expect(req.body).toMatchObject(authorised.body as object);
  if (authorised.path) expect(req.path.startsWith(authorised.path), `path ${req.path} under ${authorised.path}`).toBe(true);
}
