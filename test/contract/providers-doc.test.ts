import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDERS_DOC_PATH, REPO_ROOT, renderProvidersDoc, schemaHasField } from '../../scripts/gen-providers-doc.js';
import { CAPABILITIES, type Capability } from '../../src/providers/contract.js';
import { CAPABILITY_FIELDS } from '../../src/resolvers/capability-fields.js';
import { buildGraphSchema } from '../../src/graph.js';

describe('docs/providers.md', () => {
  it('is what scripts/gen-providers-doc.ts generates from the code (run `npx tsx scripts/gen-providers-doc.ts` when this fails)', async () => {
    const expected = await renderProvidersDoc();
    expect(readFileSync(PROVIDERS_DOC_PATH, 'utf8')).toBe(expected);
  });

  it('names, for the Zivo and Zixflow operations, the GraphQL fields that reach them', async () => {
    const doc = await renderProvidersDoc();
    expect(doc).toMatch(/`POST \/api\/zivo\/zchat\/services\/sendbulk` \| 67-90 \| `Mutation.sendBulk`/);
    expect(doc).toMatch(/`GET \/api\/zivo\/zchat\/services\/getdlr` \| 92-98 \| `Instance.messageStatus`/);
    expect(doc).toMatch(/`POST \/api\/v1\/campaign\/whatsapp\/message\/send` \| 1-194 \| `Mutation.sendButtons`/);
  });
});

describe('capability → GraphQL field table (src/resolvers/capability-fields.ts)', () => {
  it('lists every capability', () => {
    expect(Object.keys(CAPABILITY_FIELDS).sort()).toEqual([...CAPABILITIES].sort());
  });

  it('names an existing field for every capability a resolver requires', async () => {
    const schema = await buildGraphSchema();
    const dirs = ['src/resolvers', 'src/providers/loaders.ts'].map((d) => resolve(REPO_ROOT, d));
    const files = [
      ...readdirSync(dirs[0]!).filter((f) => f.endsWith('.ts')).map((f) => resolve(dirs[0]!, f)),
      dirs[1]!,
    ];
    const used = new Set<Capability>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:requireCapability\([^,]+,|runSend\([^,]+,[^,]+,)\s*'([A-Z_]+)'/g)) used.add(m[1] as Capability);
    }
    expect(used.size).toBeGreaterThan(10);
    const unreachable = [...used].filter((c) => !schemaHasField(schema, CAPABILITY_FIELDS[c]));
    expect(unreachable).toEqual([]);
  });
});
