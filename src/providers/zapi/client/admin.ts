import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { badInput } from '../../../errors.js';
import type { AccountSecurity, RegistrationCodeMethod, RegistrationResult, RegistrationStep, SecurityChange, UnbanStatus } from '../../account.model.js';
import type { AccountAdminPort } from '../../contract.js';
import type { ProviderHttpClient } from '../../http.js';
import { expectDone, zapiFailed } from '../errors.js';
import { toBool, toNumber } from '../mapping.js';
import type { WireBool, WireNumber } from '../wire/common.js';

/**
 * The answer of the `/mobile/*` operations (z-api.txt 1026-1421): `success`, and for the
 * availability check and the code request the waits, the ban and (when banned) the appeal token.
 */
export interface ZapiMobileResponse {
  success?: WireBool;
  available?: WireBool;
  blocked?: WireBool;
  appealToken?: string | null;
  retryAfter?: WireNumber;
  smsWaitSeconds?: WireNumber;
  voiceWaitSeconds?: WireNumber;
  waOldWaitSeconds?: WireNumber;
  waOldEligible?: WireBool;
  captcha?: string | null;
  method?: string | null;
  reason?: string | null;
  status?: string | null;
}

/** The answer of the `/security/*` operations (z-api.txt 1423-1740). */
export interface ZapiSecurityResponse {
  success?: WireBool;
  hasEmail?: WireBool;
  email?: string | null;
  verified?: WireBool;
  hasCode?: WireBool;
  message?: string | null;
}

/** The graph's code method → `method` (z-api.txt 1114-1116: sms, voice, wa_old). */
const METHOD: Readonly<Record<RegistrationCodeMethod, string>> = { SMS: 'sms', VOICE: 'voice', APP: 'wa_old' };

/**
 * Z-API's account administration operations (z-api.txt 1026-1740; mobile instances), on the
 * instance's {@link ProviderHttpClient}. Each method sends exactly the documented method, path
 * and body (never retried: each asks WhatsApp for something); it throws `ProviderError` only.
 */
export class ZapiAdminClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /mobile/{operation}` (z-api.txt 1026-1421). */
  mobile(operation: string, body?: Record<string, string>): Promise<ZapiMobileResponse | null> {
    return this.http.request<ZapiMobileResponse | null>({ operation: `mobile-${operation}`, method: 'POST', path: `/mobile/${operation}`, body });
  }

  /** `GET|POST /security/{path}` (z-api.txt 1423-1740). */
  security(method: 'GET' | 'POST', path: string, body?: Record<string, string>): Promise<ZapiSecurityResponse | null> {
    return this.http.request<ZapiSecurityResponse | null>({ operation: `security-${path.replace(/\//g, '-')}`, method, path: `/security/${path}`, body });
  }
}

/**
 * International digits → Z-API's `ddi` and `phone` (the national number with area code, z-api.txt
 * 1038-1040). The attribute table names the first field "no" and the example "she" (a translation
 * of "DDI"); the curl sample (1091) and the request example of the fixture send `ddi`: sent as `ddi`.
 * @throws GraphError BAD_USER_INPUT (`input.phone`) for a number libphonenumber cannot split
 */
function ddiAndPhone(digits: string): { ddi: string; phone: string } {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed) throw badInput('input.phone', 'must be a phone number with its country code');
  return { ddi: parsed.countryCallingCode, phone: parsed.nationalNumber };
}

/** A `/mobile/*` answer → {@link RegistrationResult}; the appeal token is never copied. */
function toRegistrationResult(wire: ZapiMobileResponse | null): RegistrationResult {
  const w = wire ?? {};
  const flag = (v: WireBool) => (v === undefined || v === null ? null : toBool(v));
  const captcha = typeof w.captcha === 'string' && w.captcha ? (w.captcha.startsWith('data:') ? w.captcha : `data:image/png;base64,${w.captcha}`) : null;
  return {
    ok: toBool(w.success) || toBool(w.available),
    available: flag(w.available),
    banned: flag(w.blocked),
    retryAfterSeconds: toNumber(w.retryAfter),
    smsWaitSeconds: toNumber(w.smsWaitSeconds),
    voiceWaitSeconds: toNumber(w.voiceWaitSeconds),
    appWaitSeconds: toNumber(w.waOldWaitSeconds),
    appEligible: flag(w.waOldEligible),
    captchaImage: captcha,
    reason: typeof w.reason === 'string' && w.reason ? w.reason : null,
  };
}

