import { randomBytes } from 'node:crypto';
import type { SimulatorHandle, SimulatorOptions } from '../../contract.js';
import { missingFields, postWebhook, sleep, startSimServer, type SimContext, type SimResponse, type SimRoute } from '../../sim-kit.js';
import { ZAPI_PHONE_EXISTS_BATCH_MAX } from '../client/contacts.js';
import { ZAPI_MAX_DELAY_SECONDS, ZAPI_MIN_DELAY_SECONDS } from '../client/messages.js';
import type { ZapiChat } from '../wire/chats.js';
import type { ZapiContact } from '../wire/contacts.js';
import type { ZapiGroupMetadata } from '../wire/groups.js';
import type { ZapiSendResponse } from '../wire/messages.js';
import { zapiCatalogRoutes } from './catalog.js';
import { zapiChatAdminRoutes } from './chats.js';
import { zapiGroupAdminRoutes } from './groups.js';
import { zapiLabelsRoutes } from './labels.js';

/**
 * A faithful HTTP fake of Z-API (sandbox mode and tests), answering on the documented paths
 * under `/instances/{instanceId}/token/{token}` (z-api.txt, "Introduction" 360-370):
 *
 * - Auth as Z-API does it: the instance id and token in the path must be the sandbox's, and
 *   the `Client-Token` header must carry the account security token. A missing header is
 *   answered with the documented body `{"error": "null not allowed"}` (z-api.txt 468-475); a
 *   wrong one with `{"error": "Client-Token not allowed"}` (the doc's "<value> not allowed"
 *   pattern, without echoing the value). The doc gives no status for either, nor any answer
 *   for a wrong instance/token: all three are answered 401 with a JSON `error`.
 * - A missing required field is answered 400 `{"error": "…", "fields": [names]}`; a
 *   `delayMessage`/`delayTyping` outside 1..15 s is answered 400 too (Z-API's documented range).
 * - Answers are the doc's response examples, with fresh `zaapId`/`messageId` per send.
 * - State: chats, contacts and groups seeded from the doc's examples; `page`/`pageSize` page them.
 * - After every send, when a webhook URL is set, it posts (with `stepDelayMs`, default 50 ms,
 *   between steps) a `DeliveryCallback`, then `MessageStatusCallback` SENT → RECEIVED → READ for
 *   the new id, then (unless `autoReply: false`) an inbound `ReceivedCallback` text from the
 *   recipient, in the documented payload shapes (z-api.txt 11165-13251).
 * - `phone-exists-batch`: a number ending in an even digit exists, one ending in an odd digit
 *   does not (a fixed rule so tests can predict the answer).
 * - `profile-picture`: `https://pps.whatsapp.net/sim/{phone}.jpg` for every phone.
 */

/** The fixed sandbox credentials the simulator accepts (returned as its `instanceConfig`). */
export const ZAPI_SANDBOX_CREDENTIALS = {
  instanceId: '3C67AB641C8AA0412F6A2242B4E23AC7',
  token: 'A1B2C3D4E5F6SANDBOXTOKEN0001',
  clientToken: 'F9E8D7C6B5A4SANDBOXCLIENT0001',
} as const;

/** The phone the simulated instance is connected with (`connectedPhone` in its webhooks). */
export const ZAPI_SANDBOX_PHONE = '554499999999';

/** The text of the simulated inbound reply that follows each send. */
export const ZAPI_SIM_REPLY_TEXT = 'Simulated reply from the Z-API sandbox';

/** The deterministic profile picture URL the simulator gives `phone`. */
export function zapiSimProfilePictureUrl(phone: string): string {
  return `https://pps.whatsapp.net/sim/${encodeURIComponent(phone)}.jpg`;
}

const PREFIX = '/instances/:instanceId/token/:token';
const PATH_AUTH = /^\/instances\/([^/]+)\/token\/([^/]+)(?:\/|$)/;

