import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The provider documentation: `../shared/provider-docs` beside the repository (as CI lays it out), or `WHATSGRAPH_DOCS`. */
export const DOCS_DIR = process.env.WHATSGRAPH_DOCS ?? resolve(REPO_ROOT, '../shared/provider-docs');

/** Reads and parses `catalog/<name>` of the provider documentation. */
export function readCatalog<T = any>(name: string): T {
  return JSON.parse(readFileSync(resolve(DOCS_DIR, 'catalog', name), 'utf8')) as T;
}
