import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import {
  CAPABILITIES,
  CAPABILITY_METHODS,
  WebhookPayloadError,
  requireCapability,
  type Capability,
  type ProviderAdapter,
  type RawSimulatorRequest,
  type SimulatorHandle,
} from '../../src/providers/contract.js';
import { EVENT_TYPES, PROVIDER_KINDS } from '../../src/providers/model.js';
import { PROVIDER_MODULES, assertCapabilities } from '../../src/providers/registry.js';
import { operationFixtures, webhookFixtures } from '../helpers/fixtures.js';

/**
 * One suite every provider passes (DESIGN.md "test/contract/"): run against each entry of
 * PROVIDER_MODULES, on its real simulator over real HTTP. Everything provider-specific comes
 * from the module: its operation table (`operations`), its documented examples (`fixtures`,
 * read through test/helpers/fixtures.ts), how a raw request to its simulator carries the
 * credentials and which seeded ids it needs (`simulatorAccess`), its credential fields
 * (`secretFields`) and its webhook samples (`samples`).
 */

const logger = createLogger('silent');

/**
 * A cheap call per capability, used to see an injected fault come back as an error code: reads
 * that take no argument, then the simplest sends, so a new provider with any of them is probed
 * without editing this suite. The inputs are valid for every provider (international digits,
 * short texts).
 */
