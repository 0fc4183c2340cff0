import { describe, expect, it } from "vitest";
import { fitModel, type LikelihoodModel } from "./fit-model.ts";

// Exponential waiting times with rate λ: logL = n log λ − λ Σx; MLE λ = n/Σx, SE = λ/√n.
function exponentialModel(values: number[], weights: number[]): LikelihoodModel<"lambda"> {
  return {
    paramNames: ["lambda"],
    logLikelihood(params, grad) {
      const lambda = params[0]!;
      let n = 0, sum = 0;
      values.forEach((v, i) => { n += weights[i]!; sum += weights[i]! * v; });
      grad[0] = n / lambda - sum;
      return n * Math.log(lambda) - lambda * sum;
    },
  };
}

describe("fitModel", () => {
  it("finds the MLE and its standard error, honouring row weights", () => {
    const fit = fitModel(exponentialModel([1, 2, 3], [10, 20, 10]));
    const lambda = 40 / (10 + 40 + 30);
    expect(fit.converged).toBe(true);
    expect(fit.params.lambda).toBeCloseTo(lambda, 6);
    expect(fit.standardErrors.lambda).toBeCloseTo(lambda / Math.sqrt(40), 5);
  });
  it("shrinks parameters with an L2 penalty", () => {
    const plain = fitModel(exponentialModel([0.1], [5]));
    const penalised = fitModel(exponentialModel([0.1], [5]), { penalty: 1 });
    expect(penalised.params.lambda).toBeLessThan(plain.params.lambda);
  });
});
