import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { z } from 'zod';
import { ConfigError, loadConfig, validateConfig } from '../../src/config.js';
import type { ProviderModule } from '../../src/providers/contract.js';
import { PROVIDER_KINDS } from '../../src/providers/model.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';

/**
 * Configuration files and their errors. The instances are built from the provider modules'
 * `configShape` (each required field given a value its schema accepts), so no provider's
 * fields are written here.
 */

/** Whether `schema` accepts `value` (undefined: the field may be left out). */
function accepts(schema: z.core.$ZodType, value: unknown): boolean {
  return z.object({ v: schema }).safeParse(value === undefined ? {} : { v: value }).success;
}

/** The fields of `mod`'s config a valid instance must give. */
function requiredFields(mod: ProviderModule): string[] {
  return Object.entries(mod.configShape)
    .filter(([, schema]) => !accepts(schema, undefined))
    .map(([name]) => name);
}

/**
 * A valid instance entry of `mod`: the base fields and a value for every required field
 * (`{FIELD}-value`, else a number, else a boolean, whichever its schema accepts).
 * @throws Error when a required field accepts none of them
 */
function validEntry(mod: ProviderModule, id: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { id, provider: mod.kind, webhookSecret: 'a-long-webhook-secret' };
  for (const name of requiredFields(mod)) {
    const value = [`${name.toUpperCase()}-value`, 1_000, true].find((v) => accepts(mod.configShape[name]!, v));
    if (value === undefined) throw new Error(`${mod.kind}.${name}: no sample value fits its schema`);
    entry[name] = value;
  }
  return entry;
}

