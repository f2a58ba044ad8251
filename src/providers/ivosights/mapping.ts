import type {
  BusinessProfile, BusinessProfileInput, ContactContent, Country, Media, Message, MessageContent, MessageStatus,
  MessageTemplate, NamedOption, PhoneCheck, SharedContact, TemplateButton, TemplateComponent, TemplateComponentInput,
  TemplateHeaderFormat, TemplateInput, TemplateParameterInput, WebhookEndpoint,
} from '../model.js';
import type {
  WireBusinessProfile, WireBusinessProfileResponse, WireContactCard, WireContactCheckResponse, WireCountry, WireInboundMedia,
  WireInboundMessage, WireNamedOption, WireTemplate, WireTemplateButton, WireTemplateButtonRequest, WireTemplateComponent,
  WireTemplateParameter, WireTemplateRequest, WireTemplateSendComponent, WireWebhook,
} from './wire.js';

/**
 * Ivosights wire shapes <-> whatsgraph domain types: the only place that normalises
 * (phones, timestamps, casing). Line numbers refer to ivosights-ivowba.txt.
 */

/** Digits only (`+1 (940) 555-1234` → `19405551234`). */
export function digits(phone: string): string {
  return phone.replace(/\D+/g, '');
}

/**
 * The international form Contact check expects: a leading `+` (line 27, `"+628954218621"`).
 * @param phone normalised digits
 */
export function toCheckNumber(phone: string): string {
  return `+${digits(phone)}`;
}

/**
 * Epoch seconds (number or numeric string, as every notification sends them: `"1518694235"`,
 * line 2808) → epoch ms; `fallbackMs` when missing or unreadable.
 */
export function secondsToMs(value: unknown, fallbackMs: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? Math.round(n * 1000) : fallbackMs;
}

/** ISO 8601 (`2021-05-10T05:13:23.843000Z`, line 258) → epoch ms, or null. */
export function isoToMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Contact check answer → one {@link PhoneCheck} per asked phone, in input order (lines 61-77).
 * Answers are matched by their digits, since the provider echoes `input` in its own form; a
 * phone the provider did not answer for is reported as not existing.
 */
export function toPhoneChecks(phones: string[], res: WireContactCheckResponse): PhoneCheck[] {
  const byDigits = new Map<string, { valid: boolean; waId: string | null }>();
  for (const c of res?.contacts ?? []) {
    byDigits.set(digits(String(c.input ?? '')), { valid: c.status === 'valid', waId: c.wa_id ?? null });
  }
  return phones.map((p) => {
    const hit = byDigits.get(digits(p));
    return { input: p, exists: hit?.valid ?? false, waId: hit?.valid ? hit.waId : null };
  });
}

/** A country (lines 117-123). */
export function toCountry(w: WireCountry): Country {
  return { id: w.id, name: w.name, dialCode: w.dial_code, iso: w.iso, iso3: w.iso3 };
}

/** A template category or language (lines 1014-1025, 1064-1075). */
export function toNamedOption(w: WireNamedOption): NamedOption {
  return { id: String(w.id), name: String(w.name) };
}

/** Placeholder names of a component: the keys of `parameters` (`{"{{1}}": null}`) or none (`[]`, line 239). */
function parameterNames(parameters: WireTemplateComponent['parameters']): string[] {
  if (!parameters || Array.isArray(parameters)) return [];
  return Object.keys(parameters);
}

const HEADER_FORMATS: readonly TemplateHeaderFormat[] = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];

function toTemplateButton(b: WireTemplateButton): TemplateButton {
  const type = String(b.type ?? '').toUpperCase();
  if (type === 'URL') {
    const url = b.url ?? '';
    return { type: 'URL', text: b.text ?? '', url, dynamic: b.url_type === 'dynamic' || /\{\{\d+\}\}/.test(url), examples: b.examples ?? b.example ?? [] };
  }
  if (type === 'PHONE_NUMBER') return { type: 'PHONE_NUMBER', text: b.text ?? '', phoneNumber: b.phone_number ?? '', countryCode: b.country_code ?? null };
  if (type === 'OTP' || b.otp_type) return { type: 'OTP', otpType: b.otp_type ?? type, text: b.text ?? '' };
  return { type: 'OTHER', providerType: type, text: b.text ?? null, raw: b };
}

