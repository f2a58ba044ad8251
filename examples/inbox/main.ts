/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The reference inbox: a whatsgraph client in plain TypeScript + DOM that uses only the typed
 * documents `npm run codegen` generates from examples/operations/inbox.graphql and graphql-ws.
 *
 * - pick an instance (`instances`), see its chats with contact and last message (`Instance.chats`);
 * - open a conversation (`Instance.conversation(chatId).messages(last: 50)`: the newest fifty, in reading order, on any provider);
 * - send text and an image by URL (`sendText`, `sendImage`);
 * - one `events` subscription per instance carries statuses (`MESSAGE_STATUS_CHANGED`) and new
 *   messages (`MESSAGE_RECEIVED`) live; every event's `cursor` is kept (localStorage), and after a
 *   dropped socket or a reload the subscription resumes with `after: <cursor>`, so nothing that
 *   happened meanwhile is missed (the server replays it, then continues live).
 *
 * Served by the server at `/inbox` in sandbox mode (src/server/inbox.ts bundles this file with esbuild).
 */
import { createClient, type Client } from 'graphql-ws';
import {
  InboxChatsDocument,
  InboxConversationDocument,
  InboxEventsDocument,
  InboxInstancesDocument,
  InboxSendImageDocument,
  InboxSendTextDocument,
  type InboxEventsSubscription,
  type InboxMessageFragment,
  type MessageStatus,
  type TypedDocumentString,
} from '../generated/graphql.js';

/** A GraphQL error as the server formats it. */
interface GraphError {
  message: string;
  extensions?: { code?: string; field?: string };
}

const $ = <E extends HTMLElement>(id: string): E => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as E;
};

const ui = {
  instance: $<HTMLSelectElement>('instance'),
  apiKey: $<HTMLInputElement>('api-key'),
  connection: $('connection'),
  chats: $<HTMLUListElement>('chats'),
  openChat: $<HTMLFormElement>('open-chat'),
  openChatPhone: $<HTMLInputElement>('open-chat-phone'),
  title: $('chat-title'),
  messages: $<HTMLOListElement>('messages'),
  sendText: $<HTMLFormElement>('send-text'),
  text: $<HTMLInputElement>('text'),
  sendImage: $<HTMLFormElement>('send-image'),
  imageUrl: $<HTMLInputElement>('image-url'),
  imageCaption: $<HTMLInputElement>('image-caption'),
  error: $('error'),
};

/** What survives a reload: the open instance and chat, and the last event cursor per instance. */
const saved = {
  get: (key: string): string | null => localStorage.getItem(`whatsgraph.inbox.${key}`),
  set: (key: string, value: string): void => localStorage.setItem(`whatsgraph.inbox.${key}`, value),
  remove: (key: string): void => localStorage.removeItem(`whatsgraph.inbox.${key}`),
};

const state: { instanceId: string | null; chatId: string | null; stop: (() => void) | null } = { instanceId: null, chatId: null, stop: null };

