import type { Capability } from './contract.js';
import type { DomainEvent } from './model.js';
import { STATUS_KEY, type Invalidation, type ReadCache } from './read-cache.js';

/**
 * What invalidates the read cache (`read-cache.ts`): the events that say a cached read changed
 * (applied by the event pipeline before the event is published, so a client that reads again on
 * the event reads fresh) and the graph's own mutations that change one (applied when the
 * provider call ends, whatever its outcome, before the mutation answers).
 */

/**
 * The entries an event makes stale:
 * - `PROFILE_UPDATED`: PICTURE → the contact's picture; NAME → the contact (and the group, when
 *   the id is one: a subject change); PHONE_NUMBER → contact and picture of the old and new number;
 * - `GROUP_PARTICIPANTS_CHANGED` → the group;
 * - `CONNECTION_CHANGED` → the instance's status;
 * - an `INSTANCE_EVENT` whose kind names a group (Z-API's notification `GROUP_CREATE`,
 *   z-api.txt 12966-12987, or any other group notice a provider adds) → that chat's group.
 * @returns the invalidations, none for any other event
 */
export function eventInvalidations(event: DomainEvent): Invalidation[] {
  switch (event.type) {
    case 'PROFILE_UPDATED': {
      const id = event.contactId;
      if (event.change === 'PICTURE') return [{ kind: 'profilePictures', key: id }];
      if (event.change === 'NAME')
        return [
          { kind: 'contacts', key: id },
          { kind: 'groups', key: id },
        ];
      return [id, ...(event.newPhone ? [event.newPhone] : [])].flatMap((key): Invalidation[] => [
        { kind: 'contacts', key },
        { kind: 'profilePictures', key },
      ]);
    }
    case 'GROUP_PARTICIPANTS_CHANGED':
      return [{ kind: 'groups', key: event.groupId }];
    case 'CONNECTION_CHANGED':
      return [{ kind: 'status', key: STATUS_KEY }];
    case 'INSTANCE_EVENT':
      return event.chatId && /GROUP/i.test(event.kind) ? [{ kind: 'groups', key: event.chatId }] : [];
    default:
      return [];
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isString) : []);

/**
 * The entries a mutation's provider call makes stale, from its capability and the arguments it
 * was called with (the port method's, see `CAPABILITY_METHODS` in providers/contract.ts):
 * - group changes (`UPDATE_GROUP`, participants, leaving, a new invite link) → that group (and
 *   its picture, for `UPDATE_GROUP`); linking groups to a community → those groups; changing a
 *   community's participants, settings or link, or deactivating it → every group of the instance
 *   (they act on the community's groups, which the call does not name; such changes are rare);
 * - `RESTART_INSTANCE`, `DISCONNECT_INSTANCE`, `PAIRING_CODE` → the status;
 * - `UPDATE_PROFILE_PICTURE`, `UPDATE_BUSINESS_PHOTO` → every picture of the instance (the
 *   account's own number is not known here; such changes are rare);
 * - `BLOCK_CONTACT`, `ADD_CONTACTS`, `REMOVE_CONTACTS` → those contacts.
 * @returns none for a capability that changes nothing cached
 */
export function mutationInvalidations(capability: Capability, args: readonly unknown[]): Invalidation[] {
  const [first] = args;
  switch (capability) {
    case 'UPDATE_GROUP':
      return isString(first)
        ? [
            { kind: 'groups', key: first },
            { kind: 'profilePictures', key: first },
          ]
        : [];
    case 'MANAGE_GROUP_PARTICIPANTS':
    case 'LEAVE_GROUP':
    case 'RESET_GROUP_INVITE_LINK':
      return isString(first) ? [{ kind: 'groups', key: first }] : [];
    case 'LINK_COMMUNITY_GROUPS':
      return strings(args[2]).map((key) => ({ kind: 'groups', key }));
    case 'MANAGE_COMMUNITY_PARTICIPANTS':
    case 'UPDATE_COMMUNITY':
    case 'RESET_COMMUNITY_INVITE_LINK':
    case 'DEACTIVATE_COMMUNITY':
      return [{ kind: 'groups', all: true }];
    case 'RESTART_INSTANCE':
    case 'DISCONNECT_INSTANCE':
    case 'PAIRING_CODE':
      return [{ kind: 'status', key: STATUS_KEY }];
    case 'UPDATE_PROFILE_PICTURE':
    case 'UPDATE_BUSINESS_PHOTO':
      return [{ kind: 'profilePictures', all: true }];
    case 'BLOCK_CONTACT':
      return isString(first) ? [{ kind: 'contacts', key: first }] : [];
    case 'ADD_CONTACTS':
      return (Array.isArray(first) ? first : []).flatMap((c: unknown) => {
        const phone = (c as { phone?: unknown } | null)?.phone;
        return isString(phone) ? [{ kind: 'contacts' as const, key: phone }] : [];
      });
    case 'REMOVE_CONTACTS':
      return strings(first).map((key) => ({ kind: 'contacts', key }));
    default:
      return [];
  }
}

/** The capabilities {@link mutationInvalidations} answers for (a call of any other is not wrapped). */
const INVALIDATING: ReadonlySet<Capability> = new Set<Capability>([
  'UPDATE_GROUP',
  'MANAGE_GROUP_PARTICIPANTS',
  'LEAVE_GROUP',
  'RESET_GROUP_INVITE_LINK',
  'LINK_COMMUNITY_GROUPS',
  'MANAGE_COMMUNITY_PARTICIPANTS',
  'UPDATE_COMMUNITY',
  'RESET_COMMUNITY_INVITE_LINK',
  'DEACTIVATE_COMMUNITY',
  'RESTART_INSTANCE',
  'DISCONNECT_INSTANCE',
  'PAIRING_CODE',
  'UPDATE_PROFILE_PICTURE',
  'UPDATE_BUSINESS_PHOTO',
  'BLOCK_CONTACT',
  'ADD_CONTACTS',
  'REMOVE_CONTACTS',
]);

/**
 * `call` (a port method behind `capability`), made to invalidate what it changes once it ends,
 * succeeded or not (a timed-out change may still have happened), before its promise settles.
 * A capability that changes nothing cached gets `call` back unchanged.
 */
export function invalidatingCall<F>(call: F, cache: ReadCache, instanceId: string, capability: Capability): F {
  if (!INVALIDATING.has(capability)) return call;
  const method = call as (...args: unknown[]) => Promise<unknown>;
  const wrapped = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await method(...args);
    } finally {
      await cache.invalidate(instanceId, mutationInvalidations(capability, args));
    }
  };
  return wrapped as F;
}
