import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../errors.js';
import type { Logger } from '../logger.js';
import { logUnexpected } from './error-answer.js';

/** Codes Apollo and graphql-js give to request errors, which are safe to pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);
const GRAPH_CODES = new Set<string>(ERROR_CODES);

/** The 4xx status Apollo was told to answer an error with (`extensions.http.status`), if any. */
function clientStatus(error: GraphQLError): number | undefined {
  const http = error.extensions?.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' && http.status >= 400 && http.status < 500 ? http.status : undefined;
}

/**
 * graphql-js words its token-limit error "Document contains more that N tokens. Parsing
 * aborted."; clients are told "more than N tokens (the limit)". Other messages are unchanged.
 */
function clearTokenLimit(message: string): string {
  return message.replace(
    /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/,
    'Syntax Error: Document contains more than $1 tokens (the limit). Parsing aborted.',
  );
}

/** The masked message of any error that is not part of the graph's vocabulary. */
export const UNEXPECTED_MESSAGE = 'Unexpected error.';

/**
 * Shapes an error for a client (HTTP and WebSocket alike). Errors with a code of the graph's
 * vocabulary (`GraphError`, `ProviderError`) and request errors (parse, validation, variable
 * coercion, persisted-query errors with Apollo's codes and status) pass through; anything else is logged and masked as "Unexpected error." with code
 * `INTERNAL_SERVER_ERROR` and the `errorId` of its log line ({@link logUnexpected}), so no stack, URL or secret leaks.
 * @param formatted Apollo's formatted error, when called from Apollo's `formatError`
 */
export function formatGraphError(error: unknown, logger: Logger, formatted?: GraphQLFormattedError): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base: GraphQLFormattedError = formatted ?? (error instanceof GraphQLError ? error.toJSON() : { message: UNEXPECTED_MESSAGE });
  const code = (original instanceof GraphQLError ? original.extensions?.code : undefined) ?? base.extensions?.code;
  if (typeof code === 'string' && GRAPH_CODES.has(code) && original instanceof GraphQLError) {
    // `http` tells Apollo which status to answer with; it is not for the client
    const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
    return { message: original.message, ...(base.locations ? { locations: base.locations } : {}), ...(base.path ? { path: base.path } : {}), extensions };
  }
  // Only the server's own request errors (parse, validation, variable coercion: GraphQLErrors
  // that no resolver threw) pass with their message; a resolver's plain Error that merely
  // carries a request code in its extensions is masked like any other.
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original instanceof GraphQLError) {
    return { ...base, message: clearTokenLimit(base.message), extensions: { code } };
  }
  // Apollo's own request errors that carry no code (a persisted query whose hash does not match
  // its text): built by the server with a 4xx status, before any resolver (no path, no cause)
  if (formatted && original instanceof GraphQLError && !original.path && !original.originalError && clientStatus(original) !== undefined) {
    return { message: original.message, extensions: { code: 'BAD_REQUEST' } };
  }
  if (!formatted && error instanceof GraphQLError && !error.path) {
    // graphql-js request errors over WebSocket (validation, variable coercion) carry no code
    // and no path (no resolver ran): they are safe, and say what the client sent wrong
    const requestCode = error.originalError ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
    return { message: error.message, ...(error.locations ? { locations: error.locations } : {}), extensions: { code: requestCode } };
  }
  const errorId = logUnexpected(logger, original, { path: base.path });
  return { message: UNEXPECTED_MESSAGE, ...(base.path ? { path: base.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
}
