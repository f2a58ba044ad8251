import { GraphError } from '../../errors.js';
import { parseRetryAfter, ProviderError, type MappedProviderError } from '../http.js';

/**
 * IVOWBA's error answers → the graph's `ProviderError` kinds (ivosights-ivowba.txt). The doc
 * prints "Request failed with error:" under every operation with no body (e.g. lines 79, 134),
 * and documents two error shapes: the media 404 `{"message": "File not found"}` (lines 171-174)
 * and WhatsApp's `{errors: [{code, title}]}` (the failed-status examples of lines 3095-3135).
 * {@link IVOSIGHTS_ERROR_RULES} reads them in order; 401/403, 429 (`Retry-After`) and 5xx are left to the shared mapping of
 * `http.ts`. The provider's own code is kept as `providerCode`; messages are constant or
 * WhatsApp's fixed titles, never the request, the URL or the key.
 */

/** The parts of an IVOWBA error body the rules read. */
interface IvosightsErrorBody {
  message?: unknown;
  errors?: unknown;
}

/** One documented (or observed) error answer and how it maps. */
export interface IvosightsErrorRule {
  /** The answer, in the doc's terms. */
  answer: string;
  /** The ivosights-ivowba.txt lines documenting it; `null` for a shape the doc does not show. */
  lines: [number, number] | null;
  /** Whether this rule reads the answer. */
  matches(status: number, body: IvosightsErrorBody): boolean;
  /** The mapped error; `undefined` leaves it to the shared status mapping. */
  map(status: number, body: IvosightsErrorBody): MappedProviderError | undefined;
}

/**
 * Whether a WhatsApp error title can be shown to the client as it is. WhatsApp's titles are fixed
 * phrases ("Message failed to send because more than 24 hours have passed…"), but a title can
 * echo what was sent (the recipient's number, the text in quotes): a title with a run of four
 * or more digits, quotes, a colon, an `@` or a URL, or longer than 200 characters, is withheld
 * and only WhatsApp's code is given.
 */
