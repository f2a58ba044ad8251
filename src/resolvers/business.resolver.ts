import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import {
  MAX_ABOUT_LENGTH,
  MAX_BUSINESS_ADDRESS_LENGTH,
  MAX_BUSINESS_DESCRIPTION_LENGTH,
  MAX_BUSINESS_WEBSITES,
  MAX_ID_LENGTH,
  MAX_MESSAGE_ID_LENGTH,
  MAX_PHOTO_DATA_URI_LENGTH,
  checkLength,
} from '../providers/limits.js';
import type {
  BusinessCategory as BusinessCategoryModel,
  BusinessHours,
  BusinessProfile as BusinessProfileModel,
  Country as CountryModel,
  Media as MediaModel,
  WebhookEndpoint as WebhookEndpointModel,
} from '../providers/model.js';
import {
  type BusinessHoursInput,
  PullPendingNotificationsInput,
  UpdateBusinessAboutInput,
  UpdateBusinessPhotoInput,
  UpdateBusinessProfileInput,
} from '../schema/business.inputs.js';
import { maskWebhookUrl } from '../server/access.js';
import { BusinessActionPayload, BusinessCategory, BusinessProfile, Country, PullPendingNotificationsPayload, WebhookEndpoint } from '../schema/business.types.js';
import { Instance } from '../schema/instance.types.js';
import { Media } from '../schema/media.types.js';
import { mediaWithLink } from './media-links.js';
import type { InstanceRoot } from './instance.resolver.js';
import { Requires, instanceCall, portCall } from './instance-call.js';

/**
 * Opening hours checked: an IANA time zone, `HH:mm` times with each interval closing after it opens.
 * @throws GraphError BAD_USER_INPUT naming the field
 */
function checkHours(input: BusinessHoursInput): BusinessHours {
  try {
    new Intl.DateTimeFormat('en', { timeZone: input.timezone });
  } catch {
    throw badInput('input.hours.timezone', 'must be an IANA time zone (America/Sao_Paulo)');
  }
  const days = input.days.map((d, i) => {
    for (const f of ['openTime', 'closeTime'] as const) if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d[f])) throw badInput(`input.hours.days[${i}].${f}`, 'must be HH:mm');
    if (d.closeTime <= d.openTime) throw badInput(`input.hours.days[${i}].closeTime`, 'must be after openTime');
    return { dayOfWeek: d.dayOfWeek as BusinessHours['days'][number]['dayOfWeek'], openTime: d.openTime, closeTime: d.closeTime };
  });
  if (days.length && input.mode !== 'SPECIFIC_HOURS') throw badInput('input.hours.days', 'go with SPECIFIC_HOURS only');
  return { timezone: input.timezone, mode: input.mode as BusinessHours['mode'], days };
}

/**
 * The business account's profile, media, reference data and webhook admin (fields on
 * `Instance`), their mutations and `pullPendingNotifications` (the business-API sends are in
 * send.resolver.ts). Thin: find the instance, require the capability, call the port.
 */
@Resolver(() => Instance)
export class BusinessResolver {
  @FieldResolver(() => BusinessProfile, { nullable: true, description: "The business's WhatsApp profile." })
  @Requires('BUSINESS_PROFILE')
  async businessProfile(@Root() root: InstanceRoot): Promise<BusinessProfileModel> {
    return portCall(root.entry, 'BUSINESS_PROFILE')();
  }

  @FieldResolver(() => String, { nullable: true, description: 'The profile "about" text.' })
  @Requires('BUSINESS_ABOUT')
  async businessAbout(@Root() root: InstanceRoot): Promise<string | null> {
    return portCall(root.entry, 'BUSINESS_ABOUT')();
  }

  @FieldResolver(() => String, { nullable: true, description: 'A URL of the profile photo.' })
  @Requires('BUSINESS_PHOTO')
  async businessPhoto(@Root() root: InstanceRoot): Promise<string | null> {
    return portCall(root.entry, 'BUSINESS_PHOTO')();
  }

  @FieldResolver(() => [BusinessCategory], { description: 'The business categories the account may take (for `updateBusinessProfile(categories:)`), searched by `query`.' })
  @Requires('BUSINESS_CATEGORIES')
  async businessCategories(@Root() root: InstanceRoot, @Arg('query', () => String, { nullable: true }) query: string | null): Promise<BusinessCategoryModel[]> {
    const list = portCall(root.entry, 'BUSINESS_CATEGORIES');
    checkLength(query, 'query', MAX_ID_LENGTH);
    return (await list(query || null)).map((c) => ({ ...c, instanceId: root.id }));
  }

  @FieldResolver(() => [Country], { description: 'Countries with their dial codes, as the provider lists them.' })
  @Requires('COUNTRIES')
  async countries(@Root() root: InstanceRoot): Promise<CountryModel[]> {
    return (await portCall(root.entry, 'COUNTRIES')()).map((c) => ({ ...c, instanceId: root.id }));
  }

