/**
 * Global object ids (Relay's Global Object Identification; DESIGN.md "The graph"; issue "A graph a
 * frontend can live in", item 3). Every object type's GraphQL `id` is one of these: unique across the
 * whole graph (it names the type, the instance and the provider's id, so the same customer on two
 * instances is two objects in a normalised client cache) and stable across restarts and replicas
 * (it is computed from those three, nothing random or stored). An event's id also holds its place
 * in the event log ({@link eventLocalId}), which the log assigned when it stored the event.
 *
 * Shape: base64url (RFC 4648 §5, no padding) of `<Type>:<scope>:<localId>`, where
 * - `Type` is the GraphQL type name (one of {@link GLOBAL_ID_TYPES});
 * - `scope` is the graph's instance id (config `instances[].id`: letters, digits, `_`, `-`), or the
 *   provider's name for partner-level objects, or empty for graph-wide reference data;
 * - `localId` is the provider's own id (a phone's digits, a group id, a message id…), any text,
 *   possibly empty (an `Instance`'s is).
 * Clients must treat ids as opaque; the encoding is versioned by its shape: a new shape would use a
 * different first segment.
 */

/** The GraphQL type names a global id may name. */
export const GLOBAL_ID_TYPES = [
  'Instance',
  'Chat',
  'Contact',
  'Group',
  'GroupParticipant',
  'GroupInvitation',
  'Community',
  'Product',
  'Collection',
  'Label',
  'Message',
  'MessageTemplate',
  'Media',
  'WebhookEndpoint',
  'ProviderAccount',
  'Country',
  'BusinessCategory',
  'Event',
] as const;

/** One of {@link GLOBAL_ID_TYPES}. */
export type GlobalIdType = (typeof GLOBAL_ID_TYPES)[number];

/** A decoded global id: the type it names, its scope (instance id, provider or empty) and the provider's own id. */
export interface GlobalIdParts {
  type: GlobalIdType;
  scope: string;
  localId: string;
}

const TYPES: ReadonlySet<string> = new Set(GLOBAL_ID_TYPES);
/** A scope: an instance id or a provider name (config's id pattern), or empty. */
const SCOPE = /^(?:[A-Za-z0-9][A-Za-z0-9_-]{0,63})?$/;
/** Base64url, no padding: what {@link toGlobalId} produces. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The global id of an object.
 * @param type the GraphQL type name
 * @param scope the instance id (or provider name, or '' for graph-wide data)
 * @param localId the provider's id of the object ('' for an instance)
 * @returns an opaque base64url string
 */
export function toGlobalId(type: GlobalIdType, scope: string, localId: string): string {
  return Buffer.from(`${type}:${scope}:${localId}`, 'utf8').toString('base64url');
}

/**
 * Reads a global id back. Never throws: anything that is not a global id this graph made (wrong
 * alphabet, unknown type, bad scope, a provider id passed where a global id was expected) is null.
 * @param id an id as a client sent it
 * @returns its parts, or null
 */
export function fromGlobalId(id: string): GlobalIdParts | null {
  if (id.length === 0 || id.length > 2_048 || !BASE64URL.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  if (second < 0) return null;
  const type = text.slice(0, first);
  const scope = text.slice(first + 1, second);
  if (!TYPES.has(type) || !SCOPE.test(scope)) return null;
  // a round trip guards against ids that decode loosely (base64url ignores trailing bits)
  const parts: GlobalIdParts = { type: type as GlobalIdType, scope, localId: text.slice(second + 1) };
  return toGlobalId(parts.type, parts.scope, parts.localId) === id ? parts : null;
}

/**
 * The local id inside an event's global id: `<cursor>/<eventId>`, its place in the instance's
 * event log and its own id (derived from the provider's ids). The cursor is what lets `node(id)`
 * read the event back from the log in one lookup. A stored event keeps its cursor, and a
 * redelivery within the dedupe window (`DEDUPE_TTL_MS`, 36 h) is not stored again, so every client
 * sees one id per event; a provider redelivering after that window is stored as a new entry, with
 * an id of its own. Cursors hold no `/` (`<epoch>.<seq>` or `<epoch>.<ms>-<seq>`), so the first `/`
 * splits. Ours.
 * @param cursor the event's cursor in the log
 * @param eventId the event's own id
 * @returns `<cursor>/<eventId>`
 */
export function eventLocalId(cursor: string, eventId: string): string {
  return `${cursor}/${eventId}`;
}

/**
 * Reads an event's local id ({@link eventLocalId}) back. Never throws.
 * @param localId the local id of a decoded `Event` global id
 * @returns the cursor and the event id, or null when `localId` has no `/` or an empty cursor
 */
export function parseEventLocalId(localId: string): { cursor: string; eventId: string } | null {
  const slash = localId.indexOf('/');
  if (slash <= 0) return null;
  return { cursor: localId.slice(0, slash), eventId: localId.slice(slash + 1) };
}

/** The base64url of `Instance:` (a multiple of 3 bytes, so the prefix of every `Instance` global id). */
const INSTANCE_ID_PREFIX = toGlobalId('Instance', '', '').slice(0, 12);

/**
 * The instance id an argument names: the configured id itself (`"sales"`), or an `Instance`'s
 * global id, which every `instanceId` argument also accepts so a client can pass `Instance.id` as read.
 * @param id an `instanceId` argument
 * @returns the configured instance id (unchanged when it is not an `Instance` global id)
 */
export function instanceIdOf(id: string): string {
  // `Instance:` is 9 bytes, so every Instance global id starts with their 12 base64url characters: anything else (a configured id) is returned without decoding
  if (!id.startsWith(INSTANCE_ID_PREFIX)) return id;
  const parts = fromGlobalId(id);
  return parts?.type === 'Instance' ? parts.scope : id;
}
