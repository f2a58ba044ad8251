import { missingFields, type SimResponse, type SimRoute } from '../../sim-kit.js';
import type { ZapiChat } from '../wire/chats.js';
import type { ZapiTag, ZapiTagColors } from '../wire/labels.js';
import { bad } from './common.js';

/** What the label routes share with the rest of the Z-API simulator. */
export interface ZapiLabelsSimState {
  /** The route prefix (`/instances/:instanceId/token/:token`). */
  prefix: string;
  /** The simulator's chats by phone / group id: a label is assigned only to a chat that exists. */
  chats: Map<string, ZapiChat>;
}

/** Seed labels: the `GET /tags` example (z-api.txt 9873-9899). */
function seedTags(): ZapiTag[] {
  return [
    { id: '1', name: 'New customer', color: 1 },
    { id: '2', name: 'New order', color: 2 },
    { id: '3', name: 'Payment pending', color: 0 },
    { id: '4', name: 'Payment', color: 3 },
    { id: '5', name: 'Order completed', color: 5 },
  ];
}

/** The colour list: the `GET /business/tags/colors` example (z-api.txt 9927-9931). */
const COLORS: ZapiTagColors = { 0: '#FF9485', 1: '#64C4FF', 2: '#FFD429' };

/**
 * `color` of a create/edit body: an index. The colour-list example shows indexes 0-2 only
 * (z-api.txt 9927-9931) while the `/tags` example has labels of colour 3 and 5 (9892, 9897),
 * so the example list is a sample: any whole number from 0 is accepted.
 */
function badColor(body: Record<string, unknown>): SimResponse | undefined {
  if (body.color === undefined) return undefined;
  return typeof body.color === 'number' && Number.isInteger(body.color) && body.color >= 0 ? undefined : bad('color must be a colour index', ['color']);
}

/**
 * The simulator routes of Z-API labels (z-api.txt 9851-10190), with state: labels created,
 * edited and deleted show in `GET /tags`; assignments are kept per chat. An edit or delete of
 * an unknown label answers `{"success": false}`, an assignment to an unknown chat or label
 * (or a removal of a label the chat does not have) `{"value": false}` — the doc's "false if
 * it failed" (10055, 10149).
 */
export function zapiLabelsRoutes(state: ZapiLabelsSimState): SimRoute[] {
  const { prefix, chats } = state;
  const tags = new Map(seedTags().map((t) => [String(t.id), t] as const));
  const assigned = new Map<string, Set<string>>();
  let nextId = 10;
  const bodyOf = (b: unknown) => (b && typeof b === 'object' && !Array.isArray(b) ? b : {}) as Record<string, unknown>;
  return [
    { method: 'GET', pattern: `${prefix}/tags`, handler: () => ({ status: 200, body: [...tags.values()] }) },
    { method: 'GET', pattern: `${prefix}/business/tags/colors`, handler: () => ({ status: 200, body: COLORS }) },
    {
      method: 'POST',
      pattern: `${prefix}/business/create-tag`,
      handler: (ctx) => {
        const body = bodyOf(ctx.body);
        if (missingFields(body, ['name']).length || typeof body.name !== 'string') return bad('Missing required field: name', ['name']);
        const fail = badColor(body);
        if (fail) return fail;
        const id = String(nextId++);
        tags.set(id, { id, name: body.name, color: (body.color as number | undefined) ?? 0 });
        return { status: 200, body: { id } };
      },
    },
    {
      method: 'POST',
      pattern: `${prefix}/business/edit-tag/:tagId`,
      handler: (ctx) => {
        const body = bodyOf(ctx.body);
        if (missingFields(body, ['name']).length || typeof body.name !== 'string') return bad('Missing required field: name', ['name']);
        const fail = badColor(body);
        if (fail) return fail;
        const tag = tags.get(ctx.params.tagId ?? '');
        if (!tag) return { status: 200, body: { success: false } };
        tag.name = body.name;
        if (body.color !== undefined) tag.color = body.color as number;
        return { status: 200, body: { success: true } };
      },
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/business/tag/:tagId`,
      handler: (ctx) => {
        const id = ctx.params.tagId ?? '';
        if (!tags.delete(id)) return { status: 200, body: { success: false } };
        for (const set of assigned.values()) set.delete(id);
        return { status: 200, body: { success: true } };
      },
    },
    {
      method: 'PUT',
      pattern: `${prefix}/chats/:phone/tags/:tag/add`,
      handler: (ctx) => {
        const phone = ctx.params.phone ?? '';
        const tag = ctx.params.tag ?? '';
        if (!chats.has(phone) || !tags.has(tag)) return { status: 200, body: { value: false } };
        const set = assigned.get(phone) ?? new Set<string>();
        set.add(tag);
        assigned.set(phone, set);
        return { status: 200, body: { value: true } };
      },
    },
    {
      method: 'PUT',
      pattern: `${prefix}/chats/:phone/tags/:tag/remove`,
      handler: (ctx) => {
        const removed = assigned.get(ctx.params.phone ?? '')?.delete(ctx.params.tag ?? '') ?? false;
        return { status: 200, body: { value: removed } };
      },
    },
  ];
}