function toTemplateComponent(c: WireTemplateComponent): TemplateComponent {
  const type = String(c.type ?? '').toUpperCase();
  switch (type) {
    case 'HEADER': {
      const format = String(c.format ?? 'TEXT').toUpperCase() as TemplateHeaderFormat;
      if (!HEADER_FORMATS.includes(format)) return { type: 'OTHER', providerType: `HEADER:${format}`, raw: c };
      return { type: 'HEADER', format, text: c.text ?? null, examples: c.examples ?? [], parameterNames: parameterNames(c.parameters) };
    }
    case 'BODY':
      return { type: 'BODY', text: c.text ?? '', examples: c.examples ?? [], parameterNames: parameterNames(c.parameters) };
    case 'FOOTER':
      return { type: 'FOOTER', text: c.text ?? '' };
    case 'BUTTONS':
      return { type: 'BUTTONS', buttons: (c.buttons ?? []).map(toTemplateButton) };
    default:
      return { type: 'OTHER', providerType: type, raw: c };
  }
}

/**
 * A template as the template endpoints return it (lines 212-259, 802-850) → {@link MessageTemplate}.
 * Top-level OTP fields of an AUTHENTICATION template (the create shape of line 720, when the
 * provider echoes it) become an OTP BUTTONS component and an OTP_SETTINGS component.
 */
export function toTemplate(w: WireTemplate): MessageTemplate {
  const components = (w.components ?? []).map(toTemplateComponent);
  if (w.otp?.length) components.push({ type: 'BUTTONS', buttons: w.otp.map((o) => ({ type: 'OTP', otpType: o.otp_type, text: o.text })) });
  if (w.add_security_recommendation !== undefined || w.code_expiration_minutes !== undefined) {
    components.push({ type: 'OTP_SETTINGS', addSecurityRecommendation: w.add_security_recommendation ?? null, codeExpirationMinutes: w.code_expiration_minutes ?? null });
  }
  return {
    id: String(w.id),
    label: w.label ?? '',
    name: w.template_name ?? null,
    whatsappTemplateId: w.template_id === null || w.template_id === undefined ? null : String(w.template_id),
    status: String(w.status ?? 'UNKNOWN').toUpperCase(),
    category: String(w.category_id ?? ''),
    language: String(w.language_id ?? ''),
    components,
    createdAt: isoToMs(w.created_at),
    updatedAt: isoToMs(w.updated_at),
  };
}

/** Whether a URL holds a `{{n}}` placeholder (a dynamic URL button, line 625). */
export function isDynamicUrl(url: string): boolean {
  return /\{\{\d+\}\}/.test(url);
}

/**
 * A template to create / update → the request body (lines 406, 471, 534, 625, 720, 861).
 *
 * Doc choice — dynamic URL sample values: the curl and JS create examples send
 * `buttons[].examples` (lines 625, 654); the PHP create example (line 700) and all three
 * Update examples (lines 861, 890, 933) send `example`. Update is documented as taking the
 * same body as Create, and every other sample list of the body is `examples`
 * (`header.examples`, `body.examples`), so both operations send `examples`.
 *
 * `header.examples` and `body.examples` are always sent (possibly empty): every documented
 * example carries them (lines 406-720).
 */
