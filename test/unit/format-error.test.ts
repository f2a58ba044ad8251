import { ApolloServer } from '@apollo/server';
import { GraphQLError, buildSchema, execute, parse, validate, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GraphError, badInput, notFound } from '../../src/errors.js';
import { ProviderError } from '../../src/providers/http.js';
import { PROVIDER_KINDS } from '../../src/providers/model.js';
import { UNEXPECTED_MESSAGE, formatGraphError } from '../../src/server/format-error.js';
import { UUID_V4 as UUID, captureLogger } from '../helpers/logger.js';

/**
 * Specifies `formatGraphError`, the one place errors are shaped for clients, on both paths it
 * serves: Apollo's `formatError` (HTTP) and graphql-ws (no pre-formatted error). Errors of the
 * graph's vocabulary keep their code and safe extensions (never `http`); anything else is
 * masked as "Unexpected error." / INTERNAL_SERVER_ERROR with nothing of the original in it and
 * is logged; request errors (parse, validation, variables) keep their codes.
 */

const provider = PROVIDER_KINDS[0];
const SECRET = 's3cr3t-T0KEN-abc';
const PROVIDER_URL = `https://provider.example/instances/INST/token/${SECRET}/send-text`;

/** Strings that must never reach a client. */
const leaks = [SECRET, PROVIDER_URL, 'provider.example', '5511987654321', 'the message body', 'stack', '    at '];

interface Thrown {
  name: string;
  error: () => unknown;
  message: string;
  extensions: Record<string, unknown>;
}

/** Errors a resolver throws, and what the client gets. */
const passThrough: Thrown[] = [
  {
    name: 'badInput',
    error: () => badInput('input.to', 'is not a phone number or group id'),
    message: 'input.to: is not a phone number or group id',
    extensions: { code: 'BAD_USER_INPUT', field: 'input.to' },
  },
  { name: 'notFound', error: () => notFound('instance', 'sales'), message: 'instance not found: sales', extensions: { code: 'NOT_FOUND', what: 'instance', id: 'sales' } },
  {
    name: 'capability not supported',
    error: () => new GraphError('CAPABILITY_NOT_SUPPORTED', 'not supported', { provider, capability: 'SEND_POLL' }),
    message: 'not supported',
    extensions: { code: 'CAPABILITY_NOT_SUPPORTED', provider, capability: 'SEND_POLL' },
  },
  {
    name: 'UNAUTHENTICATED with an http status (dropped)',
    error: () => new GraphError('UNAUTHENTICATED', 'A valid API key is required', { http: { status: 401 } }),
    message: 'A valid API key is required',
    extensions: { code: 'UNAUTHENTICATED' },
  },
  { name: 'RESYNC_REQUIRED', error: () => new GraphError('RESYNC_REQUIRED', 'resync'), message: 'resync', extensions: { code: 'RESYNC_REQUIRED' } },
  {
    name: 'SERVICE_UNAVAILABLE with resume',
    error: () => new GraphError('SERVICE_UNAVAILABLE', 'bus interrupted', { resume: true }),
    message: 'bus interrupted',
    extensions: { code: 'SERVICE_UNAVAILABLE', resume: true },
  },
  {
    name: 'provider rate limit',
    error: () => new ProviderError('PROVIDER_RATE_LIMITED', provider, 'send-text', 'The provider is rate limiting this instance', { httpStatus: 429, retryAfterMs: 1_500 }),
    message: 'The provider is rate limiting this instance',
    extensions: { code: 'PROVIDER_RATE_LIMITED', provider, operation: 'send-text', httpStatus: 429, retryAfterMs: 1_500 },
  },
  {
    name: 'provider error with its own code',
    error: () => new ProviderError('PROVIDER_ERROR', provider, 'send-text', 'The provider refused the request', { httpStatus: 400, providerCode: '131026' }),
    message: 'The provider refused the request',
    extensions: { code: 'PROVIDER_ERROR', provider, operation: 'send-text', httpStatus: 400, providerCode: '131026' },
  },
  {
    name: 'provider unauthorized',
    error: () => new ProviderError('PROVIDER_UNAUTHORIZED', provider, 'send-text', 'The provider refused the credentials'),
    message: 'The provider refused the credentials',
    extensions: { code: 'PROVIDER_UNAUTHORIZED', provider, operation: 'send-text' },
  },
];

