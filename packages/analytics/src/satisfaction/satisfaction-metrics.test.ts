import { describe, expect, it } from "vitest";
import { customerEffortScore, customerSatisfactionScore, responseRate } from "./customer-satisfaction-score.ts";
import { countNpsAnswers, netPromoterScore } from "./net-promoter-score.ts";
import { acsiSums, csiFromMeans, customerSatisfactionIndex, type AcsiTriple } from "./satisfaction-index.ts";

describe("netPromoterScore", () => {
  it("is % promoters minus % detractors with the standard error of the ±1/0 scores", () => {
    // 5 promoters, 3 passives, 2 detractors: p = .5, d = .2, NPS 30;
    // variance = .5 + .2 − .3² = .61, SE = 100·√(.61/10) = 24.698, MoE = 1.96·SE = 48.41
    const counts = countNpsAnswers([10, 9, 9, 10, 9, 8, 7, 7, 6, 0]);
    expect(counts).toEqual({ promoters: 5, passives: 3, detractors: 2 });
    const nps = netPromoterScore(counts);
    expect(nps.responses).toBe(10);
    expect(nps.nps).toBeCloseTo(30, 10);
    expect(nps.standardError).toBeCloseTo(24.698, 3);
    expect(nps.marginOfError).toBeCloseTo(48.41, 2);
  });

  it("is −100 with no uncertainty when everyone is a detractor, and null without answers", () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 4 })).toMatchObject({ nps: -100, standardError: 0, marginOfError: 0 });
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toMatchObject({ responses: 0, nps: null, marginOfError: null });
  });
});

describe("CSAT, CES and response rate", () => {
  it("CSAT is the share of 4–5 answers, CES the mean, response rate answered over sent", () => {
    expect(customerSatisfactionScore(3, 4)).toEqual({ responses: 4, value: 75 });
    expect(customerEffortScore(5 + 6 + 2, 3).value).toBeCloseTo(13 / 3, 12);
    expect(responseRate(25, 200)).toBe(12.5);
    expect([customerSatisfactionScore(0, 0).value, customerEffortScore(0, 0).value, responseRate(0, 0)]).toEqual([null, null, null]);
  });
});

describe("customerSatisfactionIndex", () => {
  it("uses equal weights when there are too few answers: (x̄ − 1)/9 × 100 averaged", () => {
    const index = customerSatisfactionIndex(acsiSums([[7, 8, 6], [7, 8, 6]]));
    expect(index.weighting).toBe("equal");
    // means 7, 8, 6 → (6 + 7 + 5) / 3 / 9 × 100 = 66.667
    expect(index.csi).toBeCloseTo(66.6667, 4);
    expect(customerSatisfactionIndex(acsiSums([[10, 10, 10]])).csi).toBe(100);
    expect(customerSatisfactionIndex(acsiSums([[1, 1, 1]])).csi).toBe(0);
    expect(customerSatisfactionIndex(acsiSums([])).csi).toBeNull();
  });

  it("estimates weights as the normalised first principal component", () => {
    // items (u, u, u/2 + 1): covariance ∝ v·vᵀ with v = (1, 1, ½), so the
    // weights are v / 2.5 = (.4, .4, .2); means (5, 5, 3.5) give
    // CSI = (.4·4 + .4·4 + .2·2.5) / 9 × 100 = 41.111 (equal weights: 38.889)
    const answers: AcsiTriple[] = [2, 4, 6, 8].map((u) => [u, u, u / 2 + 1]);
    const index = customerSatisfactionIndex(acsiSums(answers), 4);
    expect(index.weighting).toBe("estimated");
    index.weights.forEach((w, i) => expect(w).toBeCloseTo([0.4, 0.4, 0.2][i] ?? 0, 9));
    expect(index.csi).toBeCloseTo(41.1111, 4);
    expect(csiFromMeans([5, 5, 3.5], index.weights)).toBeCloseTo(41.1111, 4);
  });

  it("falls back to equal weights when an item does not vary with the others", () => {
    const answers: AcsiTriple[] = [2, 4, 6, 8].map((u) => [u, u, 5]);
    const index = customerSatisfactionIndex(acsiSums(answers), 4);
    expect(index.weighting).toBe("equal");
    expect(index.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});
