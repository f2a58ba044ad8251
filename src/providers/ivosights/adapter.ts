import type { Logger } from '../../logger.js';
import type {
  BaseInstanceConfig,
  BusinessPort,
  ProfilePort,
  Capability,
  ContactsPort,
  EventSink,
  MediaPort,
  MessagingPort,
  ProviderAdapter,
  ProviderDeps,
  ReferencePort,
  TemplatesPort,
  WebhookAdminPort,
  WebhookPort,
} from '../contract.js';
import { DEFAULT_TIMEOUT_MS, ProviderError } from '../http.js';
import type { SendOptions, SentMessage } from '../model.js';
import { startPoller, type Poller } from '../poller.js';
import { IvosightsClient, SANDBOX_OPERATIONS } from './client.js';
import {
  checkTemplate,
  requireText,
  templateFromAnswer,
  toBusinessProfile,
  toBusinessProfileUpdate,
  toContactCheckRequest,
  toCountry,
  toMedia,
  toMediaDownload,
  toNamedOption,
  toPhoneChecks,
  toProfilePhotoUpload,
  toSendButtons,
  toSendContact,
  toSendFlow,
  toSendList,
  toSendLocation,
  toSendMedia,
  toSendProduct,
  toSendSticker,
  toSendProductList,
  toSendTemplate,
  toSendText,
  toSentMessage,
  toTemplate,
  toTemplateRequest,
  toWebhookEndpoint,
  type OutgoingSend,
} from './mapping.js';
import { createWebhookPort, pullPendingEvents } from './webhooks.js';
import type { WireSendResponse } from './wire.js';

/** An IVOWBA instance's configuration (DESIGN.md "Configuration"; the task's config fields). */
export interface IvosightsConfig extends BaseInstanceConfig {
  /** The `X-API-KEY` (lines 10-16). */
  apiKey: string;
  /** Talk to the Sandbox copies of the endpoints (lines 3136-3240). */
  sandbox?: boolean;
  /** The webhook's `http_auth` username / password (lines 2746-2750): deliveries carrying them pass `authenticate`. */
  webhookUsername?: string;
  webhookPassword?: string;
  /** Pull pending notifications every this many ms (off when absent; at least {@link MIN_PULL_INTERVAL_MS}). */
  pullIntervalMs?: number;
  /** The webhook id to pull pending notifications of (default: every webhook the account lists). */
  webhookId?: string;
  timeoutMs?: number;
}

/** Capabilities of a production IVOWBA instance. */
export const IVOSIGHTS_CAPABILITIES: readonly Capability[] = [
  'SEND_TEXT',
  'SEND_IMAGE',
  'SEND_VIDEO',
  'SEND_AUDIO',
  'SEND_DOCUMENT',
  'SEND_STICKER',
  'SEND_LOCATION',
  'SEND_CONTACT',
  'SEND_BUTTONS',
  'SEND_LIST',
  'READ_MESSAGE',
  'CHECK_PHONES',
  'SEND_TEMPLATE',
  'SEND_PRODUCT',
  'SEND_PRODUCT_LIST',
  'SEND_FLOW',
  'LIST_TEMPLATES',
  'GET_TEMPLATE',
  'CREATE_TEMPLATE',
  'UPDATE_TEMPLATE',
  'PROPOSE_TEMPLATE',
  'TEMPLATE_CATEGORIES',
  'TEMPLATE_LANGUAGES',
  'GET_MEDIA',
  'BUSINESS_PROFILE',
  'UPDATE_BUSINESS_PROFILE',
  'BUSINESS_ABOUT',
  'UPDATE_BUSINESS_ABOUT',
  'BUSINESS_PHOTO',
  'UPDATE_BUSINESS_PHOTO',
  // the graph's profile mutations: the same about text and photo operations (updateBusinessAbout/Photo are their deprecated names)
  'UPDATE_PROFILE_ABOUT',
  'UPDATE_PROFILE_PICTURE',
  'LIST_WEBHOOKS',
  'PULL_NOTIFICATIONS',
  'COUNTRIES',
];

/** Which documented operation serves each capability (for the sandbox subset, lines 3137-3145). */
const CAPABILITY_OPERATION: Partial<Record<Capability, string>> = {
  SEND_TEXT: 'send-text-message',
  SEND_IMAGE: 'send-media-message',
  SEND_VIDEO: 'send-media-message',
  SEND_AUDIO: 'send-media-message',
  SEND_DOCUMENT: 'send-media-message',
  SEND_STICKER: 'send-media-message',
  SEND_LOCATION: 'send-location-message',
  SEND_CONTACT: 'send-contact-message',
  SEND_BUTTONS: 'send-reply-button-message',
  SEND_LIST: 'send-list-message',
  SEND_TEMPLATE: 'send-template-message',
  GET_MEDIA: 'media',
};

