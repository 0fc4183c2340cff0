// Type declarations for the @stdlib special functions, which ship no types.

declare module "@stdlib/math-base-special-gammaln" {
  /** Natural log of |Γ(x)|. */
  export default function gammaln(x: number): number;
}

declare module "@stdlib/math-base-special-betaln" {
  /** Natural log of the beta function B(a, b). */
  export default function betaln(a: number, b: number): number;
}

declare module "@stdlib/math-base-special-digamma" {
  /** ψ(x) = d/dx ln Γ(x). */
  export default function digamma(x: number): number;
}

declare module "@stdlib/math-base-special-hyp2f1" {
  /** Gauss hypergeometric 2F1(a, b; c; x) on the plain (not log) scale. */
  export default function hyp2f1(a: number, b: number, c: number, x: number): number;
}
