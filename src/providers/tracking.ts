import type { TrackingStore } from './contract.js';

/** One tracked message. */
interface TrackedEntry {
  record: string;
  /** Epoch ms after which the entry is dropped. */
  expiresAt: number;
}

/**
 * The in-process {@link TrackingStore}: what the memory stores expose, and what a polling
 * provider uses when its deps carry none. Entries and leases expire by `Date.now()`.
 */
export class MemoryTrackingStore implements TrackingStore {
  private readonly instances = new Map<string, Map<string, TrackedEntry>>();
  private readonly leases = new Map<string, { owner: string; expiresAt: number }>();

  /** The ids tracked for `instanceId` now, soonest-expiring first (synchronous, for tests and diagnostics). */
  ids(instanceId: string): string[] {
    const entries = this.instances.get(instanceId);
    if (!entries) return [];
    this.expire(entries, Date.now());
    return this.ordered(entries).map(([id]) => id);
  }

  async track(instanceId: string, id: string, record: string, ttlMs: number, max: number): Promise<void> {
    let entries = this.instances.get(instanceId);
    if (!entries) this.instances.set(instanceId, (entries = new Map<string, TrackedEntry>()));
    const now = Date.now();
    entries.set(id, { record, expiresAt: now + Math.max(1, ttlMs) });
    if (entries.size > max) this.expire(entries, now);
    if (entries.size > max) {
      for (const [old] of this.ordered(entries).slice(0, entries.size - Math.max(0, max))) entries.delete(old);
    }
  }

  async list(instanceId: string, limit: number): Promise<Array<{ id: string; record: string }>> {
    const entries = this.instances.get(instanceId);
    if (!entries) return [];
    this.expire(entries, Date.now());
    return this.ordered(entries)
      .slice(0, Math.max(0, limit))
      .map(([id, e]) => ({ id, record: e.record }));
  }

  async untrack(instanceId: string, id: string): Promise<void> {
    const entries = this.instances.get(instanceId);
    entries?.delete(id);
    if (entries?.size === 0) this.instances.delete(instanceId);
  }

  async lead(instanceId: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const lease = this.leases.get(instanceId);
    if (lease && lease.expiresAt > now && lease.owner !== owner) return false;
    this.leases.set(instanceId, { owner, expiresAt: now + Math.max(1, ttlMs) });
    return true;
  }

  async resign(instanceId: string, owner: string): Promise<void> {
    if (this.leases.get(instanceId)?.owner === owner) this.leases.delete(instanceId);
  }

  private expire(entries: Map<string, TrackedEntry>, now: number): void {
    for (const [id, e] of entries) if (e.expiresAt <= now) entries.delete(id);
  }

  /** Soonest-expiring first; ties keep insertion order (the sort is stable). */
  private ordered(entries: Map<string, TrackedEntry>): Array<[string, TrackedEntry]> {
    return [...entries].sort((a, b) => a[1].expiresAt - b[1].expiresAt);
  }
}