/**
 * The Z-API {@link AccountAdminPort}: the registration steps (z-api.txt 1026-1421), unbanning
 * with the appeal token the last availability check returned (kept here, per instance and
 * process: a restart or another replica needs a new check), and the security e-mail and PIN
 * (1423-1740). A `success: false` answer of a security change fails (`PROVIDER_ERROR`, `FAILED`).
 * @throws GraphError BAD_USER_INPUT before any request; ProviderError from the calls
 */
export function createZapiAdminPorts(client: ZapiAdminClient): AccountAdminPort {
  let appealToken: string | null = null;
  return {
    async register(step: RegistrationStep): Promise<RegistrationResult> {
      switch (step.step) {
        case 'CHECK_AVAILABILITY': {
          const wire = await client.mobile('registration-available', ddiAndPhone(step.phone));
          if (typeof wire?.appealToken === 'string' && wire.appealToken) appealToken = wire.appealToken;
          return toRegistrationResult(wire);
        }
        case 'REQUEST_CODE':
          return toRegistrationResult(await client.mobile('request-registration-code', { ...ddiAndPhone(step.phone), method: METHOD[step.method] }));
        case 'RESPOND_CAPTCHA':
          return toRegistrationResult(await client.mobile('respond-captcha', { captcha: step.captcha }));
        case 'CONFIRM_CODE':
          return toRegistrationResult(await client.mobile('confirm-registration-code', { code: step.code }));
        case 'CONFIRM_PIN':
          return toRegistrationResult(await client.mobile('confirm-pin-code', { code: step.pin }));
        case 'RECOVER_PIN':
          return toRegistrationResult(await client.mobile('recovery-pin-code'));
      }
    },
    async requestUnbanning(description: string): Promise<UnbanStatus> {
      if (!appealToken) throw badInput('input', 'no ban reported: run checkRegistrationAvailability first (its appeal token is kept by the server)');
      const wire = await client.mobile('request-unbanning', { appealToken, description });
      expectDone('mobile-request-unbanning', wire?.success);
      if (wire?.status !== 'IN_REVIEW' && wire?.status !== 'UNBANNED') throw zapiFailed('mobile-request-unbanning', 'zapi answered without an unbanning status');
      return wire.status;
    },
    async getSecurity(): Promise<AccountSecurity> {
      const [email, pin] = await Promise.all([client.security('GET', 'email'), client.security('GET', 'two-fa-code')]);
      const hasEmail = toBool(email?.hasEmail);
      return { email: hasEmail && email?.email ? email.email : null, emailVerified: hasEmail ? toBool(email?.verified) : null, hasPin: toBool(pin?.hasCode) };
    },
    async updateSecurity(change: SecurityChange): Promise<void> {
      const done = (op: string, wire: ZapiSecurityResponse | null) => expectDone(op, wire?.success);
      switch (change.action) {
        case 'SET_EMAIL':
          return done('security-email', await client.security('POST', 'email', { email: change.email }));
        case 'VERIFY_EMAIL':
          return done('security-verify-email', await client.security('POST', 'verify-email', { verificationCode: change.code }));
        case 'REMOVE_EMAIL':
          return done('security-email-remove', await client.security('POST', 'email/remove'));
        case 'SET_PIN':
          return done('security-two-fa-code', await client.security('POST', 'two-fa-code', { code: change.pin }));
        case 'REMOVE_PIN':
          return done('security-two-fa-code-remove', await client.security('POST', 'two-fa-code/remove'));
      }
    },
  };
}
