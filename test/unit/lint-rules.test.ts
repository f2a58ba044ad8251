import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The house rules of DESIGN.md are lint errors (eslint.config.js): this runs the repository's
 * own ESLint configuration on small in-memory files placed at realistic paths and checks that
 * each rule fires where it should and stays quiet where the layout allows the import. The files
 * are never written: `lintText` lints the given text as if it lived at `filePath`.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

let eslint: ESLint;

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result?.messages ?? [];
}

const rulesOf = (messages: Linter.LintMessage[]): (string | null)[] => messages.map((m) => m.ruleId);

beforeAll(() => {
  // One instance for every case: the type-aware parser builds the TypeScript program once.
  // The probes (`lint-probe*.ts`) exist only in memory, so the project service, which knows the
  // files on disk, is told to type them with the repository's tsconfig; nothing else changes.
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: {
        parserOptions: {
          projectService: {
            allowDefaultProject: ['src/*/lint-probe*.ts', 'src/providers/*/lint-probe*.ts', 'test/unit/lint-probe*.ts'],
            defaultProject: 'tsconfig.json',
            // about a dozen probe paths, all in memory; the default cap (8) guards editors against slow globs
            maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32,
          },
        },
      },
    },
  });
});

describe('layout rules (DESIGN.md, "Rules of the house")', () => {
  const forbidden: { name: string; filePath: string; code: string }[] = [
    {
      name: 'a resolver imports a provider folder',
      filePath: 'src/resolvers/lint-probe.resolver.ts',
      code: "import { zapiModule } from '../providers/zapi/index.js';\n\nexport const probe = zapiModule;\n",
    },
    {
      name: 'a schema file imports a provider folder',
      filePath: 'src/schema/lint-probe.types.ts',
      code: "import { ivosightsModule } from '../providers/ivosights/index.js';\n\nexport const probe = ivosightsModule;\n",
    },
    {
      name: 'a subscriptions file imports a provider folder',
      filePath: 'src/subscriptions/lint-probe.ts',
      code: "import { zivoModule } from '../providers/zivo/index.js';\n\nexport const probe = zivoModule;\n",
    },
    {
      name: 'src/app.ts imports a provider folder',
      filePath: 'src/app.ts',
      code: "import { zixflowModule } from './providers/zixflow/index.js';\n\nexport const probe = zixflowModule;\n",
    },
    {
      name: 'a shared file of src/providers other than registry.ts imports a provider folder',
      filePath: 'src/providers/lint-probe.ts',
      code: "import { zapiModule } from './zapi/index.js';\n\nexport const probe = zapiModule;\n",
    },
    {
      name: 'a provider imports another provider',
      filePath: 'src/providers/zivo/lint-probe.ts',
      code: "import { zapiModule } from '../zapi/index.js';\n\nexport const probe = zapiModule;\n",
    },
    {
      name: 'a provider imports a resolver',
      filePath: 'src/providers/zapi/lint-probe.ts',
      code: "import * as paging from '../../resolvers/paging.js';\n\nexport const probe = paging;\n",
    },
    {
      name: 'a provider imports the subscriptions layer',
      filePath: 'src/providers/ivosights/lint-probe.ts',
      code: "import * as topics from '../../subscriptions/topics.js';\n\nexport const probe = topics;\n",
    },
    {
      name: 'a provider imports the registry',
      filePath: 'src/providers/zixflow/lint-probe.ts',
      code: "import { PROVIDER_MODULES } from '../registry.js';\n\nexport const probe = PROVIDER_MODULES;\n",
    },
  ];

  it.each(forbidden)('fails when $name', async ({ filePath, code }) => {
    const messages = await lint(filePath, code);
    expect(rulesOf(messages)).toEqual(['import-x/no-restricted-paths']);
  });

  it('passes when src/providers/registry.ts imports a provider folder', async () => {
    const messages = await lint('src/providers/registry.ts', "import { zapiModule } from './zapi/index.js';\n\nexport const probe = zapiModule;\n");
    expect(messages).toEqual([]);
  });

  it('passes when a provider imports its own folder and the shared files of src/providers', async () => {
    const code = [
      "import type { ProviderModule } from '../contract.js';",
      "import { zapiModule } from './index.js';",
      '',
      'export const probe: ProviderModule = zapiModule;',
      '',
    ].join('\n');
    expect(await lint('src/providers/zapi/lint-probe.ts', code)).toEqual([]);
  });

  it('passes when a test imports a provider folder directly (tests are exempt)', async () => {
    const messages = await lint('test/unit/lint-probe.test.ts', "import { zapiModule } from '../../src/providers/zapi/index.js';\n\nexport const probe = zapiModule;\n");
    expect(messages).toEqual([]);
  });
});

