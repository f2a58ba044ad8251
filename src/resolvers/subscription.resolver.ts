import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { GraphError, badInput } from '../errors.js';
import { eventChatId, type DomainEvent, type EventType, type MessageReceivedEvent } from '../providers/model.js';
import { EventTypeEnum } from '../schema/enums.js';
import { ConnectionChangedEvent, Event, EventPage, MessageStatusChangedEvent, PresenceChangedEvent } from '../schema/event.types.js';
import { Message } from '../schema/message.types.js';
import { SlowConsumerError, eventStream } from '../subscriptions/event-stream.js';
import { PUSH, type PushSink, type Pushable } from '../subscriptions/push.js';
import { BusInterruptedError, CursorExpiredError, InvalidCursorError } from '../subscriptions/stores.js';
import { recipientOf } from './phone.js';

/** Largest page of `events` for polling clients. Ours: bounds one poll's read of the event log. */
export const MAX_EVENTS_PAGE = 500;
/** Most events one filtered `events` query reads from the log (ours: bounds the work of a filter that matches little); `endCursor` then lets the client continue. */
export const MAX_EVENTS_SCAN = 5_000;

@ArgsType()
class ChatFilterArgs {
  @Field(() => ID, { description: 'The instance whose events to receive.' }) instanceId!: string;
  @Field(() => String, { nullable: true, description: 'Only this chat (phone number or group id).' }) chatId?: string | null;
}

@ArgsType()
class StatusFilterArgs {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { nullable: true, description: 'Only this message.' }) messageId?: string | null;
}

@ArgsType()
class InstanceArgs {
  @Field(() => ID) instanceId!: string;
}

@ArgsType()
class EventsArgs {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { nullable: true, description: 'Resume after this cursor: replays everything after it, in order, then continues live. Omit for live events only.' }) after?:
    string | null;
  @Field(() => [EventTypeEnum], { nullable: true, description: 'Only these event types.' }) types?: EventType[] | null;
  @Field(() => String, { nullable: true, description: 'Only events of this chat.' }) chatId?: string | null;
}

/**
 * Maps event-log errors to the graph's codes: `RESYNC_REQUIRED` for an expired cursor,
 * `BAD_USER_INPUT` (`after`) for a foreign one, and anything else the store throws (Redis
 * paused, unreachable or timing out) to `SERVICE_UNAVAILABLE`, with `resume: true` for a
 * stream (resubscribe with `after` = the last cursor received) and without for the query.
 * @throws GraphError always
 */
function logError(err: unknown, resume: boolean): never {
  if (err instanceof CursorExpiredError)
    throw new GraphError('RESYNC_REQUIRED', 'The cursor is older than the event log retains; resync (query current state) and subscribe without `after`');
  if (err instanceof InvalidCursorError) throw badInput('after', 'is not a cursor of this event log');
  if (err instanceof GraphError) throw err;
  throw new GraphError('SERVICE_UNAVAILABLE', 'The event log is unavailable; retry shortly', resume ? { resume: true } : {});
}
/** {@link logError} for a stream. */
const streamError = (err: unknown): never => logError(err, true);
/** {@link logError} for a query (`events`, and `node(id)` of an event). @throws GraphError always */
export const queryError = (err: unknown): never => logError(err, false);

/** Resolves the chat filter argument as sends resolve recipients. */
function chatFilter(ctx: GraphContext, instanceId: string, chatId: string | null | undefined): string | null {
  if (!chatId) return null;
  return recipientOf(ctx.services.instances.get(instanceId), chatId, 'chatId');
}

/** Opens a live stream of one instance's events of one type (with an optional extra filter). */
function liveOf(type: EventType, extra?: (e: DomainEvent, args: Record<string, unknown>, ctx: GraphContext) => boolean) {
  return ({ args, context }: SubscribeResolverData<unknown, Record<string, unknown>, GraphContext>) => {
    const instanceId = args.instanceId as string;
    context.services.instances.get(instanceId);
    const chat = chatFilter(context, instanceId, args.chatId as string | null | undefined);
    context.services.metrics.subscriptions.inc();
    const stream = eventStream(context.services.stores, {
      instanceId,
      filter: (e) => e.type === type && (!chat || eventChatId(e) === chat) && (!extra || extra(e, args, context)),
    });
    return countClose(stream, context);
  };
}

