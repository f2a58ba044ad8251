import { randomBytes, randomInt } from 'node:crypto';
import { missingFields, type SimContext, type SimResponse, type SimRoute } from '../../sim-kit.js';
import type { ZapiChat } from '../wire/chats.js';
import type { ZapiSubGroup } from '../wire/communities.js';
import type { ZapiGroupInvitationMetadata, ZapiGroupMetadata, ZapiGroupParticipant } from '../wire/groups.js';
import { bad, pageOf } from './common.js';

/**
 * The Z-API simulator's group routes: the list paged and one group's metadata or 404
 * (z-api.txt 6769-6841, 7785-7909), group management and communities (6843-9238), sharing
 * the simulator's state, so a created group shows in `/groups` and `/group-metadata`, and a
 * change shows in the next read.
 *
 * Behaviour, as documented:
 * - Required fields missing (or of the wrong JSON kind) → 400 `{"error", "fields"}`, as the
 *   rest of the simulator answers.
 * - A change Z-API cannot make (unknown group or community, a phone that is not a participant,
 *   the last regular group of a community, 8652-8654) is answered 200 `{"value": false}` /
 *   `{"success": false}`: the doc's only failure answer ("false if it failed", e.g. 6976-6984).
 * - A read of something that does not exist (metadata, invitation link) → 404 `{"error"}`.
 * - `create-group` refuses the connected number among the phones (6856-6857).
 * - `/add-participant`, `/remove-participant`, `/add-admin`, `/remove-admin` serve both
 *   documented variants: a body with `communityId` is the community one (8825-9069), which acts
 *   on the community's announcement group (8446-8453); `redefine-invitation-link/{id}` serves
 *   groups (`…-group`) and communities (bare ids, 8772-8824).
 * - `approve-participant` adds the phones as members and `reject-participant` leaves them out
 *   (the simulator keeps no queue of join requests).
 * - Seeds the doc's example community (8493-8512, 8728-8750): `98372465382764532938` with its
 *   announcement group `342532456234453-group` and the linked `1203634230225498-group`.
 */

/** The simulator state these routes share with `index.ts`. */
export interface ZapiGroupsSimState {
  /** `/chats` entries by id (`/groups` lists those ending in `-group`). */
  chats: Map<string, ZapiChat>;
  /** `/group-metadata` bodies by group id. */
  groups: Map<string, ZapiGroupMetadata>;
  /** The simulated connected number. */
  ownPhone: string;
  /** The route prefix `/instances/:instanceId/token/:token`. */
  prefix: string;
}

/** A community the simulator keeps. */
interface SimCommunity {
  id: string;
  name: string;
  description: string | null;
  subGroups: ZapiSubGroup[];
  invitationLink: string;
  whoCanAddNewGroups: 'admins' | 'all';
}

