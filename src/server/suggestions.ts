import type { GraphQLFormattedError } from 'graphql';

/**
 * A formatted error without graphql-js's field suggestions (`Did you mean "instances"?`), which
 * reveal the schema when introspection is off (config `graphql.introspection`). Over HTTP
 * graphql-armor's `blockFieldSuggestion` does this; over WebSocket the server applies this.
 */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(/\s*Did you mean .*\?$/s, '');
  return message === error.message ? error : { ...error, message };
}
