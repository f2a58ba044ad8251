import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PROVIDER_KINDS } from './providers/model.js';
import { PROVIDER_MODULES } from './providers/registry.js';
import type { BaseInstanceConfig } from './providers/contract.js';
import type { PartnersConfig } from './partners.js';
import { CACHE_KINDS, type ReadCacheConfig } from './providers/read-cache.js';
import { SCOPES } from './server/access.js';
import type { ApiKeyEntry } from './server/client-auth.js';
import { DEFAULT_RATE_LIMITS, type RateLimitsConfig } from './server/rate-limits.js';

/**
 * Configuration (DESIGN.md, "Configuration"): the one place that reads the environment.
 *
 * - `WHATSGRAPH_CONFIG` names a YAML or JSON file (default `./whatsgraph.yaml` when present).
 * - `${VAR}` inside any string value is replaced by the environment variable `VAR`, so secrets
 *   stay out of the file.
 * - Every error is reported at once with its path (`instances[2].token: required`) and the
 *   server does not start.
 * - No file at all: sandbox mode (the built-in simulators, one instance per provider).
 */

/** One configured instance: the base fields plus its provider's credentials (validated by that provider's `configShape`). */
export type InstanceConfig = BaseInstanceConfig & Record<string, unknown> & { defaultCountry?: string };

/** Validated configuration. */
export interface AppConfig {
  /** HTTP port (`PORT`, default 4000; 0 picks a free one). */
  port: number;
  /** True when no configuration file exists: the simulators are started and used. */
  sandbox: boolean;
  instances: InstanceConfig[];
  redis?: { url: string; keyPrefix: string };
  events: {
    /** Event log retention, ms (default 7 days). */
    retentionMs: number;
    /** Event log cap per instance (default 100,000). */
    maxLength: number;
  };
  /**
   * How long conversations (the message store) are kept: `retentionMs` by message time
   * (default 30 days) and at most `maxPerChat` messages per chat (default 1,000); defaults when absent.
   */
  conversations?: { retentionMs: number; maxPerChat: number };
  /** Where the config came from (a path), or `sandbox`. */
  source: string;
  /**
   * When set, GraphQL clients must present one of these keys (`Authorization: Bearer <key>`).
   * A bare string reaches every instance with scopes read, send and manage; an object names
   * its instances and scopes and may give the key as its SHA-256 (see server/client-auth.ts).
   */
  auth?: { apiKeys: ApiKeyEntry[] };
  /** Inbound rate limits per key and per instance (default {@link DEFAULT_RATE_LIMITS}). */
  rateLimits?: RateLimitsConfig;
  /**
   * GraphQL settings: `introspection` (and field suggestions) on or off (default: on in
   * sandbox mode only); `deadlineMs`, the deadline of one HTTP request (default 30,000).
   */
  graphql?: { introspection?: boolean; deadlineMs?: number };
  /** Browser origins allowed to call the graph (CORS); none when absent. */
  cors?: { origins: string[] };
  /**
   * The server's public origin (`https://graph.example.com`, optionally with a path prefix), where
   * providers reach `/webhooks/…`. When set, each instance registers its webhook URL with its
   * provider at start (`server/webhook-registration.ts`) and `syncWebhooks` can do it again.
   */
  publicUrl?: string;
  /**
   * Media links (`src/media/links.ts`): `signingKey` (32+ characters, use `${VAR}`; default: derived
   * from the instances' webhook secrets), `linkTtlSeconds` (default 3,600) and `maxBytes`, the largest
   * file the media route streams (default 100 MiB). Links start with `publicUrl` when it is set, else
   * with the request's own origin.
   */
  media?: { signingKey?: string; linkTtlSeconds?: number; maxBytes?: number };
  /**
   * The providers' partner (integrator) APIs, configured once per deployment: `partners.<provider>`
   * holds the fields of that provider's partner module (its integrator credential: use `${VAR}`)
   * and an optional `baseUrl` (default the provider's documented origin). Only providers whose
   * module has a partner API may appear.
   */
  partners?: PartnersConfig;
  /**
   * The read cache (`src/providers/read-cache.ts`): `ttlSeconds` per kind (`profilePictures` default
   * 3,600, `contacts` 300, `groups` 300, `status` 10; 0 disables a kind) and `maxEntries`, the bound
   * of the memory backend (default 50,000). In Redis when `redis` is set. Defaults when absent.
   */
  cache?: ReadCacheConfig;
}

