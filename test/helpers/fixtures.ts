import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderModule } from '../../src/providers/contract.js';
import { docOperationKey } from '../../src/providers/doc-operations.js';

/**
 * The documented examples of each provider, as the repository keeps them
 * (`test/fixtures/<provider>/`, named by its module's `fixtures`): nothing outside the
 * repository is read. Each entry carries the doc lines (`lines`) of the provider's
 * documentation (`ProviderModule.docSource`) it comes from.
 */

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A documented operation (`operations.json`): request shape and examples, and its doc lines. */
export interface OperationFixture {
  group: string;
  title: string;
  method: string;
  /** The documented path, `{name}` for path parameters. */
  path: string;
  /** Which of several operations on one method and path ('' when only one). */
  variant: string;
  /** An origin other than the instance's (`partner`). */
  base?: string;
  contentType?: string | null;
  query?: Array<{ name: string; type?: string; required?: boolean; example?: unknown }>;
  pathParams?: Array<{ name: string; example?: unknown }>;
  body?: { required?: Array<{ name: string; type?: string; example?: unknown }>; optional?: Array<{ name: string; type?: string; example?: unknown }> };
  requestExample?: unknown;
  responseExample?: unknown;
  /** First and last line in the provider's documentation. */
  lines: [number, number];
}

/** A documented operation with its key in the provider's operation table ({@link docOperationKey}). */
export interface KeyedOperationFixture extends OperationFixture {
  key: string;
}

/** A documented webhook payload (`webhooks.json`). */
export interface WebhookFixture {
  /** The provider's event name (`ReceivedCallback`, `message`, …). */
  event: string;
  /** Which documented variant of the event (`text`, `image`, …). */
  kind: string;
  title?: string;
  payload: unknown;
  lines: number[];
}

function fixturePath(mod: Pick<ProviderModule, 'fixtures'>, file: string): string {
  return resolve(REPO_ROOT, mod.fixtures, file);
}

/**
 * Every documented operation of a provider, in document order, with its table key.
 * @throws Error when the module's fixtures folder has no `operations.json`
 */
export function operationFixtures(mod: Pick<ProviderModule, 'fixtures'>): KeyedOperationFixture[] {
  const { operations } = JSON.parse(readFileSync(fixturePath(mod, 'operations.json'), 'utf8')) as { operations: OperationFixture[] };
  return operations.map((o) => ({ ...o, key: docOperationKey(o.method, o.path, o.variant) }));
}

/** Every documented webhook payload of a provider, in document order; empty when it documents none. */
export function webhookFixtures(mod: Pick<ProviderModule, 'fixtures'>): WebhookFixture[] {
  const path = fixturePath(mod, 'webhooks.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { webhooks: WebhookFixture[] }).webhooks;
}

/**
 * The documented webhook kinds (`WebhookFixture.kind`) the graph does not type yet: their
 * messages arrive as `UnsupportedContent` with the raw JSON. Read from
 * `webhooks-unsupported.json` in the provider's fixtures folder (`{ "kinds": [...] }`);
 * empty when the file is absent (every documented kind is typed).
 */
export function unsupportedWebhookKinds(mod: Pick<ProviderModule, 'fixtures'>): string[] {
  const path = fixturePath(mod, 'webhooks-unsupported.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { kinds: string[] }).kinds;
}
