import { describe, expect, it } from 'vitest';
import { GraphError } from '../../src/errors.js';
import type { Page, PageRequest } from '../../src/providers/model.js';
import { paginate } from '../../src/resolvers/paging.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, encodeCursor, type ConnectionShape } from '../../src/schema/connection.types.js';

/**
 * Specifies `paginate`, the Relay connection over a provider that pages by number: page sizes
 * and their bounds, which provider page an `after` asks for, the edges and `pageInfo` it
 * answers, and that following `endCursor` visits every item once.
 */

/**
 * A provider list of `size` items numbered 0…size-1, paged by number. `exact`: `hasNextPage`
 * only when items remain; `guess`: when the page came back full (what Z-API's lists do).
 */
function provider(size: number, more: 'exact' | 'guess' = 'exact') {
  const requests: PageRequest[] = [];
  const fetch = async (req: PageRequest): Promise<Page<number>> => {
    requests.push(req);
    const start = (req.page - 1) * req.pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(req.pageSize, size - start)) }, (_, i) => start + i);
    return { items, hasNextPage: more === 'exact' ? start + items.length < size : items.length >= req.pageSize };
  };
  return { fetch, requests };
}

const toNode = (n: number) => ({ n });

/** The absolute position an edge cursor points at. */
function positionOf(cursor: string): number {
  const pos = decodeCursor(cursor);
  if (!pos) throw new Error(`not a cursor: ${cursor}`);
  return (pos.page - 1) * pos.pageSize + pos.index;
}

const after = (page: number, pageSize: number, index: number) => encodeCursor({ page, pageSize, index });

describe('paginate: page size bounds', () => {
  it.each([
    { name: 'omitted', first: undefined, pageSize: DEFAULT_PAGE_SIZE },
    { name: 'null', first: null, pageSize: DEFAULT_PAGE_SIZE },
    { name: 'one', first: 1, pageSize: 1 },
    { name: 'the max', first: MAX_PAGE_SIZE, pageSize: MAX_PAGE_SIZE },
  ])('first $name → asks the provider for page 1 of $pageSize', async ({ first, pageSize }) => {
    const p = provider(500);
    const conn = await paginate(p.fetch, { first }, toNode);
    expect(p.requests).toEqual([{ page: 1, pageSize }]);
    expect(conn.nodes).toHaveLength(pageSize);
  });

  it.each([
    { name: 'zero', first: 0 },
    { name: 'negative', first: -1 },
    { name: 'one over the max', first: MAX_PAGE_SIZE + 1 },
    { name: 'fractional', first: 1.5 },
    { name: 'NaN', first: Number.NaN },
    { name: 'infinite', first: Number.POSITIVE_INFINITY },
  ])('first $name ($first) → BAD_USER_INPUT on `first`, provider not called', async ({ first }) => {
    const p = provider(50);
    const err = await paginate(p.fetch, { first }, toNode).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(p.requests).toEqual([]);
  });

  it.each([
    { name: 'garbage', cursor: 'garbage' },
    { name: 'an event-log cursor', cursor: '1700000000000-0' },
    { name: 'a tampered cursor (index past its page)', cursor: Buffer.from('p:1:20:20').toString('base64url') },
    { name: 'a cursor with a page size over the max', cursor: Buffer.from(`p:1:${MAX_PAGE_SIZE + 1}:0`).toString('base64url') },
  ])('after $name → BAD_USER_INPUT on `after`, provider not called', async ({ cursor }) => {
    const p = provider(50);
    const err = await paginate(p.fetch, { first: 10, after: cursor }, toNode).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(p.requests).toEqual([]);
  });
});

