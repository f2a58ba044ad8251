/**
 * Ivosights IVOWBA JSON shapes, exactly as ivosights-ivowba.txt spells them (snake_case,
 * the provider's own field names kept). Nothing outside `src/providers/ivosights/` sees
 * these; `mapping.ts` converts them to and from `model.ts`.
 *
 * Line numbers refer to the provider's published documentation, ivosights-ivowba.txt (`ivosightsModule.docSource`).
 */

/** Every response that carries it: `{api_status, version}` (lines 73-76). */
export interface WireMeta {
  api_status?: string;
  version?: string;
  pagination?: WirePagination;
}

/** `meta.pagination` of the template lists (lines 262-271). */
export interface WirePagination {
  total: number;
  count: number;
  per_page: number;
  current_page: number;
  total_pages: number;
  links?: unknown;
}

// --- Contact (lines 18-79) -------------------------------------------------------------

/** POST /api/v1/contacts/check body (line 27): international numbers with a leading `+`. */
export interface WireContactCheckRequest {
  contacts: string[];
}
/** One checked number (lines 63-71): `wa_id` only when `status` is `valid`. */
export interface WireContactCheckResult {
  input: string;
  status: 'valid' | 'invalid' | string;
  wa_id?: string;
}
/** Contact check response (lines 61-77). */
export interface WireContactCheckResponse {
  contacts: WireContactCheckResult[];
  meta?: WireMeta;
}

// --- Country (lines 80-134) ------------------------------------------------------------

/** One country (lines 117-123). */
export interface WireCountry {
  id: string;
  name: string;
  dial_code: string;
  iso: string;
  iso3: string;
}
/** GET /api/v1/countries response. */
export interface WireCountriesResponse {
  data: WireCountry[];
}

// --- Media (lines 135-176) -------------------------------------------------------------

/** The documented 404 body of GET /api/v1/media/{id} (lines 171-174). */
export interface WireMessageError {
  message: string;
}

// --- Message templates (lines 177-1079) ------------------------------------------------

/** A button inside a template's BUTTONS component (lines 243-254). */
export interface WireTemplateButton {
  type: 'URL' | 'PHONE_NUMBER' | string;
  text?: string;
  url?: string;
  url_type?: 'dynamic' | string;
  phone_number?: string;
  country_code?: string;
  examples?: string[];
  /** The spelling of the PHP dynamic-URL example (line 700) and of Update template (line 861). */
  example?: string[];
  otp_type?: string;
}

/** A template component as the template endpoints return it (lines 220-256, 369-378). */
export interface WireTemplateComponent {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS' | string;
  format?: string;
  text?: string;
  /** `{"{{1}}": null}` for placeholders, `[]` when there are none (lines 225-240). */
  parameters?: Record<string, unknown> | unknown[];
  examples?: string[];
  buttons?: WireTemplateButton[];
  otp?: Array<{ otp_type: string; text: string }>;
  add_security_recommendation?: boolean;
  code_expiration_minutes?: number;
}

/** A template (lines 212-259; Show template returns it unwrapped, lines 802-850). */
export interface WireTemplate {
  id: string;
  label: string;
  template_name?: string | null;
  /** WhatsApp's numeric id (`408466377096510`). */
  template_id?: number | string | null;
  status: string;
  category_id: string;
  language_id: string;
  components: WireTemplateComponent[];
  histories?: unknown[];
  /** ISO 8601 with microseconds (`2021-05-10T05:13:23.843000Z`). */
  created_at?: string | null;
  updated_at?: string | null;
  /** AUTHENTICATION templates as created (line 720); kept when the provider echoes them. */
  otp?: Array<{ otp_type: string; text: string }>;
  add_security_recommendation?: boolean;
  code_expiration_minutes?: number;
}

/** Fetch My / All Templates response (lines 210-272). */
export interface WireTemplateListResponse {
  data: WireTemplate[];
  meta?: WireMeta;
}

/** Template category / language (lines 1014-1025, 1064-1075). */
export interface WireNamedOption {
  id: string;
  name: string;
}
/** GET /api/v1/template-categories and /template-languages response. */
export interface WireNamedOptionsResponse {
  data: WireNamedOption[];
}

/** A button of a template to create / update (lines 534, 625, 861). */
export interface WireTemplateButtonRequest {
  type: 'URL' | 'PHONE_NUMBER';
  text: string;
  url?: string;
  url_type?: 'dynamic';
  examples?: string[];
  country_code?: string;
  phone_number?: string;
}

