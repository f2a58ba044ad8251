import { badInput } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type {
  BaseInstanceConfig, BusinessPort, Capability, ContactsPort, EventSink, MediaPort, MessagingPort, ProviderAdapter,
  ProviderDeps, ReferencePort, TemplatesPort, WebhookAdminPort, WebhookPort,
} from '../contract.js';
import { stableEventId } from '../contract.js';
import { ProviderError } from '../http.js';
import { charLength, checkReplyButtonsMessage, headerKinds } from '../limits.js';
import type {
  BusinessProfileInput, DomainEvent, MessageContent, PhoneCheck, MessageTemplate, ProfilePhotoInput, ReadMessageInput, SendButtonsInput,
  SendContactInput, SendDocumentInput, SendFlowInput, SendListInput, SendLocationInput, SendMediaInput, SendOptions,
  SendProductInput, SendProductListInput, SendTemplateInput, SendTextInput, SentMessage, TemplateInput, TemplateScope,
} from '../model.js';
import { IvosightsClient, SANDBOX_OPERATIONS } from './client.js';
import {
  digits, toBusinessProfile, toBusinessProfileRequest, toCheckNumber, toContactCard, toCountry, toMedia, toNamedOption,
  toPhoneChecks, toTemplate, toTemplateRequest, toTemplateSendComponents, toWebhookEndpoint, isDynamicUrl,
} from './mapping.js';
import { createWebhookPort, parseNotification, pendingPayloads } from './webhooks.js';
import type { WireInteractiveHeader, WireSendResponse, WireTemplate } from './wire.js';

/** An IVOWBA instance's configuration (DESIGN.md "Configuration"; the task's config fields). */
export interface IvosightsConfig extends BaseInstanceConfig {
  /** The `X-API-KEY` (lines 10-16). */
  apiKey: string;
  /** Talk to the Sandbox copies of the endpoints (lines 3136-3240). */
  sandbox?: boolean;
  /** The webhook's `http_auth` username / password (lines 2746-2750): deliveries carrying them pass `authenticate`. */
  webhookUsername?: string;
  webhookPassword?: string;
  /** Pull pending notifications every this many ms (off when absent). */
  pullIntervalMs?: number;
  /** The webhook id to pull pending notifications of (default: every webhook the account lists). */
  webhookId?: string;
  timeoutMs?: number;
}

/** Capabilities of a production IVOWBA instance. */
export const IVOSIGHTS_CAPABILITIES: readonly Capability[] = [
  'SEND_TEXT', 'SEND_IMAGE', 'SEND_VIDEO', 'SEND_AUDIO', 'SEND_DOCUMENT', 'SEND_LOCATION', 'SEND_CONTACT', 'SEND_BUTTONS',
  'SEND_LIST', 'READ_MESSAGE', 'CHECK_PHONES', 'SEND_TEMPLATE', 'SEND_PRODUCT', 'SEND_PRODUCT_LIST', 'SEND_FLOW',
  'LIST_TEMPLATES', 'GET_TEMPLATE', 'CREATE_TEMPLATE', 'UPDATE_TEMPLATE', 'PROPOSE_TEMPLATE', 'TEMPLATE_CATEGORIES', 'TEMPLATE_LANGUAGES',
  'GET_MEDIA', 'BUSINESS_PROFILE', 'UPDATE_BUSINESS_PROFILE', 'BUSINESS_ABOUT', 'UPDATE_BUSINESS_ABOUT', 'BUSINESS_PHOTO',
  'UPDATE_BUSINESS_PHOTO', 'LIST_WEBHOOKS', 'PULL_NOTIFICATIONS', 'COUNTRIES',
];

/** Which documented operation serves each capability (for the sandbox subset, lines 3137-3145). */
const CAPABILITY_OPERATION: Partial<Record<Capability, string>> = {
  SEND_TEXT: 'send-text-message', SEND_IMAGE: 'send-media-message', SEND_VIDEO: 'send-media-message', SEND_AUDIO: 'send-media-message',
  SEND_DOCUMENT: 'send-media-message', SEND_LOCATION: 'send-location-message', SEND_CONTACT: 'send-contact-message',
  SEND_BUTTONS: 'send-reply-button-message', SEND_LIST: 'send-list-message', SEND_TEMPLATE: 'send-template-message', GET_MEDIA: 'media',
};

