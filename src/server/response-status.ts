import type { ApolloServerPlugin } from '@apollo/server';

/** The single-result media types Apollo Server negotiates between, in its order (its `MEDIA_TYPES`, with their parameters, which take part in matching). */
const RESPONSE_TYPES = [
  { name: 'application/json', type: 'application', subtype: 'json', params: { charset: 'utf-8' } },
  { name: 'application/graphql-response+json', type: 'application', subtype: 'graphql-response+json', params: { charset: 'utf-8' } },
  { name: 'application/json; callbackSpec=1.0', type: 'application', subtype: 'json', params: { callbackspec: '1.0', charset: 'utf-8' } },
] as const;
type ResponseType = (typeof RESPONSE_TYPES)[number]['name'];

interface Range {
  type: string;
  subtype: string;
  params: Record<string, string>;
  q: number;
  order: number;
}

function parseRange(text: string, order: number): Range | null {
  const [mediaType = '', ...params] = text.split(';');
  const [type, subtype] = mediaType.trim().toLowerCase().split('/');
  if (!type || !subtype) return null;
  const range: Range = { type, subtype, params: {}, q: 1, order };
  for (const param of params) {
    const [key = '', value = ''] = param.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (key.toLowerCase() === 'q') {
      range.q = Number.parseFloat(value) || 0;
      break;
    }
    range.params[key.toLowerCase()] = value.toLowerCase();
  }
  return range;
}

/**
 * The response media type the `Accept` header negotiates among `application/json`,
 * `application/graphql-response+json` and Apollo's JSON callback type, the way Apollo Server
 * chooses it (the `negotiator` package's rules: most specific matching range, then highest q,
 * then the header's order, then Apollo's): `application/json` when the header is missing, null
 * when it accepts none (Apollo answers 406).
 */
export function negotiatedResponseType(accept: string | undefined): ResponseType | null {
  if (!accept?.trim()) return 'application/json';
  const ranges = accept.split(',').flatMap((part, i) => parseRange(part, i) ?? []);
  const scored = RESPONSE_TYPES.map(({ name: candidate, type, subtype, params }, index) => {
    let best = { s: 0, q: 0, o: -1 };
    for (const r of ranges) {
      if (r.type !== type && r.type !== '*') continue;
      if (r.subtype !== subtype && r.subtype !== '*') continue;
      const keys = Object.keys(r.params);
      // every parameter the range names must be `*` or the candidate's own value
      if (!keys.every((k) => r.params[k] === '*' || r.params[k] === ((params as Record<string, string>)[k] ?? ''))) continue;
      const s = (r.type === type ? 4 : 0) | (r.subtype === subtype ? 2 : 0) | (keys.length > 0 ? 1 : 0);
      if ((best.s - s || best.q - r.q || best.o - r.order) < 0) best = { s, q: r.q, o: r.order };
    }
    return { candidate, index, ...best };
  });
  const chosen = scored.filter((c) => c.q > 0).sort((a, b) => b.q - a.q || b.s - a.s || a.o - b.o || a.index - b.index)[0];
  return chosen?.candidate ?? null;
}

/** Request errors of a well-formed request: the spec's document parsing, validation and variable coercion failures (our refusal of a subscription over HTTP is `BAD_USER_INPUT` too). */
const WELL_FORMED_REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/** Whether the `Accept` header names `application/json` itself (not only through a wildcard) and negotiates it. */
export function asksForLegacyJson(accept: string | undefined): boolean {
  if (!accept || negotiatedResponseType(accept) !== 'application/json') return false;
  return accept.split(',').some((part) => parseRange(part, 0)?.subtype === 'json' && parseRange(part, 0)?.type === 'application');
}

/**
 * GraphQL over HTTP, legacy `application/json` responses: a client that explicitly asks for
 * `application/json` (names it in `Accept` and does not prefer
 * `application/graphql-response+json`) gets HTTP 200 for a request error of a well-formed
 * request (a document parsing, validation or variable-coercion failure, or our refusal of a
 * subscription over HTTP), as the spec asks ("SHOULD use the 200 status code for every
 * response to a well-formed GraphQL-over-HTTP request"); Apollo answers 400 regardless.
 * Everything else keeps Apollo's status: clients that accept
 * `application/graphql-response+json` (today's clients), an `Accept` of wildcards only or none (fetch and
 * curl send a wildcard; the spec, since its 2025 watershed, leaves a missing `Accept` to the
 * server) keep the 400 of issue 12's "right codes"; malformed requests (no `query`, a
 * persisted-query mismatch: `BAD_REQUEST`) keep 400; auth (401), rate limits (429), store
 * failures (503) and responses with `data` are untouched.
 */
export function legacyJsonStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if ('data' in singleResult || !singleResult.errors?.length) return;
          if (!singleResult.errors.every((e) => WELL_FORMED_REQUEST_ERRORS.has(String(e.extensions?.code)))) return;
          if (asksForLegacyJson(request.http?.headers.get('accept'))) response.http.status = 200;
        },
      };
    },
  };
}
