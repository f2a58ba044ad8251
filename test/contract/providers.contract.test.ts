import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import {
  CAPABILITIES, CAPABILITY_METHODS, WebhookPayloadError, requireCapability, type Capability, type ProviderAdapter, type SimulatorHandle,
} from '../../src/providers/contract.js';
import { EVENT_TYPES, PROVIDER_KINDS, type ProviderKind } from '../../src/providers/model.js';
import { PROVIDER_MODULES, assertCapabilities } from '../../src/providers/registry.js';
import { PROVIDER_DOC_SOURCES, catalogOperations, type CatalogOperation } from '../../scripts/gen-providers-doc.js';
import { readCatalog } from '../helpers/docs.js';

/**
 * One suite every provider passes (DESIGN.md "test/contract/"): run against each entry of
 * PROVIDER_MODULES, on its real simulator over real HTTP.
 */

const logger = createLogger('silent');

interface CatalogOp { method: string; path: string; base?: string; contentType?: string | null; query?: Array<{ name: string; type?: string; required?: boolean; example?: unknown }>; pathParams?: Array<{ name: string; example?: unknown }>; body?: { required?: Array<{ name: string; example?: unknown }> }; requestExample?: unknown; responseExample?: unknown; title: string }
interface ProviderCatalog { operations: CatalogOp[]; webhooks?: Array<{ event: string; kind: string; payload: unknown; lines: number[] }> }

/** The catalog file of each provider, and its webhook payload examples. */
function catalogOf(kind: ProviderKind): ProviderCatalog {
  return readCatalog<ProviderCatalog>(PROVIDER_DOC_SOURCES[kind].catalog);
}
function webhookExamples(kind: ProviderKind): Array<{ event: string; kind: string; payload: unknown; lines: number[] }> {
  if (kind === 'zapi') return readCatalog('z-api.webhooks.json');
  return catalogOf(kind).webhooks ?? [];
}

/**
 * A cheap call per capability, used to see an injected fault come back as an error code. The
 * inputs are valid for every provider (international digits, short texts, https URLs).
 */
const PROBES: Partial<Record<Capability, (a: ProviderAdapter) => Promise<unknown>>> = {
  INSTANCE_STATUS: (a) => requireCapability(a, 'INSTANCE_STATUS')(),
  COUNTRIES: (a) => requireCapability(a, 'COUNTRIES')(),
  SEND_TEXT: (a) => requireCapability(a, 'SEND_TEXT')({ to: '254700000001', text: 'contract probe' }),
  SEND_BUTTONS: (a) => requireCapability(a, 'SEND_BUTTONS')({ to: '254700000001', body: 'contract probe', buttons: [{ id: 'a', title: 'A' }] }),
};

async function codeOf(p: Promise<unknown>): Promise<{ code?: string; extensions?: Record<string, unknown> }> {
  try {
    await p;
    return {};
  } catch (err) {
    return err instanceof GraphError ? { code: err.code, extensions: err.extensions } : { code: `not a GraphError: ${(err as Error).name}` };
  }
}

/** How a raw request to a simulator carries the instance's credentials, as each provider documents it. */
function authorise(kind: ProviderKind, cfg: Record<string, unknown>, op: CatalogOp, req: { path: string; headers: Record<string, string>; query: URLSearchParams; body: unknown }): void {
  switch (kind) {
    case 'zapi': // README: base https://api.z-api.io/instances/{instanceId}/token/{token}, header Client-Token
      if (op.base !== 'partner') req.path = `/instances/${cfg.instanceId as string}/token/${cfg.token as string}${req.path}`;
      if (cfg.clientToken) req.headers['client-token'] = String(cfg.clientToken);
      return;
    case 'ivosights': // README: header X-API-KEY
      req.headers['x-api-key'] = String(cfg.apiKey);
      return;
    case 'zivo': // zivo.txt 20-24: partnerID + apikey in the body (POST) or the query (GET)
      if (op.method === 'GET') {
        req.query.set('partnerID', String(cfg.partnerId));
        req.query.set('apikey', String(cfg.apiKey));
      } else req.body = { partnerID: cfg.partnerId, apikey: cfg.apiKey, ...(req.body as object) };
      return;
    case 'zixflow': // no auth in zixflow.txt: Bearer, as the public Zixflow API (client.ts)
      req.headers.authorization = `Bearer ${cfg.apiKey as string}`;
      return;
  }
}

