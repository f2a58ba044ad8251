import type { QueuePage } from '../../account.model.js';
import type { QueuePort } from '../../contract.js';
import { encodePath, type ProviderHttpClient } from '../../http.js';
import type { Message, PageRequest } from '../../model.js';
import { zapiFailed } from '../errors.js';
import { isGroupId, toEpochMs, toNumber } from '../mapping.js';
import type { ZapiQueue, ZapiQueueCount, ZapiQueuedMessage } from '../wire/account.js';

/**
 * Z-API's send queue operations (z-api.txt 9351-9532), on the instance's {@link ProviderHttpClient}.
 * Each method sends exactly the documented method, path and query; it throws `ProviderError` only.
 */
export class ZapiQueueClient {
  constructor(private readonly http: ProviderHttpClient) {}

  /** `GET /queue?page=&pageSize=` (z-api.txt 9351-9447). */
  list(page: number, pageSize: number): Promise<ZapiQueue | null> {
    return this.http.request<ZapiQueue | null>({ operation: 'queue', method: 'GET', path: '/queue', query: { page, pageSize } });
  }

  /** `GET /queue/count` (z-api.txt 9376-9378). */
  count(): Promise<ZapiQueueCount | number | null> {
    return this.http.request<ZapiQueueCount | number | null>({ operation: 'queue-count', method: 'GET', path: '/queue/count' });
  }

  /** `DELETE /queue` (z-api.txt 9448-9484; no answer documented). */
  clear(): Promise<unknown> {
    return this.http.request<unknown>({ operation: 'queue-delete', method: 'DELETE', path: '/queue' });
  }

  /** `DELETE /queue/{zaapId}` (z-api.txt 9485-9532; no answer documented). */
  remove(zaapId: string): Promise<unknown> {
    return this.http.request<unknown>({ operation: 'queue-delete-message', method: 'DELETE', path: encodePath`/queue/${zaapId}` });
  }
}

/**
 * A queued message → {@link Message} with status `PENDING`: `id` the `MessageId` (what the send
 * returned as `messageId` and status events carry), else `ZaapId`; the text as a text content
 * (the queue lists only the text, z-api.txt 9388); `Created` as epoch ms.
 */
export function toQueuedMessage(instanceId: string, wire: ZapiQueuedMessage): Message {
  const chatId = wire.Phone ?? '';
  return {
    id: wire.MessageId || wire.ZaapId || wire._id || '',
    instanceId,
    chatId,
    fromMe: true,
    timestamp: toEpochMs(wire.Created) ?? 0,
    content: { kind: 'text', body: wire.Message ?? '' },
    status: 'PENDING',
    isGroup: isGroupId(chatId),
  };
}

/**
 * The Z-API {@link QueuePort}. The queue and its count are read in parallel; `cancelQueuedMessage`
 * takes the `zaapId` (the send's `providerId`) — a `messageId` is looked up on the queue's first
 * page of 100 first, since `DELETE /queue/{zaapId}` names the queue id (z-api.txt 9485-9532).
 * @throws ProviderError from the call; PROVIDER_ERROR when the count is not a number
 */
export function createZapiQueuePorts(client: ZapiQueueClient, instanceId: string): QueuePort {
  const itemsOf = (wire: ZapiQueue | null): ZapiQueuedMessage[] => (Array.isArray(wire) ? wire : (wire?.messages ?? []));
  return {
    async getQueue(page: PageRequest): Promise<QueuePage> {
      const [list, count] = await Promise.all([client.list(page.page, page.pageSize), client.count()]);
      const total = typeof count === 'number' ? count : toNumber(count?.count ?? count?.value);
      if (total === null) throw zapiFailed('queue-count', 'zapi answered the queue count without a number');
      const items = itemsOf(list).map((m) => toQueuedMessage(instanceId, m));
      return { items, hasNextPage: page.page * page.pageSize < total, count: total };
    },
    async cancelQueuedMessage(messageId: string): Promise<void> {
      const queued = itemsOf(await client.list(1, 100)).find((m) => m.MessageId === messageId);
      await client.remove(queued?.ZaapId || messageId);
    },
    async clearQueue(): Promise<void> {
      await client.clear();
    },
  };
}
