/**
 * A seeded pseudo-random source for simulations in tests and benchmarks
 * (analytics code itself never draws random numbers). Uniforms come from
 * sfc32 seeded through splitmix32; gammas use Marsaglia & Tsang (2000, ACM
 * TOMS 26(3), "A simple method for generating gamma variables"), with the
 * u^(1/a) boost for shape < 1; betas are ratios of gammas.
 */
export interface Random {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Gamma with the given shape and scale (mean shape·scale). */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
  /** Poisson with the given mean (inversion; fine for small means). */
  poisson(mean: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
}

/** Create a deterministic random source from an integer seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next = (): number => {
    // sfc32
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();

  const uniform = (): number => (next() * 2 ** 21 + (next() >>> 11)) / 2 ** 53;
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    // Marsaglia polar method.
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };
  const gamma = (shape: number, scale = 1): number => {
    if (shape < 1) {
      const u = uniform();
      return gamma(shape + 1, scale) * Math.pow(u > 0 ? u : Number.MIN_VALUE, 1 / shape);
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number, v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v * scale;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v * scale;
    }
  };
  const beta = (p: number, q: number): number => {
    const x = gamma(p);
    const y = gamma(q);
    return x / (x + y);
  };
  const poisson = (mean: number): number => {
    let k = 0;
    let prob = Math.exp(-mean);
    let cdf = prob;
    const u = uniform();
    while (u > cdf && k < 10_000) {
      k++;
      prob *= mean / k;
      cdf += prob;
    }
    return k;
  };
  return { uniform, normal, gamma, beta, poisson, bernoulli: (p) => uniform() < p };
}
