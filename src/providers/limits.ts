import { badInput } from '../errors.js';
import type { InteractiveHeader, ReplyButton } from './model.js';

/**
 * Every limit the graph checks before a provider request, named, each with its source: a
 * provider doc line (`zixflow.txt 110`, `z-api.txt 10849`), WhatsApp's own rule where the
 * providers pass WhatsApp's limit through and no doc line states it, or "ours" for an
 * operational bound the graph sets itself. Provider-neutral, so the resolver layer and every
 * provider check the same named constants (DESIGN.md, "Limits that the docs state … are
 * named constants checked before the call"). A provider's own, narrower limit (a bulk
 * request size, say) stays in its folder. The provider docs state few limits (the catalogs
 * note "no … limits are documented" for Ivosights' list and reply-button sends), so most of
 * these are WhatsApp's rules, said so on each.
 *
 * Reply buttons follow the WhatsApp Cloud API interactive-message rules that the providers
 * pass through: 1 to 3 reply buttons, a title of at most 20 characters, ids unique within the
 * message and at most 256 characters; header text 60, body 1024, footer 60 characters (the
 * same numbers zixflow.txt states at lines 61, 110/120 and 129/139).
 */

// ---- Interactive reply-button messages -------------------------------------------------

/** Fewest reply buttons a message may carry. WhatsApp's own rule; zixflow.txt 147 documents `action.buttons` without a count. */
export const REPLY_BUTTONS_MIN = 1;
/** Most reply buttons a message may carry. WhatsApp's own rule (3); no provider doc line states it. */
export const REPLY_BUTTONS_MAX = 3;
/** Longest reply-button title, characters (Unicode code points). WhatsApp's own rule (20); zixflow.txt 165 documents `title` without a length. */
export const REPLY_BUTTON_TITLE_MAX = 20;
/** Longest reply-button id, characters. WhatsApp's own rule (256); zixflow.txt 159 documents `id` without a length. */
export const REPLY_BUTTON_ID_MAX = 256;
/** Longest interactive header text, characters (zixflow.txt 61). */
export const INTERACTIVE_HEADER_TEXT_MAX = 60;
/** Longest interactive body text, characters (zixflow.txt 110, 120): also the body of list, product and flow messages, WhatsApp's one interactive body limit. */
export const INTERACTIVE_BODY_MAX = 1024;
/** Longest interactive footer text, characters (zixflow.txt 129, 139). */
export const INTERACTIVE_FOOTER_MAX = 60;

/** Length in characters as WhatsApp counts them (code points, so an emoji is one, not two UTF-16 units). */
export function charLength(text: string): number {
  return [...text].length;
}

/**
 * Checks WhatsApp's reply-button rules: {@link REPLY_BUTTONS_MIN}..{@link REPLY_BUTTONS_MAX}
 * buttons, each with a non-empty id of at most {@link REPLY_BUTTON_ID_MAX} characters, unique
 * in the message, and a non-empty title of at most {@link REPLY_BUTTON_TITLE_MAX} characters.
 * @param field the input path of the list (`input.buttons`); items are named `input.buttons[1].title`
 * @throws GraphError `BAD_USER_INPUT` naming the first offending field
 */
export function checkReplyButtons(buttons: readonly ReplyButton[], field = 'input.buttons'): void {
  if (buttons.length < REPLY_BUTTONS_MIN || buttons.length > REPLY_BUTTONS_MAX) {
    throw badInput(field, `must have ${REPLY_BUTTONS_MIN} to ${REPLY_BUTTONS_MAX} reply buttons (got ${buttons.length})`);
  }
  const seen = new Set<string>();
  buttons.forEach((b, i) => {
    const id = typeof b.id === 'string' ? b.id : '';
    const title = typeof b.title === 'string' ? b.title : '';
    if (!id.trim()) throw badInput(`${field}[${i}].id`, 'must not be empty');
    if (charLength(id) > REPLY_BUTTON_ID_MAX) throw badInput(`${field}[${i}].id`, `must be at most ${REPLY_BUTTON_ID_MAX} characters`);
    if (seen.has(id)) throw badInput(`${field}[${i}].id`, 'must be unique among the buttons');
    seen.add(id);
    if (!title.trim()) throw badInput(`${field}[${i}].title`, 'must not be empty');
    if (charLength(title) > REPLY_BUTTON_TITLE_MAX) throw badInput(`${field}[${i}].title`, `must be at most ${REPLY_BUTTON_TITLE_MAX} characters`);
  });
}