/**
 * Wraps a stream for graphql-ws: decrements the subscriptions gauge when it ends, and turns the
 * stream's own failures into graph errors a client can act on: `SERVICE_UNAVAILABLE` with
 * `resume: true` (the bus dropped, the client fell behind or the event log failed: resubscribe
 * with `after` = the last cursor received), `RESYNC_REQUIRED` / `BAD_USER_INPUT` for a cursor the log cannot serve.
 * Pulled or pushed alike (`PUSH` is forwarded to the stream).
 */
function countClose(stream: AsyncIterableIterator<DomainEvent> & Pushable<DomainEvent>, ctx: GraphContext): AsyncIterableIterator<DomainEvent> & Pushable<DomainEvent> {
  return new CountedStream(stream, ctx);
}

/** A stream's failure as the graph error the client sees (see {@link countClose}). */
function streamFailure(err: unknown): GraphError {
  if (err instanceof BusInterruptedError || err instanceof SlowConsumerError) return new GraphError('SERVICE_UNAVAILABLE', err.message, { resume: true });
  try {
    return streamError(err);
  } catch (mapped) {
    return mapped as GraphError;
  }
}

/** {@link countClose}'s wrapper: a class (no closures per subscriber), and the sink of its stream when pushed. */
class CountedStream implements AsyncIterableIterator<DomainEvent>, Pushable<DomainEvent>, PushSink<DomainEvent> {
  private closed = false;
  private sink: PushSink<DomainEvent> | null = null;

  constructor(
    private readonly stream: AsyncIterableIterator<DomainEvent> & Pushable<DomainEvent>,
    private readonly ctx: GraphContext,
  ) {}

  private close(): void {
    if (!this.closed) {
      this.closed = true;
      this.ctx.services.metrics.subscriptions.dec();
    }
  }

  async next(): Promise<IteratorResult<DomainEvent>> {
    try {
      const r = await this.stream.next();
      if (r.done) this.close();
      return r;
    } catch (err) {
      this.close();
      throw streamFailure(err);
    }
  }

  async return(value?: unknown): Promise<IteratorResult<DomainEvent>> {
    this.close();
    return this.stream.return ? this.stream.return(value) : { value: undefined, done: true };
  }

  async throw(err?: unknown): Promise<IteratorResult<DomainEvent>> {
    this.close();
    return this.stream.throw ? this.stream.throw(err) : Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DomainEvent> {
    return this;
  }

  [PUSH](sink: PushSink<DomainEvent>): void {
    this.sink = sink;
    this.stream[PUSH](this);
  }

  onValue(event: DomainEvent): void {
    (this.sink as PushSink<DomainEvent>).onValue(event);
  }

  onError(err: unknown): void {
    this.close();
    (this.sink as PushSink<DomainEvent>).onError(streamFailure(err));
  }

  onEnd(): void {
    this.close();
    (this.sink as PushSink<DomainEvent>).onEnd();
  }

  ready(): Promise<void> | undefined {
    return (this.sink as PushSink<DomainEvent>).ready();
  }
}

/**
 * The subscriptions of DESIGN.md: four typed live streams filtered by instance (and chat or
 * message), and `events(after:)`, the resumable stream every event type is on; plus the
 * `events` query for clients that poll.
 */
@Resolver()
export class SubscriptionResolver {
  @Subscription(() => Message, { description: 'Messages arriving on an instance (optionally one chat).', subscribe: liveOf('MESSAGE_RECEIVED') })
  messageReceived(@Root() event: MessageReceivedEvent, @Args(() => ChatFilterArgs) _args: ChatFilterArgs): Message {
    return event.message;
  }

  @Subscription(() => MessageStatusChangedEvent, {
    description: 'Status changes of sent messages (optionally one message). Never backwards; a redelivered webhook publishes nothing.',
    subscribe: liveOf('MESSAGE_STATUS_CHANGED', (e, args) => !args.messageId || (e.type === 'MESSAGE_STATUS_CHANGED' && e.messageId === args.messageId)),
  })
  messageStatusChanged(@Root() event: DomainEvent, @Args(() => StatusFilterArgs) _args: StatusFilterArgs): DomainEvent {
    return event;
  }