/** The configuration is invalid: `problems` lists every error as `path: message`. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** An instance's `resilience` block (see `ResilienceOptions` in `src/providers/resilience.ts`); every field optional. */
const resilienceSchema = z
  .object({
    breakerThreshold: z.number().int().min(1).optional(),
    halfOpenAfterMs: z.number().int().min(100).optional(),
    readRetries: z.number().int().min(0).max(5).optional(),
    honourRetryAfter: z.boolean().optional(),
    pacing: z
      .object({ ratePerSecond: z.number().positive(), burst: z.number().int().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();

const baseInstanceShape = {
  id: z.string().regex(idPattern, 'must be 1-64 letters, digits, _ or -, starting with a letter or digit'),
  webhookSecret: z.string().min(16, 'must be at least 16 characters'),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 country code')
    .optional(),
  resilience: resilienceSchema.optional(),
};

function instanceSchema() {
  const variants = PROVIDER_KINDS.map((kind) => z.object({ ...baseInstanceShape, provider: z.literal(kind), ...PROVIDER_MODULES[kind].configShape }).strict());
  return z.discriminatedUnion('provider', variants as unknown as [z.ZodObject, ...z.ZodObject[]], {
    error: (issue) => (issue.input === undefined ? 'required' : `must be one of ${PROVIDER_KINDS.join(', ')}`),
  });
}

/** One `auth.apiKeys` entry: a bare key, or an object; each form's errors keep their own paths (a union would hide them). */
function apiKeySchema() {
  const bare = z.string().min(16, 'must be at least 16 characters');
  const grant = z
    .object({
      key: z.string().min(16, 'must be at least 16 characters').optional(),
      keySha256: z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 digest: 64 hex digits')
        .optional(),
      instances: z.union([z.literal('*'), z.array(z.string().min(1)).min(1, 'at least one instance, or "*"')]).default('*'),
      scopes: z
        .array(z.enum(SCOPES, { error: () => `must be one of ${SCOPES.join(', ')}` }))
        .min(1, 'at least one scope is required')
        .default(['read', 'send', 'manage']),
    })
    .strict()
    .superRefine((k, ctx) => {
      if ((k.key === undefined) === (k.keySha256 === undefined)) ctx.addIssue({ code: 'custom', path: ['key'], message: 'give exactly one of key or keySha256' });
    });
  return z.unknown().transform((value, ctx): ApiKeyEntry => {
    if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      ctx.addIssue({ code: 'custom', message: 'must be a key (string) or {key | keySha256, instances, scopes}' });
      return z.NEVER;
    }
    const result = typeof value === 'string' ? bare.safeParse(value) : grant.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const required = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: required ? 'required' : issue.message });
    }
    return z.NEVER;
  });
}

/** `partners`: one optional section per provider whose module documents a partner API, with that module's fields and an optional `baseUrl`. */
function partnersSchema() {
  const sections = PROVIDER_KINDS.flatMap((kind) => {
    const partner = PROVIDER_MODULES[kind].partner;
    return partner
      ? [
          [
            kind,
            z
              .object({ ...partner.configShape, baseUrl: z.url({ protocol: /^https?$/ }).optional() })
              .strict()
              .optional(),
          ] as const,
        ]
      : [];
  });
  return z.object(Object.fromEntries(sections)).strict();
}

const fileSchema = () =>
  z
    .object({
      port: z.number().int().min(0).max(65535).optional(),
      instances: z.array(instanceSchema()).min(1, 'at least one instance is required'),
      redis: z
        .object({ url: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'), keyPrefix: z.string().min(1).default('whatsgraph') })
        .strict()
        .optional(),
      auth: z
        .object({
          apiKeys: z.array(apiKeySchema()).min(1, 'at least one key is required'),
        })
        .strict()
        .optional(),
      rateLimits: z
        .object({
          perKey: z
            .object({ points: z.number().int().min(1), durationSeconds: z.number().int().min(1) })
            .strict()
            .optional(),
          perInstance: z
            .object({ points: z.number().int().min(1), durationSeconds: z.number().int().min(1) })
            .strict()
            .optional(),
        })
        .strict()
        .optional(),
      graphql: z
        .object({ introspection: z.boolean().optional(), deadlineMs: z.number().int().min(100).max(600_000).optional() })
        .strict()
        .optional(),
      cors: z
        .object({ origins: z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ })])).min(1) })
        .strict()
        .optional(),
      publicUrl: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL (providers such as Z-API accept only https webhooks)' })
        .refine((u) => !/[?#]/.test(u), 'must have no query or fragment')
        .optional(),
      media: z
        .object({
          signingKey: z.string().min(32, 'must be at least 32 characters').optional(),
          linkTtlSeconds: z
            .number()
            .int()
            .min(60)
            .max(7 * 24 * 3600)
            .optional(),
          maxBytes: z
            .number()
            .int()
            .min(1024)
            .max(2 * 1024 ** 3)
            .optional(),
        })
        .strict()
        .optional(),
      partners: partnersSchema().optional(),
      cache: z
        .object({
          ttlSeconds: z
            .object(
              Object.fromEntries(
                CACHE_KINDS.map((k) => [
                  k,
                  z
                    .number()
                    .min(0)
                    .max(7 * 24 * 3600)
                    .optional(),
                ]),
              ),
            )
            .strict()
            .optional(),
          maxEntries: z.number().int().min(100).max(10_000_000).optional(),
        })
        .strict()
        .optional(),
      events: z
        .object({
          retentionDays: z.number().positive().max(365).default(7),
          maxLength: z.number().int().min(100).default(100_000),
        })
        .strict()
        .optional(),
      conversations: z
        .object({
          retentionDays: z.number().positive().max(3650).default(30),
          maxMessagesPerChat: z.number().int().min(1).max(1_000_000).default(1_000),
        })
        .strict()
        .optional(),
    })
    .strict()
    .superRefine((cfg, ctx) => {
      const seen = new Map<string, number>();
      cfg.instances.forEach((inst, i) => {
        const id = String(inst.id);
        const prior = seen.get(id);
        if (prior !== undefined) ctx.addIssue({ code: 'custom', path: ['instances', i, 'id'], message: `duplicate of instances[${prior}].id` });
        seen.set(id, i);
      });
      cfg.auth?.apiKeys.forEach((k, i) => {
        if (typeof k === 'string' || k.instances === undefined || k.instances === '*') return;
        k.instances.forEach((id, j) => {
          if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['auth', 'apiKeys', i, 'instances', j], message: `no instance has id ${id}` });
        });
      });
    });