function headers(): Record<string, string> {
  const key = ui.apiKey.value.trim();
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** Runs a query or mutation over HTTP; resolves with its typed `data`, throws the first GraphQL error. */
async function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers() },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await res.json()) as { data?: R | null; errors?: GraphError[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`).join('; '));
  if (!body.data) throw new Error(`no data (HTTP ${res.status})`);
  return body.data;
}

function showError(err: unknown): void {
  ui.error.textContent = err instanceof Error ? err.message : String(err);
}

let socket: Client | null = null;
/** One graphql-ws client per API key; it reports its state in the header. */
function ws(): Client {
  if (socket) return socket;
  socket = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: () => headers(),
    // the subscription itself resumes from its cursor (see subscribeEvents), so the client does not replay it
    retryAttempts: 0,
    lazy: true,
    on: {
      connected: () => setConnection('connected'),
      closed: () => setConnection('reconnecting'),
    },
  });
  return socket;
}

function setConnection(s: 'connected' | 'reconnecting'): void {
  ui.connection.dataset.state = s;
  ui.connection.textContent = s === 'connected' ? 'live' : 'reconnecting…';
}

/** Text shown for a message's content. */
function describe(m: InboxMessageFragment): string {
  const c = m.content;
  switch (c.__typename) {
    case 'TextContent':
      return c.body;
    case 'ImageContent':
      return c.caption ? `Image: ${c.caption}` : 'Image';
    default:
      return `[${c.__typename.replace(/Content$/, '').toLowerCase()}]`;
  }
}

function renderMessage(m: InboxMessageFragment): HTMLLIElement {
  const li = document.createElement('li');
  // keyed by WhatsApp's id: status events name the message by it
  li.dataset.messageId = m.providerMessageId;
  li.dataset.fromMe = String(m.fromMe);
  if (m.content.__typename === 'ImageContent' && m.content.url) {
    const img = document.createElement('img');
    img.src = m.content.url;
    img.alt = m.content.caption ?? 'image';
    li.append(img);
  }
  const body = document.createElement('div');
  body.className = 'body';
  body.textContent = describe(m);
  const meta = document.createElement('div');
  meta.className = 'meta';
  const time = document.createElement('time');
  time.dateTime = m.timestamp;
  time.textContent = new Date(m.timestamp).toLocaleTimeString();
  meta.append(time);
  if (m.fromMe) {
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = ` ${m.status ?? 'PENDING'}`;
    meta.append(status);
  }
  li.append(body, meta);
  return li;
}

/** Statuses never go backwards: a late SENT after READ leaves READ. */
const STATUS_ORDER: MessageStatus[] = ['PENDING', 'SENT', 'DELIVERED', 'READ', 'PLAYED'];
function setStatus(messageId: string, status: MessageStatus): void {
  const el = ui.messages.querySelector<HTMLElement>(`li[data-message-id="${CSS.escape(messageId)}"] .status`);
  if (!el) return;
  const current = el.textContent?.trim() as MessageStatus;
  if (status === 'FAILED' || status === 'DELETED' || STATUS_ORDER.indexOf(status) > STATUS_ORDER.indexOf(current)) el.textContent = ` ${status}`;
}

/** Adds a message to the open conversation (once; a replayed or echoed message replaces its element). */
function upsertMessage(m: InboxMessageFragment): void {
  if (m.chat.chatId !== state.chatId) return;
  const existing = ui.messages.querySelector(`li[data-message-id="${CSS.escape(m.providerMessageId)}"]`);
  const li = renderMessage(m);
  if (existing) {
    const oldStatus = existing.querySelector('.status')?.textContent?.trim() as MessageStatus | undefined;
    existing.replaceWith(li);
    if (oldStatus) setStatus(m.providerMessageId, oldStatus);
  } else ui.messages.append(li);
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

async function loadInstances(): Promise<void> {
  const { instances } = await request(InboxInstancesDocument, {});
  ui.instance.replaceChildren(
    ...instances.map((i) => {
      const o = document.createElement('option');
      o.value = i.instanceId;
      o.textContent = `${i.instanceId} (${i.provider}, ${i.status ?? 'UNKNOWN'})`;
      o.disabled = !i.capabilities.includes('SEND_TEXT');
      return o;
    }),
  );
  const preferred = saved.get('instance');
  const pick = instances.find((i) => i.instanceId === preferred) ?? instances.find((i) => i.capabilities.includes('LIST_CHATS')) ?? instances[0];
  if (pick) await selectInstance(pick.instanceId);
}

async function selectInstance(id: string): Promise<void> {
  state.instanceId = id;
  ui.instance.value = id;
  saved.set('instance', id);
  subscribeEvents(id);
  await loadChats();
  const chat = saved.get(`chat.${id}`);
  if (chat) await openChat(chat);
}

async function loadChats(): Promise<void> {
  const instanceId = state.instanceId;
  if (!instanceId) return;
  ui.chats.replaceChildren();
  let nodes: Awaited<ReturnType<typeof listChats>> = [];
  try {
    nodes = await listChats(instanceId);
  } catch (err) {
    // an instance whose provider cannot list chats (CAPABILITY_NOT_SUPPORTED): open chats by number instead
    showError(err);
  }
  for (const c of nodes) {
    const li = document.createElement('li');
    li.dataset.chatId = c.chatId;
    li.classList.toggle('open', c.chatId === state.chatId);
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = c.contact?.name ?? c.name ?? c.contact?.phone ?? c.chatId;
    const last = document.createElement('div');
    last.className = 'last';
    last.textContent = c.lastMessage ? `${c.lastMessage.fromMe ? 'You: ' : ''}${describe(c.lastMessage)}` : (c.contact?.phone ?? c.chatId);
    li.append(name, last);
    li.addEventListener('click', () => void openChat(c.chatId).catch(showError));
    ui.chats.append(li);
  }
}

async function listChats(instanceId: string) {
  const data = await request(InboxChatsDocument, { instanceId, first: 50 });
  return data.instance.chats.nodes;
}

async function openChat(chatId: string): Promise<void> {
  const instanceId = state.instanceId;
  if (!instanceId) return;
  const { instance } = await request(InboxConversationDocument, { instanceId, chatId, last: 50 });
  // `conversation` works on every provider: the provider's chat when it can read it, else the one the graph keeps
  const chat = instance.conversation;
  state.chatId = chat?.chatId ?? chatId;
  saved.set(`chat.${instanceId}`, state.chatId);
  ui.title.textContent = chat?.contact?.name ?? chat?.name ?? chat?.contact?.phone ?? chatId;
  ui.title.dataset.chatId = state.chatId;
  for (const li of ui.chats.querySelectorAll<HTMLElement>('li')) li.classList.toggle('open', li.dataset.chatId === state.chatId);
  // newest first from the graph; shown oldest first
  ui.messages.replaceChildren(...(chat?.messages.nodes ?? []).map(renderMessage));
  ui.messages.scrollTop = ui.messages.scrollHeight;
  ui.error.textContent = '';
}

/**
 * The instance's `events` subscription, resumed after the saved cursor. When the socket drops,
 * it subscribes again after the last cursor it saw (1 s later), so the server replays the gap.
 */
function subscribeEvents(instanceId: string): void {
  state.stop?.();
  let stopped = false;
  let dispose: () => void = () => undefined;
  /**
   * A saved cursor the event log cannot serve (`RESYNC_REQUIRED`: older than its retention or
   * from a lost log; `BAD_USER_INPUT` on `after`: not one of its cursors): forget it, re-read the
   * current state (chats, the open conversation), and continue live without `after`.
   */
  const resyncIfNeeded = (errors: GraphError[]): boolean => {
    if (!errors.some((e) => e.extensions?.code === 'RESYNC_REQUIRED' || (e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.field === 'after'))) return false;
    saved.remove(`cursor.${instanceId}`);
    void loadChats()
      .then(() => (state.chatId ? openChat(state.chatId) : undefined))
      .catch(showError);
    return true;
  };
  const start = () => {
    if (stopped) return;
    const after = saved.get(`cursor.${instanceId}`);
    dispose = ws().subscribe<InboxEventsSubscription>(
      { query: InboxEventsDocument.toString(), variables: { instanceId, after } },
      {
        next: (result) => {
          const event = result.data?.events;
          if (result.errors?.length && !resyncIfNeeded(result.errors as GraphError[])) showError(new Error(result.errors.map((e) => e.message).join('; ')));
          if (!event) return;
          saved.set(`cursor.${instanceId}`, event.cursor);
          if (event.__typename === 'MessageReceivedEvent') {
            upsertMessage(event.message);
            const item = ui.chats.querySelector(`li[data-chat-id="${CSS.escape(event.message.chat.chatId)}"] .last`);
            if (item) item.textContent = `${event.message.fromMe ? 'You: ' : ''}${describe(event.message)}`;
          } else if (event.__typename === 'MessageStatusChangedEvent') setStatus(event.messageId, event.status);
        },
        error: (err) => {
          if (!stopped) setConnection('reconnecting');
          if (Array.isArray(err) && !resyncIfNeeded(err as GraphError[])) showError(new Error((err as GraphError[]).map((e) => e.message).join('; ')));
          setTimeout(start, 1000);
        },
        complete: () => {
          if (!stopped) setTimeout(start, 1000);
        },
      },
    );
  };
  start();
  state.stop = () => {
    stopped = true;
    dispose();
  };
}

async function send(run: (instanceId: string, to: string) => Promise<InboxMessageFragment>): Promise<void> {
  if (!state.instanceId || !state.chatId) throw new Error('Open a chat first');
  const message = await run(state.instanceId, state.chatId);
  ui.error.textContent = '';
  upsertMessage({ ...message, chat: { ...message.chat, chatId: state.chatId } });
}

ui.instance.addEventListener('change', () => {
  state.chatId = null;
  ui.messages.replaceChildren();
  void selectInstance(ui.instance.value).catch(showError);
});
ui.apiKey.value = sessionStorage.getItem('whatsgraph.inbox.apiKey') ?? '';
ui.apiKey.addEventListener('change', () => {
  sessionStorage.setItem('whatsgraph.inbox.apiKey', ui.apiKey.value);
  void socket?.dispose();
  socket = null;
  void loadInstances().catch(showError);
});
ui.openChat.addEventListener('submit', (e) => {
  e.preventDefault();
  void openChat(ui.openChatPhone.value.trim()).catch(showError);
});
ui.sendText.addEventListener('submit', (e) => {
  e.preventDefault();
  const text = ui.text.value;
  void send(async (instanceId, to) => (await request(InboxSendTextDocument, { instanceId, to, text })).sendText.message)
    .then(() => (ui.text.value = ''))
    .catch(showError);
});
ui.sendImage.addEventListener('submit', (e) => {
  e.preventDefault();
  const image = ui.imageUrl.value.trim();
  const caption = ui.imageCaption.value.trim() || null;
  void send(async (instanceId, to) => (await request(InboxSendImageDocument, { instanceId, to, image, caption })).sendImage.message)
    .then(() => {
      ui.imageUrl.value = '';
      ui.imageCaption.value = '';
    })
    .catch(showError);
});

void loadInstances().catch(showError);