/** POST /api/v1/message-templates and PUT /api/v1/message-templates/{id} body (lines 406, 471, 534, 625, 720, 861). */
export interface WireTemplateRequest {
  label: string;
  category_id: string;
  language_id: string;
  is_propose: boolean;
  header?: { format: string; text?: string; examples: string[] };
  body?: { text: string; examples: string[] };
  /** A plain string here (line 406), unlike the FOOTER component of the responses. */
  footer?: string;
  buttons?: WireTemplateButtonRequest[];
  otp?: Array<{ otp_type: string; text: string }>;
  add_security_recommendation?: boolean;
  code_expiration_minutes?: number;
}

// --- Messages (lines 1080-2387) --------------------------------------------------------

/** Every send's response (lines 1207-1213). */
export interface WireSendResponse {
  messages: Array<{ id: string }>;
  meta?: WireMeta;
}

/** A contact card as sent and received (lines 1090, 2848-2899). */
export interface WireContactCard {
  addresses?: Array<{ city?: string; country?: string; country_code?: string; state?: string; street?: string; type?: string; zip?: string }>;
  birthday?: string;
  emails?: Array<{ email?: string; type?: string }>;
  ims?: Array<{ service?: string; user_id?: string }>;
  name?: { formatted_name?: string; first_name?: string; last_name?: string };
  org?: { company?: string; department?: string; title?: string };
  phones?: Array<{ phone?: string; type?: string; wa_id?: string }>;
  urls?: Array<{ url?: string; type?: string }>;
}

/** POST send-text-message (line 1901). */
export interface WireSendText {
  wa_id: string;
  text: string;
}
/** POST send-location-message (line 1225). */
export interface WireSendLocation {
  wa_id: string;
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}
/** POST send-contact-message (line 1090). */
export interface WireSendContact {
  wa_id: string;
  contacts: WireContactCard[];
}
/** POST send-media-message (line 1284): media by URL only; no caption or filename is documented. */
export interface WireSendMedia {
  wa_id: string;
  type: 'image' | 'audio' | 'video' | 'document' | 'sticker';
  link: string;
}

/** One template parameter (lines 1390, 1470, 1555, 1744). */
export interface WireTemplateParameter {
  type: 'text' | 'image' | 'video' | 'document' | 'action';
  text?: string;
  image?: { link: string };
  video?: { link: string };
  document?: { link: string; filename?: string };
  action?: { flow_token: string };
}
/** One component of a template send (lines 1340-1814). */
export interface WireTemplateSendComponent {
  type: 'header' | 'body' | 'button';
  sub_type?: string;
  index?: number;
  parameters?: WireTemplateParameter[];
}
/** POST send-template-message (lines 1340, 1390). */
export interface WireSendTemplate {
  wa_id: string;
  template_id: string;
  components: WireTemplateSendComponent[];
}

/** Interactive header of reply-button / list / flow sends (lines 1954, 2033, 2275). */
export interface WireInteractiveHeader {
  type: 'text' | 'image' | 'video' | 'document';
  text?: string;
  link?: string;
}
/** POST send-reply-button-message (line 1954). */
export interface WireSendReplyButton {
  wa_id: string;
  header: WireInteractiveHeader;
  body: string;
  footer: string;
  action: { buttons: Array<{ id: string; title: string }> };
}
/** POST send-list-message (line 2033). */
export interface WireSendList {
  wa_id: string;
  header: WireInteractiveHeader;
  body: string;
  footer: string;
  action: { button: string; sections: Array<{ title: string; rows: Array<{ id: string; title: string; description: string }> }> };
}
/** POST send-single-product-message (line 2127). */
export interface WireSendSingleProduct {
  wa_id: string;
  body: string;
  footer: string;
  action: { catalog_id: string; product_retailer_id: string };
}
/** POST send-multi-product-message (line 2190): `header` is a plain string here. */
export interface WireSendMultiProduct {
  wa_id: string;
  header: string;
  body: string;
  footer: string;
  action: { catalog_id: string; sections: Array<{ title: string; product_items: Array<{ product_retailer_id: string }> }> };
}
/** POST send-flow-message (line 2275). */
export interface WireSendFlow {
  wa_id: string;
  header: WireInteractiveHeader;
  body: string;
  footer: string;
  action: {
    parameters: {
      flow_message_version: string;
      flow_id: string;
      flow_cta: string;
      flow_action: string;
      flow_action_payload: { screen: string; data?: Record<string, unknown> };
      flow_token?: string;
    };
  };
}