/**
 * Checks a whole reply-buttons message against WhatsApp's rules: the buttons (see
 * {@link checkReplyButtons}), a non-empty body of at most {@link INTERACTIVE_BODY_MAX}
 * characters, a footer of at most {@link INTERACTIVE_FOOTER_MAX}, and a header that is exactly
 * one of text (at most {@link INTERACTIVE_HEADER_TEXT_MAX} characters), image, video or document.
 * @param input `body`, `buttons`, optional `header` and `footer`; field names are reported under `input.`
 * @throws GraphError `BAD_USER_INPUT` naming the first offending field (`input.footer`, `input.buttons[1].title`…)
 */
export function checkReplyButtonsMessage(input: { body: string; buttons: readonly ReplyButton[]; header?: InteractiveHeader | null; footer?: string | null }): void {
  if (typeof input.body !== 'string' || !input.body.trim()) throw badInput('input.body', 'must not be empty');
  if (charLength(input.body) > INTERACTIVE_BODY_MAX) throw badInput('input.body', `must be at most ${INTERACTIVE_BODY_MAX} characters`);
  if (input.footer != null && charLength(input.footer) > INTERACTIVE_FOOTER_MAX) {
    throw badInput('input.footer', `must be at most ${INTERACTIVE_FOOTER_MAX} characters`);
  }
  if (input.header) {
    const kinds = headerKinds(input.header);
    if (kinds.length !== 1) throw badInput('input.header', 'must set exactly one of text, image, video or document');
    if (input.header.text != null && charLength(input.header.text) > INTERACTIVE_HEADER_TEXT_MAX) {
      throw badInput('input.header.text', `must be at most ${INTERACTIVE_HEADER_TEXT_MAX} characters`);
    }
  }
  checkReplyButtons(input.buttons);
}

/** The header kinds set (non-empty) on an interactive header, in a fixed order. */
export function headerKinds(header: InteractiveHeader): Array<'text' | 'image' | 'video' | 'document'> {
  return (['text', 'image', 'video', 'document'] as const).filter((k) => typeof header[k] === 'string' && header[k] !== '');
}

// ---- Messages ------------------------------------------------------------------------------

/** Longest text message, characters. WhatsApp's own rule (4096); no provider doc line states it. */
export const MAX_TEXT_LENGTH = 4096;
/** Longest media caption, characters. WhatsApp's own rule (1024); no provider doc line states it. */
export const MAX_CAPTION_LENGTH = 1024;
/** Longest reaction: one emoji, which may be a sequence of up to this many code points (flags, skin tones, ZWJ families). Ours. */
export const MAX_REACTION_EMOJI_LENGTH = 10;
/** Most contact cards in one message. Ours (WhatsApp's share sheet stops at about this many); no provider doc line states one. */
export const MAX_SHARED_CONTACTS = 20;
/**
 * Most messages one `sendBulk` call takes. Ours: a bound on one GraphQL call; the provider
 * splits them into its own request sizes (zivo.txt 71 documents 100 per request).
 */
export const MAX_BULK_MESSAGES = 10_000;

/**
 * Most phones one `phoneChecks` query and one batched existence check ask for. Ours: the
 * providers' own caps are higher ("The maximum number of batch validations per request is
 * 50,000 numbers", z-api.txt 6013).
 */
export const MAX_PHONE_BATCH = 1_000;

// ---- Business profile ---------------------------------------------------------------------

/** Longest profile "about" text, characters. WhatsApp's own rule (139); no provider doc line states it. */
export const MAX_ABOUT_LENGTH = 139;
/** Longest business description, characters. WhatsApp's own rule (512); no provider doc line states it. */
export const MAX_BUSINESS_DESCRIPTION_LENGTH = 512;
/** Longest business address, characters. WhatsApp's own rule (256); no provider doc line states it. */
export const MAX_BUSINESS_ADDRESS_LENGTH = 256;
/** Most business websites: "A company can only have two (2) registered websites" (z-api.txt 10849). */
export const MAX_BUSINESS_WEBSITES = 2;
/**
 * Largest profile photo accepted, characters of the data URI: WhatsApp's 5 MB profile-photo
 * rule (no provider doc line states it) plus base64's third and room for the `data:` prefix.
 */
