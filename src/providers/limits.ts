import { badInput } from '../errors.js';
import type { InteractiveHeader, ReplyButton } from './model.js';

/**
 * WhatsApp's own rules for interactive reply-button messages: provider-neutral, so the
 * resolver layer and every provider that sends reply buttons (Zixflow, Ivosights) check the
 * same named constants before any HTTP request (DESIGN.md, "Limits that the docs state … are
 * named constants checked before the call").
 *
 * Source: the WhatsApp Cloud API interactive-message rules that the providers pass through:
 * 1 to 3 reply buttons, a title of at most 20 characters, ids unique within the message and at
 * most 256 characters; header text 60, body 1024, footer 60 characters (the same numbers
 * zixflow.txt states at lines 61, 76/120 and 129/139).
 */

/** Fewest reply buttons a message may carry. */
export const REPLY_BUTTONS_MIN = 1;
/** Most reply buttons a message may carry. */
export const REPLY_BUTTONS_MAX = 3;
/** Longest reply-button title, characters (Unicode code points). */
export const REPLY_BUTTON_TITLE_MAX = 20;
/** Longest reply-button id, characters. */
export const REPLY_BUTTON_ID_MAX = 256;
/** Longest interactive header text, characters. */
export const INTERACTIVE_HEADER_TEXT_MAX = 60;
/** Longest interactive body text, characters. */
export const INTERACTIVE_BODY_MAX = 1024;
/** Longest interactive footer text, characters. */
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
