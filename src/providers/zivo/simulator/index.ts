import { randomBytes } from 'node:crypto';
import type { SimulatorHandle, SimulatorOptions } from '../../contract.js';
import { missingFields, startSimServer, type SimContext, type SimResponse } from '../../sim-kit.js';
import { ZIVO_BULK_MAX_PER_REQUEST, ZIVO_PATH_PREFIX } from '../client.js';
import type { ZivoAccountResponse, ZivoDlrResponse, ZivoMessageItem, ZivoResponseEntry } from '../wire.js';

/** The credentials the simulator accepts: the doc's own example values (zivo.txt lines 35-36, 98). */
export const ZIVO_SIM_PARTNER_ID = '123';
/** The simulator's API key (the doc's example, zivo.txt line 36). */
export const ZIVO_SIM_API_KEY = 'zivo_live_xxx';
/** The first `messageid` the simulator hands out (the doc's example, zivo.txt line 51). */
const FIRST_MESSAGE_ID = 88421;
/** Zivo's delivery-report statuses in the order the simulator advances them. */
const DLR_STEPS = ['sent', 'delivered', 'read'] as const;

interface SimMessage {
  entry: ZivoResponseEntry;
  sentAt: number;
}

/** The simulator's state, exposed to tests of the Zivo provider. */
export interface ZivoSimulatorHandle extends SimulatorHandle {
  /** Messages accepted so far, by `messageid`. */
  messages: ReadonlyMap<string, SimMessage>;
}

const UNAUTHORIZED: SimResponse = { status: 401, body: { 'response-code': 401, 'response-description': 'Invalid partnerID or apikey' } };

/**
 * Kenyan local `07…`/`01…` → `2547…`/`2541…` (zivo.txt line 63: "Kenyan local 07... is accepted
 * and normalized before sending"); a number that is then not 12 digits (254 + 9) is invalid.
 * @returns the normalised mobile, or null when invalid
 */
export function normaliseZivoMobile(mobile: unknown): string | null {
  if (typeof mobile !== 'string') return null;
  const digits = mobile.replace(/^\+/, '');
  const intl = /^0\d{9}$/.test(digits) ? `254${digits.slice(1)}` : digits;
  return /^\d{12}$/.test(intl) ? intl : null;
}

/**
 * A faithful fake of Zivo / ZChat on the documented paths (zivo.txt):
 * - auth (lines 18-24): `partnerID` + `apikey` in the JSON body of the POSTs and the query of the
 *   GETs; the key may instead come as `Authorization: Bearer <apikey>` (line 24). Wrong → 401.
 * - `sendwhatsapp` (lines 26-65): `mobile` and `message` required → 422 otherwise; answers the
 *   documented `responses` envelope (lines 44-58), `respose-code` typo included.
 * - `sendbulk` (lines 67-90): `whatsapplist` (or `smslist`, line 71) of 1..100 items; more than
 *   {@link ZIVO_BULK_MAX_PER_REQUEST} → 400 (the doc states the limit but not the answer: 400 is
 *   its "send failed after authentication" row, line 113). Each item gets an entry in order; an
 *   item whose mobile is not 12 digits after Kenyan normalisation gets `response-code` 422 while
 *   the others are sent.
 * - `getdlr` (lines 92-98): `messageID` required (422), unknown → 404 (line 114); the status
 *   advances `sent` → `delivered` → `read`, one step every `stepDelayMs` (default 50) after the send.
 * - `account` (lines 100-106): the business, `whatsapp_enabled: true` and a balance.
 * Zivo posts no webhooks, so `setWebhookUrl` records nothing to post to.
 */