/** Capabilities of a `sandbox: true` instance: only those whose operation the Sandbox serves (lines 3137-3145). */
export const IVOSIGHTS_SANDBOX_CAPABILITIES: readonly Capability[] = IVOSIGHTS_CAPABILITIES.filter((c) => {
  const op = CAPABILITY_OPERATION[c];
  return op !== undefined && SANDBOX_OPERATIONS.has(op);
});

// WhatsApp's interactive-list rules, which IVOWBA passes through to WhatsApp (its doc states
// no limits of its own, lines 2024-2117): at most 10 sections and 10 rows in all, a button text
// of 20, a section or row title of 24 and a row description of 72 characters.
/** Most sections of a list message. */
export const LIST_SECTIONS_MAX = 10;
/** Most rows of a list message, over all sections. */
export const LIST_ROWS_MAX = 10;
/** Longest list button text, characters. */
export const LIST_BUTTON_TEXT_MAX = 20;
/** Longest list section / row title, characters. */
export const LIST_TITLE_MAX = 24;
/** Longest list row description, characters. */
export const LIST_ROW_DESCRIPTION_MAX = 72;
// WhatsApp's multi-product rules (passed through by IVOWBA, lines 2181-2265 state none).
/** Most sections of a product-list message. */
export const PRODUCT_SECTIONS_MAX = 10;
/** Most products of a product-list message, over all sections. */
export const PRODUCT_ITEMS_MAX = 30;
/** Profile photo types accepted for upload (WhatsApp profile photos are JPEG or PNG). */
export const PROFILE_PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png'];
/** Shortest allowed pull interval, ms: a faster puller would only hammer the provider. */
export const MIN_PULL_INTERVAL_MS = 100;

