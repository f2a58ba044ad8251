import { randomBytes } from 'node:crypto';
import type { SimulatorHandle, SimulatorOptions } from '../../contract.js';
import { postWebhook, sleep, startSimServer, type SimContext, type SimResponse, type SimRoute } from '../../sim-kit.js';
import type { WireNotification, WireTemplate, WireTemplateRequest } from '../wire.js';
import { invalid, missingRequired, REQUIRED_FIELDS } from './required-fields.js';
import { seedTemplates, templateFromRequest } from './templates.js';

/**
 * A faithful HTTP fake of IVOWBA (ivosights-ivowba.txt): all 32 documented operations on
 * their documented paths (the eight Sandbox copies under `/sandbox`, lines 3137-3145),
 * `X-API-KEY` checked, required fields checked, the documented example responses, and
 * notifications: after each send it posts `sent` → `delivered` → `read` statuses and an
 * inbound text reply (a `context` reply, lines 2981-3001) to the webhook URL, with HTTP
 * Basic auth when `http_auth` is on (lines 2746-2750), three attempts each (line 2759);
 * what is not delivered is kept for pull-pending-notifications (lines 2756-2761).
 *
 * Choices where the doc is silent: an unknown or missing key is answered 401
 * `{"message":"Unauthenticated."}`; missing required fields 422
 * `{"message":"The given data was invalid.","errors":{field:[…]}}` (the Laravel answers of the
 * framework the doc was generated with); template create / update / propose answer the
 * template object; pull answers `{"data": [payload, …]}` and forgets what it returned.
 */