/** Errors that are not the graph's: masked, whatever they carry. */
const masked: { name: string; error: () => unknown }[] = [
  { name: 'an Error with a URL and token', error: () => new Error(`connect ECONNREFUSED ${PROVIDER_URL}`) },
  { name: 'a TypeError', error: () => new TypeError(`Cannot read properties of undefined (reading '${SECRET}')`) },
  { name: 'an Error with a body in its cause', error: () => new Error('request failed', { cause: { body: 'the message body', to: '5511987654321' } }) },
  { name: 'a thrown string', error: () => `token=${SECRET}` },
  { name: 'a thrown plain object', error: () => ({ message: 'oops', token: SECRET }) },
  {
    name: 'a GraphQLError with a code outside the vocabulary',
    error: () => new GraphQLError(`upstream ${PROVIDER_URL}`, { extensions: { code: 'UPSTREAM_FAILED', url: PROVIDER_URL } }),
  },
  { name: 'a GraphQLError with no code', error: () => new GraphQLError(`failed with ${SECRET}`) },
];

const typeDefs = `
  type Query { boom(n: Int): String, ok: String }
`;

/** The `errorId` field of every line logged through the spy, in order. */
function loggedIds(spy: { mock: { calls: unknown[][] } }): unknown[] {
  return spy.mock.calls.map((call) => (call[0] as { errorId?: unknown }).errorId);
}

/** The HTTP path: Apollo with `formatError` → formatGraphError, as the app wires it. */
async function viaApollo(
  query: string,
  variables: Record<string, unknown> | undefined,
  thrown: () => unknown,
): Promise<{ errors: readonly GraphQLFormattedError[]; logged: number; loggedIds: unknown[] }> {
  const { logger, error } = captureLogger();
  const server = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: {
        boom: () => {
          throw thrown();
        },
        ok: () => 'ok',
      },
    },
    formatError: (formatted, err) => formatGraphError(err, logger, formatted),
    includeStacktraceInErrorResponses: false,
  });
  await server.start();
  try {
    const res = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return { errors: res.body.singleResult.errors ?? [], logged: error.mock.calls.length, loggedIds: loggedIds(error) };
  } finally {
    await server.stop();
  }
}

const schema = buildSchema(typeDefs);

/** The WebSocket path: graphql-js execution errors, formatted with no Apollo pre-formatting. */
async function viaWs(query: string, thrown: () => unknown): Promise<{ errors: readonly GraphQLFormattedError[]; logged: number; loggedIds: unknown[] }> {
  const { logger, error } = captureLogger();
  const result = await execute({
    schema,
    document: parse(query),
    rootValue: {
      boom: () => {
        throw thrown();
      },
      ok: () => 'ok',
    },
  });
  const errors = (result.errors ?? []).map((e) => formatGraphError(e, logger));
  return { errors, logged: error.mock.calls.length, loggedIds: loggedIds(error) };
}

const paths = [
  { name: 'HTTP (Apollo formatError)', run: (thrown: () => unknown) => viaApollo('{ ok boom }', undefined, thrown) },
  { name: 'WebSocket (graphql-ws)', run: (thrown: () => unknown) => viaWs('{ ok boom }', thrown) },
];

describe.each(paths)('formatGraphError over $name', ({ run }) => {
  it.each(passThrough)('$name keeps its message, code and safe extensions; nothing logged', async ({ error, message, extensions }) => {
    const { errors, logged } = await run(error);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual({ message, locations: [{ line: 1, column: 6 }], path: ['boom'], extensions });
    expect(logged).toBe(0);
  });

  it.each(masked)('$name is masked as "Unexpected error." and logged once, the answer carrying the errorId of the log line', async ({ error }) => {
    const { errors, logged, loggedIds } = await run(error);
    expect(loggedIds).toEqual([expect.stringMatching(UUID)]);
    expect(errors).toEqual([{ message: UNEXPECTED_MESSAGE, path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: loggedIds[0] } }]);
    const text = JSON.stringify(errors);
    for (const leak of leaks) expect(text).not.toContain(leak);
    expect(logged).toBe(1);
  });
});