// --- Settings (lines 2388-2701) --------------------------------------------------------

/** The business profile fields (lines 2426-2434, body of line 2452). */
export interface WireBusinessProfile {
  address: string;
  description: string;
  email: string;
  vertical: string;
  websites: string[];
}
/** GET /api/v1/settings/business-profile response (lines 2423-2441). */
export interface WireBusinessProfileResponse {
  settings: { business: { profile: Partial<WireBusinessProfile> } };
  meta?: WireMeta;
}
/** GET /api/v1/settings/profiles/about response (lines 2538-2550). */
export interface WireAboutResponse {
  settings: { profile: { about: { text: string } } };
  meta?: WireMeta;
}
/** PATCH /api/v1/settings/profiles/about body (line 2561). */
export interface WireAboutRequest {
  text: string;
}
/** GET /api/v1/settings/profiles/photo response (lines 2643-2655). */
export interface WirePhotoResponse {
  settings: { profile: { photo: { link: string } } };
  meta?: WireMeta;
}

// --- Webhooks (lines 2702-2793) --------------------------------------------------------

/** One webhook endpoint (lines 2739-2751). `status` and `http_auth.status` are `on` / `off`. */
export interface WireWebhook {
  id: string;
  name: string;
  url: string;
  events: string[];
  headers: unknown[];
  status: 'on' | 'off' | string;
  http_auth?: { status: 'on' | 'off' | string; username?: string; password?: string };
}
/** GET /api/v1/webhooks response. */
export interface WireWebhooksResponse {
  data: WireWebhook[];
}

// --- Notifications (lines 2794-3135) ---------------------------------------------------

/** `contacts[]` of an inbound notification (lines 2799-2804). */
export interface WireNotificationContact {
  profile?: { name?: string };
  wa_id: string;
}

/** A media object of an inbound message (lines 2914-2920, 2965-2978). */
export interface WireInboundMedia {
  id: string;
  file?: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  metadata?: Record<string, unknown>;
}

/** One inbound message (lines 2805-2813 and the following examples). */
export interface WireInboundMessage {
  from: string;
  id: string;
  /** Epoch **seconds**, as a string (`"1518694235"`). */
  timestamp: string;
  type: 'text' | 'location' | 'contacts' | 'image' | 'document' | 'voice' | 'audio' | 'video' | 'sticker' | 'system' | string;
  text?: { body: string };
  location?: { address?: string; latitude: number; longitude: number; name?: string; url?: string };
  contacts?: WireContactCard[];
  image?: WireInboundMedia;
  document?: WireInboundMedia;
  voice?: WireInboundMedia;
  audio?: WireInboundMedia;
  video?: WireInboundMedia;
  sticker?: WireInboundMedia;
  /** Set when the customer replied to one of your messages (lines 2991-2994); `forwarded` / `frequently_forwarded` as the WhatsApp Business API adds them (not in the doc). */
  context?: { from?: string; id: string; forwarded?: boolean; frequently_forwarded?: boolean };
  /**
   * Not in the doc's examples: WhatsApp Business API's inbound `button` (a template quick
   * reply: `text`, `payload`), `interactive` (`button_reply` / `list_reply` {id, title,
   * description}) and `reaction` ({message_id, emoji}), the answers to what IVOWBA sends.
   */
  button?: { text?: string; payload?: string };
  interactive?: { type?: string; button_reply?: { id?: string; title?: string }; list_reply?: { id?: string; title?: string; description?: string } };
  reaction?: { message_id?: string; emoji?: string };
  /** `type: system` (lines 3009-3013). */
  system?: { body?: string; new_wa_id?: string; type: 'user_changed_number' | string };
}

/** One error of a failed status (lines 3097-3100, 3111-3115). */
export interface WireStatusError {
  code: number | string;
  title: string;
  href?: string;
  details?: string;
}

/** One status notification (lines 3026-3044 and following). */
export interface WireStatus {
  id: string;
  recipient_id: string;
  status: 'sent' | 'delivered' | 'read' | 'deleted' | 'failed' | string;
  /** Epoch **seconds**, as a string. */
  timestamp: string;
  type?: string;
  conversation?: { expiration_timestamp?: number; id?: string; origin?: { type?: string } };
  pricing?: { billable?: boolean; category?: string; pricing_model?: string };
  errors?: WireStatusError[];
}

/** A webhook notification body: inbound messages, statuses, or both. */
export interface WireNotification {
  contacts?: WireNotificationContact[];
  messages?: WireInboundMessage[];
  statuses?: WireStatus[];
}
