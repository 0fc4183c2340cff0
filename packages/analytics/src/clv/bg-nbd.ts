import type { SummaryRows } from "./compress-rows.ts";
import type { FitOptions, FitResult } from "./fit-model.ts";
import { geometricDropoutNbd, type GeometricDropoutParam } from "./geometric-dropout-nbd.ts";

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the
 * easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2)).
 * Transactions: Poisson(λ) while active, λ ~ Gamma(r, α) (eq. 1–2); after
 * each repeat transaction the customer drops out with probability p,
 * p ~ Beta(a, b) (eq. 3–4). Likelihood eq. 6, E[X(t)] eq. 7, P(X(t) = x)
 * eq. 8, conditional expectation eq. 10; P(alive) from FHL's 2008 note
 * "Computing P(alive) using the BG/NBD model".
 */
export const bgNbd = geometricDropoutNbd(0);

/** Fit the BG/NBD by maximum likelihood (FHL 2005 eq. 6) on weighted summary rows. */
export function fitBgNbd(rows: SummaryRows, options: FitOptions = {}): FitResult<GeometricDropoutParam> {
  return bgNbd.fit(rows, options);
}