  @FieldResolver(() => [WebhookEndpoint], { description: 'The webhook endpoints configured at the provider. A webhook secret in a URL is shown as `********`.' })
  @Requires('LIST_WEBHOOKS')
  async webhooks(@Root() root: InstanceRoot): Promise<WebhookEndpointModel[]> {
    const endpoints = await portCall(root.entry, 'LIST_WEBHOOKS')();
    return endpoints.map((e) => ({ ...e, url: maskWebhookUrl(e.url, [root.entry.webhookSecret]), instanceId: root.id }));
  }

  @FieldResolver(() => Media, { nullable: true, description: 'A received media file by the `mediaId` of a message content; null when the provider has no such file.' })
  @Requires('GET_MEDIA')
  async media(@Root() root: InstanceRoot, @Arg('id', () => String) id: string, @Ctx() ctx: GraphContext): Promise<(MediaModel & { instanceId: string }) | null> {
    const get = portCall(root.entry, 'GET_MEDIA');
    checkLength(id, 'id', MAX_MESSAGE_ID_LENGTH, 1);
    const media = await get(id);
    return media && { ...mediaWithLink(media, root.entry.id, ctx), instanceId: root.id };
  }

  @Mutation(() => BusinessActionPayload, { description: 'Replaces the business profile.' })
  @Requires('UPDATE_BUSINESS_PROFILE')
  async updateBusinessProfile(@Arg('input', () => UpdateBusinessProfileInput) input: UpdateBusinessProfileInput, @Ctx() ctx: GraphContext): Promise<BusinessActionPayload> {
    const { call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_BUSINESS_PROFILE');
    checkLength(input.address, 'input.address', MAX_BUSINESS_ADDRESS_LENGTH);
    checkLength(input.description, 'input.description', MAX_BUSINESS_DESCRIPTION_LENGTH);
    if (input.websites && input.websites.length > MAX_BUSINESS_WEBSITES) throw badInput('input.websites', `must have at most ${MAX_BUSINESS_WEBSITES} websites`);
    if (input.email != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw badInput('input.email', 'must be an e-mail address');
    const hours = input.hours ? checkHours(input.hours) : null;
    if (input.categories) input.categories.forEach((c, i) => checkLength(c, `input.categories[${i}]`, MAX_ID_LENGTH, 1));
    const given = [input.address, input.description, input.email, input.vertical, input.websites, hours, input.categories].filter((v) => v !== null && v !== undefined);
    if (!given.length) throw badInput('input', 'give at least one field');
    await update({
      address: input.address ?? null,
      description: input.description ?? null,
      email: input.email ?? null,
      vertical: input.vertical ?? null,
      websites: input.websites ?? null,
      hours,
      categories: input.categories ?? null,
    });
    return { instanceId: input.instanceId, ok: true };
  }

  @Mutation(() => BusinessActionPayload, { description: 'Sets the profile "about" text.', deprecationReason: 'use updateProfileAbout' })
  @Requires('UPDATE_BUSINESS_ABOUT')
  async updateBusinessAbout(@Arg('input', () => UpdateBusinessAboutInput) input: UpdateBusinessAboutInput, @Ctx() ctx: GraphContext): Promise<BusinessActionPayload> {
    const { call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_BUSINESS_ABOUT');
    checkLength(input.text, 'input.text', MAX_ABOUT_LENGTH, 1);
    await update(input.text);
    return { instanceId: input.instanceId, ok: true };
  }

  @Mutation(() => BusinessActionPayload, { description: 'Sets the profile photo (a JPEG or PNG data: URI).', deprecationReason: 'use updateProfilePicture' })
  @Requires('UPDATE_BUSINESS_PHOTO')
  async updateBusinessPhoto(@Arg('input', () => UpdateBusinessPhotoInput) input: UpdateBusinessPhotoInput, @Ctx() ctx: GraphContext): Promise<BusinessActionPayload> {
    const { call: update } = instanceCall(ctx, input.instanceId, 'UPDATE_BUSINESS_PHOTO');
    if (input.photo.length > MAX_PHOTO_DATA_URI_LENGTH) throw badInput('input.photo', 'must be at most 5 MB');
    await update({ photo: input.photo });
    return { instanceId: input.instanceId, ok: true };
  }

  @Mutation(() => PullPendingNotificationsPayload, {
    description: 'Fetches the notifications the provider could not deliver by webhook and feeds them to the event streams (deduped against what already arrived).',
  })
  @Requires('PULL_NOTIFICATIONS')
  async pullPendingNotifications(
    @Arg('input', () => PullPendingNotificationsInput) input: PullPendingNotificationsInput,
    @Ctx() ctx: GraphContext,
  ): Promise<PullPendingNotificationsPayload> {
    const { call: pull } = instanceCall(ctx, input.instanceId, 'PULL_NOTIFICATIONS');
    const events = await pull(input.webhookId ?? null);
    if (events.length) await ctx.services.pipeline.accept(events);
    return { pulled: events.length, eventIds: events.map((e) => e.id) };
  }
}
