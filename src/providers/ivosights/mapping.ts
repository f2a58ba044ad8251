import type { Dispatcher } from 'undici';
import type { MediaDownload } from '../contract.js';
import { badInput } from '../../errors.js';
import { charLength, checkReplyButtonsMessage, headerKinds } from '../limits.js';
import type { SendStickerInput } from '../model-rich.js';
import type {
  BusinessProfile,
  BusinessProfileInput,
  ContactContent,
  Country,
  Media,
  Message,
  MessageContent,
  MessageStatus,
  MessageTemplate,
  NamedOption,
  PhoneCheck,
  ProfilePhotoInput,
  SendButtonsInput,
  SendContactInput,
  SendFlowInput,
  SendListInput,
  SendLocationInput,
  SendMediaInput,
  SendOptions,
  SendProductInput,
  SendProductListInput,
  SendTemplateInput,
  SendTextInput,
  SentMessage,
  SharedContact,
  TemplateButton,
  TemplateComponent,
  TemplateComponentInput,
  TemplateHeaderFormat,
  TemplateInput,
  TemplateParameterInput,
  WebhookEndpoint,
} from '../model.js';
import { missingMessageIdError } from './errors.js';
import type {
  WireBusinessProfile,
  WireBusinessProfileResponse,
  WireContactCard,
  WireContactCheckRequest,
  WireContactCheckResponse,
  WireCountry,
  WireInboundMedia,
  WireInboundMessage,
  WireInteractiveHeader,
  WireNamedOption,
  WireSendContact,
  WireSendFlow,
  WireSendList,
  WireSendLocation,
  WireSendMedia,
  WireSendMultiProduct,
  WireSendReplyButton,
  WireSendResponse,
  WireSendSingleProduct,
  WireSendTemplate,
  WireSendText,
  WireTemplate,
  WireTemplateButton,
  WireTemplateButtonRequest,
  WireTemplateComponent,
  WireTemplateParameter,
  WireTemplateRequest,
  WireTemplateSendComponent,
  WireWebhook,
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
    case 'TEXT':
      return { type: 'text', text: p.text ?? '' };
    case 'IMAGE':
      return { type: 'image', image: { link: p.link ?? '' } };
    case 'VIDEO':
      return { type: 'video', video: { link: p.link ?? '' } };
    case 'DOCUMENT':
      return { type: 'document', document: { link: p.link ?? '', ...(p.fileName ? { filename: p.fileName } : {}) } };
    case 'ACTION':
      return { type: 'action', action: { flow_token: p.flowToken ?? '' } };
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
 * behind the API key. Template button and interactive replies → `interactiveReply`, reactions
 * → `reaction`. A type the graph does not type becomes `unsupported` with the raw JSON.
 */
export function toMessageContent(m: WireInboundMessage): MessageContent {
  switch (m.type) {
    case 'text':
      if (m.text) return { kind: 'text', body: m.text.body ?? '' };
      break;
    case 'location':
      if (m.location) {
        return {
          kind: 'location',
          latitude: Number(m.location.latitude),
          longitude: Number(m.location.longitude),
          name: m.location.name ?? null,
          address: m.location.address ?? null,
          url: m.location.url ?? null,
        };
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
    // The replies to IVOWBA's interactive and template sends, in the WhatsApp Business API's
    // inbound shapes (the doc shows none): the same interactiveReply / reaction as Z-API's.
    case 'button':
      if (m.button) return { kind: 'interactiveReply', replyId: m.button.payload ?? null, title: m.button.text ?? '' };
      break;
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (reply) return { kind: 'interactiveReply', replyId: reply.id ?? null, title: reply.title ?? '', description: m.interactive?.list_reply?.description ?? null };
      break;
    }
    case 'reaction':
      if (m.reaction?.message_id) return { kind: 'reaction', emoji: m.reaction.emoji ?? '', targetMessageId: m.reaction.message_id };
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
    forwarded: m.context?.forwarded === true || m.context?.frequently_forwarded === true,
  };
}

/** Notification status names (lines 3023-3135) → graph statuses; undefined for a status the graph does not know. */
export function toMessageStatus(status: string): MessageStatus | undefined {
  switch (status) {
    case 'sent':
      return 'SENT';
    case 'delivered':
      return 'DELIVERED';
    case 'read':
      return 'READ';
    case 'deleted':
      return 'DELETED';
    case 'failed':
      return 'FAILED';
    default:
      return undefined;
  }
}

/** GET business-profile answer (lines 2423-2441) → {@link BusinessProfile}. */
export function toBusinessProfile(res: WireBusinessProfileResponse): BusinessProfile {
  const p = res?.settings?.business?.profile ?? {};
  return { address: p.address ?? null, description: p.description ?? null, email: p.email ?? null, vertical: p.vertical ?? null, websites: p.websites ?? [] };
}

/** {@link BusinessProfileInput} → the POST business-profile body (line 2452). */
export function toBusinessProfileRequest(input: BusinessProfileInput): WireBusinessProfile {
  return { address: input.address ?? '', description: input.description ?? '', email: input.email ?? '', vertical: input.vertical ?? '', websites: input.websites ?? [] };
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

/**
 * The headers of `GET /api/v1/media/{id}` (lines 135-176) → {@link Media}: type and size; no
 * `url`, since the file is served only behind the API key (the graph links its media route).
 */
export function toMedia(id: string, contentType: string | string[] | undefined, contentLength: string | string[] | undefined): Media {
  const mimeType = first(contentType);
  const size = Number(first(contentLength));
  return { id, mimeType, sizeBytes: first(contentLength) !== null && Number.isSafeInteger(size) && size >= 0 ? size : null, url: null };
}

/** An opened `GET /api/v1/media/{id}` answer (lines 135-176) as the port's {@link MediaDownload}. */
export function toMediaDownload(res: Dispatcher.ResponseData): MediaDownload {
  const length = Number(first(res.headers['content-length']));
  return {
    status: res.statusCode,
    contentType: first(res.headers['content-type']),
    contentLength: first(res.headers['content-length']) !== null && Number.isSafeInteger(length) && length >= 0 ? length : null,
    contentRange: first(res.headers['content-range']),
    body: res.body,
  };
}

/** The first value of a header, or null. */
function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

// --- validation and outgoing requests ------------------------------------------------------
// Every check runs before any request; each send builds exactly the documented body.

// WhatsApp's interactive-list rules, which IVOWBA passes through to WhatsApp (its doc states
// no limits of its own, lines 2024-2117): at most 10 sections and 10 rows in all, a button text
// of 20, a section or row title of 24 and a row description of 72 characters.
/** Most sections of a list message (WhatsApp's rule; ivosights-ivowba.txt 2024-2117 states none). */
export const LIST_SECTIONS_MAX = 10;
/** Most rows of a list message, over all sections (WhatsApp's rule; ivosights-ivowba.txt 2024-2117). */
export const LIST_ROWS_MAX = 10;
/** Longest list button text, characters (WhatsApp's rule; ivosights-ivowba.txt 2024-2117). */
export const LIST_BUTTON_TEXT_MAX = 20;
/** Longest list section / row title, characters (WhatsApp's rule; ivosights-ivowba.txt 2024-2117). */
export const LIST_TITLE_MAX = 24;
/** Longest list row description, characters (WhatsApp's rule; ivosights-ivowba.txt 2024-2117). */
export const LIST_ROW_DESCRIPTION_MAX = 72;
/** Most sections of a product-list message (WhatsApp's multi-product rule; ivosights-ivowba.txt 2181-2265 states none). */
export const PRODUCT_SECTIONS_MAX = 10;
/** Most products of a product-list message, over all sections (WhatsApp's rule; ivosights-ivowba.txt 2181-2265). */
export const PRODUCT_ITEMS_MAX = 30;
/** Profile photo types accepted for upload (WhatsApp profile photos are JPEG or PNG; ivosights-ivowba.txt 2658-2701). */
export const PROFILE_PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png'];

/**
 * The text of a required field.
 * @throws GraphError BAD_USER_INPUT naming `field` when it is missing or blank
 */
export function requireText(field: string, value: string | null | undefined, why = 'must not be empty'): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(field, why);
  return value;
}

function requireHttpUrl(field: string, value: string | null | undefined, why: string): string {
  const v = requireText(field, value, why);
  let ok = false;
  try {
    const u = new URL(v);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw badInput(field, why);
  return v;
}

function maxLength(field: string, value: string | null | undefined, max: number): void {
  if (value != null && charLength(value) > max) throw badInput(field, `must be at most ${max} characters`);
}

/**
 * IVOWBA sends document no quoting, delay or typing fields (lines 1081-2350): asking for them
 * is refused rather than silently dropped.
 */
function refuseUnsupportedOptions(input: SendOptions): void {
  if (input.replyToMessageId) throw badInput('input.replyToMessageId', 'ivosights sends cannot quote a message');
  if (input.delaySeconds != null) throw badInput('input.delaySeconds', 'ivosights sends cannot be delayed');
  if (input.typingSeconds != null) throw badInput('input.typingSeconds', 'ivosights sends cannot show typing');
}

function waId(to: string): string {
  const d = digits(requireText('input.to', to));
  if (!d) throw badInput('input.to', 'must be a phone number (wa_id)');
  return d;
}

/** A send ready for the wire: the documented request body, the recipient (`wa_id`) and the content the graph reports. */
export interface OutgoingSend<W> {
  wire: W;
  to: string;
  content: MessageContent;
}

/**
 * A send's answer (`{messages: [{id}]}`, e.g. lines 1935-1941) → {@link SentMessage}, PENDING
 * until a status notification arrives.
 * @throws ProviderError PROVIDER_ERROR when the answer carries no message id
 */
export function toSentMessage(operation: string, res: WireSendResponse, out: Pick<OutgoingSend<unknown>, 'to' | 'content'>, input: SendOptions): SentMessage {
  const id = res?.messages?.[0]?.id;
  if (typeof id !== 'string' || !id) throw missingMessageIdError(operation);
  return { id, chatId: out.to, status: 'PENDING', timestamp: Date.now(), content: out.content, clientReference: input.clientReference ?? null };
}

/**
 * send-text-message (lines 1892-1944): `{wa_id, text}`; no preview, edit or mention fields are documented.
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendText(input: SendTextInput): OutgoingSend<WireSendText> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  const text = requireText('input.text', input.text);
  if (input.editMessageId) throw badInput('input.editMessageId', 'ivosights cannot edit a sent message');
  if (input.mentions?.length) throw badInput('input.mentions', 'ivosights sends have no mentions');
  if (input.groupMentions?.length) throw badInput('input.groupMentions', 'ivosights sends have no mentions');
  if (input.privateReply != null) throw badInput('input.privateReply', 'ivosights sends cannot reply privately');
  return { wire: { wa_id: to, text }, to, content: { kind: 'text', body: text } };
}

/**
 * send-media-message (lines 1275-1330): `{wa_id, type, link}`. Media go by URL only, and
 * the doc has no caption or file-name field, so those are refused rather than dropped.
 * @param fileName a document's file name (refused when given)
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendMedia(type: 'image' | 'video' | 'audio' | 'document' | 'sticker', input: SendMediaInput, fileName?: string | null): OutgoingSend<WireSendMedia> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  const link = requireHttpUrl('input.media', input.media, 'ivosights sends media by http(s) URL only (link, line 1284)');
  if (input.caption) throw badInput('input.caption', 'ivosights media messages have no caption (line 1284)');
  if (fileName) throw badInput('input.fileName', 'ivosights media messages have no file name (line 1284)');
  if (input.viewOnce != null) throw badInput('input.viewOnce', 'ivosights media messages have no view-once switch (line 1284)');
  if (input.waveform != null) throw badInput('input.waveform', 'ivosights media messages have no waveform switch (line 1284)');
  const content: MessageContent =
    type === 'document' ? { kind: 'document', url: link, mimeType: input.mimeType ?? null } : { kind: type, url: link, mimeType: input.mimeType ?? null };
  return { wire: { wa_id: to, type, link }, to, content };
}

/**
 * A sticker through send-media-message (`type: "sticker"`, lines 1275-1284: "audio, document,
 * image, sticker, and video"): a link only; no author, which the operation cannot carry.
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendSticker(input: SendStickerInput): OutgoingSend<WireSendMedia> {
  if (input.author) throw badInput('input.author', 'ivosights stickers have no author (line 1284)');
  return toSendMedia('sticker', { ...input, caption: null });
}

/**
 * send-location-message (lines 1216-1274): every documented field is sent, `name` and `address` included.
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendLocation(input: SendLocationInput): OutgoingSend<WireSendLocation> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  if (!Number.isFinite(input.latitude) || input.latitude < -90 || input.latitude > 90) throw badInput('input.latitude', 'must be between -90 and 90');
  if (!Number.isFinite(input.longitude) || input.longitude < -180 || input.longitude > 180) throw badInput('input.longitude', 'must be between -180 and 180');
  const name = requireText('input.name', input.name, 'required by ivosights (line 1225)');
  const address = requireText('input.address', input.address, 'required by ivosights (line 1225)');
  return {
    wire: { wa_id: to, latitude: input.latitude, longitude: input.longitude, name, address },
    to,
    content: { kind: 'location', latitude: input.latitude, longitude: input.longitude, name, address },
  };
}

/**
 * send-contact-message (lines 1081-1215). Doc choice: the single example fills every
 * vCard field (addresses, birthday, emails, org, urls); the graph's shared contact has a
 * name and phones, so `name.formatted_name` and `phones` are sent, and only those are
 * required (as WhatsApp's contacts object requires the name).
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendContact(input: SendContactInput): OutgoingSend<WireSendContact> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  if (!input.contacts?.length) throw badInput('input.contacts', 'must hold at least one contact');
  input.contacts.forEach((c, i) => {
    requireText(`input.contacts[${i}].name`, c.name);
    if (!c.phones?.length || c.phones.some((p) => !digits(p))) throw badInput(`input.contacts[${i}].phones`, 'must hold at least one phone number');
  });
  return { wire: { wa_id: to, contacts: input.contacts.map(toContactCard) }, to, content: { kind: 'contact', contacts: input.contacts } };
}

/**
 * send-reply-button-message (lines 1945-2023). WhatsApp's button rules are checked
 * (`limits.ts`); IVOWBA's only documented shape has a media header `{type, link}` and a
 * footer (line 1954), so both are required here and the header must be an image, video or
 * document URL.
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendButtons(input: SendButtonsInput): OutgoingSend<WireSendReplyButton> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  checkReplyButtonsMessage(input);
  if (!input.header) throw badInput('input.header', 'ivosights reply-button messages need a media header (image, video or document URL, line 1954)');
  const kind = headerKinds(input.header)[0];
  if (kind === undefined || kind === 'text') throw badInput('input.header', 'ivosights reply-button headers are media (image, video or document URL, line 1954)');
  const link = requireHttpUrl(`input.header.${kind}`, input.header[kind], 'must be an http(s) URL');
  const footer = requireText('input.footer', input.footer, 'required by ivosights (line 1954)');
  const header: WireInteractiveHeader = { type: kind, link };
  return {
    wire: { wa_id: to, header, body: input.body, footer, action: { buttons: input.buttons.map((b) => ({ id: b.id, title: b.title })) } },
    to,
    // A buttons message, as Z-API's send-button-list gives it: a document header has no field there (ButtonsContent carries an image or a video).
    content: {
      kind: 'buttons',
      body: input.body,
      footer,
      imageUrl: kind === 'image' ? link : null,
      videoUrl: kind === 'video' ? link : null,
      buttons: input.buttons.map((b, index) => ({ type: 'REPLY', text: b.title, id: b.id, index })),
    },
  };
}

/**
 * send-list-message (lines 2024-2117): a text header, body, footer, button text and
 * sections of rows; every field of the documented example is required (line 2033), and
 * WhatsApp's list limits ({@link LIST_ROWS_MAX}…) are checked.
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendList(input: SendListInput): OutgoingSend<WireSendList> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  const header = requireText('input.header', input.header, 'required by ivosights (a text header, line 2033)');
  const body = requireText('input.body', input.body);
  const footer = requireText('input.footer', input.footer, 'required by ivosights (line 2033)');
  const button = requireText('input.buttonText', input.buttonText);
  maxLength('input.buttonText', button, LIST_BUTTON_TEXT_MAX);
  if (!input.sections?.length || input.sections.length > LIST_SECTIONS_MAX) throw badInput('input.sections', `must have 1 to ${LIST_SECTIONS_MAX} sections`);
  const rows = input.sections.reduce((n, s) => n + (s.rows?.length ?? 0), 0);
  if (rows < 1 || rows > LIST_ROWS_MAX) throw badInput('input.sections', `must have 1 to ${LIST_ROWS_MAX} rows in all`);
  const ids = new Set<string>();
  const sections = input.sections.map((s, i) => {
    const title = requireText(`input.sections[${i}].title`, s.title, 'required by ivosights (line 2033)');
    maxLength(`input.sections[${i}].title`, title, LIST_TITLE_MAX);
    return {
      title,
      rows: s.rows.map((r, j) => {
        const f = `input.sections[${i}].rows[${j}]`;
        requireText(`${f}.id`, r.id);
        if (ids.has(r.id)) throw badInput(`${f}.id`, 'must be unique in the message');
        ids.add(r.id);
        requireText(`${f}.title`, r.title);
        maxLength(`${f}.title`, r.title, LIST_TITLE_MAX);
        const description = requireText(`${f}.description`, r.description, 'required by ivosights (line 2033)');
        maxLength(`${f}.description`, description, LIST_ROW_DESCRIPTION_MAX);
        return { id: r.id, title: r.title, description };
      }),
    };
  });
  return {
    wire: { wa_id: to, header: { type: 'text' as const, text: header }, body, footer, action: { button, sections } },
    to,
    content: { kind: 'list', body, title: header, footer, buttonText: button, sections },
  };
}

/**
 * send-template-message (lines 1331-1891): the template id and its component values.
 * Each parameter must carry what its type needs (text, a media link, a document file name —
 * present in every documented document example, line 1555 — or a flow token).
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendTemplate(input: SendTemplateInput): OutgoingSend<WireSendTemplate> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  const templateId = requireText('input.templateId', input.templateId);
  if (!input.components?.length) throw badInput('input.components', 'must hold at least one component (line 1340 sends {type: body} for a template without values)');
  input.components.forEach((c, i) => {
    const f = `input.components[${i}]`;
    if (c.type === 'BUTTON') {
      requireText(`${f}.subType`, c.subType, 'a button component needs its sub type (url, flow…)');
      if (c.index == null || !Number.isInteger(c.index) || c.index < 0) throw badInput(`${f}.index`, 'a button component needs its 0-based index');
    }
    (c.parameters ?? []).forEach((p, j) => {
      const pf = `${f}.parameters[${j}]`;
      if (p.type === 'TEXT') requireText(`${pf}.text`, p.text);
      else if (p.type === 'ACTION') requireText(`${pf}.flowToken`, p.flowToken);
      else {
        requireHttpUrl(`${pf}.link`, p.link, 'must be an http(s) URL');
        if (p.type === 'DOCUMENT') requireText(`${pf}.fileName`, p.fileName, 'required by ivosights for a document (line 1555)');
      }
    });
  });
  const components = toTemplateSendComponents(input.components.map((c) => ({ ...c, parameters: c.parameters ?? [] })));
  // Kept `unsupported`: a template's text lives in the template WhatsApp approved, not in the
  // send (only its id and the parameter values are sent), so a TemplateMessageContent could
  // not say its body; the raw id and components keep what the graph knows.
  return { wire: { wa_id: to, template_id: templateId, components }, to, content: { kind: 'unsupported', type: 'template', raw: { templateId, components } } };
}

/**
 * send-single-product-message (lines 2118-2180): body, footer, catalog and product ids all required (line 2127).
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendProduct(input: SendProductInput): OutgoingSend<WireSendSingleProduct> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  const wire = {
    wa_id: to,
    body: requireText('input.body', input.body),
    footer: requireText('input.footer', input.footer, 'required by ivosights (line 2127)'),
    action: { catalog_id: requireText('input.catalogId', input.catalogId), product_retailer_id: requireText('input.productRetailerId', input.productRetailerId) },
  };
  // A catalog product, known by its retailer id (WhatsApp's product id in a catalog); its title, price and image are the catalog's.
  return { wire, to, content: { kind: 'product', productId: wire.action.product_retailer_id, retailerId: wire.action.product_retailer_id } };
}

/**
 * send-multi-product-message (lines 2181-2265): a plain-string header, body, footer and
 * sections of products (line 2190), within {@link PRODUCT_SECTIONS_MAX} / {@link PRODUCT_ITEMS_MAX}.
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendProductList(input: SendProductListInput): OutgoingSend<WireSendMultiProduct> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  const header = requireText('input.header', input.header);
  const body = requireText('input.body', input.body);
  const footer = requireText('input.footer', input.footer, 'required by ivosights (line 2190)');
  const catalogId = requireText('input.catalogId', input.catalogId);
  if (!input.sections?.length || input.sections.length > PRODUCT_SECTIONS_MAX) throw badInput('input.sections', `must have 1 to ${PRODUCT_SECTIONS_MAX} sections`);
  const total = input.sections.reduce((n, s) => n + (s.productRetailerIds?.length ?? 0), 0);
  if (total > PRODUCT_ITEMS_MAX) throw badInput('input.sections', `must hold at most ${PRODUCT_ITEMS_MAX} products in all`);
  const sections = input.sections.map((s, i) => {
    const title = requireText(`input.sections[${i}].title`, s.title);
    if (!s.productRetailerIds?.length) throw badInput(`input.sections[${i}].productRetailerIds`, 'must hold at least one product');
    return { title, product_items: s.productRetailerIds.map((id, j) => ({ product_retailer_id: requireText(`input.sections[${i}].productRetailerIds[${j}]`, id) })) };
  });
  return {
    wire: { wa_id: to, header, body, footer, action: { catalog_id: catalogId, sections } },
    to,
    // Kept `unsupported`: no content kind holds several products (ProductContent is one product).
    content: { kind: 'unsupported', type: 'product_list', raw: { catalogId, sections } },
  };
}

/**
 * send-flow-message (lines 2266-2350): a text header, body, footer and the flow parameters; `screen` required (line 2275).
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function toSendFlow(input: SendFlowInput): OutgoingSend<WireSendFlow> {
  refuseUnsupportedOptions(input);
  const to = waId(input.to);
  const headerText = requireText('input.headerText', input.headerText, 'required by ivosights (a text header, line 2275)');
  const body = requireText('input.body', input.body);
  const footer = requireText('input.footer', input.footer, 'required by ivosights (line 2275)');
  const parameters = {
    flow_message_version: requireText('input.flowMessageVersion', input.flowMessageVersion),
    flow_id: requireText('input.flowId', input.flowId),
    flow_cta: requireText('input.flowCta', input.flowCta),
    flow_action: requireText('input.flowAction', input.flowAction),
    flow_action_payload: {
      screen: requireText('input.screen', input.screen, 'required by ivosights (flow_action_payload.screen, line 2275)'),
      ...(input.data ? { data: input.data } : {}),
    },
    ...(input.flowToken ? { flow_token: input.flowToken } : {}),
  };
  return {
    wire: { wa_id: to, header: { type: 'text', text: headerText }, body, footer, action: { parameters } },
    to,
    // Kept `unsupported`: no provider documents a flow message as received, and no content kind holds one.
    content: { kind: 'unsupported', type: 'flow', raw: { flowId: parameters.flow_id, flowCta: parameters.flow_cta, screen: parameters.flow_action_payload.screen } },
  };
}

/**
 * contacts/check (lines 18-79): the request for all phones, each with a leading `+`.
 * @throws GraphError BAD_USER_INPUT (`input.phones[i]`) for a phone without digits
 */
export function toContactCheckRequest(phones: string[]): WireContactCheckRequest {
  phones.forEach((p, i) => {
    if (!digits(p)) throw badInput(`input.phones[${i}]`, 'must be a phone number');
  });
  return { contacts: phones.map(toCheckNumber) };
}

/**
 * Checks a template definition before create / update (shapes of lines 406-720).
 * @throws GraphError BAD_USER_INPUT naming the field
 */
export function checkTemplate(input: TemplateInput): void {
  requireText('input.label', input.label);
  requireText('input.category', input.category);
  requireText('input.language', input.language);
  const auth = input.category === 'AUTHENTICATION';
  if (input.header) {
    if (input.header.format === 'TEXT') requireText('input.header.text', input.header.text, 'a TEXT header needs its text');
    else if (!input.header.examples?.length) throw badInput('input.header.examples', 'a media header needs a sample media URL (line 471)');
  }
  if (!auth && !input.body) throw badInput('input.body', 'required unless the category is AUTHENTICATION');
  if (input.body) requireText('input.body.text', input.body.text);
  (input.buttons ?? []).forEach((b, i) => {
    const f = `input.buttons[${i}]`;
    requireText(`${f}.text`, b.text);
    if (b.type === 'URL') {
      const url = requireText(`${f}.url`, b.url);
      if (isDynamicUrl(url) && !b.examples?.length) throw badInput(`${f}.examples`, 'a dynamic URL needs sample values (line 625)');
    } else if (b.type === 'PHONE_NUMBER') {
      requireText(`${f}.phoneNumber`, b.phoneNumber);
    } else if (!auth) {
      throw badInput(`${f}.type`, 'OTP buttons belong to AUTHENTICATION templates (line 720)');
    }
  });
}

/** Reads the (undocumented, lines 398-945) answer of create / update: a template object, bare or under `data`, when there is one. */
export function templateFromAnswer(answer: unknown): MessageTemplate | null {
  const candidate = (answer && typeof answer === 'object' && 'data' in answer ? answer.data : answer) as Partial<WireTemplate> | null;
  if (candidate && typeof candidate === 'object' && typeof candidate.id === 'string' && typeof candidate.label === 'string') return toTemplate(candidate as WireTemplate);
  return null;
}

/**
 * POST business-profile (lines 2444-2504): every field of the example is required and sent (line 2452).
 * @throws GraphError BAD_USER_INPUT naming the missing field
 */
export function toBusinessProfileUpdate(input: BusinessProfileInput): WireBusinessProfile {
  for (const f of ['address', 'description', 'email', 'vertical'] as const) requireText(`input.${f}`, input[f], 'required by ivosights (line 2452)');
  if (!Array.isArray(input.websites)) throw badInput('input.websites', 'required by ivosights (line 2452)');
  if (input.hours) throw badInput('input.hours', 'ivosights keeps no opening hours (line 2452)');
  if (input.categories) throw badInput('input.categories', 'ivosights keeps no categories (line 2452)');
  return toBusinessProfileRequest(input);
}

/**
 * POST profiles/photo (lines 2658-2701): a base64 `data:` URI → the multipart `photo` part's
 * bytes, type ({@link PROFILE_PHOTO_TYPES}) and file name.
 * @throws GraphError BAD_USER_INPUT (`input.photo`) for anything but a non-empty JPEG or PNG data URI
 */
export function toProfilePhotoUpload(input: ProfilePhotoInput): { bytes: Uint8Array; mimeType: string; fileName: string } {
  const m = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(input.photo ?? '');
  if (!m) throw badInput('input.photo', 'must be a base64 data: URI');
  const mimeType = m[1]!.toLowerCase();
  if (!PROFILE_PHOTO_TYPES.includes(mimeType)) throw badInput('input.photo', `must be one of ${PROFILE_PHOTO_TYPES.join(', ')}`);
  const bytes = Buffer.from(m[2]!, 'base64');
  if (!bytes.byteLength) throw badInput('input.photo', 'must not be empty');
  return { bytes, mimeType, fileName: mimeType === 'image/png' ? 'photo.png' : 'photo.jpg' };
}
