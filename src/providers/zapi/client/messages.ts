import { badInput } from '../../../errors.js';
import type { MessagingPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type {
  DeleteMessageInput,
  MessageContent,
  ReadMessageInput,
  SendButtonsInput,
  SendContactInput,
  SendDocumentInput,
  SendListInput,
  SendLocationInput,
  SendMediaInput,
  SendOptions,
  SendReactionInput,
  SendTextInput,
  SentMessage,
} from '../../model.js';
import type {
  ZapiDeleteMessageQuery,
  ZapiReadMessageBody,
  ZapiSendAudioBody,
  ZapiSendButtonListBody,
  ZapiSendContactBody,
  ZapiSendContactsBody,
  ZapiSendDocumentBody,
  ZapiSendImageBody,
  ZapiSendLocationBody,
  ZapiSendOptionListBody,
  ZapiSendReactionBody,
  ZapiSendRemoveReactionBody,
  ZapiSendResponse,
  ZapiSendTextBody,
  ZapiSendVideoBody,
} from '../wire/messages.js';

// ---------------------------------------------------------------------------------------
// Documented limits (checked before any request)
// ---------------------------------------------------------------------------------------

/** Shortest `delayMessage` / `delayTyping`, seconds ("a range of 1 to 15 seconds", z-api.txt 1800-1801). */
export const ZAPI_MIN_DELAY_SECONDS = 1;
/** Longest `delayMessage` / `delayTyping`, seconds (z-api.txt 1800-1801). */
export const ZAPI_MAX_DELAY_SECONDS = 15;
/** What a `send-document/{extension}` path segment may be: the file extension without the dot (z-api.txt 2600-2684). */
const DOCUMENT_EXTENSION = /^[A-Za-z0-9]{1,10}$/;

// ---------------------------------------------------------------------------------------
// Wire-level client: one method per documented operation
// ---------------------------------------------------------------------------------------

/**
 * Z-API's message operations as documented (z-api.txt 1764-4117: sends, read, delete), on
 * the instance's {@link ProviderHttpClient} (whose base URL already ends in
 * `/instances/{instanceId}/token/{token}` and whose headers carry `Client-Token`). Each method
 * sends exactly the documented method, path and body and returns the wire answer; it throws
 * `ProviderError` only.
 */
export class ZapiMessagesClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `POST /send-text` (z-api.txt 1764-1849; reply 4041-4117; mentions 7394-7469). */
  sendText(body: ZapiSendTextBody): Promise<ZapiSendResponse> {
    return this.send('send-text', '/send-text', body);
  }

  /** `POST /send-image` (z-api.txt 2052-2150). */
  sendImage(body: ZapiSendImageBody): Promise<ZapiSendResponse> {
    return this.send('send-image', '/send-image', body);
  }

  /** `POST /send-video` (z-api.txt 2423-2512). */
  sendVideo(body: ZapiSendVideoBody): Promise<ZapiSendResponse> {
    return this.send('send-video', '/send-video', body);
  }

  /** `POST /send-audio` (z-api.txt 2332-2421). */
  sendAudio(body: ZapiSendAudioBody): Promise<ZapiSendResponse> {
    return this.send('send-audio', '/send-audio', body);
  }

  /** `POST /send-document/{extension}` (z-api.txt 2600-2684): the extension is a mandatory path segment. */
  sendDocument(extension: string, body: ZapiSendDocumentBody): Promise<ZapiSendResponse> {
    return this.send('send-document', encodePath`/send-document/${extension}`, body);
  }

  /** `POST /send-location` (z-api.txt 2765-2836). */
  sendLocation(body: ZapiSendLocationBody): Promise<ZapiSendResponse> {
    return this.send('send-location', '/send-location', body);
  }

  /** `POST /send-reaction` (z-api.txt 1918-1984). */
  sendReaction(body: ZapiSendReactionBody): Promise<ZapiSendResponse> {
    return this.send('send-reaction', '/send-reaction', body);
  }

  /** `POST /send-remove-reaction` (z-api.txt 1986-2050). */
  sendRemoveReaction(body: ZapiSendRemoveReactionBody): Promise<ZapiSendResponse> {
    return this.send('send-remove-reaction', '/send-remove-reaction', body);
  }

  /** `POST /send-contact` (z-api.txt 2976-3044). */
  sendContact(body: ZapiSendContactBody): Promise<ZapiSendResponse> {
    return this.send('send-contact', '/send-contact', body);
  }

  /** `POST /send-contacts` (z-api.txt 3046-3130). */
  sendContacts(body: ZapiSendContactsBody): Promise<ZapiSendResponse> {
    return this.send('send-contacts', '/send-contacts', body);
  }

  /** `POST /send-button-list` (z-api.txt 3246-3531: text, image and video variants). */
  sendButtonList(body: ZapiSendButtonListBody): Promise<ZapiSendResponse> {
    return this.send('send-button-list', '/send-button-list', body);
  }

  /** `POST /send-option-list` (z-api.txt 3534-3626). */
  sendOptionList(body: ZapiSendOptionListBody): Promise<ZapiSendResponse> {
    return this.send('send-option-list', '/send-option-list', body);
  }

  /** `POST /read-message` (z-api.txt 3981-4039): answers 204. */
  async readMessage(body: ZapiReadMessageBody): Promise<void> {
    await this.http.request({ operation: 'read-message', method: 'POST', path: '/read-message', body });
  }

  /** `DELETE /messages?messageId=&phone=&owner=` (z-api.txt 3919-3979): parameters in the query string; answers 204. */
  async deleteMessage(query: ZapiDeleteMessageQuery): Promise<void> {
    await this.http.request({ operation: 'delete-message', method: 'DELETE', path: '/messages', query: { messageId: query.messageId, phone: query.phone, owner: query.owner } });
  }

  private send(operation: string, path: string, body: object): Promise<ZapiSendResponse> {
    return this.http.request<ZapiSendResponse>({ operation, method: 'POST', path, body });
  }
}

