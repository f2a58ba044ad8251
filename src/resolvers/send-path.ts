import type { GraphContext } from '../context.js';
import type { InstanceEntry } from '../instances.js';
import type { Capability, CapabilityMethod } from '../providers/contract.js';
import type { SendOptions, SentMessage } from '../providers/model.js';
import type { Message } from '../schema/message.types.js';
import type { SendInputBase, SendMessagePayload } from '../schema/send.inputs.js';
import { keepSent } from './conversation.resolver.js';
import { withIdempotency } from './idempotency.js';
import { instanceCall, malformedReply } from './instance-call.js';
import { recipientOf } from './phone.js';

/** The capabilities whose port method sends one message to one recipient (`sendBulk` has its own path). */
export type SendCapability =
  | 'SEND_TEXT'
  | 'SEND_IMAGE'
  | 'SEND_VIDEO'
  | 'SEND_AUDIO'
  | 'SEND_DOCUMENT'
  | 'SEND_LOCATION'
  | 'SEND_REACTION'
  | 'SEND_CONTACT'
  | 'SEND_BUTTONS'
  | 'SEND_LIST'
  | 'SEND_TEMPLATE'
  | 'SEND_PRODUCT'
  | 'SEND_PRODUCT_LIST'
  | 'SEND_FLOW';

/** The domain input the port method of a send capability takes (`SendTextInput` of model.ts for SEND_TEXT). */
export type SendPortInput<C extends SendCapability> = Parameters<CapabilityMethod<C>>[0];

/** What a send mutation adds to the common options and the recipient: its own content fields. */
export type SendBody<C extends SendCapability> = Omit<SendPortInput<C>, keyof SendOptions | 'to'>;

/** The options of the send input every provider port takes (null where not given). */
export function sendOptions(input: SendInputBase): SendOptions {
  return {
    replyToMessageId: input.replyToMessageId ?? null,
    delaySeconds: input.delaySeconds ?? null,
    typingSeconds: input.typingSeconds ?? null,
    clientReference: input.clientReference ?? null,
  };
}

/**
 * A send's result as the graph needs it: a non-empty message id and a status (every `Message`
 * has them, non-null). A provider reply without them, which its mapping let through, is a
 * `PROVIDER_ERROR` (`MALFORMED_REPLY`) naming the capability, not an "Unexpected error." on a
 * non-null field; the message may still have been sent, so the client checks before retrying.
 * @throws GraphError PROVIDER_ERROR
 */
export function readableSend(entry: InstanceEntry, capability: Capability, sent: SentMessage | null | undefined): SentMessage {
  if (!sent || typeof sent.id !== 'string' || sent.id === '' || typeof sent.status !== 'string') throw malformedReply(entry, capability);
  return sent;
}

/** The `Message` a send returns: the provider's confirmation, from this account (`fromMe`), on this instance. */
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
  };
}

/** A send input without its `idempotencyKey` (what the key is bound to). */
function withoutKey(input: SendInputBase): Omit<SendInputBase, 'idempotencyKey'> {
  const { idempotencyKey: _key, ...rest } = input;
  return rest;
}

/**
 * The one path of every single-recipient send: find the instance and require the capability
 * ({@link instanceCall}: before anything else, so an unsupported send costs no request),
 * normalise `input.to` once (`input.to` names the error), then, under the idempotency key
 * (`withIdempotency`: a repeat within 24 hours returns the first result), build the port
 * input from the common options, the recipient and `body`, call the port and shape the
 * payload, and keep the sent message in its conversation (`keepSent`: the provider's echo and
 * status webhooks of the same message id update it). Input checks that need no instance run before this, in the resolver.
 * @param body the send's own fields; runs after the recipient is normalised and inside the
 *   idempotency scope, so a list it normalises (mentions, contact phones) fails after `input.to`
 * @throws GraphError NOT_FOUND, CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT (`input.to`,
 *   `input.idempotencyKey`, or what `body` checks), SERVICE_UNAVAILABLE (key in flight), or a ProviderError
 */
export async function runSend<C extends SendCapability>(
  ctx: GraphContext,
  input: SendInputBase,
  capability: C,
  body: (entry: InstanceEntry) => SendBody<C>,
): Promise<SendMessagePayload> {
  const { entry, call } = instanceCall(ctx, input.instanceId, capability);
  const to = recipientOf(entry, input.to, 'input.to');
  const key = input.idempotencyKey;
  const send = call as (input: SendPortInput<C>) => Promise<SentMessage>;
  // the input without its key is hashed only under a key (no copy of it for a send without one)
  const message = await withIdempotency(ctx.services.stores.idempotency, { instanceId: entry.id, operation: capability, key, input: key ? withoutKey(input) : null }, async () =>
    sentToMessage(entry.id, readableSend(entry, capability, await send({ ...sendOptions(input), to, ...body(entry) } as SendPortInput<C>))),
  );
  // kept in its conversation (a repeat under the idempotency key changes nothing there)
  await keepSent(ctx, message);
  return { message };
}