function hexId(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

function bad(error: string, fields?: string[]): SimResponse {
  return { status: 400, body: fields ? { error, fields } : { error } };
}

/** Seed chats: the `/chats` examples (z-api.txt 6230-6260; the second repeats the first's phone, so it gets its own), plus the groups. */
function seedChats(): ZapiChat[] {
  return [
    { archived: 'false', pinned: 'true', messagesUnread: 0, phone: '5511999999999', unread: '0', name: 'Z-API SUPPORT', lastMessageTime: '1622991687', isMuted: '0', isMarketSpam: 'false', profileThumbnail: 'https://pps.whatsapp.net/v/t61.24694-24/170931400_212202650511993_3423338295209291992_n.jpg', about: 'Profile message' },
    { archived: 'false', pinned: 'true', messagesUnread: 0, phone: '5511988888888', unread: '0', name: 'Z-api - Team', lastMessageTime: '1622990503', muteEndTime: 1655953774000, isMuted: '0', isMarketSpam: 'false' },
    { isGroup: true, name: 'Test group', phone: '120263358412332916-group', unread: '0', lastMessageTime: '1730918668000', isMuted: '0', isMarketSpam: 'false', archived: 'false', pinned: 'false', muteEndTime: null, messagesUnread: '0' },
    { isGroup: true, name: 'My group in Z-API', phone: '120363019502650977-group', unread: '0', lastMessageTime: '1730918000000', isMuted: '0', isMarketSpam: 'false', archived: 'false', pinned: 'false', muteEndTime: null, messagesUnread: '0' },
  ];
}

/** Seed contacts: the `/contacts` and `/contacts/{phone}` examples (z-api.txt 5680-5690, 5865-5872) and the chats' people. */
function seedContacts(): ZapiContact[] {
  return [
    { name: 'First and last name of contact 1', short: 'Contact Name 1', notify: 'WhatsApp Name 1', vname: 'Name no vcard', phone: '559999999999' },
    { name: "Contact's first and last name", phone: '551199999999', notify: 'WhatsApp contact name', short: 'Contact Name', imgUrl: zapiSimProfilePictureUrl('551199999999') },
    { name: 'Z-API SUPPORT', short: 'Z-API', notify: 'Z-API', phone: '5511999999999' },
    { name: 'Z-api - Team', short: 'Team', notify: 'Z-api Team', phone: '5511988888888' },
  ];
}

/** Seed group metadata: the `/group-metadata` example (z-api.txt 7830-7870), and the `/groups` example's group in the same shape. */
function seedGroups(): ZapiGroupMetadata[] {
  const participants = [
    { phone: '5511888888888', isAdmin: false, isSuperAdmin: false },
    { phone: '5511777777777', isAdmin: true, isSuperAdmin: false, short: 'ZAPIs', name: 'ZAPIs Boys' },
  ];
  const base = {
    description: 'Z-API Group', owner: '5511999999999', creation: 1588721491000, communityId: null, adminOnlyMessage: false,
    adminOnlySettings: false, requireAdminApproval: false, isGroupAnnouncement: false, subjectTime: 1617805323000, subjectOwner: '554497050785',
  };
  return [
    { phone: '120363019502650977-group', subject: 'My group in Z-API', invitationLink: 'https://chat.whatsapp.com/40Aasd6af1', participants, ...base },
    { phone: '120263358412332916-group', subject: 'Test group', invitationLink: 'https://chat.whatsapp.com/Sim0Test1group', participants, ...base },
  ];
}

/** Reads `page`/`pageSize` (documented as mandatory, but the doc's example URL omits them: absent means everything). */
function pageOf<T>(ctx: SimContext, items: T[]): SimResponse {
  const { page, pageSize } = ctx.query;
  if (page === undefined && pageSize === undefined) return { status: 200, body: items };
  const p = Number(page ?? 1);
  const size = Number(pageSize ?? items.length);
  if (!Number.isInteger(p) || p < 1 || !Number.isInteger(size) || size < 1) return bad('page and pageSize must be positive integers', ['page', 'pageSize']);
  return { status: 200, body: items.slice((p - 1) * size, p * size) };
}

/** The checks every send shares: required fields and the documented delay range. */
function checkSend(body: unknown, required: readonly string[]): SimResponse | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return bad('JSON body required', [...required]);
  const missing = missingFields(body, required);
  if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
  for (const field of ['delayMessage', 'delayTyping']) {
    const v = (body as Record<string, unknown>)[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || v < ZAPI_MIN_DELAY_SECONDS || v > ZAPI_MAX_DELAY_SECONDS) {
      return bad(`${field} must be between ${ZAPI_MIN_DELAY_SECONDS} and ${ZAPI_MAX_DELAY_SECONDS}`, [field]);
    }
  }
  return undefined;
}