const PROBES: Partial<Record<Capability, (a: ProviderAdapter) => Promise<unknown>>> = {
  INSTANCE_STATUS: (a) => requireCapability(a, 'INSTANCE_STATUS')(),
  COUNTRIES: (a) => requireCapability(a, 'COUNTRIES')(),
  ACCOUNT_PROFILE: (a) => requireCapability(a, 'ACCOUNT_PROFILE')(),
  LIST_LABELS: (a) => requireCapability(a, 'LIST_LABELS')(),
  TEMPLATE_CATEGORIES: (a) => requireCapability(a, 'TEMPLATE_CATEGORIES')(),
  BUSINESS_PROFILE: (a) => requireCapability(a, 'BUSINESS_PROFILE')(),
  LIST_WEBHOOKS: (a) => requireCapability(a, 'LIST_WEBHOOKS')(),
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

/** A documented example value as request text: strings as they are, other values as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

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

it('PROVIDER_MODULES has one module per provider kind, each under its own kind', () => {
  expect(Object.keys(PROVIDER_MODULES)).toEqual([...PROVIDER_KINDS]);
  for (const [kind, mod] of Object.entries(PROVIDER_MODULES)) expect(mod.kind).toBe(kind);
});

for (const mod of Object.values(PROVIDER_MODULES)) {
  const { kind } = mod;
  const ops = operationFixtures(mod);
  const table = mod.operations;
  const access = mod.simulatorAccess;

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

    it('declares a kind, a config shape, a documented default base URL, a default country, a title, its doc source and fixtures folder', () => {
      expect(adapter.kind).toBe(kind);
      expect(mod.defaultBaseUrl).toMatch(/^https:\/\//);
      expect(mod.defaultCountry).toMatch(/^[A-Z]{2}$/);
      expect(Object.keys(mod.configShape).length).toBeGreaterThan(0);
      expect(mod.title.trim()).not.toBe('');
      expect(mod.docSource).toMatch(/^[\w.-]+\.txt$/);
      expect(mod.fixtures).toBe(`test/fixtures/${kind}`);
      expect(ops.length).toBeGreaterThan(0);
    });

    it('names as secretFields only real config fields, and at least one', () => {
      expect(mod.secretFields.length).toBeGreaterThan(0);
      expect(mod.secretFields.filter((f) => !(f in mod.configShape))).toEqual([]);
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
        expect(() => requireCapability(adapter, c)).toThrow(
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'CAPABILITY_NOT_SUPPORTED', provider: kind, capability: c }) }),
        );
      }
    });

    it('its operation table covers exactly the documented operations, names only declared capabilities, and every declared capability reaches a documented operation', () => {
      expect(Object.keys(table).sort()).toEqual(ops.map((o) => o.key).sort());
      const named = new Set(Object.values(table).flatMap((r) => ('capabilities' in r ? r.capabilities : [])));
      // An instance's adapter declares its capabilities; the partner API's are the module's (configured once per deployment).
      const declared = new Set([...adapter.capabilities, ...(mod.partner?.capabilities ?? [])]);
      expect([...named].filter((c) => !declared.has(c))).toEqual([]);
      expect([...declared].filter((c) => !named.has(c))).toEqual([]);
    });

    if (mod.partner) {
      it('its partner module declares only partner capabilities, a documented default origin and credential fields of its config', () => {
        const partner = mod.partner!;
        expect(partner.capabilities.length).toBeGreaterThan(0);
        expect(partner.capabilities.filter((c) => CAPABILITY_METHODS[c][0] !== 'partner')).toEqual([]);
        expect([...adapter.capabilities].filter((c) => CAPABILITY_METHODS[c][0] === 'partner')).toEqual([]);
        expect(partner.defaultBaseUrl).toMatch(/^https:\/\//);
        expect(partner.secretFields.filter((f) => !(f in partner.configShape))).toEqual([]);
      });
    }

    it('its simulator access names only documented operations', () => {
      const keys = new Set(ops.map((o) => o.key));
      const named = [...Object.keys(access.operationParams ?? {}), ...Object.keys(access.operationBodies ?? {})];
      expect(named.filter((k) => !keys.has(k))).toEqual([]);
    });

    it('maps injected 401 / 429 / 500 to PROVIDER_UNAUTHORIZED / PROVIDER_RATE_LIMITED (retryAfterMs) / PROVIDER_UNAVAILABLE, naming no credential', async () => {
      const probeCap = (Object.keys(PROBES) as Capability[]).find((c) => adapter.capabilities.has(c));
      expect(probeCap, `${kind} has none of the probe capabilities`).toBeDefined();
      const probe = () => PROBES[probeCap!]!(adapter);
      expect(await codeOf(probe())).toEqual({}); // the probe itself succeeds without a fault
      sim.injectFault({ status: 401, body: { error: 'unauthorized' } });
      const unauthorized = await codeOf(probe());
      expect(unauthorized.code).toBe('PROVIDER_UNAUTHORIZED');
      sim.injectFault({ status: 429, body: { error: 'too many requests' }, headers: { 'retry-after': '2' } });
      // on its own instance: after a 429 with Retry-After, an instance refuses its calls until then (issue 12)
      const limited = await codeOf(PROBES[probeCap!]!(mod.create(cfg as never, { logger })));
      expect(limited.code).toBe('PROVIDER_RATE_LIMITED');
      expect(limited.extensions?.retryAfterMs).toBe(2000);
      sim.injectFault({ status: 500, body: { error: 'boom' } });
      const unavailable = await codeOf(probe());
      expect(unavailable.code).toBe('PROVIDER_UNAVAILABLE');
      const secrets = mod.secretFields.map((f) => cfg[f]).filter((v): v is string => typeof v === 'string' && v.length > 0);
      expect(secrets.length).toBeGreaterThan(0);
      const told = JSON.stringify([unauthorized, limited, unavailable]);
      expect(secrets.filter((v) => told.includes(v))).toEqual([]);
    });

    const examples = webhookFixtures(mod);
    if (examples.length === 0) {
      it('documents no webhooks and has no webhook port nor webhook samples', () => {
        expect(adapter.webhooks).toBeUndefined();
        expect(mod.samples).toBeUndefined();
      });
    } else {
      it.each(examples.map((e, i) => [`${e.event} ${e.kind} (lines ${e.lines.join('-')}) #${i}`, e] as const))(
        'parses the documented webhook %s into stable events',
        (_name, example) => {
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
        },
      );
      it('rejects a body that is not its payload with WebhookPayloadError', () => {
        expect(() => adapter.webhooks!.parse({ body: 'not json at all', headers: {}, receivedAt: 0 })).toThrow(WebhookPayloadError);
      });
    }

    if (mod.samples) {
      it('its inbound-text sample is a webhook its parser reads as that message, text, sender and time', () => {
        const at = 1_700_000_123_000;
        const events = adapter.webhooks!.parse({
          body: mod.samples!.inboundText('CONTRACT-SAMPLE-1', { text: 'sample text', occurredAt: at, phone: '5511987650000' }),
          headers: {},
          receivedAt: at + 1_000,
        });
        const received = events.flatMap((e) => (e.type === 'MESSAGE_RECEIVED' ? [e] : []));
        expect(received).toHaveLength(1);
        expect(received[0]!.occurredAt).toBe(at);
        expect(received[0]!.message).toMatchObject({
          id: 'CONTRACT-SAMPLE-1',
          fromMe: false,
          chatId: expect.stringContaining('5511987650000'),
          content: { kind: 'text', body: 'sample text' },
        });
      });
    }

    // The simulator must answer every documented operation the graph reaches. Operations no
    // capability reaches yet (their reasons are in docs/providers.md) are out of the
    // simulator's scope until the graph reaches them.
    const reached = ops
      .map((op) => [op.key, op] as const)
      .filter(([key]) => {
        const route = table[key];
        return !!route && 'capabilities' in route && route.capabilities.length > 0;
      });
    it('reaches at least one documented operation', () => {
      expect(reached.length).toBeGreaterThan(0);
    });
    it.each(reached)('simulator answers %s with the documented response shape', async (key, op) => {
      const req: RawSimulatorRequest = {
        path: op.path,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        query: new URLSearchParams(),
        body: undefined,
      };
      const ids: Record<string, string> = { ...access.seedIds(cfg), ...access.operationParams?.[key] };
      req.path = req.path.replace(/\{(\w+)\}/g, (_m, n: string) => {
        const documented = op.pathParams?.find((p) => p.name === n)?.example;
        return encodeURIComponent(ids[n] ?? (documented != null ? asText(documented) : n === 'phone' ? '5511999999999' : 'contract-id'));
      });
      for (const q of op.query ?? []) if (q.required || q.example != null) req.query.set(q.name, asText(ids[q.name] ?? q.example ?? queryDefault(q.name, q.type)));
      const documentedBody = access.operationBodies?.[key];
      const example = documentedBody
        ? documentedBody(cfg)
        : structuredClone(op.requestExample ?? Object.fromEntries((op.body?.required ?? []).map((f) => [f.name, f.example ?? 'x'])));
      if (example && typeof example === 'object' && !Array.isArray(example)) {
        for (const k of Object.keys(ids)) if (k in example) (example as Record<string, unknown>)[k] = ids[k];
      }
      let form: FormData | undefined;
      if (op.method === 'GET' || (op.method === 'DELETE' && !Array.isArray(example))) {
        // A documented GET "body" goes in the query, as curl -G sends it (a DELETE whose documented body is a JSON array sends it as the body, z-api.txt 5775-5825).
        for (const [k, v] of Object.entries((example ?? {}) as Record<string, unknown>)) if (v !== null && typeof v !== 'object') req.query.set(k, asText(v));
      } else if (op.contentType === 'multipart/form-data') {
        form = new FormData();
        for (const f of op.body?.required ?? []) form.append(f.name, new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' }), `${f.name}.png`);
        delete req.headers['content-type'];
      } else {
        req.body = example;
      }
      access.authorise(cfg, op, req);
      const qs = req.query.toString();
      const res = await fetch(`${sim.url}${req.path}${qs ? `?${qs}` : ''}`, {
        method: op.method,
        headers: req.headers,
        body: form ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
      });
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
