import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** `DateTime`: an ISO 8601 instant (RFC 3339), serialised from epoch-ms numbers or Dates. */
export const DateTimeScalar = DateTimeResolver;

/** `JSON`: raw provider JSON, carried as is so nothing a provider sends is dropped. */
export const JSONScalar = JSONResolver;
