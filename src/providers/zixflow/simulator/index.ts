import type { SimulatorHandle, SimulatorOptions } from '../../contract.js';
import { charLength, REPLY_BUTTON_TITLE_MAX, REPLY_BUTTONS_MAX } from '../../limits.js';
import { missingFields, startSimServer, type SimResponse } from '../../sim-kit.js';
import { ZIXFLOW_SEND_PATH } from '../client.js';
import { ZIXFLOW_BODY_MAX, ZIXFLOW_FOOTER_MAX, ZIXFLOW_HEADER_TEXT_MAX } from '../mapping.js';
import type { ZixflowSendRequest } from '../wire.js';

/** The API key the simulator accepts as `Authorization: Bearer …`. */
export const ZIXFLOW_SIM_API_KEY = 'zixflow_sim_api_key';
/** The sender phone id the simulator knows (zixflow.txt line 29: from the WhatsApp Settings page). */
export const ZIXFLOW_SIM_PHONE_ID = '106540352242922';

const refuse = (status: number, message: string): SimResponse => ({ status, body: { status: false, message } });

/**
 * A faithful fake of Zixflow's `POST /api/v1/campaign/whatsapp/message/send` (zixflow.txt):
 * `Authorization: Bearer <key>` checked (401 `{status:false}` otherwise — the doc has no auth
 * section, see `client.ts`); the required fields of lines 17-167 checked (`to`, `phoneId`,
 * `type: "interactive"`, `interactive.type: "button"`, `interactive.body.text`,
 * `interactive.action.buttons[].type/reply.id/reply.title`, `header.type` and its field,
 * `footer.text` when a footer is sent) and the documented lengths (header text 60, body 1024,
 * footer 60) and WhatsApp's button rules, each refused with 400 `{status:false, message}`; an
 * unknown `phoneId` is refused too. Success answers the documented `{status: true, message:
 * "success"}` (lines 184-194). Zixflow posts no webhooks.
 */
export async function startZixflowSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const sim = await startSimServer({
    port: options.port,
    before: (ctx) => (ctx.headers.authorization === `Bearer ${ZIXFLOW_SIM_API_KEY}` ? undefined : refuse(401, 'Unauthorized')),
    routes: [
      {
        method: 'POST',
        pattern: ZIXFLOW_SEND_PATH,
        handler: (ctx) => {
          const missing = missingFields(ctx.body, ['to', 'phoneId', 'type', 'interactive.type', 'interactive.body.text', 'interactive.action.buttons']);
          if (missing.length) return refuse(400, `Missing required field: ${missing.join(', ')}`);
          const body = ctx.body as ZixflowSendRequest;
          if (body.type !== 'interactive') return refuse(400, 'type must be interactive');
          if (body.interactive.type !== 'button') return refuse(400, 'interactive.type must be button');
          if (body.phoneId !== ZIXFLOW_SIM_PHONE_ID) return refuse(400, 'Invalid phoneId');
          if (!/^\d{8,15}$/.test(String(body.to))) return refuse(400, 'Invalid to');
          const { header, footer, action } = body.interactive;
          if (header) {
            if (!['text', 'image', 'video', 'document'].includes(header.type) || typeof header[header.type] !== 'string' || !header[header.type]) {
              return refuse(400, 'interactive.header.type and its field are required');
            }
            if (header.type === 'text' && charLength(header.text ?? '') > ZIXFLOW_HEADER_TEXT_MAX) return refuse(400, 'interactive.header.text too long');
          }
          if (charLength(body.interactive.body.text) > ZIXFLOW_BODY_MAX) return refuse(400, 'interactive.body.text too long');
          if (footer && (typeof footer.text !== 'string' || !footer.text || charLength(footer.text) > ZIXFLOW_FOOTER_MAX)) return refuse(400, 'interactive.footer.text invalid');
          const buttons = action.buttons;
          if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > REPLY_BUTTONS_MAX) return refuse(400, 'interactive.action.buttons invalid');
          const ids = new Set<string>();
          for (const b of buttons) {
            if (b?.type !== 'reply' || missingFields(b, ['reply.id', 'reply.title']).length) return refuse(400, 'interactive.action.buttons[].reply invalid');
            if (ids.has(b.reply.id) || charLength(String(b.reply.title)) > REPLY_BUTTON_TITLE_MAX) return refuse(400, 'interactive.action.buttons[].reply invalid');
            ids.add(b.reply.id);
          }
          for (const [k, t] of [
            ['source', 'string'],
            ['linkWithRecord', 'boolean'],
            ['submissionStatus', 'boolean'],
          ] as const) {
            if (body[k] !== undefined && typeof body[k] !== t) return refuse(400, `${k} must be a ${t}`);
          }
          return { status: 200, body: { status: true, message: 'success' } };
        },
      },
    ],
  });
  return {
    url: sim.url,
    requests: sim.requests,
    instanceConfig: { provider: 'zixflow', baseUrl: sim.url, apiKey: ZIXFLOW_SIM_API_KEY, phoneId: ZIXFLOW_SIM_PHONE_ID },
    // Zixflow posts no webhooks (zixflow.txt documents none).
    setWebhookUrl: () => undefined,
    injectFault: sim.injectFault,
    close: () => sim.close(),
  };
}
