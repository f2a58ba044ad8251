import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../errors.js';
import { requireCapability } from '../providers/contract.js';
import type { BusinessProfile as BusinessProfileModel, Country as CountryModel, Media as MediaModel, WebhookEndpoint as WebhookEndpointModel } from '../providers/model.js';
import {
  PullPendingNotificationsInput, SendContactInput, SendFlowInput, SendListInput, SendProductInput, SendProductListInput,
  UpdateBusinessAboutInput, UpdateBusinessPhotoInput, UpdateBusinessProfileInput,
} from '../schema/business.inputs.js';
import { BusinessActionPayload, BusinessProfile, Country, PullPendingNotificationsPayload, WebhookEndpoint } from '../schema/business.types.js';
import { Instance } from '../schema/instance.types.js';
import { Media } from '../schema/media.types.js';
import { SendMessagePayload } from '../schema/send.inputs.js';
import type { GraphContext } from './context.js';
import type { InstanceRoot } from './instance.resolver.js';
import { checkLength, runSend, sendOptions } from './message.resolver.js';
import { normalizeRecipient } from './phone.js';

/** WhatsApp's longest profile "about" text, characters. */
export const MAX_ABOUT_LENGTH = 139;
/** WhatsApp's longest business description, characters. */
export const MAX_BUSINESS_DESCRIPTION_LENGTH = 512;
/** WhatsApp's longest business address, characters. */
export const MAX_BUSINESS_ADDRESS_LENGTH = 256;
/** WhatsApp's most business websites. */
export const MAX_BUSINESS_WEBSITES = 2;
/** Most contact cards in one message. */
export const MAX_SHARED_CONTACTS = 20;
/** Largest profile photo accepted, bytes of the data URI (WhatsApp profile photos are at most 5 MB; base64 adds a third). */
export const MAX_PHOTO_DATA_URI_LENGTH = Math.ceil((5 * 1024 * 1024 * 4) / 3) + 100;

/**
 * The business account's profile, media, reference data and webhook admin (fields on
 * `Instance`), the business-API sends (contact cards, lists, products, flows) and
 * `pullPendingNotifications`. Thin: find the instance, require the capability, call the port.
 */
@Resolver(() => Instance)
export class BusinessResolver {
  @FieldResolver(() => BusinessProfile, { nullable: true, description: "The business's WhatsApp profile." })
  async businessProfile(@Root() root: InstanceRoot): Promise<BusinessProfileModel> {
    return requireCapability(root.entry.adapter, 'BUSINESS_PROFILE')();
  }

  @FieldResolver(() => String, { nullable: true, description: 'The profile "about" text.' })
  async businessAbout(@Root() root: InstanceRoot): Promise<string | null> {
    return requireCapability(root.entry.adapter, 'BUSINESS_ABOUT')();
  }

  @FieldResolver(() => String, { nullable: true, description: 'A URL of the profile photo.' })
  async businessPhoto(@Root() root: InstanceRoot): Promise<string | null> {
    return requireCapability(root.entry.adapter, 'BUSINESS_PHOTO')();
  }

  @FieldResolver(() => [Country], { description: 'Countries with their dial codes, as the provider lists them.' })
  async countries(@Root() root: InstanceRoot): Promise<CountryModel[]> {
    return requireCapability(root.entry.adapter, 'COUNTRIES')();
  }

  @FieldResolver(() => [WebhookEndpoint], { description: 'The webhook endpoints configured at the provider.' })
  async webhooks(@Root() root: InstanceRoot): Promise<WebhookEndpointModel[]> {
    return requireCapability(root.entry.adapter, 'LIST_WEBHOOKS')();
  }

  @FieldResolver(() => Media, { nullable: true, description: 'A received media file by the `mediaId` of a message content; null when the provider has no such file.' })
  async media(@Root() root: InstanceRoot, @Arg('id', () => String) id: string): Promise<MediaModel | null> {
    const get = requireCapability(root.entry.adapter, 'GET_MEDIA');
    checkLength(id, 'id', 200, 1);
    return get(id);
  }