/** Capabilities of a `sandbox: true` instance: only those whose operation the Sandbox serves (lines 3137-3145). */
export const IVOSIGHTS_SANDBOX_CAPABILITIES: readonly Capability[] = IVOSIGHTS_CAPABILITIES.filter((c) => {
  const op = CAPABILITY_OPERATION[c];
  return op !== undefined && SANDBOX_OPERATIONS.has(op);
});

/** Shortest allowed pull interval, ms: a faster puller would only hammer the provider. */
export const MIN_PULL_INTERVAL_MS = 100;

/** `fetch`, or null when IVOWBA answers 404 (lines 171-174: not found is an answer, not a failure). */
async function orNull<T>(fetch: () => Promise<T>): Promise<T | null> {
  try {
    return await fetch();
  } catch (err) {
    if (err instanceof ProviderError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

/**
 * The IVOWBA adapter: the ports over {@link IvosightsClient} and `mapping.ts` (which validates
 * and builds every documented request), the webhook port (`webhooks.ts`) and the
 * pending-notification puller on the shared poller.
 */
export class IvosightsAdapter implements ProviderAdapter {
  readonly kind = 'ivosights' as const;
  readonly instanceId: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly messaging: Partial<MessagingPort>;
  readonly contacts: Partial<ContactsPort>;
  readonly templates: Partial<TemplatesPort>;
  readonly media: Partial<MediaPort>;
  readonly business: Partial<BusinessPort>;
  /** The profile "about" text and photo: the business port's own methods, under the graph's profile capabilities. */
  readonly profile: Partial<ProfilePort>;
  readonly webhookAdmin: Partial<WebhookAdminPort>;
  readonly reference: Partial<ReferencePort>;
  readonly webhooks: WebhookPort;
  /** The wire client (tests and the simulator checks use it directly). */
  readonly client: IvosightsClient;
  private readonly logger: Logger;
  private poller: Poller | null = null;

  constructor(
    private readonly config: IvosightsConfig,
    deps: ProviderDeps,
  ) {
    this.instanceId = config.id;
    this.logger = deps.logger.child({ provider: 'ivosights', instanceId: config.id });
    const client = new IvosightsClient({
      baseUrl: config.baseUrl ?? 'https://waba.ivosights.com',
      apiKey: config.apiKey,
      sandbox: config.sandbox === true,
      timeoutMs: config.timeoutMs,
      ...(config.resilience ? { resilience: config.resilience } : {}),
      logger: this.logger,
      metrics: deps.metrics,
    });
    this.client = client;
    this.capabilities = new Set(config.sandbox ? IVOSIGHTS_SANDBOX_CAPABILITIES : IVOSIGHTS_CAPABILITIES);
    this.webhooks = createWebhookPort(config.id, { username: config.webhookUsername, password: config.webhookPassword });

    /** Validates and builds (`build`, throwing before any request), sends (`call`), reads the answer's message id. */
    const send =
      <I extends SendOptions, W>(operation: string, build: (input: I) => OutgoingSend<W>, call: (wire: W) => Promise<WireSendResponse>) =>
      async (input: I): Promise<SentMessage> => {
        const out = build(input);
        return toSentMessage(operation, await call(out.wire), out, input);
      };
    this.messaging = {
      sendText: send('send-text-message', toSendText, (w) => client.sendTextMessage(w)),
      sendImage: send(
        'send-media-message',
        (i) => toSendMedia('image', i),
        (w) => client.sendMediaMessage(w),
      ),
      sendVideo: send(
        'send-media-message',
        (i) => toSendMedia('video', i),
        (w) => client.sendMediaMessage(w),
      ),
      sendAudio: send(
        'send-media-message',
        (i) => toSendMedia('audio', i),
        (w) => client.sendMediaMessage(w),
      ),
      sendDocument: send(
        'send-media-message',
        (i) => toSendMedia('document', i, i.fileName),
        (w) => client.sendMediaMessage(w),
      ),
      sendSticker: send('send-media-message', toSendSticker, (w) => client.sendMediaMessage(w)),
      sendLocation: send('send-location-message', toSendLocation, (w) => client.sendLocationMessage(w)),
      sendContact: send('send-contact-message', toSendContact, (w) => client.sendContactMessage(w)),
      sendButtons: send('send-reply-button-message', toSendButtons, (w) => client.sendReplyButtonMessage(w)),
      sendList: send('send-list-message', toSendList, (w) => client.sendListMessage(w)),
      sendTemplate: send('send-template-message', toSendTemplate, (w) => client.sendTemplateMessage(w)),
      sendProduct: send('send-single-product-message', toSendProduct, (w) => client.sendSingleProductMessage(w)),
      sendProductList: send('send-multi-product-message', toSendProductList, (w) => client.sendMultiProductMessage(w)),
      sendFlow: send('send-flow-message', toSendFlow, (w) => client.sendFlowMessage(w)),
      readMessage: async (i) => {
        await client.markRead(requireText('input.messageId', i.messageId));
      },
    };
    this.contacts = {
      checkPhones: async (phones) => (phones.length ? toPhoneChecks(phones, await client.checkContacts(toContactCheckRequest(phones))) : []),
    };
    this.templates = {
      listTemplates: async (scope) => {
        const res = scope === 'ALL' ? await client.allTemplates() : await client.myTemplates();
        const p = res?.meta?.pagination;
        return { items: (res?.data ?? []).map(toTemplate), hasNextPage: p ? p.current_page < p.total_pages : false };
      },
      getTemplate: async (id) => {
        requireText('input.templateId', id);
        return orNull(async () => toTemplate(await client.showTemplate(id)));
      },
      createTemplate: async (input) => {
        checkTemplate(input);
        return templateFromAnswer(await client.createTemplate(toTemplateRequest(input)));
      },
      updateTemplate: async (id, input) => {
        requireText('input.templateId', id);
        checkTemplate(input);
        return templateFromAnswer(await client.updateTemplate(id, toTemplateRequest(input)));
      },
      proposeTemplate: async (id) => {
        await client.proposeTemplate(requireText('input.templateId', id));
      },
      listTemplateCategories: async () => ((await client.templateCategories())?.data ?? []).map(toNamedOption),
      listTemplateLanguages: async () => ((await client.templateLanguages())?.data ?? []).map(toNamedOption),
    };
    this.media = {
      // The file is only served behind the instance's key (lines 135-176): the graph streams it
      // through its own media route, so `getMedia` reads the answer's headers and drops the body.
      getMedia: async (id) => {
        requireText('input.mediaId', id);
        return orNull(async () => {
          const res = await client.openMedia(id, undefined, AbortSignal.timeout(DEFAULT_TIMEOUT_MS));
          res.body.on('error', () => undefined).destroy();
          return toMedia(id, res.headers['content-type'], res.headers['content-length']);
        });
      },
      openMedia: async (id, range, signal) => {
        requireText('mediaId', id);
        return orNull(async () => toMediaDownload(await client.openMedia(id, range, signal)));
      },
    };
    this.business = {
      getBusinessProfile: async () => toBusinessProfile(await client.businessProfile()),
      updateBusinessProfile: async (input) => {
        await client.updateBusinessProfile(toBusinessProfileUpdate(input));
      },
      getAbout: async () => (await client.about())?.settings?.profile?.about?.text ?? null,
      updateAbout: async (text) => {
        await client.updateAbout({ text: requireText('input.text', text) });
      },
      getProfilePhoto: async () => (await client.profilePhoto())?.settings?.profile?.photo?.link ?? null,
      updateProfilePhoto: async (input) => {
        await client.updateProfilePhoto(toProfilePhotoUpload(input));
      },
    };
    const business = this.business;
    this.profile = {
      updateAbout: (text) => business.updateAbout!(text),
      updatePicture: (input) => business.updateProfilePhoto!(input),
    };
    this.webhookAdmin = {
      listWebhooks: async () => ((await client.webhooks())?.data ?? []).map(toWebhookEndpoint),
      pullPendingNotifications: (id) => pullPendingEvents(client, config.id, id || config.webhookId),
    };
    this.reference = { listCountries: async () => ((await client.countries())?.data ?? []).map(toCountry) };
  }

  /**
   * Starts the pending-notification puller when `pullIntervalMs` is set (on the shared poller,
   * every max({@link MIN_PULL_INTERVAL_MS}, `pullIntervalMs`) ms); not on sandbox instances: the
   * Sandbox has no pull endpoint (lines 3137-3145).
   */
  start(sink: EventSink): void {
    const every = this.config.pullIntervalMs;
    if (!every || this.poller) return;
    if (this.config.sandbox) {
      this.logger.info('ivosights puller not started: the sandbox has no pull endpoint');
      return;
    }
    this.poller = startPoller({
      task: 'ivosights pending-notification pull',
      intervalMs: Math.max(MIN_PULL_INTERVAL_MS, every),
      sweep: () => pullPendingEvents(this.client, this.instanceId, this.config.webhookId),
      sink,
      logger: this.logger,
    });
  }

  /** Stops the puller and waits for a pull in progress. */
  async stop(): Promise<void> {
    const poller = this.poller;
    this.poller = null;
    await poller?.stop();
    await this.client.close();
  }
}