export const MAX_PHOTO_DATA_URI_LENGTH = Math.ceil((5 * 1024 * 1024 * 4) / 3) + 100;

// ---- Message templates ---------------------------------------------------------------------

/** Longest template label, characters. WhatsApp's template-name rule (512); no provider doc line states it. */
export const MAX_TEMPLATE_LABEL_LENGTH = 512;
/** Longest template body, characters. WhatsApp's own rule (1024); no provider doc line states it. */
export const MAX_TEMPLATE_BODY_LENGTH = 1024;
/** Longest template header or footer text, characters. WhatsApp's own rule (60); no provider doc line states it. */
export const MAX_TEMPLATE_HEADER_FOOTER_LENGTH = 60;
/** Most buttons on a template. WhatsApp's own rule (10); no provider doc line states it. */
export const MAX_TEMPLATE_BUTTONS = 10;

// ---- Groups and communities -----------------------------------------------------------------

/** Longest group name (subject), characters. WhatsApp's own rule (100); no provider doc line states it. */
export const MAX_GROUP_NAME_LENGTH = 100;
/** Longest group description, characters. WhatsApp's own rule (2048); no provider doc line states it. */
export const MAX_GROUP_DESCRIPTION_LENGTH = 2048;
/** Most participants one change may name: WhatsApp's largest group (1024); no provider doc line states it. */
export const MAX_GROUP_PARTICIPANTS = 1024;
/** Longest community name, characters. WhatsApp's own rule (100); no provider doc line states it. */
export const MAX_COMMUNITY_NAME_LENGTH = 100;
/** Longest community description, characters. WhatsApp's own rule (2048); no provider doc line states it. */
export const MAX_COMMUNITY_DESCRIPTION_LENGTH = 2048;
/** Longest invitation link accepted, characters. Ours: bounds what is sent. */
export const MAX_INVITE_URL_LENGTH = 200;
/** Longest community id accepted, characters. Ours: bounds what is sent. */
export const MAX_COMMUNITY_ID_LENGTH = 64;

// ---- Labels and catalog ---------------------------------------------------------------------

/** Longest label name accepted, characters. Ours: the providers state none; this bounds what is sent. */
export const MAX_LABEL_NAME_LENGTH = 100;
/** Longest product or collection name accepted, characters. Ours: the providers state none. */
export const MAX_CATALOG_NAME_LENGTH = 200;
/** Longest product description accepted, characters. Ours: the providers state none. */
export const MAX_PRODUCT_DESCRIPTION_LENGTH = 5000;
/** Most product ids in one collection mutation. Ours: the providers state none. */
export const MAX_COLLECTION_PRODUCT_IDS = 100;

// ---- Identifiers (ours) ----------------------------------------------------------------------

/** Longest message, template or media id accepted, characters. Ours: provider ids are far shorter; this bounds what is sent. */
export const MAX_MESSAGE_ID_LENGTH = 200;
/** Longest label, product, retailer or collection id accepted, characters. Ours: bounds what is sent. */
export const MAX_ID_LENGTH = 100;
/** Longest contact-card name accepted, characters. Ours: bounds what is sent. */
export const MAX_CONTACT_NAME_LENGTH = 200;

// ---- Checks ---------------------------------------------------------------------------------

/**
 * Checks a string field's length in characters as WhatsApp counts them ({@link charLength});
 * null and undefined pass (optional fields).
 * @param min 1 for a required, non-empty field ("must not be empty")
 * @throws GraphError BAD_USER_INPUT naming `field` when shorter than `min` or longer than `max`
 */
export function checkLength(value: string | null | undefined, field: string, max: number, min = 0): void {
  if (value == null) return;
  const length = charLength(value);
  if (length < min) throw badInput(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if (length > max) throw badInput(field, `must be at most ${max} characters (got ${length})`);
}

/**
 * Checks that a media reference is one the providers take: an http(s) URL or a base64 data URI
 * (`data:image/png;base64,…`).
 * @throws GraphError BAD_USER_INPUT naming `field` otherwise
 */
export function checkMediaRef(value: string, field: string): void {
  if (/^data:[\w.+-]+\/[\w.+-]+(;[\w=.+-]+)*;base64,/.test(value)) return;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return;
  } catch {
    // not a URL: fall through to the error
  }
  throw badInput(field, 'must be an http(s) URL or a base64 data URI');
}
