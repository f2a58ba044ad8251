import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { PROVIDERS_DOC_PATH, renderProvidersDoc, schemaHasField } from '../../scripts/gen-providers-doc.js';
import { PROVIDER_MODULES } from '../../src/providers/registry.js';
import { buildGraphSchema } from '../../src/graph.js';
import { operationFixtures } from '../helpers/fixtures.js';

/**
 * `docs/providers.md` against the code: it is what the generator writes, and for every module
 * of PROVIDER_MODULES each documented operation its table routes to capabilities shows, in
 * that provider's section, a GraphQL field the built schema has (so a capability without a
 * field, or a field that was removed, fails here).
 */

/** The cells of one table row of `doc` (split on unescaped `|`). */
function cells(row: string): string[] {
  return row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());
}

/** The lines of the section `## {title} (`{kind}`)` of `doc`. @throws Error when the section is missing */
function section(doc: string, title: string, kind: string): string[] {
  const lines = doc.split('\n');
  const start = lines.indexOf(`## ${title} (\`${kind}\`)`);
  if (start < 0) throw new Error(`no section for ${kind}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('docs/providers.md', () => {
  let doc: string;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    doc = await renderProvidersDoc();
    schema = await buildGraphSchema();
  });

  it('is what scripts/gen-providers-doc.ts generates from the code (run `npm run docs:providers` when this fails)', () => {
    expect(readFileSync(PROVIDERS_DOC_PATH, 'utf8')).toBe(doc);
  });

  for (const mod of Object.values(PROVIDER_MODULES)) {
    it(`${mod.kind}: one row per documented operation, and each operation routed to capabilities names an existing GraphQL field`, () => {
      const lines = section(doc, mod.title, mod.kind);
      // the operations table: the rows after its header (the configuration table comes before it)
      const rows = lines
        .slice(lines.findIndex((l) => l.startsWith('| operation |')))
        .filter((l) => l.startsWith('| ') && !l.startsWith('| operation') && !l.startsWith('| ---'))
        .map(cells);
      const ops = operationFixtures(mod);
      expect(rows).toHaveLength(ops.length);
      const unreached: string[] = [];
      ops.forEach((op, i) => {
        const [, request, lines, fieldCell] = rows[i]!;
        expect(request).toContain(`\`${op.method} ${op.path.replace(/\|/g, '\\|')}\``);
        expect(lines).toBe(`${op.lines[0]}-${op.lines[1]}`);
        const route = mod.operations[op.key];
        if (!route || !('capabilities' in route) || route.capabilities.length === 0) return;
        const fields = [...(fieldCell ?? '').matchAll(/`([A-Za-z]+\.[A-Za-z]+)`/g)].map((m) => m[1]!);
        if (fields.length === 0 || !fields.every((f) => schemaHasField(schema, f))) unreached.push(`${op.key} → ${fieldCell}`);
      });
      expect(unreached).toEqual([]);
    });
  }
});

describe('docs/providers.md: configuration of each provider', () => {
  for (const mod of Object.values(PROVIDER_MODULES)) {
    it(`${mod.kind}: every config field, its credentials marked, and its defaults`, async () => {
      const lines = section(await renderProvidersDoc(), mod.title, mod.kind);
      expect(lines.join('\n')).toContain(`\`baseUrl\` defaults to \`${mod.defaultBaseUrl}\``);
      for (const field of Object.keys(mod.configShape)) {
        const row = lines.find((l) => l.startsWith(`| \`${field}\` |`));
        expect(row, field).toBeDefined();
        expect(cells(row!)[2]!.startsWith('yes'), field).toBe(mod.secretFields.includes(field));
      }
    });
  }
});
