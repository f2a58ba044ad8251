import type { ChatsPort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { Chat, ChatExpiration, Page, PageRequest } from '../../model.js';
import { orNullByPhone } from '../errors.js';
import { toBool, toChat, toPage, ZAPI_CHAT_EXPIRATION } from '../mapping.js';
import type { ZapiChat, ZapiChatAction, ZapiChatExpirationBody, ZapiModifyChatBody } from '../wire/chats.js';
import type { ZapiValueResponse } from '../wire/common.js';

/**
 * Z-API's chat operations as documented (z-api.txt "Chats", 6186-6679): the chat list and
 * metadata, chat management (one path, `POST /modify-chat`, with an `action`) and
 * `POST /send-chat-expiration`. Built on the instance's {@link ProviderHttpClient} (base URL,
 * `Client-Token`, error mapping); throws `ProviderError` only.
 */
export class ZapiChatsClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /chats?page=&pageSize=` (z-api.txt 6186-6267). */
  chats(page: number, pageSize: number): Promise<ZapiChat[] | null> {
    return this.http.request<ZapiChat[] | null>({ operation: 'chats', method: 'GET', path: '/chats', query: { page, pageSize } });
  }

  /**
   * `GET /chats/{phone}` (z-api.txt 6269-6333). The section heading (6271) and its curl
   * sample (6325) say `/chat/{phone}`, the URL line (6272) and example URL (6292) say
   * `/chats/{phone}`: the URL lines win, they are the documented request.
   */
  chat(phone: string): Promise<ZapiChat | null> {
    return this.http.request<ZapiChat | null>({ operation: 'chat-metadata', method: 'GET', path: encodePath`/chats/${phone}` });
  }

  /**
   * `POST /modify-chat` {phone, action}: read/unread (z-api.txt 6335-6382), archive/unarchive
   * (6384-6431), pin/unpin (6433-6480), mute/unmute (6482-6534), clear (6536-6588), delete
   * (6590-6637). Answers `{"value": true}`.
   */
  modifyChat(body: ZapiModifyChatBody): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: `modify-chat-${body.action}`, method: 'POST', path: '/modify-chat', body });
  }

  /** `POST /send-chat-expiration` {phone, chatExpiration} (z-api.txt 6639-6679). Answers `{"value": true}`. */
  sendChatExpiration(body: ZapiChatExpirationBody): Promise<ZapiValueResponse | null> {
    return this.http.request<ZapiValueResponse | null>({ operation: 'send-chat-expiration', method: 'POST', path: '/send-chat-expiration', body });
  }
}

/** The methods of {@link ChatsPort} that Z-API implements: the list, one chat, and chat management. */
export type ZapiChatsPorts = Pick<ChatsPort, 'listChats' | 'getChat' | 'markChatRead' | 'archiveChat' | 'pinChat' | 'muteChat' | 'clearChat' | 'deleteChat' | 'setChatExpiration'>;

/**
 * The chat port methods on {@link ZapiChatsClient}. Reads page without a total (a full page
 * may have a next one) and give null for a missing chat; each change sends one documented
 * request for `chatId` (phone digits or group id, already normalised by the graph) and returns
 * Z-API's `value` (false when Z-API says the action did not happen).
 * @throws ProviderError from the call
 */
export function createZapiChatsPorts(client: ZapiChatsClient): ZapiChatsPorts {
  const modify = async (phone: string, action: ZapiChatAction): Promise<boolean> => toBool((await client.modifyChat({ phone, action }))?.value);
  return {
    async listChats(page: PageRequest): Promise<Page<Chat>> {
      return toPage(await client.chats(page.page, page.pageSize), page, toChat);
    },

    async getChat(chatId: string): Promise<Chat | null> {
      return orNullByPhone(client.chat(chatId), toChat);
    },

    markChatRead: (chatId, read) => modify(chatId, read ? 'read' : 'unread'),
    archiveChat: (chatId, archived) => modify(chatId, archived ? 'archive' : 'unarchive'),
    pinChat: (chatId, pinned) => modify(chatId, pinned ? 'pin' : 'unpin'),
    muteChat: (chatId, muted) => modify(chatId, muted ? 'mute' : 'unmute'),
    clearChat: (chatId) => modify(chatId, 'clear'),
    deleteChat: (chatId) => modify(chatId, 'delete'),
    async setChatExpiration(chatId: string, expiration: ChatExpiration): Promise<boolean> {
      return toBool((await client.sendChatExpiration({ phone: chatId, chatExpiration: ZAPI_CHAT_EXPIRATION[expiration] }))?.value);
    },
  };
}
