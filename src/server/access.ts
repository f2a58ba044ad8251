import { GraphError } from '../errors.js';
import type { InstanceDirectory, InstanceEntry } from '../instances.js';

/**
 * What an API key may do (config `auth.apiKeys`, issue 12): `read` (queries, `Instance.*`
 * fields, subscriptions), `send` (the send mutations), `manage` (every other mutation that
 * changes state), `admin` (reserved for account administration).
 */
export const SCOPES = ['read', 'send', 'manage', 'admin'] as const;
/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];

/** The scopes of a key given as a bare string: everything but `admin`. */
export const DEFAULT_SCOPES: readonly Scope[] = ['read', 'send', 'manage'];

/**
 * What one authenticated client may reach: the instances of its key (`'*'` for all) and its
 * scopes. Built by `ClientAuth.identify` per HTTP request / WebSocket connection.
 */
export class Access {
  /** Everything (no `auth` configured, the graph is open; or a test). */
  static readonly OPEN = new Access('open', '*', SCOPES);

  private readonly instanceSet: ReadonlySet<string> | '*';
  private readonly scopeSet: ReadonlySet<Scope>;

  /**
   * @param keyId a non-secret name of the key for rate limiting and logs (`key#2`), never the key itself
   * @param instances the instance ids it may use, or `'*'`
   * @param scopes what it may do
   */
  constructor(
    readonly keyId: string,
    instances: readonly string[] | '*',
    scopes: readonly Scope[],
  ) {
    this.instanceSet = instances === '*' ? '*' : new Set(instances);
    this.scopeSet = new Set(scopes);
  }

  /** Whether the key may use this instance. */
  allowsInstance(instanceId: string): boolean {
    return this.instanceSet === '*' || this.instanceSet.has(instanceId);
  }

  /** Whether the key reaches every instance (`instances: '*'`): what deployment-wide operations (the partner API's list and create) need. */
  allowsAllInstances(): boolean {
    return this.instanceSet === '*';
  }

  /** Whether the key has this scope. */
  hasScope(scope: Scope): boolean {
    return this.scopeSet.has(scope);
  }

  /**
   * Checks a scope (and an instance, when the operation targets one).
   * @throws GraphError FORBIDDEN with `scope` (and `instanceId`) when the key lacks either
   */
  assert(scope: Scope, instanceId?: string): void {
    if (instanceId !== undefined && !this.allowsInstance(instanceId)) {
      throw new GraphError('FORBIDDEN', 'This API key may not use this instance', { instanceId, scope });
    }
    if (!this.hasScope(scope)) {
      throw new GraphError('FORBIDDEN', `This API key lacks the ${scope} scope`, { scope, ...(instanceId !== undefined ? { instanceId } : {}) });
    }
  }
}

/** The part of {@link InstanceDirectory} a GraphQL context uses. */
export type InstanceLookup = Pick<InstanceDirectory, 'get' | 'find' | 'list'>;

/**
 * The instance directory as one key sees it: `list()` holds only its instances, `get(id)` of
 * another instance fails with FORBIDDEN (unknown ids still fail with NOT_FOUND), so every
 * resolver that looks an instance up is confined to the key before any provider call.
 */
export class ScopedDirectory implements InstanceLookup {
  /**
   * @param directory the server's directory
   * @param access the key's access
   */
  constructor(
    private readonly directory: InstanceLookup,
    private readonly access: Access,
  ) {}

  /**
   * The instance with this id, when the key may use it.
   * @throws GraphError NOT_FOUND for an unknown id; FORBIDDEN (`instanceId`) outside the key
   */
  get(id: string): InstanceEntry {
    const entry = this.directory.get(id);
    if (!this.access.allowsInstance(entry.id)) throw new GraphError('FORBIDDEN', 'This API key may not use this instance', { instanceId: entry.id });
    return entry;
  }

  /** The instance with this id when it exists and the key may use it, else undefined. */
  find(id: string): InstanceEntry | undefined {
    return this.access.allowsInstance(id) ? this.directory.find(id) : undefined;
  }

  /** The key's instances, in configuration order. */
  list(): InstanceEntry[] {
    return this.directory.list().filter((e) => this.access.allowsInstance(e.id));
  }
}

/** The mask shown in place of a webhook secret. */
export const SECRET_MASK = '********';

/**
 * A webhook URL with its secret masked: the segment after `/webhooks/{id}/` (whatsgraph's
 * receiver path) and any occurrence of one of `secrets` become {@link SECRET_MASK}.
 * @param url the URL as the provider reports it
 * @param secrets the configured webhook secrets that must never be shown
 */
export function maskWebhookUrl(url: string, secrets: readonly string[] = []): string {
  let out = url;
  for (const secret of secrets) {
    if (!secret) continue;
    out = out.split(secret).join(SECRET_MASK).split(encodeURIComponent(secret)).join(SECRET_MASK);
  }
  return out.replace(/(\/webhooks\/[^/?#]+\/)[^/?#]+/, `$1${SECRET_MASK}`);
}