export function toTemplateRequest(input: TemplateInput): WireTemplateRequest {
  const out: WireTemplateRequest = { label: input.label, category_id: input.category, language_id: input.language, is_propose: input.propose };
  if (input.header) {
    out.header = { format: input.header.format, ...(input.header.text != null ? { text: input.header.text } : {}), examples: input.header.examples ?? [] };
  }
  if (input.body) out.body = { text: input.body.text, examples: input.body.examples ?? [] };
  if (input.footer != null) out.footer = input.footer;
  const buttons: WireTemplateButtonRequest[] = [];
  const otp: Array<{ otp_type: string; text: string }> = [];
  for (const b of input.buttons ?? []) {
    if (b.type === 'OTP') {
      otp.push({ otp_type: b.otpType ?? 'COPY_CODE', text: b.text });
    } else if (b.type === 'URL') {
      const url = b.url ?? '';
      buttons.push(isDynamicUrl(url) ? { type: 'URL', text: b.text, url_type: 'dynamic', url, examples: b.examples ?? [] } : { type: 'URL', text: b.text, url });
    } else {
      buttons.push({ type: 'PHONE_NUMBER', text: b.text, ...(b.countryCode ? { country_code: b.countryCode } : {}), phone_number: b.phoneNumber ?? '' });
    }
  }
  if (buttons.length) out.buttons = buttons;
  if (otp.length) out.otp = otp;
  if (input.addSecurityRecommendation != null) out.add_security_recommendation = input.addSecurityRecommendation;
  if (input.codeExpirationMinutes != null) out.code_expiration_minutes = input.codeExpirationMinutes;
  return out;
}

function toTemplateParameter(p: TemplateParameterInput): WireTemplateParameter {
  switch (p.type) {
    case 'TEXT': return { type: 'text', text: p.text ?? '' };
    case 'IMAGE': return { type: 'image', image: { link: p.link ?? '' } };
    case 'VIDEO': return { type: 'video', video: { link: p.link ?? '' } };
    case 'DOCUMENT': return { type: 'document', document: { link: p.link ?? '', ...(p.fileName ? { filename: p.fileName } : {}) } };
    case 'ACTION': return { type: 'action', action: { flow_token: p.flowToken ?? '' } };
  }
}

/**
 * Template send components → wire (lines 1340-1814): lower-case `type`/`sub_type`.
 *
 * Doc choice — `index` of a button component: a string `"0"` in the button example
 * (line 1642) but an integer `0` in the flow (line 1744) and OTP (line 1814) examples; an
 * integer is sent (two examples of three, and it is a position).
 */
export function toTemplateSendComponents(components: TemplateComponentInput[]): WireTemplateSendComponent[] {
  return components.map((c) => {
    const out: WireTemplateSendComponent = { type: c.type.toLowerCase() as WireTemplateSendComponent['type'] };
    if (c.type === 'BUTTON') {
      if (c.subType) out.sub_type = c.subType.toLowerCase();
      out.index = c.index ?? 0;
    }
    if (c.parameters.length) out.parameters = c.parameters.map(toTemplateParameter);
    return out;
  });
}

/** A shared contact → the contact card of send-contact-message (line 1090): the formatted name and the phones. */
export function toContactCard(c: SharedContact): WireContactCard {
  return { name: { formatted_name: c.name }, phones: c.phones.map((p) => ({ phone: `+${digits(p)}`, type: 'CELL' })) };
}

/** A received contact card (lines 2848-2899) → a shared contact: the formatted (or first + last) name and phone digits (its `wa_id` when given). */
export function fromContactCard(c: WireContactCard): SharedContact {
  const name = c.name?.formatted_name ?? [c.name?.first_name, c.name?.last_name].filter(Boolean).join(' ');
  return { name: name ?? '', phones: (c.phones ?? []).map((p) => p.wa_id ?? digits(p.phone ?? '')).filter((p) => p !== ''), vcard: null };
}

function mediaFields(m: WireInboundMedia | undefined) {
  return { url: null, mediaId: m?.id ?? null, mimeType: m?.mime_type ?? null, caption: m?.caption ?? null };
}

/**
 * An inbound message's content (lines 2796-3001) → {@link MessageContent}. Media carry their
 * `mediaId` (fetch them with the media port) and no URL: the provider serves them only
 * behind the API key. A type the graph does not type becomes `unsupported` with the raw JSON.
 */
