/**
 * A small seeded pseudo-random generator (mulberry32) with the distributions
 * the demo generator needs. The same seed gives the same sequence on every
 * run: 32-bit integer maths plus Math.log/sqrt/cos/pow.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer uniform in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  /** Gamma with shape k and rate β (mean k/β). */
  gamma(shape: number, rate: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
  /** Standard normal. */
  normal(): number;
}

/** A SeededRandom for `seed` (any 32-bit integer). */
export function createSeededRandom(seed: number): SeededRandom {
  // mulberry32: one 32-bit state word, full period 2^32; plenty for a demo.
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const normal = (): number => {
    // Box-Muller; 1 - next() keeps the log argument in (0, 1].
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  // Marsaglia & Tsang (2000); a shape below 1 is boosted by U^(1/shape).
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(1 - next(), 1 / shape);
    const d3 = shape - 1 / 3;
    for (;;) {
      const x = normal();
      const cube = (1 + x / Math.sqrt(9 * d3)) ** 3;
      if (cube > 0 && Math.log(1 - next()) < x * x / 2 + d3 * (1 - cube + Math.log(cube))) return (d3 * cube) / rate;
    }
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items.at(-1);
      if (!last) throw new Error("weighted pick from an empty list");
      return last[0];
    },
    exponential: (rate) => -Math.log(1 - next()) / rate,
    gamma,
    beta: (x, y) => {
      const g1 = gamma(x, 1);
      return g1 / (g1 + gamma(y, 1));
    },
    normal,
  };
}
