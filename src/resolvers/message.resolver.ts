import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../errors.js';
import type { InstanceEntry } from '../instances.js';
import { requireCapability, type Capability } from '../providers/contract.js';
import type { SendOptions, SentMessage } from '../providers/model.js';
import { Chat } from '../schema/chat.types.js';
import { Message } from '../schema/message.types.js';
import {
  DeleteMessageInput, MessageActionPayload, ReadMessageInput, SendAudioInput, SendDocumentInput, SendImageInput,
  SendInputBase, SendLocationInput, SendMessagePayload, SendReactionInput, SendTextInput, SendVideoInput,
} from '../schema/send.inputs.js';
import type { GraphContext } from './context.js';
import { withIdempotency } from './idempotency.js';
import { normalizeRecipient } from './phone.js';

/** WhatsApp's longest text message, characters. */
export const MAX_TEXT_LENGTH = 4096;
/** WhatsApp's longest media caption, characters. */
export const MAX_CAPTION_LENGTH = 1024;

/** Checks a string field's length. @throws GraphError BAD_USER_INPUT naming `field` */
export function checkLength(value: string | null | undefined, field: string, max: number, min = 0): void {
  if (value == null) return;
  const length = [...value].length;
  if (length < min) throw badInput(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if (length > max) throw badInput(field, `must be at most ${max} characters (got ${length})`);
}

/** Checks that a media reference is an http(s) URL or a base64 data URI. @throws GraphError BAD_USER_INPUT naming `field` */
export function checkMediaRef(value: string, field: string): void {
  if (/^data:[\w.+-]+\/[\w.+-]+(;[\w=.+-]+)*;base64,/.test(value)) return;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return;
  } catch {
    // fall through to the error
  }
  throw badInput(field, 'must be an http(s) URL or a base64 data URI');
}

/** The options of the send input every provider port takes. */
export function sendOptions(input: SendInputBase): SendOptions {
  return {
    replyToMessageId: input.replyToMessageId ?? null,
    delaySeconds: input.delaySeconds ?? null,
    typingSeconds: input.typingSeconds ?? null,
    clientReference: input.clientReference ?? null,
  };
}

/** The `Message` a send returns. */
export function sentToMessage(instanceId: string, sent: SentMessage): Message {
  return {
    id: sent.id,
    instanceId,
    chatId: sent.chatId,
    fromMe: true,
    timestamp: sent.timestamp,
    content: sent.content,
    status: sent.status,
    clientReference: sent.clientReference ?? null,
  } as Message;
}

/**
 * The common path of every send mutation: find the instance, require the capability (before
 * anything else, so an unsupported send costs no request), normalise the recipient, run the
 * provider call under the idempotency key, and shape the payload.
 * @throws GraphError NOT_FOUND, CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT, or a ProviderError
 */
export async function runSend<C extends Capability>(
  ctx: GraphContext,
  input: SendInputBase,
  capability: C,
  call: (method: ReturnType<typeof requireCapability<C>>, to: string, entry: InstanceEntry) => Promise<SentMessage>,
): Promise<SendMessagePayload> {
  const entry = ctx.services.instances.get(input.instanceId);
  const method = requireCapability(entry.adapter, capability);
  const to = normalizeRecipient(input.to, entry.defaultCountry, 'input.to');
  const { idempotencyKey, ...rest } = input;
  const message = await withIdempotency(ctx.services.stores.idempotency, { instanceId: entry.id, operation: capability, key: idempotencyKey, input: rest }, async () =>
    sentToMessage(entry.id, await call(method, to, entry)),
  );
  return { message } as SendMessagePayload;
}