/** `instances[2].token` from a zod path. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/**
 * Replaces `${VAR}` in every string of `value` from `env`.
 * @param problems receives `path: environment variable VAR is not set` for each missing one
 */
export function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, problems: string[], path: Array<string | number> = []): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) {
        problems.push(`${formatPath(path) || '(root)'}: environment variable ${name} is not set`);
        return '';
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateEnv(v, env, problems, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateEnv(v, env, problems, [...path, k])]));
  }
  return value;
}

function readPort(env: NodeJS.ProcessEnv, fallback: number | undefined, problems: string[]): number {
  if (env.PORT === undefined || env.PORT === '') return fallback ?? 4000;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push('PORT: must be an integer from 0 to 65535');
    return 4000;
  }
  return port;
}

/**
 * Validates a parsed configuration object (already read from YAML/JSON).
 * @throws ConfigError listing every problem with its path
 */
export function validateConfig(raw: unknown, env: NodeJS.ProcessEnv, source: string): AppConfig {
  const problems: string[] = [];
  const interpolated = interpolateEnv(raw, env, problems);
  const result = fileSchema().safeParse(interpolated);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const message = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? 'required' : issue.message;
      problems.push(`${formatPath(issue.path) || '(root)'}: ${message}`);
    }
  }
  const port = readPort(env, result.success ? result.data.port : undefined, problems);
  if (problems.length || !result.success) throw new ConfigError(problems);
  const data = result.data;
  return {
    port,
    sandbox: false,
    instances: data.instances as InstanceConfig[],
    ...(data.redis ? { redis: { url: data.redis.url, keyPrefix: data.redis.keyPrefix } } : {}),
    ...(data.auth ? { auth: { apiKeys: data.auth.apiKeys } } : {}),
    ...(data.rateLimits ? { rateLimits: { ...DEFAULT_RATE_LIMITS, ...data.rateLimits } } : {}),
    ...(data.graphql ? { graphql: data.graphql } : {}),
    ...(data.cors ? { cors: { origins: data.cors.origins } } : {}),
    ...(data.publicUrl ? { publicUrl: data.publicUrl.replace(/\/+$/, '') } : {}),
    ...(data.media ? { media: data.media } : {}),
    ...(data.partners ? { partners: data.partners } : {}),
    ...(data.cache ? { cache: data.cache } : {}),
    events: {
      retentionMs: (data.events?.retentionDays ?? 7) * 24 * 3600_000,
      maxLength: data.events?.maxLength ?? 100_000,
    },
    conversations: {
      retentionMs: (data.conversations?.retentionDays ?? 30) * 24 * 3600_000,
      maxPerChat: data.conversations?.maxMessagesPerChat ?? 1_000,
    },
    source,
  };
}

/**
 * Loads the configuration from the environment: the file named by `WHATSGRAPH_CONFIG` (or
 * `./whatsgraph.yaml`), or sandbox mode when there is none.
 * @throws ConfigError for a missing named file, unreadable YAML/JSON, or invalid contents
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const named = env.WHATSGRAPH_CONFIG;
  const path = named ? resolve(cwd, named) : resolve(cwd, 'whatsgraph.yaml');
  if (!existsSync(path)) {
    if (named) throw new ConfigError([`WHATSGRAPH_CONFIG: file not found: ${named}`]);
    const problems: string[] = [];
    const port = readPort(env, undefined, problems);
    if (problems.length) throw new ConfigError(problems);
    return { port, sandbox: true, instances: [], events: { retentionMs: 7 * 24 * 3600_000, maxLength: 100_000 }, source: 'sandbox' };
  }
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError([`${named ?? 'whatsgraph.yaml'}: cannot be parsed: ${(err as Error).message.split('\n')[0]}`]);
  }
  return validateConfig(raw, env, path);
}
