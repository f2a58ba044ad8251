import DataLoader from 'dataloader';
import { STATUS_KEY, type CacheKind, type ReadCache } from './read-cache.js';
import { readableCapability, type ProviderAdapter } from './contract.js';
import { MAX_PHONE_BATCH } from './limits.js';
import type { Chat, Collection, Contact, CursorPage, Group, InstanceStatus, Label, Page, PageRequest, PhoneCheck } from './model.js';

/** Page size of the list reads a relation loader makes to find the objects it is asked for (the graph's largest page). */
export const LOOKUP_PAGE_SIZE = 100;
/** Most list pages a relation loader reads per request and instance (so at most 500 chats or contacts are scanned); what is not found by then is read one by one. */
export const MAX_LOOKUP_PAGES = 5;

/** What the chat-label loader reads: the label ids on each chat, in order (the message store's `chatLabels`). */
export type ChatLabelReader = (instanceId: string, chatIds: readonly string[]) => Promise<string[][]>;

/**
 * The pages of one numbered list (chats, contacts) read in one request, each at most once: a
 * second loader batch in the same request reuses the pages the first one read.
 */
class PagedList<T> {
  private readonly pages = new Map<number, Promise<Page<T>>>();
  constructor(private readonly list: (page: PageRequest) => Promise<Page<T>>) {}

  page(n: number): Promise<Page<T>> {
    return getOrMake(this.pages, n, () => this.list({ page: n, pageSize: LOOKUP_PAGE_SIZE }));
  }

  /**
   * Finds `wanted` keys in the list, page after page from the first, until all are found, the
   * list ends, or {@link MAX_LOOKUP_PAGES} pages were read.
   * @returns what was found by key, and whether the whole list was read (so a key not found does not exist in it)
   */
  async find(wanted: readonly string[], keyOf: (item: T) => string): Promise<{ found: Map<string, T>; complete: boolean }> {
    const found = new Map<string, T>();
    const missing = new Set(wanted);
    for (let n = 1; n <= MAX_LOOKUP_PAGES && missing.size > 0; n++) {
      const page = await this.page(n);
      for (const item of page.items) {
        const key = keyOf(item);
        if (missing.delete(key)) found.set(key, item);
      }
      if (!page.hasNextPage || page.items.length === 0) return { found, complete: true };
    }
    return { found, complete: missing.size === 0 };
  }
}

