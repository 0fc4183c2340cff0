import { describe, expect, it } from "vitest";
import { isAppError } from "@tenure/shared";
import { compressSummaryRows, validateSummaryRows, unitWeightRows } from "./compress-rows.ts";

describe("compressSummaryRows", () => {
  it("merges identical (x, tx, T) rows into weights and maps every customer to its row", () => {
    const x = [0, 2, 0, 2, 2, 1];
    const tx = [0, 30.5, 0, 30.5, 30.5, 4];
    const T = [38, 38.86, 38, 38.86, 38.5, 10];
    const rows = compressSummaryRows(x, tx, T);
    expect(Array.from(rows.x)).toEqual([0, 2, 2, 1]);
    expect(Array.from(rows.weight)).toEqual([2, 2, 1, 1]);
    expect(Array.from(rows.rowOf)).toEqual([0, 1, 0, 1, 2, 3]);
    for (let i = 0; i < x.length; i++) {
      const j = rows.rowOf[i]!;
      expect([rows.x[j], rows.tx[j], rows.T[j]]).toEqual([x[i], tx[i], T[i]]);
    }
  });
  it("keeps rows that differ in the last bit apart and treats −0 as 0", () => {
    const rows = compressSummaryRows([1, 1, 0, 0], [0.1 + 0.2, 0.3, 0, -0], [1, 1, 1, 1]);
    expect(rows.x.length).toBe(3);
  });
  it("handles many rows with few distinct values", () => {
    const n = 100_000;
    const x = new Float64Array(n), tx = new Float64Array(n), T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i % 7;
      tx[i] = x[i]! === 0 ? 0 : (i % 5) + 1;
      T[i] = 10 + (i % 3);
    }
    const rows = compressSummaryRows(x, tx, T);
    let total = 0;
    rows.weight.forEach((w) => (total += w));
    expect(total).toBe(n);
    expect(rows.x.length).toBeLessThanOrEqual(7 * 5 * 3);
  });
  it("grows its table past many distinct rows without losing any", () => {
    const n = 5000;
    const x = new Float64Array(n), tx = new Float64Array(n), T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i % 3;
      tx[i] = x[i]! === 0 ? 0 : i / 7;
      T[i] = 1 + i / 7;
    }
    const rows = compressSummaryRows(x, tx, T);
    expect(rows.x.length).toBe(n);
    expect(T.every((age, i) => rows.T[rows.rowOf[i]!] === age)).toBe(true);
  });
  it("rejects arrays of different lengths", () => {
    expect(() => compressSummaryRows([1], [1, 2], [3])).toThrow(/same length/);
  });
});

describe("validateSummaryRows", () => {
  it("names the first bad row", () => {
    try {
      validateSummaryRows(unitWeightRows([1, 2], [1, 5], [3, 4]));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.category).toBe("invalid_input");
      expect(isAppError(error) && error.details.row).toBe(1);
    }
    expect(() => validateSummaryRows(unitWeightRows([1.5], [1], [3]))).toThrow(/whole number/);
  });
});
