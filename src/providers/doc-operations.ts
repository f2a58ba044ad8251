import type { Capability } from './contract.js';

/**
 * How a provider's documented operation is reached from the graph: the capabilities whose port
 * methods call it, or the reason no capability does. Each provider declares one table keyed by
 * {@link docOperationKey} over every operation of its `catalog/<provider>.json`; the contract
 * suite checks the table covers the catalog exactly and names only declared capabilities, and
 * `scripts/gen-providers-doc.ts` turns the tables into `docs/providers.md`.
 */
export type DocOperationRoute = { capabilities: readonly Capability[] } | { reason: string };

/** A provider's table: "METHOD path[ variant]" → route. */
export type DocOperationTable = Readonly<Record<string, DocOperationRoute>>;

/**
 * The key of a documented operation: method, path and (when the catalog distinguishes several
 * operations on one path, catalog/operations.tsv column `variant`) the variant, space-separated.
 * @example docOperationKey('POST', '/send-text', 'reply') === 'POST /send-text reply'
 */
export function docOperationKey(method: string, path: string, variant?: string | null): string {
  return [method.toUpperCase(), path, variant || null].filter(Boolean).join(' ');
}
