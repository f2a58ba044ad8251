import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { parse } from 'yaml';
import { buildGraphSchema } from '../src/graph.js';

/**
 * Emits the SDL of the running schema to the outputs `codegen.yml` names (`npm run codegen`;
 * `--check` exits 1 when a committed file is stale instead of writing).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The SDL of the schema the server runs, sorted when the config says so. */
export async function renderSchema(sort = true): Promise<string> {
  const schema = await buildGraphSchema();
  return `${printSchema(sort ? lexicographicSortSchema(schema) : schema)}\n`;
}

async function main(): Promise<void> {
  const config = parse(readFileSync(resolve(root, 'codegen.yml'), 'utf8')) as { generates: Record<string, { config?: { sort?: boolean } }> };
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [out, target] of Object.entries(config.generates)) {
    const sdl = await renderSchema(target.config?.sort !== false);
    const path = resolve(root, out);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = '';
      }
      if (current !== sdl) {
        process.stderr.write(`${out} is stale: run npm run codegen\n`);
        stale = true;
      }
    } else {
      writeFileSync(path, sdl);
      process.stdout.write(`wrote ${out}\n`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  });
}
