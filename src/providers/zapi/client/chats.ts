import type { ChatsPort } from '../contract.js';
import type { ProviderHttpClient } from '../http.js';
import type { ChatExpiration } from '../model.js';
import { ZAPI_CHAT_EXPIRATION } from './admin-mapping.js';
import type { ZapiChatAction, ZapiChatExpirationBody, ZapiModifyChatBody, ZapiValueResponse } from './admin-wire.js';
import { toBool } from './mapping.js';

/**
 * Z-API chat management as documented (z-api.txt "Chats", 6335-6679): one path,
 * `POST /modify-chat`, with an `action`, and `POST /send-chat-expiration`. Built on the
 * instance's {@link ProviderHttpClient} (base URL, `Client-Token`, error mapping); throws
 * `ProviderError` only.
 */
export class ZapiChatAdminClient {
  constructor(private readonly http: ProviderHttpClient) {}

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

/** The chat-management methods of {@link ChatsPort} that Z-API implements. */
export type ZapiChatAdminPorts = Pick<ChatsPort, 'markChatRead' | 'archiveChat' | 'pinChat' | 'muteChat' | 'clearChat' | 'deleteChat' | 'setChatExpiration'>;

/**
 * The chat-management port methods on {@link ZapiChatAdminClient}: each sends one documented
 * request for `chatId` (phone digits or group id, already normalised by the graph) and returns
 * Z-API's `value` (false when Z-API says the action did not happen).
 * @throws ProviderError from the call
 */
export function createZapiChatAdminPorts(client: ZapiChatAdminClient): ZapiChatAdminPorts {
  const modify = async (phone: string, action: ZapiChatAction): Promise<boolean> => toBool((await client.modifyChat({ phone, action }))?.value);
  return {
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