/** The provider these tests configure: the first module with a required string credential (`secretFields`). */
const mod = Object.values(PROVIDER_MODULES).find((m) => m.secretFields.some((f) => requiredFields(m).includes(f) && accepts(m.configShape[f]!, 'x')))!;
/** That required credential field. */
const secret = mod.secretFields.find((f) => requiredFields(mod).includes(f))!;
/** Another provider, for the entry with a short webhook secret. */
const other = Object.values(PROVIDER_MODULES).find((m) => m.kind !== mod.kind)!;
const valid = validEntry(mod, 'sales');

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('a provider with a required credential exists to configure', () => {
    expect(mod).toBeDefined();
    expect(requiredFields(mod)).toContain(secret);
  });

  it('reports every error at once, each with its path', () => {
    const withoutSecret = validEntry(mod, 'b');
    delete withoutSecret[secret];
    const problems = problemsOf(() =>
      validateConfig(
        {
          instances: [
            valid,
            withoutSecret,
            { id: 'c', provider: 'whatsapp-cloud', webhookSecret: 'a-long-webhook-secret' },
            { ...validEntry(other, 'sales'), webhookSecret: 'short' },
          ],
          redis: { url: 'http://nope' },
        },
        {},
        'test.yaml',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `instances[1].${secret}: required`,
        expect.stringMatching(new RegExp(`^instances\\[2\\]\\.provider: must be one of ${PROVIDER_KINDS.join(', ')}`)),
        expect.stringMatching(/^instances\[3\]\.webhookSecret: /),
        expect.stringMatching(/^redis\.url: /),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });

  it('reads publicUrl (issue 9: webhook registration) without its trailing slash, and names a bad one', () => {
    expect(validateConfig({ publicUrl: 'https://graph.example.com/wa/', instances: [valid] }, {}, 't').publicUrl).toBe('https://graph.example.com/wa');
    expect(validateConfig({ instances: [valid] }, {}, 't').publicUrl).toBeUndefined();
    for (const bad of ['ftp://graph.example.com', 'not a url', 'https://graph.example.com/?x=1']) {
      expect(problemsOf(() => validateConfig({ publicUrl: bad, instances: [valid] }, {}, 't'))).toEqual([expect.stringMatching(/^publicUrl: /)]);
    }
  });

  it('reads an instance resilience block and names a bad value by its path', () => {
    const config = validateConfig({ instances: [{ ...valid, resilience: { breakerThreshold: 3, pacing: { ratePerSecond: 5 } } }] }, {}, 't');
    expect(config.instances[0]?.resilience).toEqual({ breakerThreshold: 3, pacing: { ratePerSecond: 5 } });
    const problems = problemsOf(() => validateConfig({ instances: [{ ...valid, resilience: { readRetries: 9, pacing: { ratePerSecond: 0 } } }] }, {}, 't'));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^instances\[0\]\.resilience\.readRetries: /), expect.stringMatching(/^instances\[0\]\.resilience\.pacing\.ratePerSecond: /)]),
    );
  });

  it('reads conversation retention (default 30 days, 1,000 messages per chat) and names bad values', () => {
    expect(validateConfig({ instances: [valid] }, {}, 't').conversations).toEqual({ retentionMs: 30 * 24 * 3600_000, maxPerChat: 1_000 });
    expect(validateConfig({ instances: [valid], conversations: { retentionDays: 2, maxMessagesPerChat: 50 } }, {}, 't').conversations).toEqual({
      retentionMs: 2 * 24 * 3600_000,
      maxPerChat: 50,
    });
    const problems = problemsOf(() => validateConfig({ instances: [valid], conversations: { retentionDays: 0, maxMessagesPerChat: 1.5, keep: true } }, {}, 't'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^conversations\.retentionDays: /),
        expect.stringMatching(/^conversations\.maxMessagesPerChat: /),
        expect.stringMatching(/^conversations: .*keep/),
      ]),
    );
  });

  it('reads partners.<provider> (issue 9: the partner API) for a provider with one, from ${VAR}, and names every problem without quoting a credential', () => {
    const withPartner = Object.values(PROVIDER_MODULES).find((m) => m.partner)!;
    const without = Object.values(PROVIDER_MODULES).find((m) => !m.partner)!;
    const credential = withPartner.partner!.secretFields[0]!;
    const section = { [credential]: '${PARTNER_SECRET}' };
    const config = validateConfig({ instances: [valid], partners: { [withPartner.kind]: section } }, { PARTNER_SECRET: 'partner-secret-value-123' }, 't');
    expect(config.partners).toEqual({ [withPartner.kind]: { [credential]: 'partner-secret-value-123' } });
    expect(validateConfig({ instances: [valid] }, {}, 't').partners).toBeUndefined();
    const problems = problemsOf(() =>
      validateConfig({ instances: [valid], partners: { [withPartner.kind]: { baseUrl: 'ftp://partner-secret-value-123', extra: 1 }, [without.kind]: section } }, {}, 't'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `partners.${withPartner.kind}.${credential}: required`,
        expect.stringMatching(new RegExp(`^partners\\.${withPartner.kind}\\.baseUrl: `)),
        expect.stringMatching(new RegExp(`^partners\\.${withPartner.kind}: .*extra`)),
        expect.stringMatching(new RegExp(`^partners: .*${without.kind}`)),
      ]),
    );
    expect(problems.join('\n')).not.toContain('partner-secret-value-123');
  });

  it('names a duplicate instance id and an unknown field', () => {
    const problems = problemsOf(() => validateConfig({ instances: [valid, { ...valid, id: 'other', [`${secret}x`]: 'x' }] }, {}, 't'));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^instances\\[1\\].*${secret}x`))]));
    const dup = problemsOf(() => validateConfig({ instances: [valid, valid] }, {}, 't'));
    expect(dup).toContain('instances[1].id: duplicate of instances[0].id');
  });

  it('reads ${VAR} from the environment and names a missing variable', () => {
    const cfg = validateConfig({ instances: [{ ...valid, [secret]: '${INSTANCE_SECRET}' }] }, { INSTANCE_SECRET: 'from-env' }, 't');
    expect((cfg.instances[0] as unknown as Record<string, unknown>)[secret]).toBe('from-env');
    expect(problemsOf(() => validateConfig({ instances: [{ ...valid, [secret]: '${INSTANCE_SECRET}' }] }, {}, 't'))).toContain(
      `instances[0].${secret}: environment variable INSTANCE_SECRET is not set`,
    );
  });

  it('never puts a secret value in an error', () => {
    const problems = problemsOf(() => validateConfig({ instances: [{ ...valid, webhookSecret: 'sekr3t', [secret]: 12345 }] }, {}, 't'));
    expect(problems.join('\n')).not.toContain('sekr3t');
  });

  it('loads YAML and JSON files, and starts in sandbox mode without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-config-'));
    // redis.url is only parsed here, never connected to
    writeFileSync(join(dir, 'a.yaml'), stringify({ instances: [{ ...valid, webhookSecret: '${SECRET}' }], redis: { url: 'redis://127.0.0.1:6379' } }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ instances: [valid], events: { retentionDays: 1 } }));
    const a = loadConfig({ WHATSGRAPH_CONFIG: 'a.yaml', SECRET: 'a-long-webhook-secret', PORT: '5000' }, dir);
    expect(a).toMatchObject({ port: 5000, sandbox: false, redis: { url: 'redis://127.0.0.1:6379', keyPrefix: 'whatsgraph' } });
    const b = loadConfig({ WHATSGRAPH_CONFIG: 'b.json' }, dir);
    expect(b.events.retentionMs).toBe(24 * 3600_000);
    expect(b.port).toBe(4000);
    expect(loadConfig({}, dir)).toMatchObject({ sandbox: true, port: 4000 });
    expect(problemsOf(() => loadConfig({ WHATSGRAPH_CONFIG: 'missing.yaml' }, dir))).toEqual(['WHATSGRAPH_CONFIG: file not found: missing.yaml']);
    writeFileSync(join(dir, 'bad.yaml'), 'instances: [ {');
    expect(problemsOf(() => loadConfig({ WHATSGRAPH_CONFIG: 'bad.yaml' }, dir))[0]).toMatch(/^bad\.yaml: cannot be parsed/);
    expect(problemsOf(() => loadConfig({ PORT: 'eighty' }, dir))).toEqual(['PORT: must be an integer from 0 to 65535']);
  });
});

describe('auth.apiKeys, rateLimits and graphql', () => {
  const digest = 'a'.repeat(64);

  it('accepts bare keys and keys with instances and scopes, plain or SHA-256', () => {
    const cfg = validateConfig(
      {
        instances: [valid],
        auth: { apiKeys: ['a-bare-key-0123456789', { key: 'an-object-key-0123456789', instances: [valid.id], scopes: ['read'] }, { keySha256: digest }] },
      },
      {},
      't',
    );
    expect(cfg.auth?.apiKeys).toEqual([
      'a-bare-key-0123456789',
      { key: 'an-object-key-0123456789', instances: [valid.id], scopes: ['read'] },
      { keySha256: digest, instances: '*', scopes: ['read', 'send', 'manage'] },
    ]);
  });

  it('reports bad keys with their paths', () => {
    const problems = problemsOf(() =>
      validateConfig(
        {
          instances: [valid],
          auth: {
            apiKeys: [{ key: 'an-object-key-0123456789', scopes: ['read', 'root'] }, { keySha256: 'not-hex' }, { key: 'an-object-key-0123456789', keySha256: digest }, 42],
          },
        },
        {},
        't',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^auth\.apiKeys\[0\]\.scopes\[1\]: must be one of read, send, manage, admin/),
        expect.stringMatching(/^auth\.apiKeys\[1\]\.keySha256: must be a SHA-256 digest/),
        'auth.apiKeys[2].key: give exactly one of key or keySha256',
        'auth.apiKeys[3]: must be a key (string) or {key | keySha256, instances, scopes}',
      ]),
    );
    expect(problemsOf(() => validateConfig({ instances: [valid], auth: { apiKeys: [{ key: 'an-object-key-0123456789', instances: ['nope'] }] } }, {}, 't'))).toEqual([
      'auth.apiKeys[0].instances[0]: no instance has id nope',
    ]);
    expect(problemsOf(() => validateConfig({ instances: [valid], auth: { apiKeys: ['short'] } }, {}, 't'))).toEqual(['auth.apiKeys[0]: must be at least 16 characters']);
  });

  it('reads rateLimits (defaults for a limit left out) and graphql settings', () => {
    const cfg = validateConfig({ instances: [valid], rateLimits: { perKey: { points: 5, durationSeconds: 1 } }, graphql: { introspection: true, deadlineMs: 5_000 } }, {}, 't');
    expect(cfg.rateLimits).toEqual({ perKey: { points: 5, durationSeconds: 1 }, perInstance: { points: 1200, durationSeconds: 60 } });
    expect(cfg.graphql).toEqual({ introspection: true, deadlineMs: 5_000 });
    expect(problemsOf(() => validateConfig({ instances: [valid], rateLimits: { perInstance: { points: 0, durationSeconds: 1 } } }, {}, 't'))).toEqual([
      expect.stringMatching(/^rateLimits\.perInstance\.points: /),
    ]);
  });
});
