import { badInput } from '../errors.js';
import type { CursorPage, Page, PageRequest } from '../providers/model.js';
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
    totalCount: page.total ?? null,
  };
}

/** Where a cursor of a provider-cursor connection (catalog products, collections) points: the provider's page cursor (null: first page) and the index in that page. */
interface ProviderCursor {
  c: string | null;
  i: number;
}

function encode(pos: ProviderCursor): string {
  return Buffer.from(JSON.stringify(pos)).toString('base64url');
}

function decode(cursor: string): ProviderCursor | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (v && typeof v === 'object' && 'i' in v && 'c' in v) {
      const { c, i } = v;
      if ((c === null || typeof c === 'string') && typeof i === 'number' && Number.isInteger(i) && i >= 0) return { c, i };
    }
  } catch {
    // not ours
  }
  return null;
}

/**
 * Serves a Relay connection from a provider that pages by an opaque cursor and chooses its
 * own page size: each edge's cursor holds the provider's cursor of its page and its index,
 * so `after` re-reads that page and continues after the index (or reads the next page when
 * the index was the page's last). At most `first` (1..100, default 20) nodes, from one page.
 * @throws GraphError BAD_USER_INPUT for `first` out of range or a cursor that is not ours
 */
export async function cursorConnection<P extends CursorPage<unknown>, N>(
  fetch: (cursor: string | null) => Promise<P>,
  args: { first?: number | null; after?: string | null },
  toNode: (item: P['items'][number]) => N,
): Promise<{
  page: P;
  edges: Array<{ cursor: string; node: N }>;
  nodes: N[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `must be from 1 to ${MAX_PAGE_SIZE}`);
  let pageCursor: string | null = null;
  let skip = 0;
  if (args.after) {
    const pos = decode(args.after);
    if (!pos) throw badInput('after', 'is not a cursor of this connection');
    pageCursor = pos.c;
    skip = pos.i + 1;
  }
  let page = await fetch(pageCursor);
  if (skip >= page.items.length && page.nextCursor) {
    pageCursor = page.nextCursor;
    skip = 0;
    page = await fetch(pageCursor);
  }
  const items = page.items.slice(skip, skip + first);
  const edges = items.map((item, k) => ({ cursor: encode({ c: pageCursor, i: skip + k }), node: toNode(item) }));
  return {
    page,
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.items.length > skip + first || page.nextCursor !== null,
      hasPreviousPage: pageCursor !== null || skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
