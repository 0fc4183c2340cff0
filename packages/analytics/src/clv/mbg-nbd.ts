import type { SummaryRows } from "./compress-rows.ts";
import type { FitOptions, FitResult } from "./fit-model.ts";
import { geometricDropoutNbd, type GeometricDropoutParam } from "./geometric-dropout-nbd.ts";

/**
 * The MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical
 * validation and comparison of models for customer base analysis", IJRM
 * 24(3), Appendix A; conditional expectation corrected by Wagner & Hoppe
 * 2008). As the BG/NBD, but a customer can also drop out at time 0, right
 * after the first purchase, so a customer with no repeat purchase is not
 * certainly alive: the likelihood (eq. A1) has B(a, b+x+1) and the term
 * a/(b+x) for every x, including 0.
 */
export const mbgNbd = geometricDropoutNbd(1);

/** Fit the MBG/NBD by maximum likelihood (Batislam et al. 2007 eq. A1) on weighted summary rows. */
export function fitMbgNbd(rows: SummaryRows, options: FitOptions = {}): FitResult<GeometricDropoutParam> {
  return mbgNbd.fit(rows, options);
}