export function isSafeTitle(title: unknown): title is string {
  return typeof title === 'string' && title.length > 0 && title.length <= 200 && !/\d{4,}|["'`:@/]/.test(title);
}

/** The error rules, first match wins; an answer no rule matches falls back to the shared status mapping. */
export const IVOSIGHTS_ERROR_RULES: readonly IvosightsErrorRule[] = [
  {
    answer: '401/403, 429 and 5xx: credentials, throttling, outage (the shared mapping, Retry-After honoured)',
    lines: null,
    matches: (status) => status === 401 || status === 403 || status === 429 || status >= 500,
    map: () => undefined,
  },
  {
    answer: '404, `{"message": "File not found"}` for media; any other 404',
    lines: [171, 174],
    matches: (status) => status === 404,
    map: (_status, b) => ({ code: 'NOT_FOUND', message: b.message === 'File not found' ? 'ivosights: file not found' : 'ivosights: not found', providerCode: '404' }),
  },
  {
    answer: "WhatsApp's `{errors: [{code, title}]}`: PROVIDER_ERROR with WhatsApp's code (e.g. 470)",
    lines: [3095, 3135],
    matches: (_status, b) => Array.isArray(b.errors) && b.errors.length > 0,
    map: (status, b) => {
      const first = (b.errors as Array<{ code?: unknown; title?: unknown }>)[0]!;
      const code = typeof first.code === 'string' || typeof first.code === 'number' ? String(first.code) : String(status);
      return {
        code: 'PROVIDER_ERROR',
        message: isSafeTitle(first.title) ? `ivosights refused the request: ${first.title}` : `ivosights refused the request (WhatsApp error ${code})`,
        providerCode: code,
      };
    },
  },
  {
    answer: 'a validation answer `{message, errors: {field: [...]}}`: PROVIDER_ERROR naming the wire fields (their messages may echo input)',
    lines: null,
    // an empty `errors` array lands here too (no field named: 'unknown')
    matches: (_status, b) => Boolean(b.errors) && typeof b.errors === 'object',
    map: (_status, b) => {
      const fields = Object.keys(b.errors as object)
        .filter((k) => /^[\w.[\]-]{1,80}$/.test(k))
        .slice(0, 10);
      return { code: 'PROVIDER_ERROR', message: `ivosights rejected the request (invalid fields: ${fields.join(', ') || 'unknown'})`, providerCode: 'VALIDATION' };
    },
  },
];

/**
 * `mapError` for the shared HTTP client: the first {@link IVOSIGHTS_ERROR_RULES} rule that
 * matches decides.
 * @param status the HTTP status
 * @param body the parsed answer (anything; non-objects read as `{}`)
 * @returns the mapped error, or undefined to fall back to the status-based mapping
 */
export function mapIvosightsError(status: number, body: unknown): MappedProviderError | undefined {
  const b = (body && typeof body === 'object' ? body : {}) as IvosightsErrorBody;
  return IVOSIGHTS_ERROR_RULES.find((rule) => rule.matches(status, b))?.map(status, b);
}

/**
 * The error of a raw (non-JSON) request's non-2xx answer (media download, photo upload): the
 * same reading as the JSON requests get from `http.ts` — {@link mapIvosightsError} first, then
 * by status (401/403 → PROVIDER_UNAUTHORIZED, 429 → PROVIDER_RATE_LIMITED with `retryAfterMs`,
 * 5xx → PROVIDER_UNAVAILABLE, else PROVIDER_ERROR).
 * @param headers the answer's headers (`retry-after`)
 */
export function toIvosightsError(operation: string, status: number, headers: Record<string, string | string[] | undefined>, body: unknown): ProviderError {
  const mapped = mapIvosightsError(status, body);
  if (mapped)
    return new ProviderError(mapped.code, 'ivosights', operation, mapped.message, { httpStatus: status, ...(mapped.providerCode ? { providerCode: mapped.providerCode } : {}) });
  if (status === 401 || status === 403)
    return new ProviderError('PROVIDER_UNAUTHORIZED', 'ivosights', operation, `ivosights rejected the instance's credentials`, { httpStatus: status });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    return new ProviderError('PROVIDER_RATE_LIMITED', 'ivosights', operation, 'ivosights rate limit reached', {
      httpStatus: status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  if (status >= 500) return new ProviderError('PROVIDER_UNAVAILABLE', 'ivosights', operation, `ivosights is unavailable (HTTP ${status})`, { httpStatus: status });
  return new ProviderError('PROVIDER_ERROR', 'ivosights', operation, `ivosights refused ${operation} (HTTP ${status})`, { httpStatus: status });
}

/**
 * A send answer without a message id (every documented send answers `messages[0].id`, e.g.
 * lines 1935-1941): nothing says the message went out.
 */
export function missingMessageIdError(operation: string): ProviderError {
  return new ProviderError('PROVIDER_ERROR', 'ivosights', operation, 'ivosights answered without a message id');
}

/**
 * An operation the IVOWBA Sandbox does not serve (lines 3137-3145), called on a sandbox
 * instance. Choice: `CAPABILITY_NOT_SUPPORTED` (with `provider`, `operation`, `sandbox: true`)
 * rather than `BAD_USER_INPUT`: nothing in the caller's input is wrong, the instance cannot
 * do it — and a sandbox adapter leaves the matching capabilities out of its set, so the
 * graph refuses even earlier through `requireCapability`.
 */
export class SandboxRefusedError extends GraphError {
  constructor(operation: string) {
    super('CAPABILITY_NOT_SUPPORTED', `ivosights sandbox instances do not support ${operation} (the IVOWBA Sandbox serves only the seven basic sends and media)`, {
      provider: 'ivosights',
      operation,
      sandbox: true,
    });
    this.name = 'SandboxRefusedError';
  }
}
