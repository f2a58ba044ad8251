import type { DomainEvent } from '../providers/model.js';
import type { EventBus } from './stores.js';

/** A hub listener: the parsed event (shared by every listener: never mutate it). */
export type HubListener = (event: DomainEvent) => void;

/** A hub listener as an object (one per subscriber, no closures): its methods are called with it as `this`. */
export interface HubSubscriber {
  /** A parsed event, shared by every listener: never mutate it. Must not throw (a throw is swallowed). */
  onEvent(event: DomainEvent): void;
  /** The bus connection dropped: live events may have been lost. */
  onInterrupt?(): void;
}

interface Topic {
  listeners: Map<number, HubSubscriber>;
  /** Resolves once the bus subscription is live; rejects when the bus refused it. */
  ready: Promise<void>;
  unsubscribe?: () => Promise<void>;
}

/**
 * One bus subscription per topic per process, shared by every event stream of that topic:
 * each message is parsed once and the same event object handed to all listeners (1,000
 * subscribers of an instance cost one `JSON.parse` per event, not 1,000). A bus interruption
 * is passed to every listener; the topic's bus subscription ends with its last listener.
 */
export class TopicHub {
  private readonly topics = new Map<string, Topic>();
  private nextId = 1;

  constructor(private readonly bus: EventBus) {}

  /**
   * Adds a listener (a function and an optional interrupt callback, or a {@link HubSubscriber});
   * resolves once messages published from now on reach it.
   * @returns a function that removes the listener (idempotent)
   * @throws what the bus throws when it cannot subscribe (e.g. Redis down)
   */
  async subscribe(topic: string, listener: HubListener | HubSubscriber, onInterrupt?: () => void): Promise<() => Promise<void>> {
    let entry = this.topics.get(topic);
    if (!entry) {
      const created: Topic = { listeners: new Map(), ready: Promise.resolve() };
      created.ready = this.bus
        .subscribe(
          topic,
          (raw) => this.dispatch(created, raw),
          () => this.interrupt(topic, created),
        )
        .then((u) => {
          created.unsubscribe = u;
        })
        .catch((err: unknown) => {
          if (this.topics.get(topic) === created) this.topics.delete(topic);
          throw err;
        });
      this.topics.set(topic, (entry = created));
    }
    const id = this.nextId++;
    entry.listeners.set(id, typeof listener === 'function' ? { onEvent: listener, ...(onInterrupt ? { onInterrupt } : {}) } : listener);
    const topicEntry = entry;
    try {
      await topicEntry.ready;
    } catch (err) {
      topicEntry.listeners.delete(id);
      throw err;
    }
    return async () => {
      if (!topicEntry.listeners.delete(id) || topicEntry.listeners.size > 0) return;
      if (this.topics.get(topic) === topicEntry) this.topics.delete(topic);
      await topicEntry.unsubscribe?.();
    };
  }

  private dispatch(topic: Topic, raw: string): void {
    let event: DomainEvent;
    try {
      event = JSON.parse(raw) as DomainEvent;
    } catch {
      return;
    }
    for (const l of topic.listeners.values()) {
      try {
        l.onEvent(event);
      } catch {
        // one listener's failure must not stop delivery to the others
      }
    }
  }

  private interrupt(name: string, topic: Topic): void {
    if (this.topics.get(name) === topic) this.topics.delete(name);
    for (const l of [...topic.listeners.values()]) l.onInterrupt?.();
  }
}

const hubs = new WeakMap<EventBus, TopicHub>();

/** The hub of a bus (one per bus, created on first use). */
export function hubOf(bus: EventBus): TopicHub {
  let hub = hubs.get(bus);
  if (!hub) hubs.set(bus, (hub = new TopicHub(bus)));
  return hub;
}
