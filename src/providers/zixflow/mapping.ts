import { badInput } from '../../errors.js';
import { charLength, checkReplyButtons, headerKinds } from '../limits.js';
import type { ButtonsContent, SendButtonsInput, SentMessage } from '../model.js';
import type { ZixflowHeader, ZixflowInteractive, ZixflowSendRequest } from './wire.js';

/**
 * Zixflow wire <-> model: the only place that normalises Zixflow's shapes.
 */

/**
 * Header text limit, characters. zixflow.txt line 61 (the header description) says 60; the
 * `header.type`/`header.text` entries (lines 76, 85) repeat the body's 1024, a copy of the body
 * description. whatsgraph enforces 60, which is also WhatsApp's header limit.
 */
export const ZIXFLOW_HEADER_TEXT_MAX = 60;
/** Body text limit, characters (zixflow.txt lines 110, 120). */
export const ZIXFLOW_BODY_MAX = 1024;
/** Footer text limit, characters (zixflow.txt lines 129, 139). */
export const ZIXFLOW_FOOTER_MAX = 60;
/** The pass-through fields of `SendButtonsInput.extra` and their types (zixflow.txt lines 168-182). */
export const ZIXFLOW_EXTRA_FIELDS = { source: 'string', linkWithRecord: 'boolean', submissionStatus: 'boolean' } as const;

/**
 * A reply-buttons send as Zixflow's request body. Every documented limit is checked here, before
 * any request: header text {@link ZIXFLOW_HEADER_TEXT_MAX}, body {@link ZIXFLOW_BODY_MAX}, footer
 * {@link ZIXFLOW_FOOTER_MAX} characters; the buttons by WhatsApp's rules (`limits.ts`: 1..3, titles
 * ≤ 20, unique ids); media headers must be http(s) URLs (lines 90, 95, 100); `extra` may carry only
 * `source` (string), `linkWithRecord` and `submissionStatus` (booleans).
 * @param phoneId the instance's configured sender phone id
 * @throws GraphError `BAD_USER_INPUT` naming the field (`input.footer`, `input.buttons[1].title`, `input.header.image`…)
 */
export function toSendRequest(input: SendButtonsInput, phoneId: string): ZixflowSendRequest {
  // The documented body has no quote field (zixflow.txt 17-182): refused rather than dropped.
  if (input.replyToMessageId) throw badInput('input.replyToMessageId', 'zixflow cannot send reply buttons as a reply');
  if (!/^\d{8,15}$/.test(input.to)) throw badInput('input.to', 'must be a phone number in international format, 8 to 15 digits');
  if (typeof input.body !== 'string' || !input.body.trim()) throw badInput('input.body', 'must not be empty');
  if (charLength(input.body) > ZIXFLOW_BODY_MAX) throw badInput('input.body', `must be at most ${ZIXFLOW_BODY_MAX} characters`);
  if (input.footer != null && input.footer !== '' && charLength(input.footer) > ZIXFLOW_FOOTER_MAX) {
    throw badInput('input.footer', `must be at most ${ZIXFLOW_FOOTER_MAX} characters`);
  }
  const header = input.header ? toHeader(input.header) : undefined;
  checkReplyButtons(input.buttons ?? []);

  const body: ZixflowSendRequest = {
    to: input.to,
    phoneId,
    type: 'interactive',
    interactive: {
      type: 'button',
      ...(header ? { header } : {}),
      body: { text: input.body },
      ...(input.footer ? { footer: { text: input.footer } } : {}),
      action: { buttons: input.buttons.map((b) => ({ type: 'reply' as const, reply: { id: b.id, title: b.title } })) },
    },
  };
  for (const [key, value] of Object.entries(input.extra ?? {})) {
    if (value === undefined || value === null) continue;
    const expected = (ZIXFLOW_EXTRA_FIELDS as Record<string, string>)[key];
    if (!expected) throw badInput(`input.${key}`, 'is not a Zixflow option (source, linkWithRecord, submissionStatus)');
    if (typeof value !== expected) throw badInput(`input.${key}`, `must be a ${expected}`);
    (body as unknown as Record<string, unknown>)[key] = value;
  }
  return body;
}

function toHeader(h: NonNullable<SendButtonsInput['header']>): ZixflowHeader | undefined {
  const kinds = headerKinds(h);
  if (kinds.length === 0) return undefined;
  if (kinds.length > 1) throw badInput('input.header', 'must set exactly one of text, image, video or document');
  const type = kinds[0]!;
  const value = h[type] as string;
  if (type === 'text') {
    if (charLength(value) > ZIXFLOW_HEADER_TEXT_MAX) throw badInput('input.header.text', `must be at most ${ZIXFLOW_HEADER_TEXT_MAX} characters`);
  } else if (!/^https?:\/\/\S+$/i.test(value)) {
    throw badInput(`input.header.${type}`, 'must be an http(s) URL');
  }
  // documentFileName has no Zixflow field (lines 97-100 carry only the URL): it is not sent.
  return { type, [type]: value };
}

/**
 * The reply-buttons message Zixflow sends (zixflow.txt lines 37-167) as a {@link ButtonsContent}:
 * body and footer texts, a text header as its `title`, an image or video header as its URL (a
 * document header has no field there), and each reply button with its id and position.
 */
export function toButtonsContent(interactive: ZixflowInteractive): ButtonsContent {
  const header = interactive.header;
  return {
    kind: 'buttons',
    body: interactive.body.text,
    title: header?.type === 'text' ? (header.text ?? null) : null,
    footer: interactive.footer?.text ?? null,
    imageUrl: header?.type === 'image' ? (header.image ?? null) : null,
    videoUrl: header?.type === 'video' ? (header.video ?? null) : null,
    buttons: interactive.action.buttons.map((b, index) => ({ type: 'REPLY', text: b.reply.title, id: b.reply.id, index })),
  };
}

/**
 * An accepted send → SentMessage. Zixflow's answer carries no message id (zixflow.txt lines
 * 184-194: only `status` and `message`), so `id` is the local reference the adapter generated
 * and `providerId` is null. With `submissionStatus: true` Zixflow waited for WhatsApp's
 * submission (line 182), so the message is SENT; otherwise it is only accepted: PENDING.
 */
export function toSentMessage(request: ZixflowSendRequest, localId: string, now: number): SentMessage {
  return {
    id: localId,
    providerId: null,
    chatId: request.to,
    status: request.submissionStatus ? 'SENT' : 'PENDING',
    timestamp: now,
    content: toButtonsContent(request.interactive),
    clientReference: null,
  };
}
