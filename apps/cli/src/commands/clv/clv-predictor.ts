import {
  bgBbConditionalExpectedTransactions,
  bgBbExpectedTransactions,
  bgBbProbabilityAlive,
  bgNbd,
  mbgNbd,
  paretoNbd,
  scoreUniqueRows,
  type BgBbParams,
  type BuyTillYouDieModel,
  type CustomerSummaries,
  type ScoreOutput,
} from "@tenure/analytics";
import { invalidInput } from "@tenure/shared";
import { clvParamNames, type TransactionModelName } from "./clv-model-name.ts";

/** The predictions of a fitted purchase model, in one shape for BG/NBD, Pareto/NBD, MBG/NBD and BG/BB. */
export interface ClvPredictor {
  model: TransactionModelName;
  /** P(alive | x, t_x, T) (BG/BB: alive at the next opportunity, FHS 2010 eq. 11). */
  probabilityAlive(x: number, tx: number, T: number): number;
  /** Expected repeat purchases in (T, T + t] given the history. */
  conditionalExpectedPurchases(t: number, x: number, tx: number, T: number): number;
  /** E[X(t)]: expected repeat purchases of a new customer in (0, t]. */
  expectedPurchases(t: number): number;
  /** P(alive) and expected purchases over `horizon` for many customers, identical rows scored once. */
  score(customers: CustomerSummaries, horizon: number, out: ScoreOutput): void;
}

/**
 * The analytics package's predictions for `model` at `params`, behind one
 * interface (an adapter: the continuous models share `BuyTillYouDieModel`,
 * BG/BB exposes plain functions). BG/BB horizons are whole opportunities.
 */
export function clvPredictor(model: TransactionModelName, params: Readonly<Record<string, number>>): ClvPredictor {
  checkParams(model, params);
  if (model === "bgbb") {
    const p = params as BgBbParams;
    const alive = (x: number, tx: number, n: number): number => bgBbProbabilityAlive(p, x, tx, n);
    const expected = (t: number, x: number, tx: number, n: number): number => bgBbConditionalExpectedTransactions(p, Math.round(t), x, tx, n);
    return {
      model,
      probabilityAlive: alive,
      conditionalExpectedPurchases: expected,
      expectedPurchases: (t) => bgBbExpectedTransactions(p, Math.round(t)),
      score(customers, horizon, out) {
        scoreUniqueRows(customers, out, (x, tx, n, result) => {
          result[0] = alive(x, tx, n);
          result[1] = expected(horizon, x, tx, n);
        });
      },
    };
  }
  const m = continuousModel(model);
  return {
    model,
    probabilityAlive: (x, tx, T) => m.probabilityAlive(params, x, tx, T),
    conditionalExpectedPurchases: (t, x, tx, T) => m.conditionalExpectedPurchases(params, t, x, tx, T),
    expectedPurchases: (t) => m.expectedPurchases(params, t),
    score: (customers, horizon, out) => m.score(params, customers, horizon, out),
  };
}

function continuousModel(model: "bgnbd" | "mbgnbd" | "pareto-nbd"): BuyTillYouDieModel<string> {
  return model === "bgnbd" ? bgNbd : model === "mbgnbd" ? mbgNbd : paretoNbd;
}

function checkParams(model: TransactionModelName, params: Readonly<Record<string, number>>): void {
  for (const name of clvParamNames[model]) {
    const value = params[name];
    if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
      throw invalidInput("params", `${model} needs a positive parameter "${name}", got ${JSON.stringify(value)}`);
    }
  }
}
