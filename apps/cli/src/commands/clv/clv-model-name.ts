import { invalidInput } from "@tenure/shared";

/** The models `tenure clv` fits, as named on the command line and in fit JSON. */
export const clvModelNames = ["bgnbd", "pareto-nbd", "mbgnbd", "bgbb", "sbg", "gamma-gamma"] as const;
export type ClvModelName = (typeof clvModelNames)[number];

/** Continuous-time purchase models: (frequency, recency, T) in one time unit. */
export type ContinuousModelName = "bgnbd" | "pareto-nbd" | "mbgnbd";
/** Models that predict purchases per customer, so `score` can use them. */
export type TransactionModelName = ContinuousModelName | "bgbb";

/** Parameter names of each model, in the order the fitters use them. */
export const clvParamNames: Record<ClvModelName, readonly string[]> = {
  bgnbd: ["r", "alpha", "a", "b"],
  mbgnbd: ["r", "alpha", "a", "b"],
  "pareto-nbd": ["r", "alpha", "s", "beta"],
  bgbb: ["alpha", "beta", "gamma", "delta"],
  sbg: ["alpha", "beta"],
  "gamma-gamma": ["p", "q", "gamma"],
};

export function isClvModelName(value: string): value is ClvModelName {
  return (clvModelNames as readonly string[]).includes(value);
}

export function isContinuousModel(model: ClvModelName): model is ContinuousModelName {
  return model === "bgnbd" || model === "pareto-nbd" || model === "mbgnbd";
}

export function isTransactionModel(model: ClvModelName): model is TransactionModelName {
  return isContinuousModel(model) || model === "bgbb";
}

/** `--model` value → model name, or an error listing the choices. */
export function parseClvModelName(value: string): ClvModelName {
  if (!isClvModelName(value)) throw invalidInput("model", `unknown model "${value}"; choose one of ${clvModelNames.join(", ")}`);
  return value;
}
