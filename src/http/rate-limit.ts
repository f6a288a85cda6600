// Requests per address for the teacher's page: a bucket per address that refills steadily, so a
// reader paging quickly is never stopped and someone trying links by the thousand is. The table of
// addresses is bounded: past its size, the addresses not seen for longest are forgotten.

export interface RateLimitOptions {
  /** Requests an address may make in a burst. */
  burst: number;
  /** Requests per minute it gets back. */
  perMinute: number;
  /** Addresses remembered at most. */
  addresses?: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly max: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.max = options.addresses ?? 10_000;
  }

  /** Whether this address may have one more request now (and takes it). */
  take(address: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(address);
    let tokens = this.options.burst;
    if (bucket) {
      tokens = Math.min(
        this.options.burst,
        bucket.tokens + ((now - bucket.at) * this.options.perMinute) / 60_000,
      );
      // Re-inserted below, so the map's order stays least recently seen first.
      this.buckets.delete(address);
    } else if (this.buckets.size >= this.max) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    const allowed = tokens >= 1;
    this.buckets.set(address, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed;
  }
}