export async function startZivoSimulator(options: SimulatorOptions = {}): Promise<ZivoSimulatorHandle> {
  const stepDelayMs = options.stepDelayMs ?? 50;
  const messages = new Map<string, SimMessage>();
  let nextId = FIRST_MESSAGE_ID;

  const send = (item: Partial<ZivoMessageItem>): ZivoResponseEntry => {
    const mobile = normaliseZivoMobile(item.mobile);
    if (!mobile || typeof item.message !== 'string' || item.message === '') {
      return {
        'response-code': 422,
        'respose-code': 422,
        'response-description': `Required field missing or invalid: ${mobile ? 'message' : 'mobile'}`,
        mobile: typeof item.mobile === 'string' ? item.mobile : '',
        ...(item.clientwhatsappid ? { clientwhatsappid: item.clientwhatsappid } : {}),
        networkid: 'whatsapp',
        channel: 'whatsapp',
        status: 'failed',
      };
    }
    const messageid = String(nextId++);
    const entry: ZivoResponseEntry = {
      'response-code': 200,
      'respose-code': 200,
      'response-description': 'Success',
      mobile,
      messageid,
      provider_message_id: `wamid.${randomBytes(12).toString('hex').toUpperCase()}`,
      networkid: 'whatsapp',
      channel: 'whatsapp',
      status: 'sent',
      ...(item.clientwhatsappid ? { clientwhatsappid: item.clientwhatsappid } : {}),
    };
    messages.set(messageid, { entry, sentAt: Date.now() });
    return entry;
  };

  const invalid = (field: string): SimResponse => ({ status: 422, body: { 'response-code': 422, 'response-description': `Required field missing or invalid: ${field}` } });

  const sim = await startSimServer({
    port: options.port,
    before: (ctx) => (authorised(ctx) ? undefined : UNAUTHORIZED),
    routes: [
      {
        method: 'POST',
        pattern: `${ZIVO_PATH_PREFIX}/sendwhatsapp`,
        handler: (ctx) => {
          const missing = missingFields(ctx.body, ['mobile', 'message']);
          if (missing.length) return invalid(missing.join(', '));
          const entry = send(ctx.body as ZivoMessageItem);
          if (entry['response-code'] !== 200) return { status: 422, body: { 'response-code': 422, 'response-description': entry['response-description'] } };
          return { status: 200, body: { responses: [entry] } };
        },
      },
      {
        method: 'POST',
        pattern: `${ZIVO_PATH_PREFIX}/sendbulk`,
        handler: (ctx) => {
          const body = (ctx.body ?? {}) as { whatsapplist?: unknown; smslist?: unknown };
          const list = body.whatsapplist ?? body.smslist;
          if (!Array.isArray(list) || list.length === 0) return invalid('whatsapplist');
          if (list.length > ZIVO_BULK_MAX_PER_REQUEST) {
            return { status: 400, body: { 'response-code': 400, 'response-description': `Send up to ${ZIVO_BULK_MAX_PER_REQUEST} WhatsApp messages in one request` } };
          }
          return { status: 200, body: { responses: list.map((item) => send((item ?? {}) as Partial<ZivoMessageItem>)) } };
        },
      },
      {
        method: 'GET',
        pattern: `${ZIVO_PATH_PREFIX}/getdlr`,
        handler: (ctx) => {
          const id = ctx.query.messageID;
          if (!id) return invalid('messageID');
          const m = messages.get(id);
          if (!m) return { status: 404, body: { 'response-code': 404, 'response-description': 'Delivery report message was not found' } };
          const step = Math.min(DLR_STEPS.length - 1, Math.floor((Date.now() - m.sentAt) / stepDelayMs));
          const report: ZivoDlrResponse = {
            'response-code': 200,
            'response-description': 'Success',
            messageid: id,
            mobile: m.entry.mobile,
            provider_message_id: m.entry.provider_message_id,
            channel: 'whatsapp',
            status: DLR_STEPS[step],
            ...(m.entry.clientwhatsappid ? { clientwhatsappid: m.entry.clientwhatsappid } : {}),
          };
          return { status: 200, body: report };
        },
      },
      {
        method: 'GET',
        pattern: `${ZIVO_PATH_PREFIX}/account`,
        handler: () => {
          const account: ZivoAccountResponse = {
            'response-code': 200,
            'response-description': 'Success',
            partnerID: ZIVO_SIM_PARTNER_ID,
            business_name: 'Zivo Sandbox',
            whatsapp_enabled: true,
            whatsapp_status: 'online',
            balance: 1000,
          };
          return { status: 200, body: account };
        },
      },
    ],
  });

  return {
    url: sim.url,
    requests: sim.requests,
    messages,
    instanceConfig: { provider: 'zivo', baseUrl: sim.url, partnerId: ZIVO_SIM_PARTNER_ID, apiKey: ZIVO_SIM_API_KEY, statusPollIntervalMs: 1_000 },
    // Zivo posts no webhooks (zivo.txt documents none): there is nothing to send there.
    setWebhookUrl: () => undefined,
    injectFault: sim.injectFault,
    close: () => sim.close(),
  };
}

/** Zivo's auth check (zivo.txt lines 20-24): partnerID and apikey from the body (POST) or query (GET); apikey may be a Bearer token. */
function authorised(ctx: SimContext): boolean {
  const source = (ctx.method === 'GET' ? ctx.query : (ctx.body ?? {})) as Record<string, unknown>;
  const bearer = /^Bearer\s+(.+)$/i.exec(String(ctx.headers.authorization ?? ''))?.[1];
  const apikey = source.apikey ?? bearer;
  return source.partnerID === ZIVO_SIM_PARTNER_ID && apikey === ZIVO_SIM_API_KEY;
}
