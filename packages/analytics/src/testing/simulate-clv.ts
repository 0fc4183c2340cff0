import type { Random } from "./random.ts";

/** Simulated per-customer summaries (one row per customer, weight 1). */
export interface SimulatedSummaries {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** Which generative story to simulate, with its parameters. */
export type ClvProcess =
  | { model: "bg-nbd" | "mbg-nbd"; r: number; alpha: number; a: number; b: number }
  | { model: "pareto-nbd"; r: number; alpha: number; s: number; beta: number };

/**
 * Simulate customers from a model's own generative process: λ ~ Gamma(r, α)
 * Poisson purchasing; dropout after each purchase with p ~ Beta(a, b) (BG/NBD,
 * FHL 2005 §2), also at time 0 (MBG/NBD), or at an exponential time with
 * μ ~ Gamma(s, β) (Pareto/NBD, SMC 1987). `ages[i]` is customer i's T.
 * With `roundTo` (e.g. 1/7 for days in weeks) recency and age are rounded to
 * that grid, as a database summary in whole days would be.
 */
export function simulateClv(process: ClvProcess, ages: ArrayLike<number>, random: Random, roundTo = 0): SimulatedSummaries {
  const n = ages.length;
  const out: SimulatedSummaries = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) };
  const round = (v: number): number => (roundTo > 0 ? Math.round(v / roundTo) * roundTo : v);
  for (let i = 0; i < n; i++) {
    const T = round(ages[i]!);
    // Gamma(shape, rate) = unit Gamma(shape) / rate.
    const lambda = random.gamma(process.r) / process.alpha;
    let death = Number.POSITIVE_INFINITY;
    let p = 0;
    if (process.model === "pareto-nbd") death = exponential(random, random.gamma(process.s) / process.beta);
    else p = random.beta(process.a, process.b);
    let x = 0;
    let tx = 0;
    let alive = !(process.model === "mbg-nbd" && random.bernoulli(p));
    let t = 0;
    while (alive) {
      t += exponential(random, lambda);
      if (t > T || t > death) break;
      x++;
      tx = t;
      if (p > 0 && random.bernoulli(p)) alive = false;
    }
    out.x[i] = x;
    out.tx[i] = Math.min(round(tx), T);
    out.T[i] = T;
  }
  return out;
}

/** Ages spread uniformly over [minAge, maxAge], as cohorts acquired over a period. */
export function uniformAges(n: number, minAge: number, maxAge: number, random: Random): Float64Array {
  const ages = new Float64Array(n);
  for (let i = 0; i < n; i++) ages[i] = minAge + (maxAge - minAge) * random.uniform();
  return ages;
}

function exponential(random: Random, rate: number): number {
  return -Math.log(1 - random.uniform()) / rate;
}