export function toMessageContent(m: WireInboundMessage): MessageContent {
  switch (m.type) {
    case 'text':
      if (m.text) return { kind: 'text', body: m.text.body ?? '' };
      break;
    case 'location':
      if (m.location) {
        return { kind: 'location', latitude: Number(m.location.latitude), longitude: Number(m.location.longitude), name: m.location.name ?? null, address: m.location.address ?? null, url: m.location.url ?? null };
      }
      break;
    case 'contacts':
      if (m.contacts) return { kind: 'contact', contacts: m.contacts.map(fromContactCard) } satisfies ContactContent;
      break;
    case 'image':
      if (m.image) return { kind: 'image', ...mediaFields(m.image) };
      break;
    case 'video':
      if (m.video) return { kind: 'video', ...mediaFields(m.video) };
      break;
    case 'voice':
      if (m.voice) return { kind: 'audio', voice: true, ...mediaFields(m.voice) };
      break;
    case 'audio':
      if (m.audio) return { kind: 'audio', voice: false, ...mediaFields(m.audio) };
      break;
    case 'document':
      if (m.document) return { kind: 'document', fileName: m.document.filename ?? null, ...mediaFields(m.document) };
      break;
    case 'sticker':
      if (m.sticker) return { kind: 'sticker', ...mediaFields(m.sticker) };
      break;
    default:
      break;
  }
  return { kind: 'unsupported', type: String(m.type ?? 'unknown'), raw: m };
}

/** An inbound message → {@link Message}: the chat is the sender's wa_id; `timestamp` seconds → ms. */
export function toMessage(instanceId: string, m: WireInboundMessage, senderName: string | null, receivedAt: number): Message {
  return {
    id: m.id,
    instanceId,
    chatId: m.from,
    fromMe: false,
    timestamp: secondsToMs(m.timestamp, receivedAt),
    senderId: m.from,
    senderName,
    content: toMessageContent(m),
    replyToMessageId: m.context?.id ?? null,
    isGroup: false,
  };
}

/** Notification status names (lines 3023-3135) → graph statuses; undefined for a status the graph does not know. */
export function toMessageStatus(status: string): MessageStatus | undefined {
  switch (status) {
    case 'sent': return 'SENT';
    case 'delivered': return 'DELIVERED';
    case 'read': return 'READ';
    case 'deleted': return 'DELETED';
    case 'failed': return 'FAILED';
    default: return undefined;
  }
}

/** GET business-profile answer (lines 2423-2441) → {@link BusinessProfile}. */
export function toBusinessProfile(res: WireBusinessProfileResponse): BusinessProfile {
  const p = res?.settings?.business?.profile ?? {};
  return { address: p.address ?? null, description: p.description ?? null, email: p.email ?? null, vertical: p.vertical ?? null, websites: p.websites ?? [] };
}

/** {@link BusinessProfileInput} → the POST business-profile body (line 2452). */
export function toBusinessProfileRequest(input: BusinessProfileInput): WireBusinessProfile {
  return { address: input.address, description: input.description, email: input.email, vertical: input.vertical, websites: input.websites };
}

/**
 * A webhook endpoint (lines 2739-2751) → {@link WebhookEndpoint}: `on`/`off` → booleans; the
 * HTTP-auth password is dropped (a secret), and so are credentials embedded in the URL.
 */
export function toWebhookEndpoint(w: WireWebhook): WebhookEndpoint {
  let url = String(w.url ?? '');
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '';
      u.password = '';
      url = u.toString();
    }
  } catch {
    // not a URL: shown as the provider has it
  }
  return {
    id: String(w.id),
    name: String(w.name ?? ''),
    url,
    events: Array.isArray(w.events) ? w.events.map(String) : [],
    enabled: w.status === 'on',
    httpAuthEnabled: w.http_auth?.status === 'on',
    httpAuthUsername: w.http_auth?.username ?? null,
  };
}

/** A downloaded media file → {@link Media} with a `data:` URI the client can use without the API key. */
export function toMedia(id: string, mimeType: string | null, bytes: Uint8Array): Media {
  const mime = mimeType?.split(';')[0]?.trim() || 'application/octet-stream';
  return { id, mimeType: mimeType ?? null, sizeBytes: bytes.byteLength, url: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}` };
}
