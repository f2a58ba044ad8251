import 'reflect-metadata';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGraphSchema } from '../src/graph.js';

/**
 * The SDL of the schema the server runs, sorted (what `npm run codegen` writes to
 * schema.graphql through codegen.yml's schema-ast output with `sort: true`). test/unit/schema.test.ts
 * compares it with the committed file.
 */
export async function renderSchema(sort = true): Promise<string> {
  const schema = await buildGraphSchema();
  return `${printSchema(sort ? lexicographicSortSchema(schema) : schema)}\n`;
}
