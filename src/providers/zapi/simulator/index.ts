import { randomBytes } from 'node:crypto';
import type { SimulatorHandle, SimulatorOptions } from '../../contract.js';
import { postWebhook, sleep, startSimServer, type SimResponse, type SimRoute } from '../../sim-kit.js';
import type { ZapiChat } from '../wire/chats.js';
import type { ZapiContact } from '../wire/contacts.js';
import type { ZapiGroupMetadata } from '../wire/groups.js';
import type { ZapiSendResponse } from '../wire/messages.js';
import { initialZapiAccountState, zapiAccountRoutes } from './account.js';
import { zapiAdminRoutes, zapiAdminSeed } from './admin.js';
import { INTEGRATOR_REFUSED, integratorAuthorised, zapiPartnerRoutes, type ZapiPartnerSimInstance } from './partner.js';
import { zapiBusinessRoutes } from './business.js';
import { zapiCatalogRoutes } from './catalog.js';
import { zapiChatsRoutes } from './chats.js';
import { zapiContactsRoutes, zapiSimProfilePictureUrl } from './contacts.js';
import { zapiGroupsRoutes } from './groups.js';
import { zapiInstanceRoutes } from './instance.js';
import { zapiLabelsRoutes } from './labels.js';
import { zapiMessagesRoutes } from './messages.js';
import { zapiRichMessagesRoutes } from './rich-messages.js';
import { withReplyWebhooks } from './replies.js';

