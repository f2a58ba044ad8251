import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { SimContext, SimResponse, SimRoute } from '../../sim-kit.js';
import type { ZapiQueuedMessage } from '../wire/account.js';
import { bad } from './common.js';

/**
 * The simulated WhatsApp session and account settings of the Z-API simulator: whether the
 * session is connected, the instance name, profile, settings, privacy, blocked contacts, the
 * send queue and the webhook URLs. Shared by the instance routes (`/status`, `/me`), the
 * account routes here and the simulator's control route.
 */
export interface ZapiAccountSimState {
  connected: boolean;
  /** The QR text shown now (null: none requested since the last connect). */
  qrText: string | null;
  instanceName: string;
  profile: { name: string; about: string | null; pictureUrl: string | null };
  settings: { autoReadMessage: boolean; autoReadStatus: boolean; callRejectAuto: boolean; callRejectMessage: string | null };
  /** The privacy values last set, by path (`last-seen`…), and the exception lists by `disallowed-contacts` type. */
  privacy: Record<string, string>;
  disallowed: Record<string, Set<string>>;
  blocked: Set<string>;
  reported: Set<string>;
  queue: ZapiQueuedMessage[];
  /** Whether "sent by me" notifications are on (`update-notify-sent-by-me`). */
  notifySentByMe: boolean;
}

/** What the account routes need besides the state. */
export interface ZapiAccountSimOptions {
  prefix: string;
  instanceId: string;
  ownPhone: string;
  state: ZapiAccountSimState;
  /** The contacts of the address book (`contacts/add`, `contacts/remove`), by phone. */
  contacts: Map<string, { name?: string | null; short?: string | null; phone: string }>;
  webhookUrl: () => string | null;
  setWebhookUrl: (url: string) => void;
  /** Posts one webhook body to the webhook URL (when set), in the background. */
  post: (body: unknown) => void;
}

/** A fresh account state: connected or not, the doc's two queued messages (z-api.txt 9396-9420, given distinct ids). */
export function initialZapiAccountState(connected: boolean, instanceId: string): ZapiAccountSimState {
  const queued = (n: number, created: number, delayTyping: number): ZapiQueuedMessage => {
    const id = `39BB1684570F00E91090F6BBC7EE764${n}`;
    return {
      _id: id,
      DelayMessage: -1,
      Message: `Mensagem da fila ${n}`,
      IsTrial: false,
      InstanceId: instanceId,
      Phone: '5511999999999',
      ZaapId: id,
      DelayTyping: delayTyping,
      MessageId: `7AD29EAA5EF34C301F0${n}`,
      Created: created,
    };
  };
  return {
    connected,
    qrText: null,
    instanceName: 'Z-API sandbox',
    profile: { name: 'Z-API Sandbox', about: null, pictureUrl: null },
    settings: { autoReadMessage: false, autoReadStatus: false, callRejectAuto: false, callRejectMessage: null },
    privacy: {},
    disallowed: { lastSeen: new Set(), photo: new Set(), description: new Set(), groupAdd: new Set() },
    blocked: new Set(),
    reported: new Set(),
    queue: [queued(1, 1624977905648, 0), queued(2, 1624977906907, 5)],
    notifySentByMe: false,
  };
}

const VISUALIZATION = new Set(['ALL', 'NONE', 'CONTACTS', 'CONTACT_BLACKLIST']);
const DISALLOWED_SCOPE: Record<string, string> = { 'last-seen': 'lastSeen', photo: 'photo', description: 'description', 'group-add': 'groupAdd' };

function body(ctx: SimContext): Record<string, unknown> {
  return ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? (ctx.body as Record<string, unknown>) : {};
}

/** A `{"value": …}` PUT of the given type that stores the value (z-api.txt 504-730, 899-944). */
function putValue(pattern: string, type: 'string' | 'boolean', store: (value: string | boolean) => void): SimRoute {
  return {
    method: 'PUT',
    pattern,
    handler: (ctx) => {
      const value = body(ctx).value;
      if (typeof value !== type || (type === 'string' && !value)) return bad('Missing required field: value', ['value']);
      store(value as string | boolean);
      return { status: 200, body: { value: true } };
    },
  };
}

/**
 * Z-API does not accept non-HTTPS webhooks (z-api.txt 13407-13408); the simulator also takes
 * http on the loopback interface, where tests and sandbox mode receive them.
 */
function acceptableWebhookUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

/**
 * The simulator routes for connecting a number, the profile and settings, privacy, the address
 * book, the queue and webhook registration (z-api.txt 504-944, 5055-6180, 9351-9532,
 * 13403-13461) and calls (6692-6753: answered like a send, no webhook follows), plus the simulator's control route `POST /sim/scan` (not Z-API's: a test
 * "scans" the QR code shown, the session connects and a `ConnectedCallback` is posted,
 * z-api.txt 13351-13402). The QR image is a real PNG QR code of a fresh text per request.
 */