  @Mutation(() => BusinessActionPayload, { description: 'Replaces the business profile.' })
  async updateBusinessProfile(@Arg('input', () => UpdateBusinessProfileInput) input: UpdateBusinessProfileInput, @Ctx() ctx: GraphContext): Promise<BusinessActionPayload> {
    const update = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'UPDATE_BUSINESS_PROFILE');
    checkLength(input.address, 'input.address', MAX_BUSINESS_ADDRESS_LENGTH);
    checkLength(input.description, 'input.description', MAX_BUSINESS_DESCRIPTION_LENGTH);
    if (input.websites.length > MAX_BUSINESS_WEBSITES) throw badInput('input.websites', `must have at most ${MAX_BUSINESS_WEBSITES} websites`);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw badInput('input.email', 'must be an e-mail address');
    await update({ address: input.address, description: input.description, email: input.email, vertical: input.vertical, websites: input.websites });
    return { instanceId: input.instanceId, ok: true };
  }

  @Mutation(() => BusinessActionPayload, { description: 'Sets the profile "about" text.' })
  async updateBusinessAbout(@Arg('input', () => UpdateBusinessAboutInput) input: UpdateBusinessAboutInput, @Ctx() ctx: GraphContext): Promise<BusinessActionPayload> {
    const update = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'UPDATE_BUSINESS_ABOUT');
    checkLength(input.text, 'input.text', MAX_ABOUT_LENGTH, 1);
    await update(input.text);
    return { instanceId: input.instanceId, ok: true };
  }

  @Mutation(() => BusinessActionPayload, { description: 'Sets the profile photo (a JPEG or PNG data: URI).' })
  async updateBusinessPhoto(@Arg('input', () => UpdateBusinessPhotoInput) input: UpdateBusinessPhotoInput, @Ctx() ctx: GraphContext): Promise<BusinessActionPayload> {
    const update = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'UPDATE_BUSINESS_PHOTO');
    if (input.photo.length > MAX_PHOTO_DATA_URI_LENGTH) throw badInput('input.photo', 'must be at most 5 MB');
    await update({ photo: input.photo });
    return { instanceId: input.instanceId, ok: true };
  }

  @Mutation(() => PullPendingNotificationsPayload, { description: 'Fetches the notifications the provider could not deliver by webhook and feeds them to the event streams (deduped against what already arrived).' })
  async pullPendingNotifications(@Arg('input', () => PullPendingNotificationsInput) input: PullPendingNotificationsInput, @Ctx() ctx: GraphContext): Promise<PullPendingNotificationsPayload> {
    const pull = requireCapability(ctx.services.instances.get(input.instanceId).adapter, 'PULL_NOTIFICATIONS');
    const events = await pull(input.webhookId ?? null);
    if (events.length) await ctx.services.pipeline.accept(events);
    return { pulled: events.length, eventIds: events.map((e) => e.id) };
  }

  @Mutation(() => SendMessagePayload, { description: 'Shares one or more contact cards.' })
  async sendContact(@Arg('input', () => SendContactInput) input: SendContactInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    if (!input.contacts.length || input.contacts.length > MAX_SHARED_CONTACTS) throw badInput('input.contacts', `must have 1 to ${MAX_SHARED_CONTACTS} contacts`);
    return runSend(ctx, input, 'SEND_CONTACT', (send, to, entry) =>
      send({
        ...sendOptions(input),
        to,
        contacts: input.contacts.map((c, i) => {
          checkLength(c.name, `input.contacts[${i}].name`, 200, 1);
          return { name: c.name, phones: c.phones.map((p, j) => normalizeRecipient(p, entry.defaultCountry, `input.contacts[${i}].phones[${j}]`)) };
        }),
      }),
    );
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a list message: a button that opens sections of rows.' })
  async sendList(@Arg('input', () => SendListInput) input: SendListInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', 1024, 1);
    return runSend(ctx, input, 'SEND_LIST', (send, to) =>
      send({
        ...sendOptions(input),
        to,
        body: input.body,
        buttonText: input.buttonText,
        header: input.header ?? null,
        footer: input.footer ?? null,
        sections: input.sections.map((s) => ({ title: s.title ?? null, rows: s.rows.map((r) => ({ id: r.id, title: r.title, description: r.description ?? null })) })),
      }),
    );
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends one catalog product.' })
  async sendProduct(@Arg('input', () => SendProductInput) input: SendProductInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', 1024, 1);
    return runSend(ctx, input, 'SEND_PRODUCT', (send, to) =>
      send({ ...sendOptions(input), to, catalogId: input.catalogId, productRetailerId: input.productRetailerId, body: input.body, footer: input.footer ?? null }),
    );
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends several catalog products in sections.' })
  async sendProductList(@Arg('input', () => SendProductListInput) input: SendProductListInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', 1024, 1);
    return runSend(ctx, input, 'SEND_PRODUCT_LIST', (send, to) =>
      send({
        ...sendOptions(input),
        to,
        catalogId: input.catalogId,
        header: input.header,
        body: input.body,
        footer: input.footer ?? null,
        sections: input.sections.map((s) => ({ title: s.title, productRetailerIds: s.productRetailerIds })),
      }),
    );
  }

  @Mutation(() => SendMessagePayload, { description: 'Sends a WhatsApp Flow.' })
  async sendFlow(@Arg('input', () => SendFlowInput) input: SendFlowInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    checkLength(input.body, 'input.body', 1024, 1);
    if (input.data != null && (typeof input.data !== 'object' || Array.isArray(input.data))) throw badInput('input.data', 'must be a JSON object');
    return runSend(ctx, input, 'SEND_FLOW', (send, to) =>
      send({
        ...sendOptions(input),
        to,
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
      }),
    );
  }
}
