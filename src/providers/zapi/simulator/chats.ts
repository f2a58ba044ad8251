import { missingFields, type SimContext, type SimResponse, type SimRoute } from '../../sim-kit.js';
import type { ZapiChat, ZapiChatAction, ZapiChatExpiration } from '../wire/chats.js';
import { bad, pageOf } from './common.js';

/** What the chat routes share with the rest of the Z-API simulator. */
export interface ZapiChatsSimState {
  /** The route prefix (`/instances/:instanceId/token/:token`). */
  prefix: string;
  /** The simulator's chats by phone / group id (what `GET /chats` and `GET /chats/{phone}` serve). */
  chats: Map<string, ZapiChat>;
}

const ACTIONS: readonly ZapiChatAction[] = ['read', 'unread', 'archive', 'unarchive', 'pin', 'unpin', 'mute', 'unmute', 'clear', 'delete'];
const EXPIRATIONS: readonly ZapiChatExpiration[] = ['24_HOURS', '7_DAYS', '90_DAYS', 'OFF'];

/** `phone` as the doc's examples send it (a string); the table's "integer" (z-api.txt 6349) is accepted too. */
function phoneOf(body: Record<string, unknown>): string | null {
  const v = body.phone;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** A chat-management request's body and `phone`, or the 400 that answers it (a required field missing, or no phone). */
function chatRequest(ctx: SimContext, required: readonly string[]): { body: Record<string, unknown>; phone: string } | SimResponse {
  const body = (ctx.body && typeof ctx.body === 'object' ? ctx.body : {}) as Record<string, unknown>;
  const missing = missingFields(body, required);
  if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
  const phone = phoneOf(body);
  if (!phone) return bad('phone must be a phone number', ['phone']);
  return { body, phone };
}

/**
 * The simulator routes of Z-API chats (and the control route `POST /sim/chats` that seeds them): the list paged and one chat or 404 (z-api.txt
 * 6186-6333), and chat management (6335-6679), acting on the shared
 * chats so `GET /chats/{phone}` shows the change: read → `unread` "0"; unread → "1"; archive
 * / pin → `archived` / `pinned` "true"; mute → `isMuted` "1" with `muteEndTime` -1 ("-1 is
 * forever", 6215); clear → no unread messages; delete → the chat is gone. The doc answers
 * every action `{"value": true}` and says nothing of an unknown chat: the simulator answers
 * `{"value": false}` for one ("Action confirmation attribute").
 */
export function zapiChatsRoutes(state: ZapiChatsSimState): SimRoute[] {
  const { prefix, chats } = state;
  const expirations = new Map<string, ZapiChatExpiration>();
  return [
    // The simulator's own control route (not Z-API's; no credentials: tests and sandbox set up the phone's chats with it):
    // `POST /sim/chats {chats: [rows shaped as GET /chats rows], replace?: true}` adds the rows (replacing all chats when `replace`).
    {
      method: 'POST',
      pattern: '/sim/chats',
      handler: (ctx) => {
        const body = (ctx.body && typeof ctx.body === 'object' ? ctx.body : {}) as { chats?: unknown; replace?: unknown };
        if (!Array.isArray(body.chats) || !body.chats.every((c) => c && typeof c === 'object' && typeof (c as ZapiChat).phone === 'string'))
          return bad('chats must be a list of chat rows with a phone', ['chats']);
        if (body.replace === true) chats.clear();
        for (const row of body.chats as ZapiChat[]) chats.set(row.phone, { ...row });
        return { status: 200, body: { chats: chats.size } };
      },
    },
    // Chats (z-api.txt 6186-6333)
    { method: 'GET', pattern: `${prefix}/chats`, handler: (ctx) => pageOf(ctx, [...chats.values()]) },
    {
      method: 'GET',
      pattern: `${prefix}/chats/:phone`,
      handler: (ctx) => {
        const c = chats.get(ctx.params.phone ?? '');
        if (!c) return { status: 404, body: { error: 'Chat not found' } };
        const { phone, unread, lastMessageTime, isMuted, isMarketSpam, profileThumbnail, messagesUnread, about, name, archived, pinned, muteEndTime } = c;
        return {
          status: 200,
          body: {
            phone,
            unread,
            lastMessageTime,
            isMuted,
            isMarketSpam,
            profileThumbnail: profileThumbnail ?? null,
            messagesUnread,
            about: about ?? null,
            name,
            archived,
            pinned,
            muteEndTime,
          },
        };
      },
    },
    // Chat management (z-api.txt 6335-6679)
    {
      method: 'POST',
      pattern: `${prefix}/modify-chat`,
      handler: (ctx) => {
        const req = chatRequest(ctx, ['phone', 'action']);
        if ('status' in req) return req;
        const { body, phone } = req;
        const action = body.action as ZapiChatAction;
        if (!ACTIONS.includes(action)) return bad(`action must be one of ${ACTIONS.join(', ')}`, ['action']);
        const chat = chats.get(phone);
        if (!chat) return { status: 200, body: { value: false } };
        switch (action) {
          case 'read':
            Object.assign(chat, { unread: '0', messagesUnread: 0 });
            break;
          case 'unread':
            Object.assign(chat, { unread: '1', messagesUnread: 1 });
            break;
          case 'archive':
            chat.archived = 'true';
            break;
          case 'unarchive':
            chat.archived = 'false';
            break;
          case 'pin':
            chat.pinned = 'true';
            break;
          case 'unpin':
            chat.pinned = 'false';
            break;
          case 'mute':
            Object.assign(chat, { isMuted: '1', muteEndTime: -1 });
            break;
          case 'unmute':
            Object.assign(chat, { isMuted: '0', muteEndTime: null });
            break;
          case 'clear':
            Object.assign(chat, { unread: '0', messagesUnread: 0 });
            break;
          case 'delete':
            chats.delete(phone);
            break;
        }
        return { status: 200, body: { value: true } };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/send-chat-expiration`,
      handler: (ctx) => {
        const req = chatRequest(ctx, ['phone', 'chatExpiration']);
        if ('status' in req) return req;
        const { body, phone } = req;
        const expiration = body.chatExpiration as ZapiChatExpiration;
        if (!EXPIRATIONS.includes(expiration)) return bad(`chatExpiration must be one of ${EXPIRATIONS.join(', ')}`, ['chatExpiration']);
        if (!chats.has(phone)) return { status: 200, body: { value: false } };
        expirations.set(phone, expiration);
        return { status: 200, body: { value: true } };
      },
    },
  ];
}