export function zapiAccountRoutes(options: ZapiAccountSimOptions): SimRoute[] {
  const { prefix, state, contacts, post, instanceId, ownPhone } = options;
  const ok = (payload: unknown = { value: true }): SimResponse => ({ status: 200, body: payload });
  const routes: SimRoute[] = [
    {
      method: 'GET',
      pattern: `${prefix}/qr-code/image`,
      handler: async () => {
        if (state.connected) return ok({ connected: true });
        state.qrText = `2@${randomBytes(24).toString('base64')},${randomBytes(16).toString('base64')}`;
        return ok({ value: await QRCode.toDataURL(state.qrText, { type: 'image/png' }) });
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/phone-code/:phone`,
      handler: (ctx) => {
        if (!/^\d{8,15}$/.test(ctx.params.phone ?? '')) return bad('Invalid phone', ['phone']);
        if (state.connected) return ok({ connected: true });
        return ok({ code: randomBytes(4).toString('hex').toUpperCase() });
      },
    },
    { method: 'GET', pattern: `${prefix}/restart`, handler: () => ok() },
    {
      method: 'GET',
      pattern: `${prefix}/disconnect`,
      handler: () => {
        if (state.connected) {
          state.connected = false;
          post({ momment: Date.now(), error: 'Device has been disconnected', disconnected: true, type: 'DisconnectedCallback', instanceId });
        }
        return ok({ value: true });
      },
    },
    putValue(`${prefix}/update-name`, 'string', (v) => (state.instanceName = String(v))),
    putValue(`${prefix}/profile-name`, 'string', (v) => (state.profile.name = String(v))),
    putValue(`${prefix}/profile-description`, 'string', (v) => (state.profile.about = String(v))),
    putValue(`${prefix}/profile-picture`, 'string', (v) => (state.profile.pictureUrl = String(v))),
    putValue(`${prefix}/update-auto-read-message`, 'boolean', (v) => (state.settings.autoReadMessage = v === true)),
    putValue(`${prefix}/update-auto-read-status`, 'boolean', (v) => (state.settings.autoReadStatus = v === true)),
    putValue(`${prefix}/update-call-reject-auto`, 'boolean', (v) => (state.settings.callRejectAuto = v === true)),
    putValue(`${prefix}/update-call-reject-message`, 'string', (v) => (state.settings.callRejectMessage = String(v))),
    {
      method: 'GET',
      pattern: `${prefix}/privacy/disallowed-contacts`,
      handler: (ctx) => {
        const set = state.disallowed[ctx.query.type ?? ''];
        return set ? ok({ disallowedContacts: [...set] }) : bad('type must be lastSeen, photo, description or groupAdd', ['type']);
      },
    },
    ...['last-seen', 'photo', 'description', 'group-add', 'online'].map((path): SimRoute => ({
      method: 'POST',
      pattern: `${prefix}/privacy/${path}`,
      handler: (ctx) => {
        const b = body(ctx);
        const field = path === 'group-add' ? 'type' : 'visualizationType';
        const value = b[field];
        const allowed = path === 'online' ? new Set(['ALL', 'SAME_LAST_SEEN']) : path === 'group-add' ? new Set(['ALL', 'CONTACTS', 'CONTACT_BLACKLIST']) : VISUALIZATION;
        if (typeof value !== 'string' || !allowed.has(value)) return bad(`Missing or invalid field: ${field}`, [field]);
        const changes = b.contactsBlacklist;
        if (changes !== undefined) {
          const scope = DISALLOWED_SCOPE[path];
          if (!scope || value !== 'CONTACT_BLACKLIST' || !Array.isArray(changes)) return bad('contactsBlacklist goes with CONTACT_BLACKLIST', ['contactsBlacklist']);
          for (const c of changes as Array<{ action?: unknown; phone?: unknown }>) {
            if ((c.action !== 'add' && c.action !== 'remove') || typeof c.phone !== 'string')
              return bad('contactsBlacklist entries are {action: add|remove, phone}', ['contactsBlacklist']);
            if (c.action === 'add') state.disallowed[scope]!.add(c.phone);
            else state.disallowed[scope]!.delete(c.phone);
          }
        }
        state.privacy[path] = value;
        return ok({ success: true });
      },
    })),
    ...(
      [
        ['read-receipts', ['enable', 'disable']],
        ['messages-duration', ['days90', 'days7', 'hours24', 'disable']],
      ] as const
    ).map(([path, values]): SimRoute => ({
      method: 'POST',
      pattern: `${prefix}/privacy/${path}`,
      handler: (ctx) => {
        const value = ctx.query.value ?? '';
        if (!(values as readonly string[]).includes(value)) return bad('Missing or invalid field: value', ['value']);
        state.privacy[path] = value;
        return ok({ success: true });
      },
    })),
    {
      method: 'POST',
      pattern: `${prefix}/contacts/add`,
      handler: (ctx) => {
        const list = ctx.body;
        if (!Array.isArray(list) || list.length === 0) return bad('The body must be an array of contacts', ['contacts']);
        for (const c of list as Array<{ firstName?: unknown; lastName?: unknown; phone?: unknown }>) {
          if (typeof c.firstName !== 'string' || typeof c.phone !== 'string') return bad('Each contact needs firstName and phone', ['firstName', 'phone']);
        }
        for (const c of list as Array<{ firstName: string; lastName?: string; phone: string }>)
          contacts.set(c.phone, { phone: c.phone, name: [c.firstName, c.lastName].filter(Boolean).join(' '), short: c.firstName });
        return ok({ success: true, errors: [] });
      },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/contacts/remove`,
      handler: (ctx) => {
        const list = ctx.body;
        if (!Array.isArray(list) || list.length === 0 || list.some((p) => typeof p !== 'string')) return bad('The body must be an array of phones', ['phones']);
        for (const p of list as string[]) contacts.delete(p);
        return ok({ success: true, errors: [] });
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/contacts/modify-blocked`,
      handler: (ctx) => {
        const { phone, action } = body(ctx);
        if (typeof phone !== 'string' || (action !== 'block' && action !== 'unblock')) return bad('Missing required fields: phone, action (block|unblock)', ['phone', 'action']);
        if (action === 'block') state.blocked.add(phone);
        else state.blocked.delete(phone);
        return ok({ value: true });
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/contacts/:phone/report`,
      handler: (ctx) => {
        const phone = ctx.params.phone ?? '';
        if (!/^\d{8,15}$/.test(phone)) return { status: 400, body: { error: 'Invalid phone' } };
        state.reported.add(phone);
        return ok({ success: true });
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/queue`,
      handler: (ctx) => {
        const page = Number(ctx.query.page);
        const size = Number(ctx.query.pageSize);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) return bad('page and pageSize are required positive integers', ['page', 'pageSize']);
        return ok({ messages: state.queue.slice((page - 1) * size, page * size) });
      },
    },
    { method: 'GET', pattern: `${prefix}/queue/count`, handler: () => ok({ count: state.queue.length }) },
    {
      method: 'DELETE',
      pattern: `${prefix}/queue`,
      handler: () => {
        state.queue.length = 0;
        return { status: 200 };
      },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/queue/:zaapId`,
      handler: (ctx) => {
        // The doc documents only the 200 answer (z-api.txt 9516-9518): a message no longer queued (sent, or deleted) is answered the same.
        const i = state.queue.findIndex((m) => m.ZaapId === ctx.params.zaapId);
        if (i >= 0) state.queue.splice(i, 1);
        return { status: 200 };
      },
    },
    {
      method: 'PUT',
      pattern: `${prefix}/update-every-webhooks`,
      handler: (ctx) => {
        const { value, notifySentByMe } = body(ctx);
        if (!acceptableWebhookUrl(value)) return bad('value must be an https URL', ['value']);
        options.setWebhookUrl(value);
        if (typeof notifySentByMe === 'boolean') state.notifySentByMe = notifySentByMe;
        return ok();
      },
    },
    {
      method: 'PUT',
      pattern: `${prefix}/update-notify-sent-by-me`,
      handler: (ctx) => {
        const { notifySentByMe } = body(ctx);
        if (typeof notifySentByMe !== 'boolean') return bad('Missing required field: notifySentByMe', ['notifySentByMe']);
        state.notifySentByMe = notifySentByMe;
        return ok();
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/send-call`,
      handler: (ctx) => {
        const { phone, callDuration } = body(ctx);
        if (typeof phone !== 'string' || !/^\d{8,15}$/.test(phone)) return bad('Missing required field: phone', ['phone']);
        if (callDuration !== undefined && (typeof callDuration !== 'number' || callDuration < 1 || callDuration > 15))
          return bad('callDuration must be 1 to 15 seconds', ['callDuration']);
        const messageId = randomBytes(10).toString('hex').toUpperCase();
        return ok({ zaapId: randomBytes(16).toString('hex').toUpperCase(), messageId, id: messageId });
      },
    },
    {
      method: 'POST',
      pattern: '/sim/scan',
      handler: () => {
        if (state.connected) return { status: 409, body: { error: 'Already connected' } };
        if (!state.qrText) return { status: 409, body: { error: 'No QR code shown yet: GET qr-code/image first' } };
        state.connected = true;
        state.qrText = null;
        post({ type: 'ConnectedCallback', connected: true, momment: Date.now(), instanceId, phone: ownPhone });
        return ok({ connected: true });
      },
    },
  ];
  return routes;
}