function requireText(field: string, value: string | null | undefined, why = 'must not be empty'): string {
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

/** The IVOWBA adapter: the ports over {@link IvosightsClient}, the webhook port and the pending-notification puller. */
export class IvosightsAdapter implements ProviderAdapter {
  readonly kind = 'ivosights' as const;
  readonly instanceId: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly messaging: Partial<MessagingPort>;
  readonly contacts: Partial<ContactsPort>;
  readonly templates: Partial<TemplatesPort>;
  readonly media: Partial<MediaPort>;
  readonly business: Partial<BusinessPort>;
  readonly webhookAdmin: Partial<WebhookAdminPort>;
  readonly reference: Partial<ReferencePort>;
  readonly webhooks: WebhookPort;
  /** The wire client (tests and the simulator checks use it directly). */
  readonly client: IvosightsClient;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly config: IvosightsConfig, deps: ProviderDeps) {
    this.instanceId = config.id;
    this.logger = deps.logger.child({ provider: 'ivosights', instanceId: config.id });
    this.client = new IvosightsClient({
      baseUrl: config.baseUrl ?? 'https://waba.ivosights.com',
      apiKey: config.apiKey,
      sandbox: config.sandbox === true,
      timeoutMs: config.timeoutMs,
      logger: this.logger,
      metrics: deps.metrics,
    });
    this.capabilities = new Set(config.sandbox ? IVOSIGHTS_SANDBOX_CAPABILITIES : IVOSIGHTS_CAPABILITIES);
    this.webhooks = createWebhookPort(config.id, { username: config.webhookUsername, password: config.webhookPassword });
    this.messaging = {
      sendText: (i) => this.sendText(i),
      sendImage: (i) => this.sendMedia('image', i),
      sendVideo: (i) => this.sendMedia('video', i),
      sendAudio: (i) => this.sendMedia('audio', i),
      sendDocument: (i) => this.sendDocument(i),
      sendLocation: (i) => this.sendLocation(i),
      sendContact: (i) => this.sendContact(i),
      sendButtons: (i) => this.sendButtons(i),
      sendList: (i) => this.sendList(i),
      readMessage: (i) => this.readMessage(i),
      sendTemplate: (i) => this.sendTemplate(i),
      sendProduct: (i) => this.sendProduct(i),
      sendProductList: (i) => this.sendProductList(i),
      sendFlow: (i) => this.sendFlow(i),
    };
    this.contacts = { checkPhones: (p) => this.checkPhones(p) };
    this.templates = {
      listTemplates: (s) => this.listTemplates(s),
      getTemplate: (id) => this.getTemplate(id),
      createTemplate: (i) => this.createTemplate(i),
      updateTemplate: (id, i) => this.updateTemplate(id, i),
      proposeTemplate: (id) => this.proposeTemplate(id),
      listTemplateCategories: async () => ((await this.client.templateCategories())?.data ?? []).map(toNamedOption),
      listTemplateLanguages: async () => ((await this.client.templateLanguages())?.data ?? []).map(toNamedOption),
    };
    this.media = { getMedia: (id) => this.getMedia(id) };
    this.business = {
      getBusinessProfile: async () => toBusinessProfile(await this.client.businessProfile()),
      updateBusinessProfile: (i) => this.updateBusinessProfile(i),
      getAbout: async () => (await this.client.about())?.settings?.profile?.about?.text ?? null,
      updateAbout: async (text) => {
        await this.client.updateAbout({ text: requireText('input.text', text) });
      },
      getProfilePhoto: async () => (await this.client.profilePhoto())?.settings?.profile?.photo?.link ?? null,
      updateProfilePhoto: (i) => this.updateProfilePhoto(i),
    };
    this.webhookAdmin = {
      listWebhooks: async () => ((await this.client.webhooks())?.data ?? []).map(toWebhookEndpoint),
      pullPendingNotifications: (id) => this.pullPending(id),
    };
    this.reference = { listCountries: async () => ((await this.client.countries())?.data ?? []).map(toCountry) };
  }

  // --- messaging -------------------------------------------------------------------------

  private sent(operation: string, res: WireSendResponse, to: string, content: MessageContent, input: SendOptions): SentMessage {
    const id = res?.messages?.[0]?.id;
    if (typeof id !== 'string' || !id) throw new ProviderError('PROVIDER_ERROR', 'ivosights', operation, 'ivosights answered without a message id');
    return { id, chatId: to, status: 'PENDING', timestamp: Date.now(), content, clientReference: input.clientReference ?? null };
  }

  /** send-text-message (lines 1892-1944): `{wa_id, text}`; no preview, edit or mention fields are documented. */
  private async sendText(input: SendTextInput): Promise<SentMessage> {
    refuseUnsupportedOptions(input);
    const to = waId(input.to);
    const text = requireText('input.text', input.text);
    if (input.editMessageId) throw badInput('input.editMessageId', 'ivosights cannot edit a sent message');
    if (input.mentions?.length) throw badInput('input.mentions', 'ivosights sends have no mentions');
    const res = await this.client.sendTextMessage({ wa_id: to, text });
    return this.sent('send-text-message', res, to, { kind: 'text', body: text }, input);
  }

  /**
   * send-media-message (lines 1275-1330): `{wa_id, type, link}`. Media go by URL only, and
   * the doc has no caption or file-name field, so those are refused rather than dropped.
   */
  private async sendMedia(type: 'image' | 'video' | 'audio' | 'document', input: SendMediaInput, fileName?: string | null): Promise<SentMessage> {
    refuseUnsupportedOptions(input);
    const to = waId(input.to);
    const link = requireHttpUrl('input.media', input.media, 'ivosights sends media by http(s) URL only (link, line 1284)');
    if (input.caption) throw badInput('input.caption', 'ivosights media messages have no caption (line 1284)');
    if (fileName) throw badInput('input.fileName', 'ivosights media messages have no file name (line 1284)');
    const res = await this.client.sendMediaMessage({ wa_id: to, type, link });
    const content: MessageContent = type === 'document' ? { kind: 'document', url: link, mimeType: input.mimeType ?? null } : { kind: type, url: link, mimeType: input.mimeType ?? null };
    return this.sent('send-media-message', res, to, content, input);
  }

  private sendDocument(input: SendDocumentInput): Promise<SentMessage> {
    return this.sendMedia('document', input, input.fileName);
  }

  /** send-location-message (lines 1216-1274): every documented field is sent, `name` and `address` included. */
  private async sendLocation(input: SendLocationInput): Promise<SentMessage> {
    refuseUnsupportedOptions(input);
    const to = waId(input.to);
    if (!Number.isFinite(input.latitude) || input.latitude < -90 || input.latitude > 90) throw badInput('input.latitude', 'must be between -90 and 90');
    if (!Number.isFinite(input.longitude) || input.longitude < -180 || input.longitude > 180) throw badInput('input.longitude', 'must be between -180 and 180');
    const name = requireText('input.name', input.name, 'required by ivosights (line 1225)');
    const address = requireText('input.address', input.address, 'required by ivosights (line 1225)');
    const res = await this.client.sendLocationMessage({ wa_id: to, latitude: input.latitude, longitude: input.longitude, name, address });
    return this.sent('send-location-message', res, to, { kind: 'location', latitude: input.latitude, longitude: input.longitude, name, address }, input);
  }

  /**
   * send-contact-message (lines 1081-1215). Doc choice: the single example fills every
   * vCard field (addresses, birthday, emails, org, urls); the graph's shared contact has a
   * name and phones, so `name.formatted_name` and `phones` are sent, and only those are
   * required (as WhatsApp's contacts object requires the name).
   */
  private async sendContact(input: SendContactInput): Promise<SentMessage> {
    refuseUnsupportedOptions(input);
    const to = waId(input.to);
    if (!input.contacts?.length) throw badInput('input.contacts', 'must hold at least one contact');
    input.contacts.forEach((c, i) => {
      requireText(`input.contacts[${i}].name`, c.name);
      if (!c.phones?.length || c.phones.some((p) => !digits(p))) throw badInput(`input.contacts[${i}].phones`, 'must hold at least one phone number');
    });
    const res = await this.client.sendContactMessage({ wa_id: to, contacts: input.contacts.map(toContactCard) });
    return this.sent('send-contact-message', res, to, { kind: 'contact', contacts: input.contacts }, input);
  }

  /**
   * send-reply-button-message (lines 1945-2023). WhatsApp's button rules are checked
   * (`limits.ts`); IVOWBA's only documented shape has a media header `{type, link}` and a
   * footer (line 1954), so both are required here and the header must be an image, video or
   * document URL.
   */
  private async sendButtons(input: SendButtonsInput): Promise<SentMessage> {
    refuseUnsupportedOptions(input);
    const to = waId(input.to);
    checkReplyButtonsMessage(input);
    if (!input.header) throw badInput('input.header', 'ivosights reply-button messages need a media header (image, video or document URL, line 1954)');
    const kind = headerKinds(input.header)[0];
    if (kind === undefined || kind === 'text') throw badInput('input.header', 'ivosights reply-button headers are media (image, video or document URL, line 1954)');
    const link = requireHttpUrl(`input.header.${kind}`, input.header[kind], 'must be an http(s) URL');
    const footer = requireText('input.footer', input.footer, 'required by ivosights (line 1954)');
    const header: WireInteractiveHeader = { type: kind, link };
    const res = await this.client.sendReplyButtonMessage({ wa_id: to, header, body: input.body, footer, action: { buttons: input.buttons.map((b) => ({ id: b.id, title: b.title })) } });
    return this.sent('send-reply-button-message', res, to, { kind: 'unsupported', type: 'interactive.button', raw: { header, body: input.body, footer, buttons: input.buttons } }, input);
  }

  /**
   * send-list-message (lines 2024-2117): a text header, body, footer, button text and
   * sections of rows; every field of the documented example is required (line 2033), and
   * WhatsApp's list limits ({@link LIST_ROWS_MAX}…) are checked.
   */
  private async sendList(input: SendListInput): Promise<SentMessage> {
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
    const wire = { wa_id: to, header: { type: 'text' as const, text: header }, body, footer, action: { button, sections } };
    const res = await this.client.sendListMessage(wire);
    return this.sent('send-list-message', res, to, { kind: 'unsupported', type: 'interactive.list', raw: { header, body, footer, button, sections } }, input);
  }

  /** PUT messages/{id}/read (lines 2351-2387). */
  private async readMessage(input: ReadMessageInput): Promise<void> {
    await this.client.markRead(requireText('input.messageId', input.messageId));
  }

  /**
   * send-template-message (lines 1331-1891): the template id and its component values.
   * Each parameter must carry what its type needs (text, a media link, a document file name —
   * present in every documented document example, line 1555 — or a flow token).
   */
  private async sendTemplate(input: SendTemplateInput): Promise<SentMessage> {
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
    const res = await this.client.sendTemplateMessage({ wa_id: to, template_id: templateId, components });
    return this.sent('send-template-message', res, to, { kind: 'unsupported', type: 'template', raw: { templateId, components } }, input);
  }

  /** send-single-product-message (lines 2118-2180): body, footer, catalog and product ids all required (line 2127). */
  private async sendProduct(input: SendProductInput): Promise<SentMessage> {
    refuseUnsupportedOptions(input);
    const to = waId(input.to);
    const wire = {
      wa_id: to,
      body: requireText('input.body', input.body),
      footer: requireText('input.footer', input.footer, 'required by ivosights (line 2127)'),
      action: { catalog_id: requireText('input.catalogId', input.catalogId), product_retailer_id: requireText('input.productRetailerId', input.productRetailerId) },
    };
    const res = await this.client.sendSingleProductMessage(wire);
    return this.sent('send-single-product-message', res, to, { kind: 'unsupported', type: 'product', raw: { catalogId: wire.action.catalog_id, productRetailerId: wire.action.product_retailer_id } }, input);
  }

  /** send-multi-product-message (lines 2181-2265): a plain-string header, body, footer and sections of products (line 2190). */
  private async sendProductList(input: SendProductListInput): Promise<SentMessage> {
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
    const res = await this.client.sendMultiProductMessage({ wa_id: to, header, body, footer, action: { catalog_id: catalogId, sections } });
    return this.sent('send-multi-product-message', res, to, { kind: 'unsupported', type: 'product_list', raw: { catalogId, sections } }, input);
  }

  /** send-flow-message (lines 2266-2350): a text header, body, footer and the flow parameters; `screen` required (line 2275). */
  private async sendFlow(input: SendFlowInput): Promise<SentMessage> {
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
      flow_action_payload: { screen: requireText('input.screen', input.screen, 'required by ivosights (flow_action_payload.screen, line 2275)'), ...(input.data ? { data: input.data } : {}) },
      ...(input.flowToken ? { flow_token: input.flowToken } : {}),
    };
    const res = await this.client.sendFlowMessage({ wa_id: to, header: { type: 'text', text: headerText }, body, footer, action: { parameters } });
    return this.sent('send-flow-message', res, to, { kind: 'unsupported', type: 'flow', raw: { flowId: parameters.flow_id, flowCta: parameters.flow_cta, screen: parameters.flow_action_payload.screen } }, input);
  }

  // --- contacts --------------------------------------------------------------------------

  /** contacts/check (lines 18-79): one request for all phones, sent with a leading `+`; `wa_id` → `waId`. */
  private async checkPhones(phones: string[]): Promise<PhoneCheck[]> {
    if (!phones.length) return [];
    phones.forEach((p, i) => {
      if (!digits(p)) throw badInput(`input.phones[${i}]`, 'must be a phone number');
    });
    const res = await this.client.checkContacts({ contacts: phones.map(toCheckNumber) });
    return toPhoneChecks(phones, res);
  }

  // --- templates -------------------------------------------------------------------------

  private async listTemplates(scope: TemplateScope) {
    const res = scope === 'ALL' ? await this.client.allTemplates() : await this.client.myTemplates();
    const p = res?.meta?.pagination;
    return { items: (res?.data ?? []).map(toTemplate), hasNextPage: p ? p.current_page < p.total_pages : false };
  }

  private async getTemplate(templateId: string): Promise<MessageTemplate | null> {
    requireText('input.templateId', templateId);
    try {
      return toTemplate(await this.client.showTemplate(templateId));
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** Checks a template definition before create / update (shapes of lines 406-720). */
  private checkTemplate(input: TemplateInput): void {
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

  /** Reads the (undocumented) answer of create / update: a template object, bare or under `data`, when there is one. */
  private templateFromAnswer(answer: unknown): MessageTemplate | null {
    const candidate = (answer && typeof answer === 'object' && 'data' in answer ? (answer as { data: unknown }).data : answer) as Partial<WireTemplate> | null;
    if (candidate && typeof candidate === 'object' && typeof candidate.id === 'string' && typeof candidate.label === 'string') return toTemplate(candidate as WireTemplate);
    return null;
  }

  private async createTemplate(input: TemplateInput): Promise<MessageTemplate | null> {
    this.checkTemplate(input);
    return this.templateFromAnswer(await this.client.createTemplate(toTemplateRequest(input)));
  }

  private async updateTemplate(templateId: string, input: TemplateInput): Promise<MessageTemplate | null> {
    requireText('input.templateId', templateId);
    this.checkTemplate(input);
    return this.templateFromAnswer(await this.client.updateTemplate(templateId, toTemplateRequest(input)));
  }

  private async proposeTemplate(templateId: string): Promise<void> {
    await this.client.proposeTemplate(requireText('input.templateId', templateId));
  }

  // --- media, business -------------------------------------------------------------------

  private async getMedia(mediaId: string) {
    requireText('input.mediaId', mediaId);
    try {
      const { bytes, contentType } = await this.client.media(mediaId);
      return toMedia(mediaId, contentType, bytes);
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** POST business-profile (lines 2444-2504): every field of the example is sent. */
  private async updateBusinessProfile(input: BusinessProfileInput): Promise<void> {
    for (const f of ['address', 'description', 'email', 'vertical'] as const) requireText(`input.${f}`, input[f], 'required by ivosights (line 2452)');
    if (!Array.isArray(input.websites)) throw badInput('input.websites', 'required by ivosights (line 2452)');
    await this.client.updateBusinessProfile(toBusinessProfileRequest(input));
  }

  /** POST profiles/photo (lines 2658-2701): the `data:` URI's bytes as the multipart `photo` part. */
  private async updateProfilePhoto(input: ProfilePhotoInput): Promise<void> {
    const m = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(input.photo ?? '');
    if (!m) throw badInput('input.photo', 'must be a base64 data: URI');
    const mimeType = m[1]!.toLowerCase();
    if (!PROFILE_PHOTO_TYPES.includes(mimeType)) throw badInput('input.photo', `must be one of ${PROFILE_PHOTO_TYPES.join(', ')}`);
    const bytes = Buffer.from(m[2]!, 'base64');
    if (!bytes.byteLength) throw badInput('input.photo', 'must not be empty');
    await this.client.updateProfilePhoto({ bytes, mimeType, fileName: mimeType === 'image/png' ? 'photo.png' : 'photo.jpg' });
  }

  // --- webhook admin and the puller ------------------------------------------------------

  /**
   * Pulls pending notifications of one webhook (or of every webhook the account lists) and
   * parses them with the webhook parser. A pulled payload that cannot be read becomes an
   * `INSTANCE_EVENT` `UNREADABLE_NOTIFICATION` (id from its content), so nothing is dropped.
   */
  private async pullPending(webhookId?: string | null): Promise<DomainEvent[]> {
    const ids = webhookId ? [webhookId] : this.config.webhookId ? [this.config.webhookId] : ((await this.client.webhooks())?.data ?? []).map((w) => String(w.id));
    const events: DomainEvent[] = [];
    const now = Date.now();
    for (const id of ids) {
      for (const payload of pendingPayloads(await this.client.pullPendingNotifications(id))) {
        try {
          events.push(...parseNotification(this.instanceId, payload, now));
        } catch {
          events.push({ type: 'INSTANCE_EVENT', id: stableEventId('ivosights', this.instanceId, 'pending', JSON.stringify(payload)), instanceId: this.instanceId, occurredAt: now, kind: 'UNREADABLE_NOTIFICATION', raw: payload });
        }
      }
    }
    return events;
  }

  /** Starts the puller when `pullIntervalMs` is set (not on sandbox instances: the Sandbox has no pull endpoint, lines 3137-3145). */
  start(sink: EventSink): void {
    const every = this.config.pullIntervalMs;
    if (!every || this.timer) return;
    if (this.config.sandbox) {
      this.logger.info('ivosights puller not started: the sandbox has no pull endpoint');
      return;
    }
    this.stopped = false;
    const tick = async (): Promise<void> => {
      try {
        const events = await this.pullPending();
        if (events.length) await sink.accept(events);
      } catch (err) {
        this.logger.warn({ code: (err as { code?: string }).code ?? 'ERROR' }, 'ivosights pending-notification pull failed');
      }
    };
    const schedule = (): void => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.inFlight = tick().finally(() => {
          this.inFlight = null;
          schedule();
        });
      }, Math.max(MIN_PULL_INTERVAL_MS, every));
      this.timer.unref?.();
    };
    schedule();
  }

  /** Stops the puller and waits for a pull in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }
}
