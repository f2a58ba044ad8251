import type { SimContext, SimResponse } from '../../sim-kit.js';

/** Answers the Z-API simulator's routes share (the doc documents no error body for these: the simulator's own, the same everywhere). */

/** 400 `{"error", "fields"}`: a request the simulator refuses, naming the fields at fault when known. */
export function bad(error: string, fields?: string[]): SimResponse {
  return { status: 400, body: fields ? { error, fields } : { error } };
}

/** Reads `page`/`pageSize` (documented as mandatory, but the doc's example URL omits them: absent means everything). */
export function pageOf<T>(ctx: SimContext, items: T[]): SimResponse {
  const { page, pageSize } = ctx.query;
  if (page === undefined && pageSize === undefined) return { status: 200, body: items };
  const p = Number(page ?? 1);
  const size = Number(pageSize ?? items.length);
  if (!Number.isInteger(p) || p < 1 || !Number.isInteger(size) || size < 1) return bad('page and pageSize must be positive integers', ['page', 'pageSize']);
  return { status: 200, body: items.slice((p - 1) * size, p * size) };
}
