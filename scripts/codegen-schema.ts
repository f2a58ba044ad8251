import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildGraphSchema } from '../src/graph.js';

/**
 * GraphQL Code Generator's schema loader (codegen.yml `schema:` → `loader:`): the schema the
 * server runs, built by type-graphql from src/ (no server, no Redis). Resolves with the
 * GraphQLSchema object; throws whatever building the schema throws.
 */
// graphql-codegen calls a custom loader module's default export
// eslint-disable-next-line import-x/no-default-export
export default function loadGraphSchema(): Promise<GraphQLSchema> {
  return buildGraphSchema();
}