// ---------------------------------------------------------------------------------------
// Ports: domain inputs → documented requests → domain results
// ---------------------------------------------------------------------------------------

/** Which send options an operation documents (z-api.txt: attribute tables of each `send-*` section): a quote (`messageId`) and a typing delay (`delayTyping`). */
export interface SendSupport {
  reply: boolean;
  typing: boolean;
}
const SUPPORT = {
  text: { reply: true, typing: true },
  image: { reply: true, typing: false },
  video: { reply: true, typing: false },
  audio: { reply: false, typing: true },
  document: { reply: true, typing: false },
  location: { reply: true, typing: false },
  contact: { reply: true, typing: false },
  reaction: { reply: false, typing: false },
  buttons: { reply: false, typing: false },
  list: { reply: false, typing: false },
} as const satisfies Record<string, SendSupport>;

function checkDelay(field: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < ZAPI_MIN_DELAY_SECONDS || value > ZAPI_MAX_DELAY_SECONDS) {
    throw badInput(field, `must be a whole number of seconds from ${ZAPI_MIN_DELAY_SECONDS} to ${ZAPI_MAX_DELAY_SECONDS}`);
  }
  return value;
}

/**
 * The documented options of a send, checked: `delayMessage` and `delayTyping` within
 * 1..15 s, and a reply or typing delay only where the operation documents one.
 * @throws GraphError BAD_USER_INPUT (`input.delaySeconds`, `input.typingSeconds`, `input.replyToMessageId`)
 */
export function sendOptions(input: SendOptions, support: SendSupport): { delayMessage?: number; delayTyping?: number; messageId?: string } {
  const out: { delayMessage?: number; delayTyping?: number; messageId?: string } = {};
  const delay = checkDelay('input.delaySeconds', input.delaySeconds);
  if (delay !== undefined) out.delayMessage = delay;
  const typing = checkDelay('input.typingSeconds', input.typingSeconds);
  if (typing !== undefined) {
    if (!support.typing) throw badInput('input.typingSeconds', 'zapi documents a typing delay only for text and audio');
    out.delayTyping = typing;
  }
  if (input.replyToMessageId) {
    if (!support.reply) throw badInput('input.replyToMessageId', 'zapi does not document replies for this kind of message');
    out.messageId = input.replyToMessageId;
  }
  return out;
}