/** The core send and message-management mutations (DESIGN.md, "Mutations"), and `Message.chat`. */
@Resolver(() => Message)
export class MessageResolver {
  @FieldResolver(() => Chat, { description: 'The chat the message belongs to.' })
  chat(@Root() message: Message): Chat {
    return { id: message.chatId, instanceId: message.instanceId, isGroup: message.isGroup ?? null } as Chat;
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a text message (or edits one with `editMessageId`, where supported).' })
  async sendText(@Arg('input', () => SendTextInput) input: SendTextInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.text, 'input.text', MAX_TEXT_LENGTH, 1);
    return runSend(ctx, input, 'SEND_TEXT', (send, to, entry) =>
      send({
        ...sendOptions(input),
        to,
        text: input.text,
        editMessageId: input.editMessageId ?? null,
        mentions: input.mentions?.map((m, i) => normalizeRecipient(m, entry.defaultCountry, `input.mentions[${i}]`)) ?? null,
      }),
    );
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends an image.' })
  async sendImage(@Arg('input', () => SendImageInput) input: SendImageInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.image, 'input.image');
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    return runSend(ctx, input, 'SEND_IMAGE', (send, to) => send({ ...sendOptions(input), to, media: input.image, caption: input.caption ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a video.' })
  async sendVideo(@Arg('input', () => SendVideoInput) input: SendVideoInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.video, 'input.video');
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    return runSend(ctx, input, 'SEND_VIDEO', (send, to) => send({ ...sendOptions(input), to, media: input.video, caption: input.caption ?? null }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends an audio clip.' })
  async sendAudio(@Arg('input', () => SendAudioInput) input: SendAudioInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.audio, 'input.audio');
    return runSend(ctx, input, 'SEND_AUDIO', (send, to) => send({ ...sendOptions(input), to, media: input.audio }));
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a document.' })
  async sendDocument(@Arg('input', () => SendDocumentInput) input: SendDocumentInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkMediaRef(input.document, 'input.document');
    checkLength(input.caption, 'input.caption', MAX_CAPTION_LENGTH);
    const extension = documentExtension(input);
    return runSend(ctx, input, 'SEND_DOCUMENT', (send, to) =>
      send({ ...sendOptions(input), to, media: input.document, caption: input.caption ?? null, extension, fileName: input.fileName ?? null }),
    );
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a location pin.' })
  async sendLocation(@Arg('input', () => SendLocationInput) input: SendLocationInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    if (!(input.latitude >= -90 && input.latitude <= 90)) throw badInput('input.latitude', 'must be from -90 to 90');
    if (!(input.longitude >= -180 && input.longitude <= 180)) throw badInput('input.longitude', 'must be from -180 to 180');
    return runSend(ctx, input, 'SEND_LOCATION', (send, to) =>
      send({ ...sendOptions(input), to, latitude: input.latitude, longitude: input.longitude, name: input.name ?? null, address: input.address ?? null }),
    );
  }

  @Mutation(() => SendMessagePayload, { description: 'Reacts to a message with an emoji (an empty emoji removes the reaction).' })
  async sendReaction(@Arg('input', () => SendReactionInput) input: SendReactionInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.messageId, 'input.messageId', 200, 1);
    if ([...input.emoji].length > 10) throw badInput('input.emoji', 'must be a single emoji or empty');
    return runSend(ctx, input, 'SEND_REACTION', (send, to) => send({ ...sendOptions(input), to, messageId: input.messageId, emoji: input.emoji }));
  }

  @Mutation(() => MessageActionPayload, { description: 'Marks a received message as read (blue ticks).' })
  async readMessage(@Arg('input', () => ReadMessageInput) input: ReadMessageInput, @Ctx() ctx: GraphContext): Promise<MessageActionPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const read = requireCapability(entry.adapter, 'READ_MESSAGE');
    await read({ chatId: normalizeRecipient(input.chatId, entry.defaultCountry, 'input.chatId'), messageId: input.messageId });
    return { messageId: input.messageId, ok: true };
  }

  @Mutation(() => MessageActionPayload, { description: 'Deletes a message (for everyone when it was sent by this account).' })
  async deleteMessage(@Arg('input', () => DeleteMessageInput) input: DeleteMessageInput, @Ctx() ctx: GraphContext): Promise<MessageActionPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const del = requireCapability(entry.adapter, 'DELETE_MESSAGE');
    await del({ chatId: normalizeRecipient(input.chatId, entry.defaultCountry, 'input.chatId'), messageId: input.messageId, owner: input.owner });
    return { messageId: input.messageId, ok: true };
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
