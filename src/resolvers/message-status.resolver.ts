import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { badInput } from '../errors.js';
import type { MessageStatus } from '../providers/model.js';
import { MessageStatusEnum } from '../schema/enums.js';
import { Instance } from '../schema/instance.types.js';
import type { InstanceRoot } from './instance.resolver.js';
import { Requires, portCall } from './instance-call.js';

/** `Instance.messageStatus(messageId)`: a sent message's current status, asked of the provider (a delivery report). */
@Resolver(() => Instance)
export class MessageStatusResolver {
  /**
   * @returns the status, or null when the provider does not know the message
   * @throws GraphError CAPABILITY_NOT_SUPPORTED when the provider has no status lookup; BAD_USER_INPUT (`messageId`) when empty
   */
  @FieldResolver(() => MessageStatusEnum, {
    nullable: true,
    description: "A sent message's current status, asked of the provider (its delivery report); null when the provider does not know the message.",
  })
  @Requires('MESSAGE_STATUS')
  async messageStatus(@Root() root: InstanceRoot, @Arg('messageId', () => String, { description: 'The id a send returned.' }) messageId: string): Promise<MessageStatus | null> {
    const get = portCall(root.entry, 'MESSAGE_STATUS');
    if (!messageId.trim()) throw badInput('messageId', 'must not be empty');
    return get(messageId);
  }
}
