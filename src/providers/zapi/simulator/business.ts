import type { SimContext, SimRoute } from '../../sim-kit.js';
import { bad } from './common.js';

/** The simulated business profile: what the profile operations last set. */
export interface ZapiBusinessSimState {
  description: string | null;
  email: string | null;
  address: string | null;
  websites: string[];
  hours: unknown;
  categories: string[];
}

/** The doc's categories (z-api.txt 10996-11007) and a few more, so a search has something to find. */
const CATEGORIES = [
  { displayName: 'Other Companies', label: 'OTHER_COMPANIES', id: '629412378414563' },
  { displayName: 'Automotive Service', id: '1223524174334504' },
  { displayName: 'Restaurant', label: 'RESTAURANT', id: '273819889375819' },
  { displayName: 'Finance', label: 'FINANCE', id: '133436743388217' },
  { displayName: 'Information Technology Company', label: 'TECHNOLOGY', id: '1130035050388269' },
];

const DAYS = new Set(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function body(ctx: SimContext): Record<string, unknown> {
  return ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? (ctx.body as Record<string, unknown>) : {};
}

/**
 * The simulator routes of the Z-API business profile (z-api.txt 10655-11088): each change is
 * checked as documented and kept; the categories are the doc's own, searched by `query`
 * (case-insensitive, in the name or label); `categories` takes ids or labels of those.
 */
export function zapiBusinessRoutes(prefix: string, state: ZapiBusinessSimState): SimRoute[] {
  const value = (field: 'description' | 'email' | 'address'): SimRoute => ({
    method: 'POST',
    pattern: `${prefix}/business/company-${field}`,
    handler: (ctx) => {
      const v = body(ctx).value;
      if (typeof v !== 'string') return bad('Missing required field: value', ['value']);
      state[field] = v;
      // Every business change is answered "201" {"success": true} (z-api.txt 10681, 10740, 10796, 10858, 10937, 11059).
      return { status: 201, body: { success: true } };
    },
  });
  return [
    value('description'),
    value('email'),
    value('address'),
    {
      method: 'POST',
      pattern: `${prefix}/business/company-websites`,
      handler: (ctx) => {
        const w = body(ctx).websites;
        if (!Array.isArray(w) || w.some((x) => typeof x !== 'string')) return bad('Missing required field: websites', ['websites']);
        state.websites = w as string[];
        return { status: 201, body: { success: true } };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/business/hours`,
      handler: (ctx) => {
        const b = body(ctx);
        if (typeof b.timezone !== 'string' || !b.timezone) return bad('Missing required field: timezone', ['timezone']);
        if (b.mode !== undefined && (typeof b.mode !== 'string' || !['specificHours', 'open24h', 'appointmentOnly'].includes(b.mode)))
          return bad('mode must be specificHours, open24h or appointmentOnly', ['mode']);
        const days = b.days ?? [];
        if (!Array.isArray(days)) return bad('days must be an array', ['days']);
        for (const d of days as Array<Record<string, unknown>>)
          if (!DAYS.has(String(d.dayOfWeek)) || !TIME.test(String(d.openTime)) || !TIME.test(String(d.closeTime)))
            return bad('days entries are {dayOfWeek, openTime hh:mm, closeTime hh:mm}', ['days']);
        state.hours = b;
        return { status: 201, body: { success: true } };
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/business/available-categories`,
      handler: (ctx) => {
        const q = (ctx.query.query ?? '').toLowerCase();
        return { status: 200, body: CATEGORIES.filter((c) => !q || c.displayName.toLowerCase().includes(q) || (c.label ?? '').toLowerCase().includes(q)) };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/business/categories`,
      handler: (ctx) => {
        const list = body(ctx).categories;
        if (!Array.isArray(list) || list.length === 0 || list.length > 3) return bad('categories: 1 to 3 ids or labels', ['categories']);
        const known = new Set(CATEGORIES.flatMap((c) => [c.id, c.label].filter((x): x is string => !!x)));
        if (list.some((c) => typeof c !== 'string' || !known.has(c))) return { status: 200, body: { success: false } };
        state.categories = list as string[];
        return { status: 201, body: { success: true } };
      },
    },
  ];
}
