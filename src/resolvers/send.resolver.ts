import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphContext } from '../context.js';
import type { InstanceEntry } from '../instances.js';
import { badInput, GraphError } from '../errors.js';
import {
  INTERACTIVE_BODY_MAX,
  MAX_BULK_MESSAGES,
  MAX_CAPTION_LENGTH,
  MAX_CONTACT_NAME_LENGTH,
  MAX_GROUP_NAME_LENGTH,
  MAX_MESSAGE_ID_LENGTH,
  MAX_REACTION_EMOJI_LENGTH,
  MAX_SHARED_CONTACTS,
  MAX_TEXT_LENGTH,
  checkLength,
  checkMediaRef,
  checkReplyButtonsMessage,
} from '../providers/limits.js';
import type { BulkItem, InteractiveHeader } from '../providers/model.js';
import { type BulkItemResult, SendBulkInput, SendBulkPayload } from '../schema/bulk.types.js';
import { SendContactInput, SendFlowInput, SendListInput, SendProductInput, SendProductListInput } from '../schema/business.inputs.js';
import { SendButtonsInput } from '../schema/buttons.types.js';
import {
  SendAudioInput,
  SendDocumentInput,
  SendImageInput,
  SendLocationInput,
  SendMessagePayload,
  SendReactionInput,
  SendTextInput,
  SendVideoInput,
} from '../schema/send.inputs.js';
import { SendTemplateInput } from '../schema/template.types.js';
import { keepSent } from './conversation.resolver.js';
import { withIdempotency } from './idempotency.js';
import { Requires, instanceCall } from './instance-call.js';
import { recipientOf, recipientsOf } from './phone.js';
import { runSend, sentToMessage } from './send-path.js';

/** The options of `SendButtonsInput` passed through to the provider as `SendButtonsInput.extra` (only those set). */
export const BUTTONS_PASS_THROUGH = ['source', 'linkWithRecord', 'submissionStatus'] as const;

/**
 * Every send mutation (DESIGN.md, "Mutations"): each checks what it can without the instance
 * (limits of `providers/limits.ts`, media references), then goes through {@link runSend}
 * (instance, capability, recipient, idempotency, payload); `sendBulk` shares its steps but
 * reports per message.
 */
