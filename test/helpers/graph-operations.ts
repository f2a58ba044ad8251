import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProviderModule } from '../../src/providers/contract.js';
import { REPO_ROOT } from './fixtures.js';

/**
 * The rows of `test/integration/graph-operations.test.ts`: for a provider, each documented
 * operation (by its operation-table key) driven through its GraphQL field. A provider keeps
 * its rows in `test/fixtures/<provider>/graph-operations.ts` (its module's `fixtures` folder),
 * exporting `GRAPH_OPERATIONS`.
 */

/** One documented operation reached through the graph. */
export interface GraphOperationRow {
  /** The graph instance id the operation runs on (one of the fixture's `instances`); the operation's `$i` variable. */
  instance: string;
  /** The GraphQL operation. */
  query: string;
  variables?: Record<string, unknown>;
  /** Fields the recorded request's JSON body (its query for a GET) must contain. */
  expect?: Record<string, unknown>;
}

/** A provider's graph-operation rows and the instances they run on. */
export interface GraphOperationFixture {
  /**
   * Graph instance id → config fields added to the simulator's `instanceConfig` (`{}` for none).
   * Every instance of a provider runs on one simulator of that provider.
   */
  instances: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Operation-table key (`docOperationKey` of src/providers/doc-operations.ts) → its row; must cover the provider's documented operations exactly. */
  rows: Readonly<Record<string, GraphOperationRow>>;
}

/** A send mutation's row: `mutation($input: {inputType}!) { {mutation}(input: $input) { message { id } } }` with `instanceId` in the input. */
export function sendRow(instance: string, mutation: string, inputType: string, input: Record<string, unknown>): GraphOperationRow {
  return {
    instance,
    query: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { message { id } } }`,
    variables: { input: { instanceId: instance, ...input } },
  };
}

/** A read's row: `query($i: ID!) { instance(id: $i) { {selection} } }`. */
export function readRow(instance: string, selection: string): GraphOperationRow {
  return { instance, query: `query($i: ID!) { instance(id: $i) { ${selection} } }` };
}

/** The path of a provider's graph-operation rows (which may not exist). */
export function graphOperationsPath(mod: Pick<ProviderModule, 'fixtures'>): string {
  return resolve(REPO_ROOT, mod.fixtures, 'graph-operations.ts');
}

/**
 * Loads a provider's graph-operation rows (`GRAPH_OPERATIONS` of
 * `test/fixtures/<provider>/graph-operations.ts`); undefined when the provider has none.
 * @throws Error when the file exists but exports no `GRAPH_OPERATIONS`
 */
export async function graphOperationFixture(mod: Pick<ProviderModule, 'fixtures'>): Promise<GraphOperationFixture | undefined> {
  const path = graphOperationsPath(mod);
  if (!existsSync(path)) return undefined;
  const loaded = (await import(pathToFileURL(path).href)) as { GRAPH_OPERATIONS?: GraphOperationFixture };
  if (!loaded.GRAPH_OPERATIONS) throw new Error(`${path} exports no GRAPH_OPERATIONS`);
  return loaded.GRAPH_OPERATIONS;
}