describe('conventions (DESIGN.md, "Conventions")', () => {
  it('fails on a default export in src', async () => {
    const messages = await lint('src/resolvers/lint-probe.ts', 'const probe = 1;\n\nexport default probe;\n');
    expect(rulesOf(messages)).toEqual(['import-x/no-default-export']);
  });

  it('lets vitest.config.ts keep the default export its tool requires', async () => {
    const messages = await lint('vitest.config.ts', 'const config = {};\n\nexport default config;\n');
    expect(rulesOf(messages)).not.toContain('import-x/no-default-export');
  });

  it('fails on `any` in src', async () => {
    const messages = await lint('src/resolvers/lint-probe.ts', 'export function probe(value: any): string {\n  return String(value);\n}\n');
    expect(rulesOf(messages)).toEqual(['@typescript-eslint/no-explicit-any']);
  });

  it('fails on a type imported without `import type`', async () => {
    const code = "import { ProviderKind } from '../providers/model.js';\n\nexport const probe: ProviderKind | null = null;\n";
    const messages = await lint('src/resolvers/lint-probe.ts', code);
    expect(rulesOf(messages)).toEqual(['@typescript-eslint/consistent-type-imports']);
  });

  it('passes the same import written with `import type`', async () => {
    const code = "import type { ProviderKind } from '../providers/model.js';\n\nexport const probe: ProviderKind | null = null;\n";
    expect(await lint('src/resolvers/lint-probe.ts', code)).toEqual([]);
  });
});

describe('no folder cycles (dependency-cruiser, .dependency-cruiser.json)', () => {
  // A small tree on disk (dependency-cruiser reads files), cruised with the repository's own
  // configuration exactly as `npm run lint:cycles` does.
  const files: Record<string, string> = {
    // alpha → beta ⇢ gamma → alpha: a folder cycle, closed by a type-only import.
    'src/alpha/a.ts': "import { b } from '../beta/b.js';\n\nexport const a = (): number => b + 1;\n",
    'src/beta/b.ts': "import type { G } from '../gamma/g.js';\n\nexport const b = 1;\nexport type B = G;\n",
    'src/gamma/g.ts': "import { a } from '../alpha/a.js';\n\nexport type G = ReturnType<typeof a>;\n",
    // one ↔ two: a runtime module cycle inside one folder.
    'src/delta/one.ts': "import { two } from './two.js';\n\nexport const one = (): number => two() + 1;\n",
    'src/delta/two.ts': "import { one } from './one.js';\n\nexport const two = (): number => one() - 1;\n",
    // The registry imports a provider folder that imports the contract beside the registry: no cycle.
    'src/providers/contract.ts': 'export interface Port {\n  x: number;\n}\n',
    'src/providers/acme/index.ts': "import type { Port } from '../contract.js';\n\nexport const acme: Port = { x: 1 };\n",
    'src/providers/registry.ts': "import type { Port } from './contract.js';\nimport { acme } from './acme/index.js';\n\nexport const all: Port[] = [acme];\n",
    'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true } }\n',
  };
  let dir: string;
  let violations: { rule: string; from: string; to: string }[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'whatsgraph-cycles-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const bin = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const run = spawnSync(process.execPath, [bin, 'src', '--config', join(root, '.dependency-cruiser.json'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    violations = report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails on a folder cycle, type-only imports included', () => {
    const folders = violations.filter((v) => v.rule === 'no-folder-cycles').map((v) => `${v.from} → ${v.to}`);
    expect(folders.sort()).toEqual(['src/alpha → src/beta', 'src/beta → src/gamma', 'src/gamma → src/alpha']);
  });

  it('fails on a runtime import cycle between two modules, and not on one closed by `import type`', () => {
    const modules = violations.filter((v) => v.rule === 'no-module-cycles');
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.every((v) => v.from.startsWith('src/delta/') && v.to.startsWith('src/delta/'))).toBe(true);
  });

  it('passes the registry importing a provider folder that imports the contract beside it', () => {
    expect(violations.filter((v) => v.from.startsWith('src/providers') || v.to.startsWith('src/providers'))).toEqual([]);
  });
});