/** The API key the simulator accepts. */
export const SIM_API_KEY = 'sim-ivosights-api-key';
/** The simulator's webhook id (line 2740). */
export const SIM_WEBHOOK_ID = '6098c0f34dae5677e2636a5c';
/** The webhook `http_auth` username (lines 2746-2750): deliveries carry it as HTTP Basic. */
export const SIM_WEBHOOK_USERNAME = 'user';
/** The webhook `http_auth` password (a simulator secret, not the doc's example `password`). */
export const SIM_WEBHOOK_PASSWORD = 'sim-webhook-password';
/** The business number replies quote in `context.from` (line 2992). */
export const SIM_BUSINESS_NUMBER = '16315558011';
/** A media id the simulator serves (line 141). */
export const SIM_MEDIA_ID = 'f043afd0-f0ae-4b9c-ab3d-696fb4c8cd68';
/** The bytes served for {@link SIM_MEDIA_ID}: a 1×1 PNG (the doc shows only `<Binary data>`, line 170). */
export const SIM_MEDIA_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The documented send answer, with a fresh id per send (line 1210's shape). */
function newMessageId(): string {
  return `gBEG${randomBytes(18).toString('base64url')}`;
}

const meta = { api_status: 'stable', version: '2.33.3' };

/** The simulator's handle: the common one plus IVOWBA's pending notifications. */
export interface IvosightsSimulatorHandle extends SimulatorHandle {
  /** Notifications not yet delivered (what pull-pending-notifications answers). */
  pending: WireNotification[];
  /** Delivers one notification as IVOWBA does: posted (3 attempts) or, failing that, kept pending. @returns the last HTTP status (0: kept pending) */
  notify(payload: WireNotification): Promise<number>;
  /** Waits until every scheduled notification has been delivered or queued. */
  settle(): Promise<void>;
}

/**
 * Starts the IVOWBA simulator on 127.0.0.1.
 * @param options port (0: any), webhookUrl, stepDelayMs between the status notifications (default 50), autoReply (default true)
 */
export async function startIvosightsSimulator(options: SimulatorOptions = {}): Promise<IvosightsSimulatorHandle> {
  let webhookUrl = options.webhookUrl ?? null;
  const stepDelayMs = options.stepDelayMs ?? 50;
  const autoReply = options.autoReply ?? true;
  const pending: WireNotification[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  const templates = seedTemplates();
  const media = new Map<string, { bytes: Uint8Array; mime: string }>([[SIM_MEDIA_ID, { bytes: SIM_MEDIA_BYTES, mime: 'image/png' }]]);
  const business = {
    address: 'Jl. Tebet Barat I No.2, RT.1/RW.2, Tebet Bar., Kec. Tebet, Kota Jakarta Selatan, Daerah Khusus Ibukota Jakarta 12810',
    description: 'A Series of Platforms to Engage Your Customers',
    email: 'hello@ivosights.com',
    vertical: 'Professional Services',
    websites: ['https://ivosigths.com'],
  };
  let about = 'Halo Dunia..';
  let photoLink = 'https://pps.whatsapp.net/v/t61.24694-24/s96x96/139790548_239531290984431_572068075107398585_n.jpg?ccb=11-4&oh=78a0cdfaf9c1ec35d6cc8c6c6e5628eb&oe=609A20F5';

  const basicAuth = `Basic ${Buffer.from(`${SIM_WEBHOOK_USERNAME}:${SIM_WEBHOOK_PASSWORD}`).toString('base64')}`;

  async function notify(payload: WireNotification): Promise<number> {
    if (closed) return 0;
    if (!webhookUrl) {
      pending.push(payload);
      return 0;
    }
    const status = await postWebhook(webhookUrl, payload, { headers: { authorization: basicAuth }, attempts: 3 });
    if (status !== 200 && status !== 201) {
      // "marked as delivered … when we get HTTP response code 200 or 201, otherwise … failed" (line 2758)
      pending.push(payload);
      return 0;
    }
    return status;
  }

  function track(p: Promise<unknown>): void {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  /** After a send: sent → delivered → read (lines 3023-3079), then the customer's reply (lines 2981-3001). */
  function afterSend(messageId: string, waId: string): void {
    track(
      (async () => {
        const base = Math.floor(Date.now() / 1000);
        const conversation = { expiration_timestamp: base + 86400, id: randomBytes(16).toString('hex'), origin: { type: 'utility' } };
        const pricing = { billable: true, category: 'utility', pricing_model: 'CBP' };
        const steps: WireNotification[] = [
          { statuses: [{ id: messageId, recipient_id: waId, status: 'sent', type: 'message', timestamp: String(base), conversation, pricing }] },
          { statuses: [{ id: messageId, recipient_id: waId, status: 'delivered', timestamp: String(base + 1), type: 'message', conversation, pricing }] },
          { statuses: [{ id: messageId, recipient_id: waId, status: 'read', type: 'message', timestamp: String(base + 2) }] },
        ];
        if (autoReply) {
          steps.push({
            contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: waId }],
            messages: [
              {
                context: { from: SIM_BUSINESS_NUMBER, id: messageId },
                from: waId,
                id: `gBGG${randomBytes(18).toString('base64url')}`,
                text: { body: 'Yes, count me in!' },
                timestamp: String(base + 3),
                type: 'text',
              },
            ],
          });
        }
        for (const step of steps) {
          await sleep(stepDelayMs);
          if (closed) return;
          await notify(step);
        }
      })(),
    );
  }

  function send(operation: string): (ctx: SimContext) => SimResponse {
    return (ctx) => {
      const missing = missingRequired(ctx.body, REQUIRED_FIELDS[operation] ?? []);
      if (operation === 'send-media-message' && !missing.includes('type')) {
        const type = (ctx.body as { type?: unknown }).type;
        if (!['image', 'audio', 'video', 'document', 'sticker'].includes(String(type))) {
          return { status: 422, body: { message: 'The given data was invalid.', errors: { type: ['The selected type is invalid.'] } } };
        }
      }
      if (missing.length) return invalid(missing);
      const body = ctx.body as { wa_id: string; template_id?: string };
      if (operation === 'send-template-message' && !templates.some((t) => t.id === body.template_id)) {
        return { status: 422, body: { message: 'The given data was invalid.', errors: { template_id: ['The selected template id is invalid.'] } } };
      }
      const id = newMessageId();
      afterSend(id, String(body.wa_id));
      return { status: 200, body: { messages: [{ id }] } };
    };
  }

  function findTemplate(id: string | undefined): WireTemplate | undefined {
    return templates.find((t) => t.id === id);
  }

  const sendOps = [
    'send-contact-message',
    'send-location-message',
    'send-media-message',
    'send-template-message',
    'send-text-message',
    'send-reply-button-message',
    'send-list-message',
    'send-single-product-message',
    'send-multi-product-message',
    'send-flow-message',
  ];
  const sandboxOps = new Set([
    'send-text-message',
    'send-template-message',
    'send-media-message',
    'send-location-message',
    'send-contact-message',
    'send-list-message',
    'send-reply-button-message',
  ]);

  const mediaRoute = (ctx: SimContext): SimResponse => {
    const m = media.get(ctx.params.mediaId ?? '');
    if (!m) return { status: 404, body: { message: 'File not found' } };
    return { status: 200, body: m.bytes, headers: { 'content-type': m.mime } };
  };

  const routes: SimRoute[] = [
    {
      method: 'POST',
      pattern: '/api/v1/contacts/check',
      handler: (ctx) => {
        const missing = missingRequired(ctx.body, REQUIRED_FIELDS['contacts-check']!);
        const list = (ctx.body as { contacts?: unknown }).contacts;
        if (missing.length || !Array.isArray(list) || !list.length) return invalid(['contacts']);
        // A number is "on WhatsApp" here unless it ends in 0: a rule tests can rely on.
        const contacts = list.map((input) => {
          const d = String(input).replace(/\D+/g, '');
          return d && !d.endsWith('0') ? { input: String(input), status: 'valid', wa_id: d } : { input: String(input), status: 'invalid' };
        });
        return { status: 200, body: { contacts, meta } };
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/countries',
      handler: () => ({
        status: 200,
        body: {
          data: [
            { id: '6074716f6c09086f640ee9da', name: 'Indonesia', dial_code: '+62', iso: 'ID', iso3: 'IDN' },
            { id: '6074716f6c09086f640ee9db', name: 'Iran', dial_code: '+98', iso: 'IR', iso3: 'IRN' },
          ],
        },
      }),
    },
    { method: 'GET', pattern: '/api/v1/media/:mediaId', handler: mediaRoute },
    { method: 'GET', pattern: '/sandbox/api/v1/media/:mediaId', handler: mediaRoute },
    {
      method: 'GET',
      pattern: '/api/v1/message-templates/all-templates',
      handler: () => ({
        status: 200,
        body: {
          data: templates,
          meta: {
            pagination: { total: templates.length, count: templates.length, per_page: 15, current_page: 1, total_pages: Math.max(1, Math.ceil(templates.length / 15)), links: {} },
          },
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/api/v1/message-templates',
      handler: () => {
        // "assigned to your WhatsApp Account": the seeded first template plus those created here.
        const mine = templates.filter((t) => t.id !== '60243665e4058d3b4a377bce');
        return { status: 200, body: { data: mine, meta: { pagination: { total: mine.length, count: mine.length, per_page: 15, current_page: 1, total_pages: 1, links: {} } } } };
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/message-templates',
      handler: (ctx) => {
        const missing = missingRequired(ctx.body, REQUIRED_FIELDS.template!);
        if (missing.length) return invalid(missing);
        const t = templateFromRequest(randomBytes(12).toString('hex'), ctx.body as WireTemplateRequest);
        templates.push(t);
        return { status: 201, body: t };
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/message-templates/:templateId',
      handler: (ctx) => {
        const t = findTemplate(ctx.params.templateId);
        return t ? { status: 200, body: t } : { status: 404, body: { message: 'Template not found' } };
      },
    },
    {
      method: 'PUT',
      pattern: '/api/v1/message-templates/:templateId',
      handler: (ctx) => {
        const i = templates.findIndex((t) => t.id === ctx.params.templateId);
        if (i < 0) return { status: 404, body: { message: 'Template not found' } };
        const missing = missingRequired(ctx.body, REQUIRED_FIELDS.template!);
        if (missing.length) return invalid(missing);
        const t = templateFromRequest(templates[i]!.id, ctx.body as WireTemplateRequest, templates[i]);
        templates[i] = t;
        return { status: 200, body: t };
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/message-templates/:templateId/propose',
      handler: (ctx) => {
        const t = findTemplate(ctx.params.templateId);
        if (!t) return { status: 404, body: { message: 'Template not found' } };
        t.status = 'submitted';
        return { status: 200, body: t };
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/template-categories',
      handler: () => ({
        status: 200,
        body: {
          data: [
            { id: 'UTILITY', name: 'Transactional' },
            { id: 'MARKETING', name: 'Marketing' },
            { id: 'AUTHENTICATION', name: 'Authentication' },
          ],
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/api/v1/template-languages',
      handler: () => ({
        status: 200,
        body: {
          data: [
            { id: 'id', name: 'Indonesian' },
            { id: 'ga', name: 'Irish' },
            { id: 'it', name: 'Italian' },
          ],
        },
      }),
    },
    ...sendOps.flatMap((op): SimRoute[] => [
      { method: 'POST', pattern: `/api/v1/messages/${op}`, handler: send(op) },
      ...(sandboxOps.has(op) ? [{ method: 'POST', pattern: `/sandbox/api/v1/messages/${op}`, handler: send(op) }] : []),
    ]),
    { method: 'PUT', pattern: '/api/v1/messages/:messageId/read', handler: () => ({ status: 200, body: 'null', headers: { 'content-type': 'application/json' } }) },
    { method: 'GET', pattern: '/api/v1/settings/business-profile', handler: () => ({ status: 200, body: { settings: { business: { profile: business } }, meta } }) },
    {
      method: 'POST',
      pattern: '/api/v1/settings/business-profile',
      handler: (ctx) => {
        const missing = missingRequired(ctx.body, REQUIRED_FIELDS['update-business-profile']!);
        if (missing.length) return invalid(missing);
        Object.assign(business, ctx.body);
        return { status: 200, body: { meta } };
      },
    },
    { method: 'GET', pattern: '/api/v1/settings/profiles/about', handler: () => ({ status: 200, body: { settings: { profile: { about: { text: about } } }, meta } }) },
    {
      method: 'PATCH',
      pattern: '/api/v1/settings/profiles/about',
      handler: (ctx) => {
        const missing = missingRequired(ctx.body, REQUIRED_FIELDS['update-about']!);
        if (missing.length) return invalid(missing);
        about = String((ctx.body as { text: unknown }).text);
        return { status: 200, body: { meta } };
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/settings/profiles/photo',
      handler: (ctx) => {
        // `format` as curl -G sends it (query) or as the PHP example does (JSON body), lines 2605-2638.
        const format = ctx.query.format ?? (ctx.body as { format?: string } | undefined)?.format;
        if (!format) return invalid(['format']);
        return { status: 200, body: { settings: { profile: { photo: { link: photoLink } } }, meta } };
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/settings/profiles/photo',
      handler: (ctx) => {
        const ct = String(ctx.headers['content-type'] ?? '');
        if (!ct.startsWith('multipart/form-data') || typeof ctx.body !== 'string' || !/name="photo"/.test(ctx.body)) return invalid(['photo']);
        photoLink = `https://pps.whatsapp.net/v/sim/${randomBytes(8).toString('hex')}.jpg`;
        return { status: 200, body: { meta } };
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/webhooks',
      handler: () => ({
        status: 200,
        body: {
          data: [
            {
              id: SIM_WEBHOOK_ID,
              name: 'App Webhook',
              url: webhookUrl ?? 'http://webhook.me/ea2f63e6-7583-4b82-9fa6-1bba131e6d93',
              events: [],
              headers: [],
              status: webhookUrl ? 'on' : 'off',
              http_auth: { status: 'on', username: SIM_WEBHOOK_USERNAME, password: SIM_WEBHOOK_PASSWORD },
            },
          ],
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/api/v1/webhooks/:webhookId/pull-pending-notifications',
      handler: (ctx) => {
        if (ctx.params.webhookId !== SIM_WEBHOOK_ID) return { status: 404, body: { message: 'Webhook not found' } };
        return { status: 200, body: { data: pending.splice(0, pending.length) } };
      },
    },
  ];

  const sim = await startSimServer({
    port: options.port,
    routes,
    before: (ctx) => {
      const key = ctx.headers['x-api-key'];
      if ((Array.isArray(key) ? key[0] : key) !== SIM_API_KEY) return { status: 401, body: { message: 'Unauthenticated.' } };
      return undefined;
    },
  });

  return {
    url: sim.url,
    requests: sim.requests,
    instanceConfig: { baseUrl: sim.url, apiKey: SIM_API_KEY, webhookId: SIM_WEBHOOK_ID, webhookUsername: SIM_WEBHOOK_USERNAME, webhookPassword: SIM_WEBHOOK_PASSWORD },
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    injectFault: sim.injectFault,
    pending,
    notify,
    settle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    close: async () => {
      closed = true;
      await sim.close();
    },
  };
}
