import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import { MAX_ID_LENGTH, MAX_LABEL_NAME_LENGTH, checkLength } from '../providers/limits.js';
import type { LabelColor as LabelColorModel } from '../providers/model.js';
import { Chat } from '../schema/chat.types.js';
import { Instance } from '../schema/instance.types.js';
import {
  AssignLabelInput,
  AssignLabelPayload,
  CreateLabelInput,
  CreateLabelPayload,
  DeleteLabelInput,
  Label,
  LabelActionPayload,
  LabelColor,
  UpdateLabelInput,
} from '../schema/label.types.js';
import type { InstanceRoot } from './instance.resolver.js';
import { storeError } from './conversation.resolver.js';
import { Requires, instanceCall, portCall } from './instance-call.js';
import { recipientOf } from './phone.js';

/** A colour index: a whole number from 0. @throws GraphError BAD_USER_INPUT (`input.colorIndex`) */
function checkColorIndex(value: number | null | undefined): void {
  if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 0))
    throw badInput('input.colorIndex', 'must be a whole number from 0 (see Instance.labelColors)');
}

/** `Instance.labels`, `Instance.labelColors` and the label mutations (DESIGN.md names `assignLabel`). */
@Resolver(() => Instance)
export class LabelResolver {
  @FieldResolver(() => [Label], { description: "The account's chat labels." })
  @Requires('LIST_LABELS')
  async labels(@Root() root: InstanceRoot, @Ctx() ctx: GraphContext): Promise<Label[]> {
    portCall(root.entry, 'LIST_LABELS');
    return (await ctx.loaders.labels(root.entry.adapter)).map((l) => ({ ...l, instanceId: root.id }));
  }

  @FieldResolver(() => [LabelColor], { description: 'The colours a label can take.' })
  @Requires('LABEL_COLORS')
  async labelColors(@Root() root: InstanceRoot): Promise<LabelColorModel[]> {
    return portCall(root.entry, 'LABEL_COLORS')();
  }

  @Mutation(() => CreateLabelPayload, { description: 'Creates a chat label.' })
  @Requires('CREATE_LABEL')
  async createLabel(@Arg('input', () => CreateLabelInput) input: CreateLabelInput, @Ctx() ctx: GraphContext): Promise<CreateLabelPayload> {
    const { call: create } = instanceCall(ctx, input.instanceId, 'CREATE_LABEL');
    checkLength(input.name, 'input.name', MAX_LABEL_NAME_LENGTH, 1);
    checkColorIndex(input.colorIndex);
    return { label: { ...(await create({ name: input.name, colorIndex: input.colorIndex ?? null })), instanceId: input.instanceId } };
  }

  @Mutation(() => LabelActionPayload, { description: "Changes a label's name and colour." })
  @Requires('UPDATE_LABEL')
  async updateLabel(@Arg('input', () => UpdateLabelInput) input: UpdateLabelInput, @Ctx() ctx: GraphContext): Promise<LabelActionPayload> {
    const { call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_LABEL');
    checkLength(input.name, 'input.name', MAX_LABEL_NAME_LENGTH, 1);
    checkLength(input.labelId, 'input.labelId', MAX_ID_LENGTH, 1);
    checkColorIndex(input.colorIndex);
    return { labelId: input.labelId, ok: await update(input.labelId, { name: input.name, colorIndex: input.colorIndex ?? null }) };
  }

  @Mutation(() => LabelActionPayload, { description: 'Deletes a label (it comes off every chat).' })
  @Requires('DELETE_LABEL')
  async deleteLabel(@Arg('input', () => DeleteLabelInput) input: DeleteLabelInput, @Ctx() ctx: GraphContext): Promise<LabelActionPayload> {
    const { call: del } = instanceCall(ctx, input.instanceId, 'DELETE_LABEL');
    checkLength(input.labelId, 'input.labelId', MAX_ID_LENGTH, 1);
    return { labelId: input.labelId, ok: await del(input.labelId) };
  }

  @Mutation(() => AssignLabelPayload, { description: 'Puts a label on a chat.' })
  @Requires('ASSIGN_LABEL')
  assignLabel(@Arg('input', () => AssignLabelInput) input: AssignLabelInput, @Ctx() ctx: GraphContext): Promise<AssignLabelPayload> {
    return labelChat(ctx, input, 'ASSIGN_LABEL');
  }

  @Mutation(() => AssignLabelPayload, { description: 'Takes a label off a chat.' })
  @Requires('UNASSIGN_LABEL')
  unassignLabel(@Arg('input', () => AssignLabelInput) input: AssignLabelInput, @Ctx() ctx: GraphContext): Promise<AssignLabelPayload> {
    return labelChat(ctx, input, 'UNASSIGN_LABEL');
  }
}

/**
 * Puts a label on a chat or takes it off: requires the capability, normalises the chat id,
 * checks the label id (1-100 characters) before any request.
 * @returns `ok` as the provider confirms it
 * @throws GraphError NOT_FOUND, CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT; ProviderError
 */
async function labelChat(ctx: GraphContext, input: AssignLabelInput, capability: 'ASSIGN_LABEL' | 'UNASSIGN_LABEL'): Promise<AssignLabelPayload> {
  const { entry, call: change } = instanceCall(ctx, input.instanceId, capability);
  const chatId = recipientOf(entry, input.chatId, 'input.chatId');
  checkLength(input.labelId, 'input.labelId', MAX_ID_LENGTH, 1);
  const ok = await change(chatId, input.labelId);
  // the graph's record of `Chat.labels` / `Label.chats`: the change is made, a store failure is logged (the provider's label webhook may still bring it)
  if (ok)
    await ctx.services.stores.messages.setChatLabel(entry.id, chatId, input.labelId, capability === 'ASSIGN_LABEL').catch((err: unknown) => {
      ctx.logger.warn({ instanceId: entry.id, err: (err as Error).message }, 'label change not kept');
    });
  return { chatId, labelId: input.labelId, ok };
}

/** `Label.chats`. */
@Resolver(() => Label)
export class LabelChatsResolver {
  @FieldResolver(() => [Chat], {
    description:
      "The chats carrying this label, as the graph has seen it put on and taken off (the provider's label webhooks and `assignLabel`/`unassignLabel`); each chat as the provider lists it (one chat-list read per request), or only its id when the provider does not know it.",
  })
  async chats(@Root() label: Label, @Ctx() ctx: GraphContext): Promise<Chat[]> {
    if (!label.instanceId) return [];
    const instanceId = label.instanceId;
    const ids = await ctx.services.stores.messages.labelChats(instanceId, label.id).catch(storeError);
    const loader = ctx.loaders.chat(ctx.services.instances.get(instanceId).adapter);
    const chats = await loader.loadMany(ids);
    return ids.map((id, i) => {
      const chat = chats[i];
      if (chat instanceof Error) throw chat;
      return chat ? { ...chat, instanceId } : { id, instanceId };
    });
  }
}
