import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, validateConfig } from '../../src/config.js';

const zapi = { id: 'sales', provider: 'zapi', webhookSecret: 'a-long-webhook-secret', instanceId: 'INST', token: 'TOKEN' };

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
  it('reports every error at once, each with its path', () => {
    const problems = problemsOf(() =>
      validateConfig(
        {
          instances: [
            zapi,
            { id: 'b', provider: 'zapi', webhookSecret: 'a-long-webhook-secret', instanceId: 'X' },
            { id: 'c', provider: 'whatsapp-cloud', webhookSecret: 'a-long-webhook-secret' },
            { id: 'sales', provider: 'zivo', webhookSecret: 'short', partnerId: 'p', apiKey: 'k' },
          ],
          redis: { url: 'http://nope' },
        },
        {},
        'test.yaml',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'instances[1].token: required',
        expect.stringMatching(/^instances\[2\]\.provider: must be one of zapi, ivosights, zivo, zixflow/),
        expect.stringMatching(/^instances\[3\]\.webhookSecret: /),
        expect.stringMatching(/^redis\.url: /),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });

  it('names a duplicate instance id and an unknown field', () => {
    const problems = problemsOf(() => validateConfig({ instances: [zapi, { ...zapi, tokn: 'x' }] }, {}, 't'));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^instances\[1\]/)]));
    const dup = problemsOf(() => validateConfig({ instances: [zapi, zapi] }, {}, 't'));
    expect(dup).toContain('instances[1].id: duplicate of instances[0].id');
  });

  it('reads ${VAR} from the environment and names a missing variable', () => {
    const cfg = validateConfig({ instances: [{ ...zapi, token: '${ZAPI_TOKEN}' }] }, { ZAPI_TOKEN: 'from-env' }, 't');
    expect(cfg.instances[0]!.token).toBe('from-env');
    expect(problemsOf(() => validateConfig({ instances: [{ ...zapi, token: '${ZAPI_TOKEN}' }] }, {}, 't'))).toContain('instances[0].token: environment variable ZAPI_TOKEN is not set');
  });

  it('never puts a secret value in an error', () => {
    const problems = problemsOf(() => validateConfig({ instances: [{ ...zapi, webhookSecret: 'sekr3t', token: 12345 }] }, {}, 't'));
    expect(problems.join('\n')).not.toContain('sekr3t');
  });

  it('loads YAML and JSON files, and starts in sandbox mode without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-config-'));
    writeFileSync(join(dir, 'a.yaml'), `instances:\n  - id: sales\n    provider: zapi\n    webhookSecret: \${SECRET}\n    instanceId: I\n    token: T\nredis:\n  url: redis://127.0.0.1:6379\n`);
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ instances: [zapi], events: { retentionDays: 1 } }));
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
