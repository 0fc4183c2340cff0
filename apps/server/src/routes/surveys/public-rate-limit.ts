/** Requests allowed per client address in each window. */
export interface RateLimitOptions {
  requests: number;
  windowMs: number;
}

/**
 * A fixed-window counter per client address, in memory (one server
 * process; several processes each allow the limit). Returns true while the
 * address is within its limit. Old windows are dropped as they pass, so
 * memory stays bounded by the addresses seen in one window.
 */
export function createRateLimit(options: RateLimitOptions, clock: () => number = Date.now): (address: string) => boolean {
  let windowStart = clock();
  let counts = new Map<string, number>();
  return (address) => {
    const now = clock();
    if (now - windowStart >= options.windowMs) {
      windowStart = now;
      counts = new Map();
    }
    const count = (counts.get(address) ?? 0) + 1;
    counts.set(address, count);
    return count <= options.requests;
  };
}
