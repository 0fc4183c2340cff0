import type { BuyTillYouDieModel } from "../clv/buy-till-you-die.ts";
import { compressSummaryRows } from "../clv/compress-rows.ts";
import type { FitResult } from "../clv/fit-model.ts";
import { createRandom } from "./random.ts";
import { simulateClv, uniformAges, type ClvProcess } from "./simulate-clv.ts";

/** What a recovery run found: the fit and each |estimate − truth| in standard errors. */
export interface RecoveryResult<Name extends string> {
  fit: FitResult<Name>;
  errorsInStandardErrors: Record<Name, number>;
}

/**
 * Test support only: simulate `customers` from `process` (ages uniform on
 * 26–78 weeks, times rounded to days), fit `model` on the compressed rows and
 * measure how far each estimate lies from the truth in standard errors.
 */
export function recoverParameters<Name extends string>(
  model: BuyTillYouDieModel<Name>,
  process: ClvProcess,
  truth: Readonly<Record<Name, number>>,
  seed: number,
  customers = 10_000,
): RecoveryResult<Name> {
  const random = createRandom(seed);
  const sim = simulateClv(process, uniformAges(customers, 26, 78, random), random, 1 / 7);
  const fit = model.fit(compressSummaryRows(sim.x, sim.tx, sim.T));
  const errors = Object.fromEntries(
    model.paramNames.map((name) => [name, Math.abs(fit.params[name] - truth[name]) / fit.standardErrors[name]]),
  ) as Record<Name, number>;
  return { fit, errorsInStandardErrors: errors };
}

/** Test support only: total probability and mean of P(X(t) = n) over n < nMax. */
export function purchaseDistributionMoments<Name extends string>(
  model: BuyTillYouDieModel<Name>,
  params: Readonly<Record<Name, number>>,
  t: number,
  nMax = 300,
): { total: number; mean: number; smallest: number } {
  let total = 0, mean = 0, smallest = 1;
  for (let n = 0; n < nMax; n++) {
    const p = model.probabilityOfPurchases(params, t, n);
    total += p;
    mean += n * p;
    smallest = Math.min(smallest, p);
  }
  return { total, mean, smallest };
}