/** Checks that `items` is a non-empty array whose entries all have `fields`; names the first missing one (`buttonList.buttons[1].label`). */
function checkItems(items: unknown, name: string, fields: string[]): SimResponse | undefined {
  if (!Array.isArray(items) || items.length === 0) return bad(`Missing required field: ${name}`, [name]);
  for (let i = 0; i < items.length; i++) {
    const missing = missingFields(items[i], fields);
    if (missing.length) return bad(`Missing required field: ${name}[${i}].${missing[0]}`, missing.map((f) => `${name}[${i}].${f}`));
  }
  return undefined;
}

/**
 * Starts the Z-API simulator on 127.0.0.1.
 * @param options port (0: any free port), webhook URL, delay between webhook steps (ms), auto reply
 * @returns the running simulator: its URL is the `baseUrl` to give a zapi instance with its `instanceConfig`
 */
export async function startZapiSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const creds = ZAPI_SANDBOX_CREDENTIALS;
  const stepDelayMs = options.stepDelayMs ?? 50;
  const autoReply = options.autoReply ?? true;
  let webhookUrl: string | null = options.webhookUrl ?? null;
  let closed = false;
  const pending = new Set<Promise<void>>();

  const chats = new Map(seedChats().map((c) => [c.phone, c] as const));
  const contacts = new Map(seedContacts().map((c) => [c.phone, c] as const));
  const groups = new Map(seedGroups().map((g) => [g.phone, g] as const));

  /** Posts the documented webhook sequence of one sent message (z-api.txt 28-37: delivery, then RECEIVED, then READ). */
  async function sendFlow(phone: string, messageId: string, zaapId: string): Promise<void> {
    const isGroup = phone.endsWith('-group');
    const steps: Array<() => unknown> = [
      () => ({ phone, zaapId, messageId, type: 'DeliveryCallback', instanceId: creds.instanceId }),
      ...(['SENT', 'RECEIVED', 'READ'] as const).map((status) => () => ({
        instanceId: creds.instanceId, status, ids: [messageId], momment: Date.now(), phoneDevice: 0, phone, type: 'MessageStatusCallback', isGroup,
      })),
    ];
    if (autoReply) {
      steps.push(() => {
        const chat = chats.get(phone);
        const sender = isGroup ? '5511777777777' : phone;
        return {
          isStatusReply: false, senderLid: `${sender}@lid`, connectedPhone: ZAPI_SANDBOX_PHONE, waitingMessage: false, isEdit: false, isGroup,
          isNewsletter: false, instanceId: creds.instanceId, messageId: hexId(10), phone, fromMe: false, momment: Date.now(), status: 'RECEIVED',
          chatName: chat?.name ?? phone, senderPhoto: null, senderName: contacts.get(sender)?.name ?? sender, participantPhone: isGroup ? sender : null,
          participantLid: null, photo: null, broadcast: false, referenceMessageId: null, forwarded: false, type: 'ReceivedCallback', fromApi: false,
          text: { message: ZAPI_SIM_REPLY_TEXT },
        };
      });
    }
    for (const [i, step] of steps.entries()) {
      if (i > 0) await sleep(stepDelayMs);
      if (closed || !webhookUrl) return;
      await postWebhook(webhookUrl, step());
    }
  }

  /** Answers a send with the documented example shape and fresh ids, records the chat, and starts its webhooks. */
  function accept(phone: string): SimResponse {
    const messageId = hexId(10);
    const zaapId = hexId(16);
    // `/chats` reports lastMessageTime in seconds, as a string (z-api.txt 6240).
    const now = String(Math.floor(Date.now() / 1000));
    const chat = chats.get(phone);
    if (chat) chat.lastMessageTime = now;
    else chats.set(phone, { phone, name: contacts.get(phone)?.name ?? phone, archived: 'false', pinned: 'false', unread: '0', messagesUnread: 0, lastMessageTime: now, isMuted: '0', isMarketSpam: 'false', isGroup: phone.endsWith('-group') });
    if (webhookUrl) {
      const run = sendFlow(phone, messageId, zaapId).catch(() => undefined);
      pending.add(run);
      void run.finally(() => pending.delete(run));
    }
    const body: ZapiSendResponse = { zaapId, messageId, id: messageId };
    return { status: 200, body };
  }

  /** A send route: `required` fields checked, then `extra` checks, then accepted. */
  function sendRoute(path: string, required: readonly string[], extra?: (body: Record<string, unknown>) => SimResponse | undefined): SimRoute {
    return {
      method: 'POST',
      pattern: `${PREFIX}${path}`,
      handler: (ctx) => {
        const fail = checkSend(ctx.body, required) ?? extra?.(ctx.body as Record<string, unknown>);
        return fail ?? accept(String((ctx.body as { phone: unknown }).phone));
      },
    };
  }

  const routes: SimRoute[] = [
    // Instance (z-api.txt 831-990)
    { method: 'GET', pattern: `${PREFIX}/status`, handler: () => ({ status: 200, body: { connected: true, error: null, smartphoneConnected: true } }) },
    {
      method: 'GET', pattern: `${PREFIX}/me`, handler: () => ({
        status: 200, body: {
          id: creds.instanceId, token: creds.token, name: 'Z-API sandbox', due: Date.now() + 30 * 86_400_000, connected: true, paymentStatus: 'RECEIVED',
          created: '2024-01-01T00:00:00.000Z', connectedCallbackUrl: webhookUrl, deliveryCallbackUrl: webhookUrl, disconnectedCallbackUrl: webhookUrl,
          messageStatusCallbackUrl: webhookUrl, presenceChatCallbackUrl: webhookUrl, receivedCallbackUrl: webhookUrl, receiveCallbackSentByMe: false,
          callRejectAuto: false, callRejectMessage: null, autoReadMessage: false, initialDataCallbackUrl: null,
        },
      }),
    },
    {
      method: 'GET', pattern: `${PREFIX}/device`, handler: () => ({
        status: 200, body: {
          phone: ZAPI_SANDBOX_PHONE, imgUrl: zapiSimProfilePictureUrl(ZAPI_SANDBOX_PHONE), name: 'Z-API Sandbox',
          device: { sessionName: 'Z-API', device_model: 'Z-API' }, originalDevice: 'android', sessionId: 175, isBusiness: false,
        },
      }),
    },
    // Messages (z-api.txt 1764-4117)
    sendRoute('/send-text', ['phone', 'message'], (b) => (b.mentioned !== undefined && !Array.isArray(b.mentioned) ? bad('mentioned must be an array', ['mentioned']) : undefined)),
    sendRoute('/send-image', ['phone', 'image']),
    sendRoute('/send-video', ['phone', 'video']),
    sendRoute('/send-audio', ['phone', 'audio']),
    sendRoute('/send-document/:extension', ['phone', 'document']),
    sendRoute('/send-location', ['phone', 'title', 'address', 'latitude', 'longitude'], (b) =>
      typeof b.latitude !== 'string' || typeof b.longitude !== 'string' ? bad('latitude and longitude must be strings', ['latitude', 'longitude']) : undefined),
    sendRoute('/send-reaction', ['phone', 'reaction', 'messageId']),
    sendRoute('/send-remove-reaction', ['phone', 'messageId']),
    sendRoute('/send-contact', ['phone', 'contactName', 'contactPhone']),
    sendRoute('/send-contacts', ['phone', 'contacts'], (b) => checkItems(b.contacts, 'contacts', ['name', 'phones'])),
    sendRoute('/send-button-list', ['phone', 'message', 'buttonList', 'buttonList.buttons'], (b) =>
      checkItems((b.buttonList as { buttons?: unknown }).buttons, 'buttonList.buttons', ['label'])),
    sendRoute('/send-option-list', ['phone', 'message', 'optionList', 'optionList.title', 'optionList.buttonLabel', 'optionList.options'], (b) =>
      checkItems((b.optionList as { options?: unknown }).options, 'optionList.options', ['title', 'description'])),
    {
      method: 'POST', pattern: `${PREFIX}/read-message`, handler: (ctx) => checkSend(ctx.body, ['phone', 'messageId']) ?? { status: 204 },
    },
    {
      method: 'DELETE', pattern: `${PREFIX}/messages`, handler: (ctx) => {
        const missing = missingFields(ctx.query, ['messageId', 'phone', 'owner']);
        if (missing.length) return bad(`Missing required field: ${missing.join(', ')}`, missing);
        if (ctx.query.owner !== 'true' && ctx.query.owner !== 'false') return bad('owner must be true or false', ['owner']);
        return { status: 204 };
      },
    },
    // Contacts (z-api.txt 5640-6071)
    { method: 'GET', pattern: `${PREFIX}/contacts`, handler: (ctx) => pageOf(ctx, [...contacts.values()]) },
    {
      method: 'GET', pattern: `${PREFIX}/contacts/:phone`, handler: (ctx) => {
        const c = contacts.get(ctx.params.phone ?? '');
        return c ? { status: 200, body: c } : { status: 404, body: { error: 'Contact not found' } };
      },
    },
    {
      method: 'GET', pattern: `${PREFIX}/profile-picture`, handler: (ctx) =>
        ctx.query.phone ? { status: 200, body: [{ link: zapiSimProfilePictureUrl(ctx.query.phone) }] } : bad('Missing required field: phone', ['phone']),
    },
    {
      method: 'POST', pattern: `${PREFIX}/phone-exists-batch`, handler: (ctx) => {
        const phones = (ctx.body as { phones?: unknown } | undefined)?.phones;
        if (!Array.isArray(phones) || phones.length === 0 || phones.some((p) => typeof p !== 'string')) return bad('Missing required field: phones', ['phones']);
        if (phones.length > ZAPI_PHONE_EXISTS_BATCH_MAX) return bad(`At most ${ZAPI_PHONE_EXISTS_BATCH_MAX} phones per request`, ['phones']);
        return { status: 200, body: (phones as string[]).map((p) => ({ exists: Number(p.slice(-1)) % 2 === 0, inputPhone: p, outputPhone: p })) };
      },
    },
    // Chats (z-api.txt 6186-6333)
    { method: 'GET', pattern: `${PREFIX}/chats`, handler: (ctx) => pageOf(ctx, [...chats.values()]) },
    {
      method: 'GET', pattern: `${PREFIX}/chats/:phone`, handler: (ctx) => {
        const c = chats.get(ctx.params.phone ?? '');
        if (!c) return { status: 404, body: { error: 'Chat not found' } };
        const { phone, unread, lastMessageTime, isMuted, isMarketSpam, profileThumbnail, messagesUnread, about, name, archived, pinned, muteEndTime } = c;
        return { status: 200, body: { phone, unread, lastMessageTime, isMuted, isMarketSpam, profileThumbnail: profileThumbnail ?? null, messagesUnread, about: about ?? null, name, archived, pinned, muteEndTime } };
      },
    },
    // Groups (z-api.txt 6769-7909)
    { method: 'GET', pattern: `${PREFIX}/groups`, handler: (ctx) => pageOf(ctx, [...chats.values()].filter((c) => c.phone.endsWith('-group'))) },
    {
      method: 'GET', pattern: `${PREFIX}/group-metadata/:phone`, handler: (ctx) => {
        const g = groups.get(ctx.params.phone ?? '');
        return g ? { status: 200, body: g } : { status: 404, body: { error: 'Group not found' } };
      },
    },
    // Group management and communities (z-api.txt 6843-9238): groups.ts
    ...zapiGroupAdminRoutes({ chats, groups, ownPhone: ZAPI_SANDBOX_PHONE, prefix: PREFIX }),
    // Chat management, labels, catalog (z-api.txt 6335-6679, 9545-10654)
    ...zapiChatAdminRoutes({ prefix: PREFIX, chats }),
    ...zapiLabelsRoutes({ prefix: PREFIX, chats }),
    ...zapiCatalogRoutes({ prefix: PREFIX, ownPhone: ZAPI_SANDBOX_PHONE }),
  ];

  const server = await startSimServer({
    port: options.port ?? 0,
    routes,
    before: (ctx) => {
      const m = PATH_AUTH.exec(ctx.path);
      if (!m) return undefined;
      if (m[1] !== creds.instanceId || m[2] !== creds.token) return { status: 401, body: { error: 'Instance not found or invalid token' } };
      const header = ctx.headers['client-token'];
      const value = Array.isArray(header) ? header[0] : header;
      if (!value) return { status: 401, body: { error: 'null not allowed' } };
      if (value !== creds.clientToken) return { status: 401, body: { error: 'Client-Token not allowed' } };
      return undefined;
    },
  });

  return {
    url: server.url,
    requests: server.requests,
    instanceConfig: { instanceId: creds.instanceId, token: creds.token, clientToken: creds.clientToken },
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    injectFault: server.injectFault,
    close: async () => {
      closed = true;
      await Promise.allSettled([...pending]);
      await server.close();
    },
  };
}