/** Request bodies for operations whose catalog has no request example (zixflow.txt has none). */
const BODY_OVERRIDES: Record<string, (cfg: Record<string, unknown>) => unknown> = {
  'zixflow POST /api/v1/campaign/whatsapp/message/send': (cfg) => ({
    to: '919876543210', phoneId: cfg.phoneId, type: 'interactive',
    interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } },
  }),
};

/**
 * Ids the simulators seed (their documented example data), used where a documented operation
 * needs an existing object; the catalogs' own path examples are faker values ("aut", "iusto").
 */
function fixtureIds(kind: ProviderKind, cfg: Record<string, unknown>): Record<string, string> {
  switch (kind) {
    // communityId: the doc's example community (z-api.txt 8493-8512), which the simulator seeds.
    case 'zapi': return { phone: '5511999999999', groupId: '120363019502650977-group', communityId: '98372465382764532938', instanceId: String(cfg.instanceId), token: String(cfg.token), extension: 'pdf' };
    case 'ivosights': return { templateId: '60243665e4058d3b4a377bd2', template_id: '60243665e4058d3b4a377bd2', webhookId: String(cfg.webhookId) };
    default: return {};
  }
}

/** Path parameters for operations whose parameter name does not say which seeded object it needs. */
const PATH_OVERRIDES: Record<string, Record<string, string>> = {
  // Z-API names the group id `phone` here (z-api.txt 7785-7909).
  'zapi GET /group-metadata/{phone}': { phone: '120363019502650977-group' },
  // The doc's example contact (z-api.txt 5827-5889), which has a picture as the example shows.
  'zapi GET /contacts/{phone}': { phone: '551199999999' },
  // The simulator's seeded labels, products and collections (the doc's example ids; catalog-simulator.ts, labels-simulator.ts).
  'zapi POST /business/edit-tag/{tagId}': { tagId: '1' },
  'zapi DELETE /business/tag/{tagId}': { tagId: '5' },
  'zapi PUT /chats/{phone}/tags/{tag}/add': { tag: '2' },
  'zapi PUT /chats/{phone}/tags/{tag}/remove': { tag: '2' },
  'zapi GET /products/{productId}': { productId: '999999999999999' },
  'zapi DELETE /products/{productId}': { productId: '999999999999999' },
  'zapi DELETE /catalogs/collection/{collectionId}': { collectionId: '1072603710847740' },
  'zapi POST /catalogs/collection-edit/{collectionId}': { collectionId: '902834786123343' },
  // The catalog owner is the connected number (the simulator's ZAPI_SANDBOX_PHONE).
  'zapi GET /catalogs/collection-products/{phone}': { phone: '554499999999', collectionId: '902834786123343' },
  // add-product (run just before) gave the doc's example collection a new id, as the doc says it does (z-api.txt 10553).
  'zapi POST /catalogs/collection/remove-product': { collectionId: '902834786123343' },
  // Z-API names the group id `phone` here too (z-api.txt 8108); the links are the seeded group's (7830-7870).
  'zapi POST /update-group-settings': { phone: '120363019502650977-group' },
  'zapi GET /group-invitation-metadata': { url: 'https://chat.whatsapp.com/40Aasd6af1' },
  'zapi GET /accept-invite-group': { url: 'https://chat.whatsapp.com/40Aasd6af1' },
};

/** A value for a documented query parameter without an example, by its name and type. */
function queryDefault(name: string, type: string | undefined): string {
  if (name === 'pageSize') return '20';
  if (type === 'integer' || type === 'number' || name === 'page') return '1';
  if (type === 'boolean' || name === 'owner') return 'true';
  if (/phone/i.test(name)) return '5511999999999';
  return 'contract-id';
}

/** Whether `actual` has the documented example's shape: same JSON kind, and every example key present with the same kind (recursively; arrays by their first element). */
function shapeMismatches(example: unknown, actual: unknown, at = '$'): string[] {
  const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (example === null || example === undefined) return [];
  if (kindOf(example) !== kindOf(actual)) return [`${at}: expected ${kindOf(example)}, got ${kindOf(actual)}`];
  if (Array.isArray(example)) {
    const [e0] = example;
    const [a0] = actual as unknown[];
    return e0 !== undefined && a0 !== undefined ? shapeMismatches(e0, a0, `${at}[0]`) : [];
  }
  if (typeof example === 'object') {
    const out: string[] = [];
    for (const [k, v] of Object.entries(example as Record<string, unknown>)) {
      if (!(k in (actual as Record<string, unknown>))) out.push(`${at}.${k}: missing`);
      else out.push(...shapeMismatches(v, (actual as Record<string, unknown>)[k], `${at}.${k}`));
    }
    return out;
  }
  return [];
}