const value = (ok: boolean): SimResponse => ({ status: 200, body: { value: ok } });
const success = (ok: boolean): SimResponse => ({ status: 200, body: { success: ok } });
const notFound = (what: string): SimResponse => ({ status: 404, body: { error: `${what} not found` } });
const inviteLink = () => `https://chat.whatsapp.com/${randomBytes(16).toString('base64url').slice(0, 22)}`;
const digits = (n: number) => Array.from({ length: n }, (_, i) => String(i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');

/** The body as an object, and the first problem with it: missing fields, or fields of the wrong kind. */
function check(ctx: SimContext, required: string[], kinds: Record<string, 'string' | 'boolean' | 'string[]'> = {}): [Record<string, unknown>, SimResponse | undefined] {
  const body = ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? (ctx.body as Record<string, unknown>) : {};
  const missing = missingFields(body, required);
  if (missing.length) return [body, bad(`Missing required field: ${missing.join(', ')}`, missing)];
  for (const [field, kind] of Object.entries(kinds)) {
    const v = body[field];
    const ok = kind === 'string[]' ? Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '') : typeof v === kind;
    if (!ok) return [body, bad(`${field} must be ${kind === 'string[]' ? 'a non-empty array of strings' : `a ${kind}`}`, [field])];
  }
  return [body, undefined];
}

/** Builds the routes on `state` (called once per simulator). */
export function zapiGroupsRoutes(state: ZapiGroupsSimState): SimRoute[] {
  const { chats, groups, ownPhone, prefix } = state;
  const communities = new Map<string, SimCommunity>();

  function addGroup(id: string, name: string, members: ZapiGroupParticipant[], extra: Partial<ZapiGroupMetadata> = {}): ZapiGroupMetadata {
    const now = Date.now();
    const group: ZapiGroupMetadata = {
      phone: id,
      subject: name,
      description: null,
      owner: ownPhone,
      creation: now,
      invitationLink: inviteLink(),
      communityId: null,
      adminOnlyMessage: false,
      adminOnlySettings: false,
      requireAdminApproval: false,
      isGroupAnnouncement: false,
      subjectTime: now,
      subjectOwner: ownPhone,
      participants: [{ phone: ownPhone, isAdmin: true, isSuperAdmin: true }, ...members],
      ...extra,
    };
    groups.set(id, group);
    chats.set(id, {
      isGroup: true,
      name,
      phone: id,
      unread: '0',
      lastMessageTime: String(now),
      isMuted: '0',
      isMarketSpam: 'false',
      archived: 'false',
      pinned: 'false',
      muteEndTime: null,
      messagesUnread: '0',
    });
    return group;
  }

  function addCommunity(id: string, name: string, description: string | null, announcementId: string): SimCommunity {
    addGroup(announcementId, name, [], { isGroupAnnouncement: true, adminOnlyMessage: true, communityId: id });
    const community: SimCommunity = {
      id,
      name,
      description,
      subGroups: [{ name, phone: announcementId, isGroupAnnouncement: true }],
      invitationLink: inviteLink(),
      whoCanAddNewGroups: 'admins',
    };
    communities.set(id, community);
    return community;
  }

  // The doc's example community and its groups (8493-8512, 8728-8750).
  const example = addCommunity('98372465382764532938', 'My first Community', 'A description of the community', '342532456234453-group');
  addGroup('1203634230225498-group', 'Other group', [{ phone: '5511888888888', isAdmin: false, isSuperAdmin: false }], { communityId: example.id });
  example.subGroups.push({ name: 'Other group', phone: '1203634230225498-group', isGroupAnnouncement: false });

  /** The group a participant change acts on: the group itself, or a community's announcement group. */
  function target(body: Record<string, unknown>): ZapiGroupMetadata | undefined {
    if (body.communityId !== undefined) {
      const id = body.communityId;
      const community = typeof id === 'string' || typeof id === 'number' ? communities.get(String(id)) : undefined;
      const announcement = community?.subGroups.find((g) => g.isGroupAnnouncement);
      return announcement ? groups.get(announcement.phone) : undefined;
    }
    return groups.get(String(body.groupId));
  }

  /** A participant route serving the group (`groupId`) and, where documented, the community (`communityId`) variant. */
  function participantRoute(path: string, withCommunity: boolean, apply: (group: ZapiGroupMetadata, phones: string[]) => boolean, autoInvite = false): SimRoute {
    return {
      method: 'POST',
      pattern: `${prefix}${path}`,
      handler: (ctx) => {
        const raw = (ctx.body ?? {}) as Record<string, unknown>;
        const idField = withCommunity && raw.communityId !== undefined ? 'communityId' : 'groupId';
        const required = [...(autoInvite ? ['autoInvite'] : []), idField, 'phones'];
        const [body, fail] = check(ctx, required, { phones: 'string[]', ...(autoInvite ? { autoInvite: 'boolean' as const } : {}) });
        if (fail) return fail;
        const group = target(body);
        return value(!!group && apply(group, body.phones as string[]));
      },
    };
  }

  const members = (g: ZapiGroupMetadata) => (g.participants ??= []);
  const has = (g: ZapiGroupMetadata, phone: string) => members(g).some((p) => p.phone === phone);
  const addMembers = (g: ZapiGroupMetadata, phones: string[]) => {
    for (const phone of phones) if (!has(g, phone)) members(g).push({ phone, isAdmin: false, isSuperAdmin: false });
    return true;
  };
  const setAdmin = (isAdmin: boolean) => (g: ZapiGroupMetadata, phones: string[]) => {
    if (!phones.every((p) => has(g, p))) return false;
    for (const p of members(g)) if (phones.includes(p.phone)) p.isAdmin = isAdmin;
    return true;
  };

  function invitation(g: ZapiGroupMetadata): ZapiGroupInvitationMetadata {
    const participants = members(g).map(({ phone, isAdmin, isSuperAdmin }) => ({ phone, isAdmin, isSuperAdmin }));
    return {
      phone: g.phone,
      owner: g.owner ?? null,
      subject: g.subject ?? null,
      description: g.description ?? null,
      creation: g.creation ?? null,
      invitationLink: g.invitationLink ?? null,
      contactsCount: participants.length,
      participantsCount: participants.length,
      participants,
      subjectTime: g.subjectTime ?? null,
      subjectOwner: g.subjectOwner ?? null,
    };
  }

  const byLink = (url: string | undefined) => [...groups.values()].find((g) => url && g.invitationLink === url);

  return [
    // Groups (z-api.txt 6769-7909)
    {
      method: 'GET',
      pattern: `${prefix}/groups`,
      handler: (ctx) =>
        pageOf(
          ctx,
          [...chats.values()].filter((c) => c.phone.endsWith('-group')),
        ),
    },
    {
      method: 'GET',
      pattern: `${prefix}/group-metadata/:phone`,
      handler: (ctx) => {
        const g = groups.get(ctx.params.phone ?? '');
        return g ? { status: 200, body: g } : { status: 404, body: { error: 'Group not found' } };
      },
    },
    // Group management (z-api.txt 6843-8412)
    {
      method: 'POST',
      pattern: `${prefix}/create-group`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['autoInvite', 'groupName', 'phones'], { autoInvite: 'boolean', groupName: 'string', phones: 'string[]' });
        if (fail) return fail;
        const phones = body.phones as string[];
        if (phones.includes(ownPhone)) return bad('The connected number must not be among the phones', ['phones']);
        const group = addGroup(
          `120363${digits(12)}-group`,
          String(body.groupName),
          phones.map((phone) => ({ phone, isAdmin: false, isSuperAdmin: false })),
        );
        return { status: 200, body: { phone: group.phone, invitationLink: group.invitationLink } };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/update-group-name`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['groupId', 'groupName'], { groupName: 'string' });
        if (fail) return fail;
        const g = groups.get(String(body.groupId));
        if (!g) return value(false);
        g.subject = String(body.groupName);
        g.subjectTime = Date.now();
        g.subjectOwner = ownPhone;
        const chat = chats.get(g.phone);
        if (chat) chat.name = g.subject;
        return value(true);
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/update-group-photo`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['groupId', 'groupPhoto'], { groupPhoto: 'string' });
        if (fail) return fail;
        return value(groups.has(String(body.groupId)));
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/update-group-description`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['groupId', 'groupDescription'], { groupDescription: 'string' });
        if (fail) return fail;
        const g = groups.get(String(body.groupId));
        if (g) g.description = String(body.groupDescription);
        return value(!!g);
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/update-group-settings`,
      handler: (ctx) => {
        const flags = ['adminOnlyMessage', 'adminOnlySettings', 'requireAdminApproval', 'adminOnlyAddMember'];
        const [body, fail] = check(ctx, ['phone', ...flags], Object.fromEntries(flags.map((f) => [f, 'boolean' as const])));
        if (fail) return fail;
        const g = groups.get(String(body.phone));
        if (!g) return value(false);
        g.adminOnlyMessage = body.adminOnlyMessage as boolean;
        g.adminOnlySettings = body.adminOnlySettings as boolean;
        g.requireAdminApproval = body.requireAdminApproval as boolean;
        return value(true);
      },
    },
    participantRoute('/add-participant', true, addMembers, true),
    participantRoute('/remove-participant', true, (g, phones) => {
      if (!phones.every((p) => has(g, p))) return false;
      g.participants = members(g).filter((p) => !phones.includes(p.phone));
      return true;
    }),
    participantRoute('/approve-participant', false, addMembers),
    participantRoute('/reject-participant', false, (g, phones) => phones.every((p) => !has(g, p))),
    participantRoute('/add-admin', true, setAdmin(true)),
    participantRoute('/remove-admin', true, setAdmin(false)),
    {
      method: 'POST',
      pattern: `${prefix}/leave-group`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['groupId']);
        if (fail) return fail;
        const g = groups.get(String(body.groupId));
        if (!g || !has(g, ownPhone)) return value(false);
        g.participants = members(g).filter((p) => p.phone !== ownPhone);
        chats.delete(g.phone);
        return value(true);
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/group-invitation-metadata`,
      handler: (ctx) => {
        if (!ctx.query.url) return bad('Missing required field: url', ['url']);
        const g = byLink(ctx.query.url);
        return g ? { status: 200, body: invitation(g) } : notFound('Group');
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/redefine-invitation-link/:id`,
      handler: (ctx) => {
        const id = ctx.params.id ?? '';
        const holder = groups.get(id) ?? communities.get(id);
        if (!holder) return notFound(id.endsWith('-group') ? 'Group' : 'Community');
        holder.invitationLink = inviteLink();
        return { status: 200, body: { invitationLink: holder.invitationLink } };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/group-invitation-link/:groupId`,
      handler: (ctx) => {
        const g = groups.get(ctx.params.groupId ?? '');
        return g ? { status: 200, body: { phone: g.phone, invitationLink: g.invitationLink } } : notFound('Group');
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/accept-invite-group`,
      handler: (ctx) => {
        if (!ctx.query.url) return bad('Missing required field: url', ['url']);
        const g = byLink(ctx.query.url);
        if (!g) return success(false);
        addMembers(g, [ownPhone]);
        if (!chats.has(g.phone))
          chats.set(g.phone, {
            isGroup: true,
            name: g.subject ?? g.phone,
            phone: g.phone,
            unread: '0',
            lastMessageTime: String(Date.now()),
            isMuted: '0',
            isMarketSpam: 'false',
            archived: 'false',
            pinned: 'false',
            muteEndTime: null,
            messagesUnread: '0',
          });
        return success(true);
      },
    },
    // Communities (z-api.txt 8455-9238)
    {
      method: 'POST',
      pattern: `${prefix}/communities`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['name'], { name: 'string' });
        if (fail) return fail;
        if (body.description !== undefined && typeof body.description !== 'string') return bad('description must be a string', ['description']);
        const c = addCommunity(digits(20), String(body.name), body.description ?? null, `120363${digits(12)}-group`);
        return { status: 200, body: { id: c.id, subGroups: c.subGroups.map((g) => ({ ...g })) } };
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/communities`,
      handler: (ctx) => {
        return pageOf(
          ctx,
          [...communities.values()].map(({ name, id }) => ({ name, id })),
        );
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/communities/link`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['communityId', 'groupsPhones'], { groupsPhones: 'string[]' });
        if (fail) return fail;
        const c = communities.get(String(body.communityId));
        if (!c) return success(false);
        // A group already in a community is skipped and the rest linked (8588-8591).
        const linkable = (body.groupsPhones as string[]).map((id) => groups.get(id)).filter((g): g is ZapiGroupMetadata => !!g && !g.communityId);
        const announcement = groups.get(c.subGroups.find((g) => g.isGroupAnnouncement)?.phone ?? '');
        for (const g of linkable) {
          g.communityId = c.id;
          c.subGroups.push({ name: g.subject ?? null, phone: g.phone, isGroupAnnouncement: false });
          // Everyone in a linked group is part of the announcement group (8419-8421).
          if (announcement)
            addMembers(
              announcement,
              members(g).map((p) => p.phone),
            );
        }
        return success(linkable.length > 0);
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/communities/unlink`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['communityId', 'groupsPhones'], { groupsPhones: 'string[]' });
        if (fail) return fail;
        const c = communities.get(String(body.communityId));
        const ids = body.groupsPhones as string[];
        if (!c || !ids.every((id) => c.subGroups.some((g) => g.phone === id && !g.isGroupAnnouncement))) return success(false);
        // At least one regular group must stay linked (8652-8654).
        if (c.subGroups.filter((g) => !g.isGroupAnnouncement && !ids.includes(g.phone)).length === 0) return success(false);
        c.subGroups = c.subGroups.filter((g) => !ids.includes(g.phone));
        for (const id of ids) {
          const g = groups.get(id);
          if (g) g.communityId = null;
        }
        return success(true);
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/communities-metadata/:communityId`,
      handler: (ctx) => {
        const c = communities.get(ctx.params.communityId ?? '');
        return c ? { status: 200, body: { name: c.name, id: c.id, description: c.description, subGroups: c.subGroups.map((g) => ({ ...g })) } } : notFound('Community');
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/communities/settings`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['communityId', 'whoCanAddNewGroups']);
        if (fail) return fail;
        if (body.whoCanAddNewGroups !== 'admins' && body.whoCanAddNewGroups !== 'all') return bad('whoCanAddNewGroups must be admins or all', ['whoCanAddNewGroups']);
        const c = communities.get(String(body.communityId));
        if (c) c.whoCanAddNewGroups = body.whoCanAddNewGroups;
        return success(!!c);
      },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/communities/:communityId`,
      handler: (ctx) => {
        const c = communities.get(ctx.params.communityId ?? '');
        if (!c) return notFound('Community');
        // Its groups are unlinked, not deleted (9136-9137).
        for (const sub of c.subGroups) {
          const g = groups.get(sub.phone);
          if (g) g.communityId = null;
        }
        communities.delete(c.id);
        return { status: 200 };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/update-community-description`,
      handler: (ctx) => {
        const [body, fail] = check(ctx, ['communityId', 'communityDescription'], { communityDescription: 'string' });
        if (fail) return fail;
        const c = communities.get(String(body.communityId));
        if (c) c.description = String(body.communityDescription);
        return value(!!c);
      },
    },
  ];
}