/** `SentMessage` from a send answer: WhatsApp's `messageId` is the id, `zaapId` the provider id; queued, so `PENDING`. */
export function sent(res: ZapiSendResponse, to: string, content: MessageContent, clientReference?: string | null): SentMessage {
  return {
    id: res.messageId || res.id || res.zaapId,
    providerId: res.zaapId ?? null,
    chatId: to,
    // Z-API queues the message and answers at once (z-api.txt 28-37): it is not sent yet.
    status: 'PENDING',
    timestamp: Date.now(),
    content,
    clientReference: clientReference ?? null,
  };
}

/** The methods of {@link MessagingPort} that Z-API implements (no bulk send, no status query). */
export type ZapiMessagingPorts = Pick<
  MessagingPort,
  | 'sendText'
  | 'sendImage'
  | 'sendVideo'
  | 'sendAudio'
  | 'sendDocument'
  | 'sendLocation'
  | 'sendReaction'
  | 'sendContact'
  | 'sendButtons'
  | 'sendList'
  | 'readMessage'
  | 'deleteMessage'
>;

/**
 * The Z-API messaging port methods on {@link ZapiMessagesClient}: each checks Z-API's own
 * documented limits, sends the documented request, and maps the answer to a `SentMessage`.
 * @throws GraphError BAD_USER_INPUT before any request when an input breaks a Z-API rule; ProviderError from the call
 */