export { zapiSimProfilePictureUrl } from './contacts.js';

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
 *   recipient, in the documented payload shapes (z-api.txt 11165-13251); after a poll, an
 *   event or an order status update, also the vote, the response or the update's echo that
 *   comes back (`replies.ts`; with the auto reply, so `autoReply: false` turns both off).
 * - `phone-exists-batch`: a number ending in an even digit exists, one ending in an odd digit
 *   does not (a fixed rule so tests can predict the answer).
 * - `profile-picture`: `https://pps.whatsapp.net/sim/{phone}.jpg` for every phone.
 * - The session starts connected unless `connected: false`; `qr-code/image` then serves a real
 *   PNG QR code and the control route `POST /sim/scan` (no credentials: it is the simulated
 *   phone, not Z-API) connects the session and posts `ConnectedCallback`; `disconnect` posts
 *   `DisconnectedCallback`. `update-every-webhooks` changes where webhooks are posted.
 * - The control route `POST /sim/chats` (no credentials: the simulated phone's own chats) seeds
 *   chat rows, so a test can list a realistic inbox.
 */

/** The fixed sandbox credentials the simulator accepts (returned as its `instanceConfig`). */
export const ZAPI_SANDBOX_CREDENTIALS = {
  instanceId: '3C67AB641C8AA0412F6A2242B4E23AC7',
  token: 'A1B2C3D4E5F6SANDBOXTOKEN0001',
  clientToken: 'F9E8D7C6B5A4SANDBOXCLIENT0001',
} as const;

/** The integrator token the simulator's partner API accepts (`partners.zapi.token` in sandbox mode and tests; z-api.txt 13470-13480). */
export const ZAPI_SANDBOX_INTEGRATOR_TOKEN = 'SANDBOXINTEGRATORTOKEN0001';

/** The phone the simulated instance is connected with (`connectedPhone` in its webhooks). */
export const ZAPI_SANDBOX_PHONE = '554499999999';

/** The text of the simulated inbound reply that follows each send. */
export const ZAPI_SIM_REPLY_TEXT = 'Simulated reply from the Z-API sandbox';

const PREFIX = '/instances/:instanceId/token/:token';
const PATH_AUTH = /^\/instances\/([^/]+)\/token\/([^/]+)(?:\/|$)/;

function hexId(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

/** Seed chats: the `/chats` examples (z-api.txt 6230-6260; the second repeats the first's phone, so it gets its own), plus the groups. */
function seedChats(): ZapiChat[] {
  return [
    {
      archived: 'false',
      pinned: 'true',
      messagesUnread: 0,
      phone: '5511999999999',
      unread: '0',
      name: 'Z-API SUPPORT',
      lastMessageTime: '1622991687',
      isMuted: '0',
      isMarketSpam: 'false',
      profileThumbnail: 'https://pps.whatsapp.net/v/t61.24694-24/170931400_212202650511993_3423338295209291992_n.jpg',
      about: 'Profile message',
    },
    {
      archived: 'false',
      pinned: 'true',
      messagesUnread: 0,
      phone: '5511988888888',
      unread: '0',
      name: 'Z-api - Team',
      lastMessageTime: '1622990503',
      muteEndTime: 1655953774000,
      isMuted: '0',
      isMarketSpam: 'false',
    },
    {
      isGroup: true,
      name: 'Test group',
      phone: '120263358412332916-group',
      unread: '0',
      lastMessageTime: '1730918668000',
      isMuted: '0',
      isMarketSpam: 'false',
      archived: 'false',
      pinned: 'false',
      muteEndTime: null,
      messagesUnread: '0',
    },
    {
      isGroup: true,
      name: 'My group in Z-API',
      phone: '120363019502650977-group',
      unread: '0',
      lastMessageTime: '1730918000000',
      isMuted: '0',
      isMarketSpam: 'false',
      archived: 'false',
      pinned: 'false',
      muteEndTime: null,
      messagesUnread: '0',
    },
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
    description: 'Z-API Group',
    owner: '5511999999999',
    creation: 1588721491000,
    communityId: null,
    adminOnlyMessage: false,
    adminOnlySettings: false,
    requireAdminApproval: false,
    isGroupAnnouncement: false,
    subjectTime: 1617805323000,
    subjectOwner: '554497050785',
  };
  return [
    { phone: '120363019502650977-group', subject: 'My group in Z-API', invitationLink: 'https://chat.whatsapp.com/40Aasd6af1', participants, ...base },
    { phone: '120263358412332916-group', subject: 'Test group', invitationLink: 'https://chat.whatsapp.com/Sim0Test1group', participants, ...base },
  ];
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
  const account = initialZapiAccountState(options.connected ?? true, creds.instanceId);
  // The integrator account: the sandbox instance, subscribed (the partner API, z-api.txt 13462-13791).
  const partnerInstances: ZapiPartnerSimInstance[] = [
    {
      id: creds.instanceId,
      token: creds.token,
      name: 'Z-API sandbox',
      created: Date.now(),
      due: Date.now() + 30 * 24 * 3600_000,
      paymentStatus: 'PAID',
      middleware: 'web',
      phoneConnected: true,
      whatsappConnected: options.connected ?? true,
    },
  ];

  /** Posts one webhook in the background (none when no URL is set or the simulator closed). */
  function post(body: unknown): void {
    if (closed || !webhookUrl) return;
    const run = postWebhook(webhookUrl, body).then(
      () => undefined,
      () => undefined,
    );
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  /** Posts the documented webhook sequence of one sent message (z-api.txt 28-37: delivery, then RECEIVED, then READ). */
  async function sendFlow(phone: string, messageId: string, zaapId: string): Promise<void> {
    const isGroup = phone.endsWith('-group');
    const steps: Array<() => unknown> = [
      () => ({ phone, zaapId, messageId, type: 'DeliveryCallback', instanceId: creds.instanceId }),
      ...(['SENT', 'RECEIVED', 'READ'] as const).map((status) => () => ({
        instanceId: creds.instanceId,
        status,
        ids: [messageId],
        momment: Date.now(),
        phoneDevice: 0,
        phone,
        type: 'MessageStatusCallback',
        isGroup,
      })),
    ];
    if (autoReply) {
      steps.push(() => {
        const chat = chats.get(phone);
        const sender = isGroup ? '5511777777777' : phone;
        return {
          isStatusReply: false,
          senderLid: `${sender}@lid`,
          connectedPhone: ZAPI_SANDBOX_PHONE,
          waitingMessage: false,
          isEdit: false,
          isGroup,
          isNewsletter: false,
          instanceId: creds.instanceId,
          messageId: hexId(10),
          phone,
          fromMe: false,
          momment: Date.now(),
          status: 'RECEIVED',
          chatName: chat?.name ?? phone,
          senderPhoto: null,
          senderName: contacts.get(sender)?.name ?? sender,
          participantPhone: isGroup ? sender : null,
          participantLid: null,
          photo: null,
          broadcast: false,
          referenceMessageId: null,
          forwarded: false,
          type: 'ReceivedCallback',
          fromApi: false,
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
    else
      chats.set(phone, {
        phone,
        name: contacts.get(phone)?.name ?? phone,
        archived: 'false',
        pinned: 'false',
        unread: '0',
        messagesUnread: 0,
        lastMessageTime: now,
        isMuted: '0',
        isMarketSpam: 'false',
        isGroup: phone.endsWith('-group'),
      });
    if (webhookUrl) {
      const run = sendFlow(phone, messageId, zaapId).catch(() => undefined);
      pending.add(run);
      void run.finally(() => pending.delete(run));
    }
    const body: ZapiSendResponse = { zaapId, messageId, id: messageId };
    return { status: 200, body };
  }

  /** Posts a reply webhook (replies.ts) after the send's own webhook sequence (5 steps), when replies are on. */
  function scheduleReply(payload: Record<string, unknown>): void {
    if (!autoReply || !webhookUrl) return;
    const run = (async () => {
      await sleep(stepDelayMs * 6);
      if (!closed && webhookUrl) await postWebhook(webhookUrl, payload);
    })().catch(() => undefined);
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  const baseRoutes: SimRoute[] = [
    ...zapiInstanceRoutes({ prefix: PREFIX, credentials: creds, ownPhone: ZAPI_SANDBOX_PHONE, webhookUrl: () => webhookUrl, account }),
    // Connecting, profile and settings, privacy, the address book, the queue, webhook registration; the `/sim/scan` control route
    ...zapiAccountRoutes({
      prefix: PREFIX,
      instanceId: creds.instanceId,
      ownPhone: ZAPI_SANDBOX_PHONE,
      state: account,
      contacts,
      webhookUrl: () => webhookUrl,
      setWebhookUrl: (url) => {
        webhookUrl = url;
      },
      post,
    }),
    ...zapiMessagesRoutes({ prefix: PREFIX, accept }),
    ...zapiRichMessagesRoutes({ prefix: PREFIX, accept }),
    ...zapiContactsRoutes({ prefix: PREFIX, contacts }),
    // Groups, group management and communities (z-api.txt 6769-9238)
    ...zapiGroupsRoutes({ chats, groups, ownPhone: ZAPI_SANDBOX_PHONE, prefix: PREFIX }),
    // Chats and chat management, labels, catalog (z-api.txt 6186-6679, 9545-10654)
    ...zapiChatsRoutes({ prefix: PREFIX, chats }),
    ...zapiLabelsRoutes({ prefix: PREFIX, chats }),
    ...zapiCatalogRoutes({ prefix: PREFIX, ownPhone: ZAPI_SANDBOX_PHONE }),
    // Account administration: registration, unbanning, security e-mail and PIN (z-api.txt 1026-1740)
    ...zapiAdminRoutes(PREFIX, zapiAdminSeed()),
    // The partner (integrator) API (z-api.txt 13462-13791)
    ...zapiPartnerRoutes(ZAPI_SANDBOX_INTEGRATOR_TOKEN, partnerInstances),
    // The business profile (z-api.txt 10655-11088)
    ...zapiBusinessRoutes(PREFIX, { description: null, email: null, address: null, websites: [], hours: null, categories: [] }),
  ];
  // a poll gets a vote, an event a response, an order status update its echo (replies.ts)
  const routes = withReplyWebhooks(baseRoutes, PREFIX, { instanceId: creds.instanceId, ownPhone: ZAPI_SANDBOX_PHONE, newId: () => hexId(10) }, scheduleReply);

  const server = await startSimServer({
    port: options.port ?? 0,
    routes,
    before: (ctx) => {
      // The partner API authenticates with the integrator token; its routes check the instance's own id and token (partner.ts).
      if (ctx.path.startsWith('/instances/') && ctx.path.includes('/integrator/')) return integratorAuthorised(ctx, ZAPI_SANDBOX_INTEGRATOR_TOKEN) ? undefined : INTEGRATOR_REFUSED;
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
