import { badInput } from '../errors.js';
import type { Page, PageRequest } from '../providers/model.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, encodeCursor, type ConnectionShape } from '../schema/connection.types.js';

/**
 * Serves a Relay connection from a provider that pages by number.
 * `first` (1..100, default 20) is the page size of a first request; `after` continues from
 * the cursor's page with the cursor's page size, so pages stay aligned with the provider's.
 * @throws GraphError BAD_USER_INPUT for `first` out of range or a cursor that is not ours
 */
export async function paginate<T, N extends object>(
  fetch: (page: PageRequest) => Promise<Page<T>>,
  args: { first?: number | null; after?: string | null },
  toNode: (item: T) => N,
): Promise<ConnectionShape<N>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `must be from 1 to ${MAX_PAGE_SIZE}`);
  let request: PageRequest = { page: 1, pageSize: first };
  let skip = 0;
  if (args.after) {
    const pos = decodeCursor(args.after);
    if (!pos) throw badInput('after', 'is not a cursor of this connection');
    const lastOfPage = pos.index >= pos.pageSize - 1;
    request = { page: lastOfPage ? pos.page + 1 : pos.page, pageSize: pos.pageSize };
    skip = lastOfPage ? 0 : pos.index + 1;
  }
  const page = await fetch(request);
  const items = page.items.slice(skip, skip + first);
  const edges = items.map((item, i) => ({ cursor: encodeCursor({ page: request.page, pageSize: request.pageSize, index: skip + i }), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.hasNextPage || page.items.length > skip + first,
      hasPreviousPage: request.page > 1 || skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
