/**
 * Values re-read at most once per `ttlMs`, for reference data that changes rarely (a
 * center's settings, its departments). Wall-clock time: a cache lifetime, not domain time.
 * `clear()` drops everything at once (an edit on this instance).
 */
export class TtlCache<T> {
  private entries = new Map<string, { value: T; readAt: number }>();

  constructor(private readonly ttlMs: number, private readonly max = 5000) {}

  async get(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && performance.now() - hit.readAt < this.ttlMs) return hit.value;
    const readAt = performance.now();
    const value = await read();
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { value, readAt });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