export function createZapiMessagingPorts(client: ZapiMessagesClient): ZapiMessagingPorts {
  return {
    async sendText(input: SendTextInput): Promise<SentMessage> {
      const body: ZapiSendTextBody = { phone: input.to, message: input.text, ...sendOptions(input, SUPPORT.text) };
      if (input.editMessageId) body.editMessageId = input.editMessageId;
      if (input.mentions?.length) body.mentioned = input.mentions;
      // Mention groups (z-api.txt 7470-7549: `groupMentioned`, each group's id as `phone` and its `subject`).
      if (input.groupMentions?.length) body.groupMentioned = input.groupMentions.map((g) => ({ phone: g.groupId, subject: g.subject }));
      if (input.privateReply != null) {
        // `privateAnswer` belongs to the reply variant (z-api.txt 4068): without a quoted message it means nothing.
        if (!input.replyToMessageId) throw badInput('input.privateReply', 'only a reply (replyToMessageId) can be sent privately');
        body.privateAnswer = input.privateReply;
      }
      // Z-API's send-text has no link-preview switch (z-api.txt 1764-1849): WhatsApp Web
      // previews links itself, so `previewUrl` has nothing to map to.
      return sent(await client.sendText(body), input.to, { kind: 'text', body: input.text }, input.clientReference);
    },

    async sendImage(input: SendMediaInput): Promise<SentMessage> {
      const body: ZapiSendImageBody = { phone: input.to, image: input.media, ...sendOptions(input, SUPPORT.image) };
      if (input.caption) body.caption = input.caption;
      if (input.waveform != null) throw badInput('input.waveform', 'only audio has a waveform');
      // `viewOnce` (z-api.txt 2094): sent whenever given, false included, as the example does.
      if (input.viewOnce != null) body.viewOnce = input.viewOnce;
      return sent(await client.sendImage(body), input.to, { kind: 'image', url: input.media, caption: input.caption ?? null }, input.clientReference);
    },

    async sendVideo(input: SendMediaInput): Promise<SentMessage> {
      const body: ZapiSendVideoBody = { phone: input.to, video: input.media, ...sendOptions(input, SUPPORT.video) };
      if (input.caption) body.caption = input.caption;
      if (input.waveform != null) throw badInput('input.waveform', 'only audio has a waveform');
      // `viewOnce` (z-api.txt 2455).
      if (input.viewOnce != null) body.viewOnce = input.viewOnce;
      return sent(await client.sendVideo(body), input.to, { kind: 'video', url: input.media, caption: input.caption ?? null }, input.clientReference);
    },

    async sendAudio(input: SendMediaInput): Promise<SentMessage> {
      if (input.caption) throw badInput('input.caption', 'zapi audio messages have no caption');
      const body: ZapiSendAudioBody = { phone: input.to, audio: input.media, ...sendOptions(input, SUPPORT.audio) };
      // `viewOnce` and `waveform` (z-api.txt 2363-2365).
      if (input.viewOnce != null) body.viewOnce = input.viewOnce;
      if (input.waveform != null) body.waveform = input.waveform;
      return sent(await client.sendAudio(body), input.to, { kind: 'audio', url: input.media, ...(input.waveform ? { voice: true } : {}) }, input.clientReference);
    },

    async sendDocument(input: SendDocumentInput): Promise<SentMessage> {
      const extension = input.extension.replace(/^\./, '');
      if (!DOCUMENT_EXTENSION.test(extension)) throw badInput('input.extension', 'must be a file extension of 1 to 10 letters or digits, such as pdf');
      const body: ZapiSendDocumentBody = { phone: input.to, document: input.media, ...sendOptions(input, SUPPORT.document) };
      if (input.fileName) body.fileName = input.fileName;
      if (input.caption) body.caption = input.caption;
      return sent(
        await client.sendDocument(extension, body),
        input.to,
        { kind: 'document', url: input.media, fileName: input.fileName ?? null, caption: input.caption ?? null },
        input.clientReference,
      );
    },

    async sendLocation(input: SendLocationInput): Promise<SentMessage> {
      // `title` and `address` are mandatory in Z-API (z-api.txt 2790-2796).
      if (!input.name) throw badInput('input.name', 'zapi requires a location name (title)');
      if (!input.address) throw badInput('input.address', 'zapi requires a location address');
      const body: ZapiSendLocationBody = {
        phone: input.to,
        title: input.name,
        address: input.address,
        // Documented as strings ("latitude": "-23.0696347", z-api.txt 2812).
        latitude: String(input.latitude),
        longitude: String(input.longitude),
        ...sendOptions(input, SUPPORT.location),
      };
      return sent(
        await client.sendLocation(body),
        input.to,
        { kind: 'location', latitude: input.latitude, longitude: input.longitude, name: input.name, address: input.address },
        input.clientReference,
      );
    },

    async sendReaction(input: SendReactionInput): Promise<SentMessage> {
      const options = sendOptions(input, SUPPORT.reaction);
      const content: MessageContent = { kind: 'reaction', emoji: input.emoji, targetMessageId: input.messageId };
      // An empty emoji removes the reaction: Z-API has its own operation for that (z-api.txt 1986-2050).
      const res =
        input.emoji === ''
          ? await client.sendRemoveReaction({ phone: input.to, messageId: input.messageId, ...options })
          : await client.sendReaction({ phone: input.to, reaction: input.emoji, messageId: input.messageId, ...options });
      return sent(res, input.to, content, input.clientReference);
    },

    async sendContact(input: SendContactInput): Promise<SentMessage> {
      if (input.contacts.length === 0) throw badInput('input.contacts', 'at least one contact is required');
      input.contacts.forEach((c, i) => {
        if (!c.name) throw badInput(`input.contacts[${i}].name`, 'required');
        if (c.phones.length === 0) throw badInput(`input.contacts[${i}].phones`, 'at least one phone is required');
      });
      const options = sendOptions(input, SUPPORT.contact);
      const content: MessageContent = { kind: 'contact', contacts: input.contacts };
      const [only] = input.contacts;
      // One contact with one phone is `send-contact` (z-api.txt 2976); anything more is `send-contacts` (3046).
      const res =
        input.contacts.length === 1 && only && only.phones.length === 1
          ? await client.sendContact({ phone: input.to, contactName: only.name, contactPhone: only.phones[0] as string, ...options })
          : await client.sendContacts({ phone: input.to, contacts: input.contacts.map((c) => ({ name: c.name, phones: c.phones })), ...options });
      return sent(res, input.to, content, input.clientReference);
    },

    async sendButtons(input: SendButtonsInput): Promise<SentMessage> {
      // send-button-list documents a message, buttons and an optional image or video
      // (z-api.txt 3246-3531): nothing else can be carried, so nothing else is accepted.
      if (input.footer) throw badInput('input.footer', 'zapi reply buttons have no footer');
      if (input.header?.text) throw badInput('input.header.text', 'zapi reply buttons have no text header');
      if (input.header?.document) throw badInput('input.header.document', 'zapi reply buttons have no document header');
      if (input.header?.image && input.header.video) throw badInput('input.header', 'zapi reply buttons take an image or a video, not both');
      if (input.extra && Object.keys(input.extra).length) throw badInput('input.extra', 'zapi takes no extra button fields');
      if (!input.body) throw badInput('input.body', 'zapi requires a message text with buttons');
      const { delayMessage } = sendOptions(input, SUPPORT.buttons);
      const body: ZapiSendButtonListBody = { phone: input.to, message: input.body, buttonList: { buttons: input.buttons.map((b) => ({ id: b.id, label: b.title })) } };
      if (input.header?.image) body.buttonList.image = input.header.image;
      if (input.header?.video) body.buttonList.video = input.header.video;
      if (delayMessage !== undefined) body.delayMessage = delayMessage;
      // Received (and echoed) as `buttonsMessage` (z-api.txt 11478-11568), which the parser types as buttons, not text.
      const content: MessageContent = {
        kind: 'buttons',
        body: input.body,
        imageUrl: input.header?.image ?? null,
        videoUrl: input.header?.video ?? null,
        buttons: input.buttons.map((b, index) => ({ type: 'REPLY', text: b.title, id: b.id, index })),
      };
      return sent(await client.sendButtonList(body), input.to, content, input.clientReference);
    },

    async sendList(input: SendListInput): Promise<SentMessage> {
      // send-option-list has one titled list of options, each with a mandatory title and
      // description (z-api.txt 3534-3626); no footer and no sections.
      if (input.footer) throw badInput('input.footer', 'zapi option lists have no footer');
      if (input.sections.length !== 1) throw badInput('input.sections', 'zapi option lists have exactly one section');
      const [section] = input.sections as [SendListInput['sections'][number]];
      const title = input.header || section.title;
      if (!title) throw badInput('input.header', 'zapi requires a list title (header or the section title)');
      section.rows.forEach((r, i) => {
        if (!r.description) throw badInput(`input.sections[0].rows[${i}].description`, 'zapi requires a description for every option');
      });
      const { delayMessage } = sendOptions(input, SUPPORT.list);
      const body: ZapiSendOptionListBody = {
        phone: input.to,
        message: input.body,
        optionList: { title, buttonLabel: input.buttonText, options: section.rows.map((r) => ({ id: r.id, title: r.title, description: r.description as string })) },
      };
      if (delayMessage !== undefined) body.delayMessage = delayMessage;
      // Echoed as `listMessage`, which the parser reads in the send's own terms (mapping.ts): a
      // list, not text; its one untitled section of options under the list's title.
      const content: MessageContent = {
        kind: 'list',
        body: input.body,
        title,
        buttonText: input.buttonText,
        sections: [{ title: null, rows: section.rows.map((r) => ({ id: r.id, title: r.title, description: r.description ?? null })) }],
      };
      return sent(await client.sendOptionList(body), input.to, content, input.clientReference);
    },

    async readMessage(input: ReadMessageInput): Promise<void> {
      await client.readMessage({ phone: input.chatId, messageId: input.messageId });
    },

    async deleteMessage(input: DeleteMessageInput): Promise<void> {
      await client.deleteMessage({ messageId: input.messageId, phone: input.chatId, owner: input.owner });
    },
  };
}