@Resolver()
export class SendResolver {
  @Mutation(() => SendMessagePayload, { description: 'Sends a text message (or edits one with `editMessageId`, where supported).' })
  @Requires('SEND_TEXT')
  async sendText(@Arg('input', () => SendTextInput) input: SendTextInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.text, 'input.text', MAX_TEXT_LENGTH, 1);
    return runSend(ctx, input, 'SEND_TEXT', (entry) => ({
      text: input.text,
      editMessageId: input.editMessageId ?? null,
      mentions: input.mentions ? recipientsOf(entry, input.mentions, 'input.mentions') : null,
      groupMentions: groupMentionsOf(entry, input),
      privateReply: input.privateReply ?? null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends an image.' })
  @Requires('SEND_IMAGE')
  async sendImage(@Arg('input', () => SendImageInput) input: SendImageInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.image, 'input.image');
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    return runSend(ctx, input, 'SEND_IMAGE', () => ({ media: input.image, caption: input.caption ?? null, viewOnce: input.viewOnce ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a video.' })
  @Requires('SEND_VIDEO')
  async sendVideo(@Arg('input', () => SendVideoInput) input: SendVideoInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.video, 'input.video');
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    return runSend(ctx, input, 'SEND_VIDEO', () => ({ media: input.video, caption: input.caption ?? null, viewOnce: input.viewOnce ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends an audio clip.' })
  @Requires('SEND_AUDIO')
  async sendAudio(@Arg('input', () => SendAudioInput) input: SendAudioInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.audio, 'input.audio');
    return runSend(ctx, input, 'SEND_AUDIO', () => ({ media: input.audio, viewOnce: input.viewOnce ?? null, waveform: input.waveform ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a document.' })
  @Requires('SEND_DOCUMENT')
  async sendDocument(@Arg('input', () => SendDocumentInput) input: SendDocumentInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.document, 'input.document');
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    const extension = documentExtension(input);
    return runSend(ctx, input, 'SEND_DOCUMENT', () => ({ media: input.document, caption: input.caption ?? null, extension, fileName: input.fileName ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a location pin.' })
  @Requires('SEND_LOCATION')
  async sendLocation(@Arg('input', () => SendLocationInput) input: SendLocationInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    if (!(input.latitude >= -90 && input.latitude <= 90)) throw badInput('input.latitude', 'must be from -90 to 90');
    if (!(input.longitude >= -180 && input.longitude <= 180)) throw badInput('input.longitude', 'must be from -180 to 180');
    return runSend(ctx, input, 'SEND_LOCATION', () => ({ latitude: input.latitude, longitude: input.longitude, name: input.name ?? null, address: input.address ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Reacts to a message with an emoji (an empty emoji removes the reaction).' })
  @Requires('SEND_REACTION')
  async sendReaction(@Arg('input', () => SendReactionInput) input: SendReactionInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.messageId, 'input.messageId', MAX_MESSAGE_ID_LENGTH, 1);
    if ([...input.emoji].length > MAX_REACTION_EMOJI_LENGTH) throw badInput('input.emoji', 'must be a single emoji or empty');
    return runSend(ctx, input, 'SEND_REACTION', () => ({ messageId: input.messageId, emoji: input.emoji }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Shares one or more contact cards.' })
  @Requires('SEND_CONTACT')
  async sendContact(@Arg('input', () => SendContactInput) input: SendContactInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    if (!input.contacts.length || input.contacts.length > MAX_SHARED_CONTACTS) throw badInput('input.contacts', `must have 1 to ${MAX_SHARED_CONTACTS} contacts`);
    return runSend(ctx, input, 'SEND_CONTACT', (entry) => ({
      contacts: input.contacts.map((c, i) => {
        checkLength(c.name, `input.contacts[${i}].name`, MAX_CONTACT_NAME_LENGTH, 1);
        return { name: c.name, phones: recipientsOf(entry, c.phones, `input.contacts[${i}].phones`) };
      }),
    }));
  }

  /**
   * Checks WhatsApp's reply-button rules (`providers/limits.ts`: 1..3 buttons, titles ≤ 20,
   * unique ids, header text 60, body 1024, footer 60) and the header media URLs before anything
   * else, then sends through the instance's SEND_BUTTONS port (see `runSend`).
   * @throws GraphError BAD_USER_INPUT naming the field (`input.buttons[1].title`, `input.footer`…), NOT_FOUND, CAPABILITY_NOT_SUPPORTED, or a ProviderError
   */
  @Mutation(() => SendMessagePayload, { description: 'Sends a message with 1 to 3 reply buttons, an optional header (text, image, video or document) and footer.' })
  @Requires('SEND_BUTTONS')
  async sendButtons(@Arg('input', () => SendButtonsInput) input: SendButtonsInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const header: InteractiveHeader | null = input.header
      ? {
          text: input.header.text ?? null,
          image: input.header.image ?? null,
          video: input.header.video ?? null,
          document: input.header.document ?? null,
          documentFileName: input.header.documentFileName ?? null,
        }
      : null;
    checkReplyButtonsMessage({ body: input.body, buttons: input.buttons, header, footer: input.footer ?? null });
    for (const kind of ['image', 'video', 'document'] as const) if (header?.[kind]) checkMediaRef(header[kind], `input.header.${kind}`);
    const extra: Record<string, unknown> = {};
    for (const key of BUTTONS_PASS_THROUGH) if (input[key] != null) extra[key] = input[key];
    return runSend(ctx, input, 'SEND_BUTTONS', () => ({
      body: input.body,
      buttons: input.buttons.map((b) => ({ id: b.id, title: b.title })),
      header,
      footer: input.footer ?? null,
      extra: Object.keys(extra).length ? extra : null,
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a list message: a button that opens sections of rows.' })
  @Requires('SEND_LIST')
  async sendList(@Arg('input', () => SendListInput) input: SendListInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', INTERACTIVE_BODY_MAX, 1);
    return runSend(ctx, input, 'SEND_LIST', () => ({
      body: input.body,
      buttonText: input.buttonText,
      header: input.header ?? null,
      footer: input.footer ?? null,
      sections: input.sections.map((s) => ({ title: s.title ?? null, rows: s.rows.map((r) => ({ id: r.id, title: r.title, description: r.description ?? null })) })),
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends an approved template with its placeholder values.' })
  @Requires('SEND_TEMPLATE')
  async sendTemplate(@Arg('input', () => SendTemplateInput) input: SendTemplateInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.templateId, 'input.templateId', MAX_MESSAGE_ID_LENGTH, 1);
    return runSend(ctx, input, 'SEND_TEMPLATE', () => ({
      templateId: input.templateId,
      components: input.components.map((c) => ({
        type: c.type,
        subType: c.subType ?? null,
        index: c.index ?? null,
        parameters: (c.parameters ?? []).map((p) => ({ type: p.type, text: p.text ?? null, link: p.link ?? null, fileName: p.fileName ?? null, flowToken: p.flowToken ?? null })),
      })),
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends one catalog product.' })
  @Requires('SEND_PRODUCT')
  async sendProduct(@Arg('input', () => SendProductInput) input: SendProductInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', INTERACTIVE_BODY_MAX, 1);
    return runSend(ctx, input, 'SEND_PRODUCT', () => ({ catalogId: input.catalogId, productRetailerId: input.productRetailerId, body: input.body, footer: input.footer ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends several catalog products in sections.' })
  @Requires('SEND_PRODUCT_LIST')
  async sendProductList(@Arg('input', () => SendProductListInput) input: SendProductListInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', INTERACTIVE_BODY_MAX, 1);
    return runSend(ctx, input, 'SEND_PRODUCT_LIST', () => ({
      catalogId: input.catalogId,
      header: input.header,
      body: input.body,
      footer: input.footer ?? null,
      sections: input.sections.map((s) => ({ title: s.title, productRetailerIds: s.productRetailerIds })),
    }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a WhatsApp Flow.' })
  @Requires('SEND_FLOW')
  async sendFlow(@Arg('input', () => SendFlowInput) input: SendFlowInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', INTERACTIVE_BODY_MAX, 1);
    if (input.data != null && (typeof input.data !== 'object' || Array.isArray(input.data))) throw badInput('input.data', 'must be a JSON object');
    return runSend(ctx, input, 'SEND_FLOW', () => ({
      flowId: input.flowId,
      flowCta: input.flowCta,
      flowAction: input.flowAction,
      flowMessageVersion: input.flowMessageVersion,
      screen: input.screen ?? null,
      data: input.data ?? null,
      headerText: input.headerText ?? null,
      body: input.body,
      footer: input.footer ?? null,
      flowToken: input.flowToken ?? null,
    }));
  }

  /**
   * Many texts in one call, the single-send path per message: instance and capability first
   * (no request for a provider without SEND_BULK), then each message's recipient and text; one
   * that fails its checks becomes that message's `error` (BAD_USER_INPUT naming
   * `input.messages[i].to`), not the call's; the valid ones go to the provider, whose
   * per-message results are merged back in input order, all under the idempotency key.
   * @throws GraphError NOT_FOUND (instance), CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT (`input.messages`: empty or over {@link MAX_BULK_MESSAGES})
   */
  @Mutation(() => SendBulkPayload, {
    description: 'Sends many text messages; one result per message in input order. A message that fails carries its error and does not stop the others.',
  })
  @Requires('SEND_BULK')
  async sendBulk(@Arg('input', () => SendBulkInput) input: SendBulkInput, @Ctx() ctx: GraphContext): Promise<SendBulkPayload> {
    const { entry, call: sendBulk } = instanceCall(ctx, input.instanceId, 'SEND_BULK');
    if (input.messages.length === 0) throw badInput('input.messages', 'must not be empty');
    if (input.messages.length > MAX_BULK_MESSAGES) throw badInput('input.messages', `must have at most ${MAX_BULK_MESSAGES} messages`);
    const { idempotencyKey, ...rest } = input;
    const payload = await withIdempotency(ctx.services.stores.idempotency, { instanceId: entry.id, operation: 'SEND_BULK', key: idempotencyKey, input: rest }, async () => {
      const results = new Array<BulkItemResult>(input.messages.length);
      const valid: Array<{ index: number; item: BulkItem }> = [];
      input.messages.forEach((m, index) => {
        try {
          const to = recipientOf(entry, m.to, `input.messages[${index}].to`);
          checkLength(m.text, `input.messages[${index}].text`, MAX_TEXT_LENGTH, 1);
          valid.push({ index, item: { to, text: m.text, clientReference: m.clientReference ?? null } });
        } catch (err) {
          if (!(err instanceof GraphError)) throw err;
          results[index] = { message: null, error: { code: err.code, message: err.message } };
        }
      });
      if (valid.length) {
        const sent = await sendBulk(valid.map((v) => v.item));
        valid.forEach((v, i) => {
          const r = sent[i];
          results[v.index] = r?.message
            ? { message: sentToMessage(entry.id, r.message), error: null }
            : { message: null, error: r?.error ?? { code: 'PROVIDER_ERROR', message: 'the provider returned no result for this message' } };
        });
      }
      return { results };
    });
    // each message sent is kept in its conversation, as single sends are (send-path.ts)
    for (const r of payload.results) if (r.message) await keepSent(ctx, r.message);
    return payload;
  }
}

/** A document's extension from `extension`, `fileName` or the URL path. @throws GraphError BAD_USER_INPUT (`input.extension`) */
function documentExtension(input: SendDocumentInput): string {
  const fromName = (name: string | null | undefined) => /\.([A-Za-z0-9]{1,10})$/.exec(name ?? '')?.[1];
  let fromUrl: string | undefined;
  if (!input.document.startsWith('data:')) fromUrl = fromName(new URL(input.document).pathname);
  const ext = (input.extension ?? fromName(input.fileName) ?? fromUrl)?.replace(/^\./, '').toLowerCase();
  if (!ext || !/^[a-z0-9]{1,10}$/.test(ext)) throw badInput('input.extension', 'required (letters and digits, no dot) when it cannot be read from fileName or the URL');
  return ext;
}

/**
 * The groups a text mentions: each id normalised (a group id stays as given) and each subject
 * 1..100 characters (WhatsApp's group name limit); null when none.
 * @throws GraphError BAD_USER_INPUT (`input.groupMentions[i].groupId`, `input.groupMentions[i].subject`)
 */
function groupMentionsOf(entry: InstanceEntry, input: SendTextInput): Array<{ groupId: string; subject: string }> | null {
  if (!input.groupMentions?.length) return null;
  return input.groupMentions.map((g, i) => {
    checkLength(g.subject, `input.groupMentions[${i}].subject`, MAX_GROUP_NAME_LENGTH, 1);
    const groupId = recipientOf(entry, g.groupId, `input.groupMentions[${i}].groupId`);
    if (!/(-group|@g\.us)$/.test(groupId)) throw badInput(`input.groupMentions[${i}].groupId`, 'must be a group id');
    return { groupId, subject: g.subject };
  });
}
