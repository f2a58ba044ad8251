import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

/**
 * Relay-style connections (cursor connections spec) for lists the providers page. Providers
 * page by number (`page`, `pageSize`); a cursor encodes the page, the page size and the
 * position in it, so `after` continues exactly where the last page ended.
 */

@ObjectType({ description: 'Relay page info.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor?: string | null;
  @Field(() => String, { nullable: true }) endCursor?: string | null;
}

/** An edge class for `T`. */
export interface EdgeShape<T> {
  cursor: string;
  node: T;
}
/** A connection class for `T`. */
export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Items in the whole list, when the provider says (null or absent: unknown). */
  totalCount?: number | null;
}

/**
 * Builds `<Name>Edge` and `<Name>Connection` object types for the node class `node`.
 * @returns the connection class (its edge class is registered with it)
 */
export function Connection<T extends object>(node: ClassType<T>, name: string): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge to a ${name}.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue after this node.' }) cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} nodes.` })
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { nullable: true, description: 'Items in the whole list (all pages), when the provider says; null when it does not.' }) totalCount?: number | null;
  }
  return ConnectionType;
}

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when `first` is omitted. */
export const DEFAULT_PAGE_SIZE = 20;

/** Where a cursor points: 1-based page, its size, 0-based index in it. */
export interface CursorPosition {
  page: number;
  pageSize: number;
  index: number;
}

/** Encodes a position as an opaque cursor. */
export function encodeCursor(pos: CursorPosition): string {
  return Buffer.from(`p:${pos.page}:${pos.pageSize}:${pos.index}`).toString('base64url');
}

/** Decodes a cursor; null when it is not one of ours. */
export function decodeCursor(cursor: string): CursorPosition | null {
  const m = /^p:(\d{1,9}):(\d{1,4}):(\d{1,4})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) return null;
  const position = { page: Number(m[1]), pageSize: Number(m[2]), index: Number(m[3]) };
  if (position.page < 1 || position.pageSize < 1 || position.pageSize > MAX_PAGE_SIZE || position.index >= position.pageSize) return null;
  // Node's base64url decoder skips characters it does not know and accepts zero-padded numbers,
  // so several strings decode to one position: only the one this server issues is a cursor.
  return encodeCursor(position) === cursor ? position : null;
}
