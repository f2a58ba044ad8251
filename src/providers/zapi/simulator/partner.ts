import { randomBytes } from 'node:crypto';
import type { SimContext, SimResponse, SimRoute } from '../../sim-kit.js';
import { bad } from './common.js';

/** One instance of the simulated integrator account, as `GET /instances` lists it (z-api.txt 13740-13765). */
export interface ZapiPartnerSimInstance {
  id: string;
  token: string;
  name: string;
  created: number;
  due: number;
  paymentStatus: string;
  middleware: 'web' | 'mobile';
  phoneConnected: boolean;
  whatsappConnected: boolean;
}

/** The trial of a created instance: two days (z-api.txt 13487, 13520). */
const TRIAL_MS = 2 * 24 * 3600_000;

/** The header the partner API authenticates with: `authorization: Bearer <integrator token>` (the curl samples, z-api.txt 13594, 13643, 13693, 13785). */
export function integratorAuthorised(ctx: SimContext, integratorToken: string): boolean {
  const header = ctx.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  return value === `Bearer ${integratorToken}`;
}

/** The 401 the simulator answers without the integrator token (the doc gives no error body; this is the instance routes' shape). */
export const INTEGRATOR_REFUSED: SimResponse = { status: 401, body: { error: 'Invalid integrator token' } };

/**
 * The simulator routes of Z-API's partner API (z-api.txt 13462-13791). Each checks the
 * integrator token. Creation adds an instance on a two-day trial (`paymentStatus: TRIAL`);
 * subscription makes it `PAID`, cancellation `CANCELED` (still usable for 30 days, 13656-13660);
 * both need the instance's own id and token in the path. Listing pages through every instance
 * (the sandbox instance first), filtered by `query` (name or id) and `middleware`.
 */
export function zapiPartnerRoutes(integratorToken: string, instances: ZapiPartnerSimInstance[]): SimRoute[] {
  const guard =
    (handler: (ctx: SimContext) => SimResponse): SimRoute['handler'] =>
    (ctx) =>
      integratorAuthorised(ctx, integratorToken) ? handler(ctx) : INTEGRATOR_REFUSED;
  const onDemand = (action: string, paymentStatus: string, extendMs: number): SimRoute => ({
    method: 'POST',
    pattern: `/instances/:instanceId/token/:token/integrator/on-demand/${action}`,
    handler: guard((ctx) => {
      const instance = instances.find((i) => i.id === ctx.params.instanceId);
      if (!instance || instance.token !== ctx.params.token) return { status: 401, body: { error: 'Instance not found or invalid token' } };
      instance.paymentStatus = paymentStatus;
      instance.due = Math.max(instance.due, Date.now() + extendMs);
      // z-api.txt 13623-13624, 13673-13674: 201 "OK".
      return { status: 201, body: 'OK' };
    }),
  });
  return [
    {
      method: 'POST',
      pattern: '/instances/integrator/on-demand',
      handler: guard((ctx) => {
        const b = ctx.body && typeof ctx.body === 'object' ? (ctx.body as Record<string, unknown>) : {};
        if (typeof b.name !== 'string' || !b.name) return bad('Missing required field: name', ['name']);
        const now = Date.now();
        const instance: ZapiPartnerSimInstance = {
          id: randomBytes(11).toString('hex').toUpperCase(),
          token: randomBytes(22).toString('hex').toUpperCase(),
          name: b.name,
          created: now,
          due: now + TRIAL_MS,
          paymentStatus: 'TRIAL',
          middleware: b.isDevice === true ? 'mobile' : 'web',
          phoneConnected: false,
          whatsappConnected: false,
        };
        instances.push(instance);
        // z-api.txt 13585-13590: the due date as a string.
        return { status: 200, body: { id: instance.id, token: instance.token, due: String(instance.due) } };
      }),
    },
    onDemand('subscription', 'PAID', 30 * 24 * 3600_000),
    onDemand('cancel', 'CANCELED', 30 * 24 * 3600_000),
    {
      method: 'GET',
      pattern: '/instances',
      handler: guard((ctx) => {
        const page = Number(ctx.query.page);
        const pageSize = Number(ctx.query.pageSize);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1) return bad('page and pageSize are required', ['page', 'pageSize']);
        const search = ctx.query.query?.toLowerCase();
        const middleware = ctx.query.middleware;
        const kept = instances.filter(
          (i) => (!search || i.name.toLowerCase().includes(search) || i.id.toLowerCase().includes(search)) && (!middleware || i.middleware === middleware),
        );
        const content = kept.slice((page - 1) * pageSize, page * pageSize).map((i) => ({
          token: i.token,
          tenant: 'sim-integrator',
          created: String(i.created),
          due: i.due,
          paymentStatus: i.paymentStatus,
          deliveryCallbackUrl: '',
          receivedCallbackUrl: '',
          disconnectedCallbackUrl: '',
          messageStatusCallbackUrl: '',
          receivedAndDeliveryCallbackUrl: '',
          presenceChatCallbackUrl: '',
          connectedCallbackUrl: '',
          receivedStatusCallbackUrl: '',
          phoneConnected: i.phoneConnected,
          whatsappConnected: i.whatsappConnected,
          middleware: i.middleware,
          name: i.name,
          id: i.id,
        }));
        // z-api.txt 13735-13767: the page with its totals; the section names the status 201.
        return { status: 201, body: { total: kept.length, totalPage: Math.max(1, Math.ceil(kept.length / pageSize)), pageSize, page, content } };
      }),
    },
  ];
}