for (const kind of PROVIDER_KINDS) {
  const mod = PROVIDER_MODULES[kind];
  const catalog = catalogOf(kind);
  const ops: CatalogOperation[] = catalogOperations(kind);
  const table = PROVIDER_DOC_SOURCES[kind].table;

  describe(`provider contract: ${kind}`, () => {
    let sim: SimulatorHandle;
    let adapter: ProviderAdapter;
    let cfg: Record<string, unknown>;

    beforeAll(async () => {
      sim = await mod.startSimulator({ stepDelayMs: 20, autoReply: false });
      cfg = { ...sim.instanceConfig, id: `${kind}-contract`, provider: kind, webhookSecret: 'contract-secret-0123456789abcdef', baseUrl: sim.url };
      adapter = mod.create(cfg as never, { logger });
    });
    afterAll(async () => {
      await adapter?.stop?.();
      await sim?.close();
    });

    it('declares a kind, a config shape, a documented default base URL and a default country', () => {
      expect(mod.kind).toBe(kind);
      expect(adapter.kind).toBe(kind);
      expect(mod.defaultBaseUrl).toMatch(/^https:\/\//);
      expect(mod.defaultCountry).toMatch(/^[A-Z]{2}$/);
      expect(Object.keys(mod.configShape).length).toBeGreaterThan(0);
    });

    it('capabilities ↔ methods: every declared capability has its method, and no capability method exists undeclared', () => {
      expect(() => assertCapabilities(adapter)).not.toThrow();
      const undeclaredWithMethod = CAPABILITIES.filter((c) => {
        const [port, method] = CAPABILITY_METHODS[c];
        const impl = (adapter as unknown as Record<string, Record<string, unknown> | undefined>)[port]?.[method];
        return !adapter.capabilities.has(c) && typeof impl === 'function';
      });
      expect(undeclaredWithMethod).toEqual([]);
      for (const c of CAPABILITIES.filter((x) => !adapter.capabilities.has(x))) {
        expect(() => requireCapability(adapter, c)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CAPABILITY_NOT_SUPPORTED', provider: kind, capability: c }) }));
      }
    });

    it('DOC_OPERATIONS covers exactly the catalog, names only declared capabilities, and every declared capability reaches a documented operation', () => {
      expect(Object.keys(table).sort()).toEqual(ops.map((o) => o.key).sort());
      const named = new Set(Object.values(table).flatMap((r) => ('capabilities' in r ? r.capabilities : [])));
      expect([...named].filter((c) => !adapter.capabilities.has(c))).toEqual([]);
      expect([...adapter.capabilities].filter((c) => !named.has(c))).toEqual([]);
    });

    it('maps injected 401 / 429 / 500 to PROVIDER_UNAUTHORIZED / PROVIDER_RATE_LIMITED (retryAfterMs) / PROVIDER_UNAVAILABLE', async () => {
      const probeCap = (Object.keys(PROBES) as Capability[]).find((c) => adapter.capabilities.has(c));
      expect(probeCap, `${kind} has none of the probe capabilities`).toBeDefined();
      const probe = () => PROBES[probeCap!]!(adapter);
      expect(await codeOf(probe())).toEqual({}); // the probe itself succeeds without a fault
      sim.injectFault({ status: 401, body: { error: 'unauthorized' } });
      expect((await codeOf(probe())).code).toBe('PROVIDER_UNAUTHORIZED');
      sim.injectFault({ status: 429, body: { error: 'too many requests' }, headers: { 'retry-after': '2' } });
      const limited = await codeOf(probe());
      expect(limited.code).toBe('PROVIDER_RATE_LIMITED');
      expect(limited.extensions?.retryAfterMs).toBe(2000);
      sim.injectFault({ status: 500, body: { error: 'boom' } });
      expect((await codeOf(probe())).code).toBe('PROVIDER_UNAVAILABLE');
    });

    const examples = webhookExamples(kind);
    if (examples.length === 0) {
      it('documents no webhooks and has no webhook port', () => {
        expect(adapter.webhooks).toBeUndefined();
      });
    } else {
      it.each(examples.map((e, i) => [`${e.event} ${e.kind} (lines ${e.lines.join('-')}) #${i}`, e] as const))('parses the documented webhook %s into stable events', (_name, example) => {
        const delivery = { body: structuredClone(example.payload), headers: {}, receivedAt: 1_700_000_000_000 };
        const events = adapter.webhooks!.parse(delivery);
        expect(events.length).toBeGreaterThan(0);
        for (const e of events) {
          expect(EVENT_TYPES).toContain(e.type);
          expect(e.instanceId).toBe(cfg.id);
          expect(typeof e.id).toBe('string');
          expect(Number.isFinite(e.occurredAt)).toBe(true);
        }
        // A redelivery of the same payload gives the same ids. Events whose time came from the
        // provider must not depend on the receipt time either; a payload without any provider
        // time or id (a presence ping) can only be told apart by when it arrived.
        const same = adapter.webhooks!.parse({ ...delivery, body: structuredClone(example.payload) });
        expect(same.map((e) => e.id)).toEqual(events.map((e) => e.id));
        const later = adapter.webhooks!.parse({ ...delivery, body: structuredClone(example.payload), receivedAt: delivery.receivedAt + 5_000 });
        events.forEach((e, i) => {
          if (e.occurredAt !== delivery.receivedAt) expect(later[i]?.id).toBe(e.id);
        });
      });
      it('rejects a body that is not its payload with WebhookPayloadError', () => {
        expect(() => adapter.webhooks!.parse({ body: 'not json at all', headers: {}, receivedAt: 0 })).toThrow(WebhookPayloadError);
      });
    }

    // The simulator must answer every documented operation the graph reaches. Operations no
    // capability reaches yet (most of Z-API beyond the first slice; their reasons are in
    // docs/providers.md) are out of the simulator's scope until the graph reaches them.
    const reached = catalog.operations.map((op, i) => [ops[i]!.key, op] as const).filter(([key]) => {
      const route = table[key];
      return !!route && 'capabilities' in route && route.capabilities.length > 0;
    });
    it('reaches at least one documented operation', () => {
      expect(reached.length).toBeGreaterThan(0);
    });
    it.each(reached)('simulator answers %s with the documented response shape', async (key, op) => {
      const req = { path: op.path, headers: { 'content-type': 'application/json', accept: 'application/json' } as Record<string, string>, query: new URLSearchParams(), body: undefined as unknown };
      const ids = { ...fixtureIds(kind, cfg), ...PATH_OVERRIDES[`${kind} ${key}`] };
      req.path = req.path.replace(/\{(\w+)\}/g, (_m, n: string) => {
        const documented = op.pathParams?.find((p) => p.name === n)?.example;
        return encodeURIComponent(ids[n] ?? (documented != null ? String(documented) : n === 'phone' ? '5511999999999' : 'contract-id'));
      });
      for (const q of op.query ?? []) if (q.required || q.example != null) req.query.set(q.name, String(ids[q.name] ?? q.example ?? queryDefault(q.name, q.type)));
      const override = BODY_OVERRIDES[`${kind} ${key}`];
      const example = override ? override(cfg) : structuredClone(op.requestExample ?? Object.fromEntries((op.body?.required ?? []).map((f) => [f.name, f.example ?? 'x'])));
      if (example && typeof example === 'object' && !Array.isArray(example)) {
        for (const k of Object.keys(ids)) if (k in example) (example as Record<string, unknown>)[k] = ids[k];
      }
      let form: FormData | undefined;
      if (op.method === 'GET' || op.method === 'DELETE') {
        // A documented GET "body" goes in the query, as curl -G sends it.
        for (const [k, v] of Object.entries((example ?? {}) as Record<string, unknown>)) if (v !== null && typeof v !== 'object') req.query.set(k, String(v));
      } else if (op.contentType === 'multipart/form-data') {
        form = new FormData();
        for (const f of op.body?.required ?? []) form.append(f.name, new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' }), `${f.name}.png`);
        delete req.headers['content-type'];
      } else {
        req.body = example;
      }
      authorise(kind, cfg, op, req);
      const qs = req.query.toString();
      const res = await fetch(`${sim.url}${req.path}${qs ? `?${qs}` : ''}`, { method: op.method, headers: req.headers, body: form ?? (req.body === undefined ? undefined : JSON.stringify(req.body)) });
      const text = await res.text();
      expect(res.status, `${key} → HTTP ${res.status}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${key} → HTTP ${res.status}: ${text.slice(0, 200)}`).toBeLessThan(300);
      // An empty documented object and an empty 204 answer say the same thing.
      const emptyExample = typeof op.responseExample === 'object' && op.responseExample !== null && Object.keys(op.responseExample).length === 0;
      if (op.responseExample !== null && op.responseExample !== undefined && typeof op.responseExample === 'object' && !(emptyExample && text === '')) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        expect(shapeMismatches(op.responseExample, body)).toEqual([]);
      }
    });
  });
}