describe('formatGraphError: what is logged for a masked error', () => {
  it.each([
    { name: 'an Error', error: new Error('boom inside'), logged: { name: 'Error', message: 'boom inside' } },
    { name: 'a TypeError', error: new TypeError('bad type'), logged: { name: 'TypeError', message: 'bad type' } },
  ])('$name: its name, message and stack, under a constant log message', ({ error, logged }) => {
    const { logger, error: spy } = captureLogger();
    formatGraphError(error, logger);
    expect(spy).toHaveBeenCalledTimes(1);
    const formatted = formatGraphError(new Error('another'), logger);
    const [fields, msg] = spy.mock.calls[0] as [{ err: { name: string; message: string; stack: string }; errorId: string }, string];
    expect(msg).toBe('unexpected error');
    // a fresh id per error: the second error's answer carries the second line's id
    expect(fields.errorId).toMatch(UUID);
    expect(formatted.extensions?.errorId).toBe((spy.mock.calls[1]?.[0] as { errorId: string }).errorId);
    expect(formatted.extensions?.errorId).not.toBe(fields.errorId);
    expect(fields.err).toMatchObject(logged);
    expect(fields.err.stack).toContain(logged.message);
  });
});

/** Request errors: what Apollo answers, through formatGraphError, before any resolver runs. */
const requestErrors: { name: string; query: string; variables?: Record<string, unknown>; code: string }[] = [
  { name: 'a syntax error', query: '{ ok ', code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'an unknown field', query: '{ nope }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a wrong argument type', query: '{ boom(n: "x") }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'an undeclared variable', query: '{ boom(n: $n) }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a variable of the wrong type', query: 'query($n: Int) { boom(n: $n) }', variables: { n: 'x' }, code: 'BAD_USER_INPUT' },
  { name: 'a missing required variable', query: 'query($n: Int!) { boom(n: $n) }', code: 'BAD_USER_INPUT' },
];

describe('formatGraphError: request errors over HTTP', () => {
  it.each(requestErrors)('$name → $code, with only the code in extensions, nothing logged', async ({ query, variables, code }) => {
    const { errors, logged } = await viaApollo(query, variables, () => new Error('resolver must not run'));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.extensions).toEqual({ code });
      expect(e.message).not.toBe(UNEXPECTED_MESSAGE);
      expect(JSON.stringify(e)).not.toContain('stacktrace');
    }
    expect(logged).toBe(0);
  });
});

describe('formatGraphError: validation errors over WebSocket', () => {
  it.each([
    { name: 'an unknown field', query: '{ nope }' },
    { name: 'a wrong argument type', query: '{ boom(n: "x") }' },
    { name: 'an undeclared variable', query: '{ boom(n: $n) }' },
  ])('$name → GRAPHQL_VALIDATION_FAILED with its locations, nothing logged', ({ query }) => {
    const { logger, error } = captureLogger();
    const errors = validate(schema, parse(query));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      const formatted = formatGraphError(e, logger);
      expect(formatted).toEqual({ message: e.message, locations: e.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    expect(error).not.toHaveBeenCalled();
  });
});

describe('formatGraphError: what a resolver throws cannot pass as a request error', () => {
  it.each(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'])('a plain Error carrying extensions.code %s is masked, its message never shown', async (code) => {
    for (const run of paths.map((p) => p.run)) {
      const { errors, logged, loggedIds } = await run(() => Object.assign(new Error('s3cr3t-T0KEN-abc'), { extensions: { code } }));
      expect(errors).toEqual([{ message: UNEXPECTED_MESSAGE, path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: loggedIds[0] } }]);
      expect(logged).toBe(1);
    }
  });
});

describe('formatGraphError: request errors over WebSocket keep the codes HTTP gives them', () => {
  it('a variable of the wrong type → BAD_USER_INPUT, nothing logged', () => {
    const { logger, error } = captureLogger();
    const document = parse('query($n: Int) { boom(n: $n) }');
    const result = execute({ schema, document, variableValues: { n: 'x' } }) as { errors?: readonly GraphQLError[] };
    expect(result.errors?.length).toBe(1);
    const formatted = formatGraphError(result.errors![0], logger);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(formatted.message).toMatch(/\$n/);
    expect(error).not.toHaveBeenCalled();
  });

  it('a syntax error → GRAPHQL_PARSE_FAILED with its location, through the document cache', async () => {
    const { DocumentCache } = await import('../../src/subscriptions/ws-execution.js');
    const { logger, error } = captureLogger();
    const parsed = new DocumentCache(schema, []).get('subscription {');
    expect(Array.isArray(parsed)).toBe(true);
    const formatted = formatGraphError((parsed as readonly GraphQLError[])[0], logger);
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(formatted.locations).toEqual([{ line: 1, column: 15 }]);
    expect(error).not.toHaveBeenCalled();
  });
});
