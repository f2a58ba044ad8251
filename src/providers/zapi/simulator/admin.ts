import { randomBytes } from 'node:crypto';
import type { SimContext, SimRoute } from '../../sim-kit.js';
import { bad } from './common.js';

/** The simulated account security and registration state. */
export interface ZapiAdminSimState {
  email: string | null;
  emailVerified: boolean;
  pin: string | null;
  /** The appeal tokens handed out for banned numbers. */
  appealTokens: Set<string>;
}

/** The code the simulated WhatsApp "sends" by SMS, voice, app pop-up or e-mail (the doc's example, z-api.txt 1246). */
export const ZAPI_SIM_REGISTRATION_CODE = '123456';

/** The doc's example appeal token (z-api.txt 1303). */
const DOC_APPEAL_TOKEN =
  'Ae1CIGl4Mq7kQ09OQzUnnCx2mTPHxZCjPesdRc8Z1lNFV9d6gvtd5LDW0r7ukVAgtMOP2AxckQM6QeyVp7bL0RbbVac6GQUtMd4tYAZsPOwSIQKlVIoTZs2akgcRd-jvhLKh32roOd0KFPg7hAaYURpIuDXhkaZ_gLJLhmzADNp3lxUNdsIg10q92w';

/** The seeded state: the doc's example e-mail, verified (z-api.txt 1448), no PIN, and the doc's appeal token. */
export function zapiAdminSeed(): ZapiAdminSimState {
  return { email: 'example@email.com', emailVerified: true, pin: null, appealTokens: new Set([DOC_APPEAL_TOKEN]) };
}

function body(ctx: SimContext): Record<string, unknown> {
  return ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? (ctx.body as Record<string, unknown>) : {};
}

/** Missing string fields of the body, for the 400 answer. */
function missing(ctx: SimContext, fields: string[]): string[] {
  const b = body(ctx);
  return fields.filter((f) => typeof b[f] !== 'string' || !b[f]);
}

/**
 * The simulator routes of Z-API's account administration (z-api.txt 1026-1740). A fixed rule
 * lets tests predict the answers: a number whose national part ends in 0 is banned (with an
 * appeal token), any other is available; the code and the PIN that confirm are
 * {@link ZAPI_SIM_REGISTRATION_CODE}; a wrong one is answered `success: false`.
 */
export function zapiAdminRoutes(prefix: string, state: ZapiAdminSimState): SimRoute[] {
  const post = (path: string, fields: string[], answer: (b: Record<string, unknown>) => unknown): SimRoute => ({
    method: 'POST',
    pattern: `${prefix}${path}`,
    handler: (ctx) => {
      const absent = missing(ctx, fields);
      if (absent.length) return bad(`Missing required field: ${absent.join(', ')}`, absent);
      return { status: 200, body: answer(body(ctx)) };
    },
  });
  const codeOk = (b: Record<string, unknown>, field = 'code') => ({ success: b[field] === ZAPI_SIM_REGISTRATION_CODE });
  return [
    post('/mobile/registration-available', ['ddi', 'phone'], (b) => {
      if (String(b.phone).endsWith('0')) {
        const appealToken = randomBytes(48).toString('base64url');
        state.appealTokens.add(appealToken);
        return { available: false, blocked: true, appealToken, reason: 'banned' };
      }
      return { available: true, smsWaitSeconds: 0, voiceWaitSeconds: 0, waOldWaitSeconds: 0, waOldEligible: true };
    }),
    post('/mobile/request-registration-code', ['ddi', 'phone', 'method'], (b) =>
      ['sms', 'voice', 'wa_old'].includes(String(b.method))
        ? { success: true, retryAfter: 165, smsWaitSeconds: 125, voiceWaitSeconds: 125, waOldWaitSeconds: 125, method: b.method }
        : { success: false, reason: 'invalid method' },
    ),
    post('/mobile/respond-captcha', ['captcha'], (b) => codeOk(b, 'captcha')),
    post('/mobile/confirm-registration-code', ['code'], (b) => codeOk(b)),
    post('/mobile/request-unbanning', ['appealToken', 'description'], (b) =>
      state.appealTokens.has(String(b.appealToken)) ? { success: true, status: 'IN_REVIEW' } : { success: false },
    ),
    post('/mobile/confirm-pin-code', ['code'], (b) => codeOk(b)),
    post('/mobile/recovery-pin-code', [], () => ({ success: true })),
    {
      method: 'GET',
      pattern: `${prefix}/security/email`,
      handler: () => ({
        status: 200,
        body: state.email ? { success: true, hasEmail: true, email: state.email, verified: state.emailVerified } : { success: true, hasEmail: false },
      }),
    },
    post('/security/email', ['email'], (b) => {
      state.email = String(b.email);
      state.emailVerified = false;
      return { success: true, message: 'VERIFY_EMAIL' };
    }),
    post('/security/verify-email', ['verificationCode'], (b) => {
      const ok = !!state.email && b.verificationCode === ZAPI_SIM_REGISTRATION_CODE;
      if (ok) state.emailVerified = true;
      return { success: ok };
    }),
    { method: 'GET', pattern: `${prefix}/security/two-fa-code`, handler: () => ({ status: 200, body: { success: true, hasCode: state.pin !== null } }) },
    post('/security/two-fa-code', ['code'], (b) => {
      if (!/^\d{6}$/.test(String(b.code))) return { success: false };
      state.pin = String(b.code);
      return { success: true };
    }),
    post('/security/email/remove', [], () => {
      state.email = null;
      state.emailVerified = false;
      return { success: true, message: 'REMOVED' };
    }),
    post('/security/two-fa-code/remove', [], () => {
      state.pin = null;
      return { success: true };
    }),
  ];
}
