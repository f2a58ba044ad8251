import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import {
  MAX_MESSAGE_ID_LENGTH,
  MAX_TEMPLATE_BODY_LENGTH,
  MAX_TEMPLATE_BUTTONS,
  MAX_TEMPLATE_HEADER_FOOTER_LENGTH,
  MAX_TEMPLATE_LABEL_LENGTH,
  checkLength,
} from '../providers/limits.js';
import type { MessageTemplate as MessageTemplateModel, TemplateInput } from '../providers/model.js';
import { Instance } from '../schema/instance.types.js';
import {
  CreateTemplateInput,
  MessageTemplate,
  ProposeTemplateInput,
  ProposeTemplatePayload,
  type TemplateDefinitionInput,
  TemplateOption,
  TemplatePayload,
  TemplateScopeEnum,
  UpdateTemplateInput,
} from '../schema/template.types.js';
import type { InstanceRoot } from './instance.resolver.js';
import { Requires, instanceCall, portCall } from './instance-call.js';

/** The domain `TemplateInput` of a definition, with WhatsApp's length rules checked. @throws GraphError BAD_USER_INPUT */
function toTemplateInput(t: TemplateDefinitionInput): TemplateInput {
  checkLength(t.label, 'input.template.label', MAX_TEMPLATE_LABEL_LENGTH, 1);
  checkLength(t.body?.text, 'input.template.body.text', MAX_TEMPLATE_BODY_LENGTH, 1);
  checkLength(t.header?.text, 'input.template.header.text', MAX_TEMPLATE_HEADER_FOOTER_LENGTH);
  checkLength(t.footer, 'input.template.footer', MAX_TEMPLATE_HEADER_FOOTER_LENGTH);
  if ((t.buttons?.length ?? 0) > MAX_TEMPLATE_BUTTONS) throw badInput('input.template.buttons', `must have at most ${MAX_TEMPLATE_BUTTONS} buttons`);
  return {
    label: t.label,
    category: t.category,
    language: t.language,
    propose: t.propose ?? false,
    header: t.header ? { format: t.header.format, text: t.header.text ?? null, examples: t.header.examples ?? null } : null,
    body: t.body ? { text: t.body.text, examples: t.body.examples ?? null } : null,
    footer: t.footer ?? null,
    buttons:
      t.buttons?.map((b) => ({
        type: b.type,
        text: b.text,
        url: b.url ?? null,
        examples: b.examples ?? null,
        phoneNumber: b.phoneNumber ?? null,
        countryCode: b.countryCode ?? null,
        otpType: b.otpType ?? null,
      })) ?? null,
    addSecurityRecommendation: t.addSecurityRecommendation ?? null,
    codeExpirationMinutes: t.codeExpirationMinutes ?? null,
  };
}

/** A template the provider answered, tagged with its instance (the scope of its global id); null stays null. */
function ofInstance(template: MessageTemplateModel | null | undefined, instanceId: string): (MessageTemplateModel & { instanceId: string }) | null {
  return template ? { ...template, instanceId } : null;
}

/** Provider field paths say `input.…`; the graph nests the definition under `input.template`. */
function renest<T>(call: () => Promise<T>): Promise<T> {
  return call().catch((err: unknown) => {
    const e = err as { extensions?: Record<string, unknown>; message?: string };
    const field = e.extensions?.field;
    if (e.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' && field.startsWith('input.') && !field.startsWith('input.template')) {
      // `input.templateId` is the same path in both, and starts with `input.template`.
      throw badInput(`input.template.${field.slice('input.'.length)}`, String(e.message ?? '').replace(/^[^:]+:\s*/, ''));
    }
    throw err;
  });
}

/** Templates of an instance (queries on `Instance`) and the template mutations. */
@Resolver(() => Instance)
export class TemplateResolver {
  @FieldResolver(() => [MessageTemplate], { description: 'Message templates, as the provider lists them (its first page: no paging parameters are documented).' })
  @Requires('LIST_TEMPLATES')
  async templates(
    @Root() root: InstanceRoot,
    @Arg('scope', () => TemplateScopeEnum, { defaultValue: 'MINE', description: 'MINE (default) or ALL.' }) scope: 'MINE' | 'ALL',
  ): Promise<MessageTemplateModel[]> {
    return (await portCall(root.entry, 'LIST_TEMPLATES')(scope)).items.map((t) => ({ ...t, instanceId: root.id }));
  }

  @FieldResolver(() => MessageTemplate, { nullable: true, description: 'One template by id; null when there is none.' })
  @Requires('GET_TEMPLATE')
  async template(@Root() root: InstanceRoot, @Arg('id', () => String) id: string): Promise<(MessageTemplateModel & { instanceId: string }) | null> {
    const found = await portCall(root.entry, 'GET_TEMPLATE')(id);
    return found && { ...found, instanceId: root.id };
  }

  @FieldResolver(() => [TemplateOption], { description: 'The template categories the provider accepts.' })
  @Requires('TEMPLATE_CATEGORIES')
  async templateCategories(@Root() root: InstanceRoot): Promise<TemplateOption[]> {
    return portCall(root.entry, 'TEMPLATE_CATEGORIES')();
  }

  @FieldResolver(() => [TemplateOption], { description: 'The template languages the provider accepts.' })
  @Requires('TEMPLATE_LANGUAGES')
  async templateLanguages(@Root() root: InstanceRoot): Promise<TemplateOption[]> {
    return portCall(root.entry, 'TEMPLATE_LANGUAGES')();
  }

  @Mutation(() => TemplatePayload, { description: 'Creates a message template (submitted for review when `propose` is true).' })
  @Requires('CREATE_TEMPLATE')
  async createTemplate(@Arg('input', () => CreateTemplateInput) input: CreateTemplateInput, @Ctx() ctx: GraphContext): Promise<TemplatePayload> {
    const { entry, call: create } = instanceCall(ctx, input.instanceId, 'CREATE_TEMPLATE');
    const template = toTemplateInput(input.template);
    return { template: ofInstance(await renest(() => create(template)), entry.id) };
  }

  @Mutation(() => TemplatePayload, { description: "Replaces a template's definition." })
  @Requires('UPDATE_TEMPLATE')
  async updateTemplate(@Arg('input', () => UpdateTemplateInput) input: UpdateTemplateInput, @Ctx() ctx: GraphContext): Promise<TemplatePayload> {
    const { entry, call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_TEMPLATE');
    checkLength(input.templateId, 'input.templateId', MAX_MESSAGE_ID_LENGTH, 1);
    const template = toTemplateInput(input.template);
    return { template: ofInstance(await renest(() => update(input.templateId, template)), entry.id) };
  }

  @Mutation(() => ProposeTemplatePayload, { description: 'Submits a template for WhatsApp review (a template must be approved before it can be sent).' })
  @Requires('PROPOSE_TEMPLATE')
  async proposeTemplate(@Arg('input', () => ProposeTemplateInput) input: ProposeTemplateInput, @Ctx() ctx: GraphContext): Promise<ProposeTemplatePayload> {
    const { call: propose } = instanceCall(ctx, input.instanceId, 'PROPOSE_TEMPLATE');
    checkLength(input.templateId, 'input.templateId', MAX_MESSAGE_ID_LENGTH, 1);
    await propose(input.templateId);
    return { templateId: input.templateId, ok: true };
  }
}