  @Subscription(() => PresenceChangedEvent, { description: 'Presence of chat participants (online, typing…).', subscribe: liveOf('PRESENCE_CHANGED') })
  presenceChanged(@Root() event: DomainEvent, @Args(() => ChatFilterArgs) _args: ChatFilterArgs): DomainEvent {
    return event;
  }

  @Subscription(() => ConnectionChangedEvent, { description: "The instance's WhatsApp session connecting and disconnecting.", subscribe: liveOf('CONNECTION_CHANGED') })
  connectionChanged(@Root() event: DomainEvent, @Args(() => InstanceArgs) _args: InstanceArgs): DomainEvent {
    return event;
  }

  @Subscription(() => Event, {
    name: 'events',
    description:
      'Every event of an instance. With `after`, replays everything after that cursor in order, then continues live with no gap and no duplicate. A cursor older than the retention fails with RESYNC_REQUIRED.',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, Record<string, unknown>, GraphContext>) => {
      const { instanceId, after, types, chatId } = args as unknown as EventsArgs;
      context.services.instances.get(instanceId);
      const chat = chatFilter(context, instanceId, chatId);
      if (after != null) await context.services.stores.log.readAfter(instanceId, after, 1).catch(streamError);
      context.services.metrics.subscriptions.inc();
      const stream = eventStream(context.services.stores, {
        instanceId,
        ...(after !== undefined ? { after } : {}),
        filter: (e) => (!types?.length || types.includes(e.type)) && (!chat || eventChatId(e) === chat),
      });
      return countClose(stream, context);
    },
  })
  eventsSubscription(@Root() event: DomainEvent, @Args(() => EventsArgs) _args: EventsArgs): DomainEvent {
    return event;
  }

  @Query(() => EventPage, {
    description:
      'Events after a cursor, oldest first, for clients that poll. Same cursors and the same `types` and `chatId` filters as the `events` subscription; `endCursor` is the last event read (matching or not), so the next poll continues after what this one skipped.',
  })
  async events(
    @Arg('instanceId', () => ID) instanceId: string,
    @Arg('after', () => String, { nullable: true, description: 'Start after this cursor; omit for the oldest retained event.' }) after: string | null,
    @Arg('first', () => Int, { nullable: true, description: `At most this many (1 to ${MAX_EVENTS_PAGE}, default 100).` }) first: number | null,
    @Arg('types', () => [EventTypeEnum], { nullable: true, description: 'Only these event types.' }) types: EventType[] | null,
    @Arg('chatId', () => String, { nullable: true, description: 'Only events of this chat (phone number or group id).' }) chatId: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<EventPage> {
    ctx.services.instances.get(instanceId);
    const limit = first ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS_PAGE) throw badInput('first', `must be from 1 to ${MAX_EVENTS_PAGE}`);
    const chat = chatFilter(ctx, instanceId, chatId);
    const matches = (e: DomainEvent) => (!types?.length || types.includes(e.type)) && (!chat || eventChatId(e) === chat);
    if (!types?.length && !chat) {
      const events = await ctx.services.stores.log.readAfter(instanceId, after ?? null, limit + 1).catch(queryError);
      const page = events.slice(0, limit);
      return { events: page, endCursor: page.at(-1)?.cursor ?? after ?? null, hasMore: events.length > limit };
    }
    // filtered: read the log in chunks until `limit` match, the log ends, or MAX_EVENTS_SCAN were read
    const page: DomainEvent[] = [];
    let cursor = after ?? null;
    let scanned = 0;
    let hasMore = false;
    while (scanned < MAX_EVENTS_SCAN) {
      const chunk = await ctx.services.stores.log.readAfter(instanceId, cursor, MAX_EVENTS_PAGE).catch(queryError);
      let stoppedEarly = false;
      for (const event of chunk) {
        if (matches(event)) {
          if (page.length === limit) {
            hasMore = true;
            stoppedEarly = true;
            break;
          }
          page.push(event);
        }
        cursor = event.cursor ?? cursor;
        scanned++;
      }
      if (stoppedEarly) break;
      if (chunk.length < MAX_EVENTS_PAGE) break;
      if (scanned >= MAX_EVENTS_SCAN) hasMore = true;
    }
    return { events: page, endCursor: cursor, hasMore };
  }
}