interface PageCase {
  name: string;
  size: number;
  more?: 'exact' | 'guess';
  first?: number;
  after?: string;
  request: PageRequest;
  nodes: number[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** One call each: which provider page is asked for, which nodes and flags come back. */
const pages: PageCase[] = [
  { name: 'empty list', size: 0, request: { page: 1, pageSize: 20 }, nodes: [], hasNextPage: false, hasPreviousPage: false },
  { name: 'shorter than a page', size: 5, request: { page: 1, pageSize: 20 }, nodes: range(0, 5), hasNextPage: false, hasPreviousPage: false },
  { name: 'exactly one page, provider knows', size: 20, request: { page: 1, pageSize: 20 }, nodes: range(0, 20), hasNextPage: false, hasPreviousPage: false },
  {
    name: 'exactly one page, provider guesses from a full page',
    size: 20,
    more: 'guess',
    request: { page: 1, pageSize: 20 },
    nodes: range(0, 20),
    hasNextPage: true,
    hasPreviousPage: false,
  },
  { name: 'first page of three', size: 45, request: { page: 1, pageSize: 20 }, nodes: range(0, 20), hasNextPage: true, hasPreviousPage: false },
  { name: 'first: 7', size: 45, first: 7, request: { page: 1, pageSize: 7 }, nodes: range(0, 7), hasNextPage: true, hasPreviousPage: false },
  {
    name: 'after the last item of page 1 → page 2',
    size: 45,
    after: after(1, 20, 19),
    request: { page: 2, pageSize: 20 },
    nodes: range(20, 40),
    hasNextPage: true,
    hasPreviousPage: true,
  },
  {
    name: 'after the last item of page 2 → the short last page',
    size: 45,
    after: after(2, 20, 19),
    request: { page: 3, pageSize: 20 },
    nodes: range(40, 45),
    hasNextPage: false,
    hasPreviousPage: true,
  },
  {
    name: 'after mid-page, first smaller than the rest of the page',
    size: 45,
    first: 3,
    after: after(1, 20, 4),
    request: { page: 1, pageSize: 20 },
    nodes: [5, 6, 7],
    hasNextPage: true,
    hasPreviousPage: true,
  },
  {
    name: 'after mid-page, first larger than the rest: only the rest of the page',
    size: 45,
    first: 50,
    after: after(1, 20, 4),
    request: { page: 1, pageSize: 20 },
    nodes: range(5, 20),
    hasNextPage: true,
    hasPreviousPage: true,
  },
  {
    name: 'after mid-page of the last page',
    size: 45,
    first: 20,
    after: after(3, 20, 1),
    request: { page: 3, pageSize: 20 },
    nodes: range(42, 45),
    hasNextPage: false,
    hasPreviousPage: true,
  },
  { name: 'after the last item of the list', size: 45, after: after(3, 20, 4), request: { page: 3, pageSize: 20 }, nodes: [], hasNextPage: false, hasPreviousPage: true },
  {
    name: "after keeps the cursor's page size, not first's",
    size: 45,
    first: 5,
    after: after(1, 10, 9),
    request: { page: 2, pageSize: 10 },
    nodes: range(10, 15),
    hasNextPage: true,
    hasPreviousPage: true,
  },
  {
    name: 'first exactly the rest of the page, provider has more',
    size: 45,
    first: 2,
    after: after(1, 20, 17),
    request: { page: 1, pageSize: 20 },
    nodes: [18, 19],
    hasNextPage: true,
    hasPreviousPage: true,
  },
];

describe('paginate: one page', () => {
  it.each(pages)('$name', async ({ size, more, first, after: cursor, request, nodes, hasNextPage, hasPreviousPage }) => {
    const p = provider(size, more);
    const conn = await paginate(p.fetch, { ...(first !== undefined ? { first } : {}), ...(cursor !== undefined ? { after: cursor } : {}) }, toNode);
    expect(p.requests).toEqual([request]);
    expect(conn.nodes).toEqual(nodes.map(toNode));
    expect(conn.edges.map((e) => e.node)).toEqual(conn.nodes);
    // every edge's cursor points at its own node
    expect(conn.edges.map((e) => positionOf(e.cursor))).toEqual(nodes);
    expect(conn.pageInfo).toEqual({
      hasNextPage,
      hasPreviousPage,
      startCursor: conn.edges[0]?.cursor ?? null,
      endCursor: conn.edges.at(-1)?.cursor ?? null,
    });
    if (nodes.length === 0) expect([conn.pageInfo.startCursor, conn.pageInfo.endCursor]).toEqual([null, null]);
  });
});

describe('paginate: following endCursor', () => {
  it.each([
    { size: 0, first: 20, later: 20, more: 'exact' as const, calls: 1 },
    { size: 1, first: 1, later: 1, more: 'exact' as const, calls: 1 },
    { size: 45, first: 20, later: 20, more: 'exact' as const, calls: 3 },
    { size: 45, first: 7, later: 7, more: 'exact' as const, calls: 7 },
    { size: 45, first: 20, later: 6, more: 'exact' as const, calls: 6 },
    { size: 40, first: 20, later: 20, more: 'guess' as const, calls: 3 },
    { size: 100, first: MAX_PAGE_SIZE, later: MAX_PAGE_SIZE, more: 'exact' as const, calls: 1 },
    { size: 250, first: MAX_PAGE_SIZE, later: 30, more: 'exact' as const, calls: 7 },
  ])('$size items, first $first then $later ($more): every item once, in order, in $calls calls', async ({ size, first, later, more, calls }) => {
    const p = provider(size, more);
    const seen: number[] = [];
    const previous: boolean[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const conn: ConnectionShape<{ n: number }> = await paginate(p.fetch, { first: i === 0 ? first : later, after: cursor }, toNode);
      seen.push(...conn.nodes.map((node) => node.n));
      previous.push(conn.pageInfo.hasPreviousPage);
      if (!conn.pageInfo.hasNextPage) break;
      cursor = conn.pageInfo.endCursor ?? null;
      expect(cursor).not.toBeNull();
    }
    expect(seen).toEqual(range(0, size));
    expect(p.requests).toHaveLength(calls);
    expect(previous).toEqual(previous.map((_, i) => i > 0));
  });
});
