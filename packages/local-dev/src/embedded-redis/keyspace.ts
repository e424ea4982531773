import { WRONGTYPE } from './replies.ts';

export type Entry =
  | { type: 'string'; value: Buffer }
  | { type: 'hash'; value: Map<string, Buffer> }
  | { type: 'set'; value: Set<string> }
  | { type: 'list'; value: Buffer[] }
  | { type: 'zset'; value: Map<string, number> };

export type EntryType = Entry['type'];
type EntryOf<T extends EntryType> = Extract<Entry, { type: T }>;

/**
 * One in-memory database. Keys and set/hash members are held as latin1 strings, a 1:1 mapping of
 * bytes, so binary keys survive. Expired keys vanish when touched and on a periodic sweep.
 */
export class Keyspace {
  private readonly entries = new Map<string, Entry>();
  private readonly expiresAt = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Entry | undefined {
    this.expireIfDue(key);
    return this.entries.get(key);
  }

  /** The entry if it has type `type`; undefined if absent; WRONGTYPE otherwise. */
  getTyped<T extends EntryType>(key: string, type: T): EntryOf<T> | undefined {
    const entry = this.get(key);
    if (entry && entry.type !== type) throw WRONGTYPE();
    return entry as EntryOf<T> | undefined;
  }

  /** The entry of type `type`, created empty when absent. */
  getOrCreate<T extends EntryType>(key: string, type: T, create: () => EntryOf<T>): EntryOf<T> {
    const existing = this.getTyped(key, type);
    if (existing) return existing;
    const created = create();
    this.entries.set(key, created);
    return created;
  }

  /** Replaces the value; like Redis SET, this clears any expiry unless `keepTtl`. */
  set(key: string, entry: Entry, keepTtl = false): void {
    this.expireIfDue(key);
    this.entries.set(key, entry);
    if (!keepTtl) this.expiresAt.delete(key);
  }

  delete(key: string): boolean {
    const existed = this.get(key) !== undefined;
    this.entries.delete(key);
    this.expiresAt.delete(key);
    return existed;
  }

  /** Drops a collection left empty by a removal, as Redis does. */
  dropIfEmpty(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || entry.type === 'string') return;
    const size = entry.type === 'list' ? entry.value.length : entry.value.size;
    if (size === 0) this.delete(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets an absolute expiry in ms; a time already past deletes the key. Returns false if absent. */
  expireAt(key: string, atMs: number): boolean {
    if (!this.has(key)) return false;
    if (atMs <= this.now()) this.delete(key);
    else this.expiresAt.set(key, atMs);
    return true;
  }

  persist(key: string): boolean {
    return this.has(key) && this.expiresAt.delete(key);
  }

  /** Remaining ms, -1 without expiry, -2 when absent. */
  pttl(key: string): number {
    if (!this.has(key)) return -2;
    const at = this.expiresAt.get(key);
    return at === undefined ? -1 : Math.max(0, at - this.now());
  }

  keys(): string[] {
    this.sweep();
    return [...this.entries.keys()];
  }

  size(): number {
    this.sweep();
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.expiresAt.clear();
  }

  sweep(): void {
    const now = this.now();
    for (const [key, at] of this.expiresAt) {
      if (at <= now) {
        this.entries.delete(key);
        this.expiresAt.delete(key);
      }
    }
  }

  private expireIfDue(key: string): void {
    const at = this.expiresAt.get(key);
    if (at !== undefined && at <= this.now()) {
      this.entries.delete(key);
      this.expiresAt.delete(key);
    }
  }
}