/** The value kept in `map` under `key`, made by `make` the first time: one loader or list read per instance (or page) per request. */
function getOrMake<K, T>(map: Map<K, T>, key: K, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** An error as a DataLoader value (so one failed key does not fail its batch-mates). */
function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** What {@link Loaders} keeps per instance for each kind of read (one per request), by the name of the method that answers it. */
interface PerInstance {
  status: Promise<InstanceStatus>;
  phoneCheck: DataLoader<string, PhoneCheck>;
  profilePicture: DataLoader<string, string | null>;
  chat: DataLoader<string, Chat | null>;
  contact: DataLoader<string, Contact | null>;
  group: DataLoader<string, Group | null>;
  labels: Promise<Label[]>;
  chatLabels: DataLoader<string, string[]>;
  collections: Promise<Collection[]>;
  collectionProductIds: DataLoader<string, string[]>;
}

/** One map by instance id per kind of `T`, each made on first use. */
type MapsOf<T> = { [K in keyof T]?: Map<string, T[K]> };

/**
 * Per-request DataLoaders (DESIGN.md: created per request, used for reads), one of each per
 * instance. Every relation of the graph that costs provider calls goes through them, so a page
 * of 50 chats asking each chat's contact, labels and last message costs the chat list, at most
 * one label list, and at most a few contact-list pages per instance, never one call per chat:
 * - {@link Loaders.chat}: chats by id, found in the chat list (pages read once per request), else read one by one;
 * - {@link Loaders.contact}: contacts by phone, found in the contact list, else read one by one;
 * - {@link Loaders.labels}: the account's labels, read once; {@link Loaders.chatLabels}: the label ids on chats, one store read per batch;
 * - {@link Loaders.group}: groups with their participants, one read per distinct group;
 * - {@link Loaders.collections} / {@link Loaders.collectionProductIds}: the catalog's collections and their products, each read once;
 * - {@link Loaders.phoneCheck} (one batched check) and {@link Loaders.profilePicture} (one lookup per distinct phone);
 * - {@link Loaders.status}: the instance's connection status, read once.
 *
 * Beneath them, when the server has one, the read cache (`read-cache.ts`) keeps pictures,
 * contacts, groups and the status across requests: a batch asks the cache for all its keys at
 * once and only the missing ones reach the provider, so a repeat within the TTL costs nothing.
 */
export class Loaders {
  // one map per kind of read, made on first use: most requests (every send) read through none of them
  private readonly made: MapsOf<PerInstance> = {};

  /** @param cache the read cache shared across requests (none: every read goes to the provider) */
  constructor(private readonly cache?: ReadCache) {}

  /** The `kind` loader (or read) of one instance, made by `make` on its first use in this request, its map on the first use of the kind. */
  private perInstance<K extends keyof PerInstance>(kind: K, instanceId: string, make: () => PerInstance[K]): PerInstance[K] {
    // the maps seen through K alone, so TypeScript lets a Map of PerInstance[K] be stored under kind
    const maps: { [Q in K]?: Map<string, PerInstance[Q]> } = this.made;
    return getOrMake((maps[kind] ??= new Map<string, PerInstance[K]>()), instanceId, make);
  }

  /**
   * Values of `keys` through the read cache (when there is one): the cached ones, and `fetch`
   * for the rest (one call with every missing key), stored when `storable` says so.
   */
  private cached<T>(
    kind: CacheKind,
    instanceId: string,
    keys: readonly string[],
    fetch: (missing: string[]) => Promise<ReadonlyArray<T | Error>>,
    storable?: (value: T) => boolean,
  ): Promise<ReadonlyArray<T | Error>> {
    return this.cache ? this.cache.readMany(kind, instanceId, keys, fetch, storable) : fetch([...keys]);
  }

  /**
   * One value through the read cache, for fields that read one object outside a loader
   * (`Instance.contact(phone)`, `Instance.group(id)`): cached, else `fetch` (stored when `storable` says so).
   * @throws what `fetch` throws
   */
  read<T>(kind: CacheKind, instanceId: string, key: string, fetch: () => Promise<T>, storable?: (value: T) => boolean): Promise<T> {
    return this.cache ? this.cache.read(kind, instanceId, key, fetch, storable) : fetch();
  }

  /**
   * The instance's connection status (`INSTANCE_STATUS`), read at most once per request and
   * kept by the read cache (`status`, a few seconds; dropped by a connection event, a restart or a disconnect).
   * @throws GraphError CAPABILITY_NOT_SUPPORTED when the provider cannot tell; ProviderError from the read
   */
  status(adapter: ProviderAdapter): Promise<InstanceStatus> {
    return this.perInstance('status', adapter.instanceId, () => {
      const get = readableCapability(adapter, 'INSTANCE_STATUS');
      return this.read('status', adapter.instanceId, STATUS_KEY, () => get());
    });
  }

  /**
   * Batched "is this number on WhatsApp?" for one instance.
   * @throws GraphError CAPABILITY_NOT_SUPPORTED (when loading) if the provider cannot check phones
   */
  phoneCheck(adapter: ProviderAdapter): DataLoader<string, PhoneCheck> {
    return this.perInstance('phoneCheck', adapter.instanceId, () => {
      const check = readableCapability(adapter, 'CHECK_PHONES');
      return new DataLoader<string, PhoneCheck>(
        async (phones) => {
          const results = await check([...phones]);
          const byInput = new Map(results.map((r) => [r.input, r]));
          return phones.map((p, i) => byInput.get(p) ?? results[i] ?? { input: p, exists: false, waId: null });
        },
        { maxBatchSize: MAX_PHONE_BATCH },
      );
    });
  }

  /**
   * Deduplicated profile picture lookups for one instance (providers have no batch endpoint;
   * each distinct phone not in the read cache costs one call; a phone without a picture is cached as null).
   */
  profilePicture(adapter: ProviderAdapter): DataLoader<string, string | null> {
    return this.perInstance('profilePicture', adapter.instanceId, () => {
      const get = readableCapability(adapter, 'PROFILE_PICTURE');
      const fetch = (phones: string[]) => Promise.all(phones.map((p) => get(p).catch(asError)));
      return new DataLoader<string, string | null>((phones) => this.cached('profilePictures', adapter.instanceId, phones, fetch));
    });
  }

  /**
   * Chats of one instance by id (phone digits or group id): looked up in the chat list
   * (`LIST_CHATS`, pages of {@link LOOKUP_PAGE_SIZE} read at most once per request), and those
   * the list does not show (beyond {@link MAX_LOOKUP_PAGES} pages) read one by one (`GET_CHAT`).
   * A listing (`Instance.chats`) primes it, so its chats cost nothing more. Resolves null for a
   * chat the provider does not know, or when it can neither list nor read chats.
   */
  chat(adapter: ProviderAdapter): DataLoader<string, Chat | null> {
    return this.perInstance('chat', adapter.instanceId, () => {
      const has = (c: 'LIST_CHATS' | 'GET_CHAT') => adapter.capabilities.has(c);
      const list = has('LIST_CHATS') ? new PagedList(readableCapability(adapter, 'LIST_CHATS')) : null;
      const get = has('GET_CHAT') ? readableCapability(adapter, 'GET_CHAT') : null;
      return new DataLoader<string, Chat | null>((ids) => lookUp(ids, list, get, (c) => c.id));
    });
  }

  /**
   * Contacts of one instance by phone digits, as {@link Loaders.chat} does for chats: the
   * contact list (`LIST_CONTACTS`) first, then one read each (`GET_CONTACT`) for those not in
   * it. Resolves null for a number the provider does not know (not in the address book).
   * Contacts found (and numbers known to be unknown) are kept by the read cache (`contacts`).
   */
  contact(adapter: ProviderAdapter): DataLoader<string, Contact | null> {
    return this.perInstance('contact', adapter.instanceId, () => {
      const has = (c: 'LIST_CONTACTS' | 'GET_CONTACT') => adapter.capabilities.has(c);
      const list = has('LIST_CONTACTS') ? new PagedList(readableCapability(adapter, 'LIST_CONTACTS')) : null;
      const get = has('GET_CONTACT') ? readableCapability(adapter, 'GET_CONTACT') : null;
      const fetch = (phones: string[]) => lookUp(phones, list, get, (c) => c.phone);
      return new DataLoader<string, Contact | null>((phones) => this.cached('contacts', adapter.instanceId, phones, fetch));
    });
  }

  /**
   * Groups of one instance with their participants (`GET_GROUP`), one read per distinct group
   * per request (no provider reads several groups at once), kept by the read cache (`groups`).
   * Null for an unknown group (not cached), or when the provider cannot read one.
   */
  group(adapter: ProviderAdapter): DataLoader<string, Group | null> {
    return this.perInstance('group', adapter.instanceId, () => {
      const get = adapter.capabilities.has('GET_GROUP') ? readableCapability(adapter, 'GET_GROUP') : null;
      const fetch = (ids: string[]) => Promise.all(ids.map((id) => (get ? get(id).catch(asError) : Promise.resolve(null))));
      return new DataLoader<string, Group | null>((ids) => this.cached('groups', adapter.instanceId, ids, fetch, (g) => g !== null));
    });
  }

  /**
   * The account's labels (`LIST_LABELS`), read at most once per request.
   * @throws GraphError CAPABILITY_NOT_SUPPORTED when the provider has no labels; ProviderError from the read
   */
  labels(adapter: ProviderAdapter): Promise<Label[]> {
    return this.perInstance('labels', adapter.instanceId, () => readableCapability(adapter, 'LIST_LABELS')());
  }

  /** The label ids on chats of one instance (by chat id), read from the graph's own record (`read`) in one batch per tick. */
  chatLabels(instanceId: string, read: ChatLabelReader): DataLoader<string, string[]> {
    return this.perInstance('chatLabels', instanceId, () => new DataLoader<string, string[]>((chatIds) => read(instanceId, chatIds)));
  }

  /**
   * Every collection of the instance's catalog (`LIST_COLLECTIONS`, cursor pages, at most
   * {@link MAX_LOOKUP_PAGES}), read at most once per request.
   * @throws GraphError CAPABILITY_NOT_SUPPORTED; ProviderError from the read
   */
  collections(adapter: ProviderAdapter): Promise<Collection[]> {
    return this.perInstance('collections', adapter.instanceId, () => readCursorPages(readableCapability(adapter, 'LIST_COLLECTIONS')));
  }

  /** The product ids in each collection (`LIST_COLLECTION_PRODUCTS`, cursor pages, at most {@link MAX_LOOKUP_PAGES}), one read per distinct collection per request. */
  collectionProductIds(adapter: ProviderAdapter): DataLoader<string, string[]> {
    return this.perInstance('collectionProductIds', adapter.instanceId, () => {
      const list = readableCapability(adapter, 'LIST_COLLECTION_PRODUCTS');
      return new DataLoader<string, string[]>((ids) =>
        Promise.all(ids.map((id) => readCursorPages((cursor) => list(id, cursor)).then((products) => products.map((p) => p.id), asError))),
      );
    });
  }
}

/**
 * One loader batch of {@link Loaders.chat} / {@link Loaders.contact}: the keys found in the
 * list, then the rest read one by one when the list may not have shown them; null for a key
 * known not to exist (the whole list was read, or the single read found nothing).
 */
async function lookUp<T>(
  keys: readonly string[],
  list: PagedList<T> | null,
  get: ((key: string) => Promise<T | null>) | null,
  keyOf: (item: T) => string,
): Promise<Array<T | null | Error>> {
  let found = new Map<string, T>();
  let complete = false;
  if (list) {
    try {
      ({ found, complete } = await list.find(keys, keyOf));
    } catch (err) {
      if (!get) return keys.map(() => asError(err));
    }
  }
  return Promise.all(
    keys.map(async (key) => {
      const hit = found.get(key);
      if (hit !== undefined) return hit;
      if (complete || !get) return null;
      return get(key).catch(asError);
    }),
  );
}

/** Every item of a cursor-paged list, at most {@link MAX_LOOKUP_PAGES} pages. */
async function readCursorPages<T>(fetch: (cursor: string | null) => Promise<CursorPage<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < MAX_LOOKUP_PAGES; n++) {
    const page: CursorPage<T> = await fetch(cursor);
    items.push(...page.items);
    if (!page.nextCursor || page.nextCursor === cursor) break;
    cursor = page.nextCursor;
  }
  return items;
}
