/**
 * Growing back-off after failed sign-ins, per account (e-mail) and per
 * address (IP), in this process's memory. After `freeFailures` failures a
 * key waits `baseDelayMs`, doubling with each further failure up to
 * `maxDelayMs`; a success clears the account's key. Several server
 * processes each keep their own counts (docs/security.md).
 */
export class SignInThrottle {
  readonly #failures = new Map<string, { count: number; until: number; last: number }>();
  readonly #freeFailures: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #forgetAfterMs: number;

  constructor(options: { freeFailures?: number; baseDelayMs?: number; maxDelayMs?: number; forgetAfterMs?: number } = {}) {
    this.#freeFailures = options.freeFailures ?? 3;
    this.#baseDelayMs = options.baseDelayMs ?? 1000;
    this.#maxDelayMs = options.maxDelayMs ?? 15 * 60 * 1000;
    this.#forgetAfterMs = options.forgetAfterMs ?? 60 * 60 * 1000;
  }

  /** Milliseconds until these keys may try again (0 = now). */
  waitMs(keys: readonly string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const entry = this.#failures.get(key);
      if (entry) wait = Math.max(wait, entry.until - now);
    }
    return wait;
  }

  recordFailure(keys: readonly string[], now: number): void {
    this.#sweep(now);
    for (const key of keys) {
      const previous = this.#failures.get(key);
      const count = (previous && now - previous.last < this.#forgetAfterMs ? previous.count : 0) + 1;
      const over = count - this.#freeFailures;
      const delay = over > 0 ? Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** (over - 1)) : 0;
      this.#failures.set(key, { count, until: now + delay, last: now });
    }
  }

  recordSuccess(key: string): void {
    this.#failures.delete(key);
  }

  // Bounded memory: drop keys idle longer than forgetAfterMs once the map grows.
  #sweep(now: number): void {
    if (this.#failures.size < 10_000) return;
    for (const [key, entry] of this.#failures) if (now - entry.last > this.#forgetAfterMs) this.#failures.delete(key);
  }
}
