import { GraphQLError } from 'graphql';

/**
 * The graph's one error vocabulary (DESIGN.md, "Errors"). Every error a client sees carries
 * one of these in `extensions.code`; anything else is masked as "Unexpected error.".
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CAPABILITY_NOT_SUPPORTED',
  'PROVIDER_UNAUTHORIZED',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_ERROR',
  'RESYNC_REQUIRED',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'DEADLINE_EXCEEDED',
] as const;
/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error that is safe to show a client: a constant-ish message, a code from
 * {@link ERROR_CODES} and extensions that never carry a secret, a full provider URL or a
 * message body. Resolvers throw these; the server's error formatter passes them through.
 */
export class GraphError extends GraphQLError {
  /**
   * @param code the `extensions.code`
   * @param message human-readable, with no secret, URL or message body in it
   * @param extensions more safe details (`field`, `provider`, `capability`, `retryAfterMs`…)
   */
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'GraphError';
  }

  /** The `extensions.code`. */
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

/**
 * Bad input from the client: `field` is the input path (`input.to`, `input.buttons[3]`).
 * @returns a `BAD_USER_INPUT` error naming the field
 */
export function badInput(field: string, message: string): GraphError {
  return new GraphError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** A named thing that does not exist (`instance`, `chat`, `template`…). */
export function notFound(what: string, id: string): GraphError {
  return new GraphError('NOT_FOUND', `${what} not found: ${id}`, { what, id });
}
