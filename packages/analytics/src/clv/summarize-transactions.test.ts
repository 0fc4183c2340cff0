import { describe, expect, it } from "vitest";
import { periodOf, summarizeTransactions } from "./summarize-transactions.ts";
import { readCsvColumns, readFixture } from "../testing/read-fixture.ts";

const utc = (y: number, m: number, d: number, h = 0): number => Date.UTC(y, m - 1, d, h);

describe("summarizeTransactions on CDNOW_sample (BTYD's cdnowSummary)", () => {
  const ids: number[] = [], times: number[] = [], values: number[] = [];
  for (const line of readFixture("CDNOW_sample.txt").trim().split(/\r?\n/)) {
    const [, sampleId, date, , value] = line.trim().split(/\s+/);
    ids.push(Number(sampleId));
    times.push(utc(Number(date!.slice(0, 4)), Number(date!.slice(4, 6)), Number(date!.slice(6, 8))));
    values.push(Number(value));
  }
  const cbs = readCsvColumns("BTYD_cdnowSummary_cbs.csv");
  const mx = readCsvColumns("BTYD_cdnowSummary_m.x.csv");

  it("matches x, t.x, T.cal (days / 7), x.star and m.x for every customer", () => {
    expect(ids.length).toBe(6919);
    const summary = summarizeTransactions(
      { customerIds: ids, times, values },
      { unit: "day", calibrationEnd: utc(1997, 9, 30), observationEnd: utc(1998, 6, 30) },
    );
    // Eight customers whose only line is worth $0.00 are not purchasers here
    // (BTYD keeps them with x = 0); everyone else matches.
    expect(summary.skippedNonPositive).toBe(8);
    expect(summary.customerIds.length).toBe(2357 - 8);
    expect(summary.holdout?.length).toBe(273);
    summary.customerIds.forEach((id, i) => {
      const row = Number(id) - 1;
      expect(summary.frequency[i]).toBe(cbs.x![row]);
      expect(summary.recency[i]! / 7).toBeCloseTo(cbs["t.x"]![row]!, 10);
      expect(summary.T[i]! / 7).toBeCloseTo(cbs["T.cal"]![row]!, 10);
      expect(summary.holdout!.frequency[i]).toBe(cbs["x.star"]![row]);
      expect(summary.monetary[i]).toBeCloseTo(mx.value![row]!, 8);
    });
  });
});

describe("summarizeTransactions semantics", () => {
  it("merges same-day lines, skips lines without a customer or with value ≤ 0, and averages repeat days", () => {
    const summary = summarizeTransactions({
      customerIds: ["a", "a", "a", "a", null, "b", "a", ""],
      times: [utc(2024, 1, 1, 9), utc(2024, 1, 1, 23), utc(2024, 1, 3), new Date(utc(2024, 1, 3, 12)), utc(2024, 1, 2), utc(2024, 1, 5), utc(2024, 1, 4), utc(2024, 1, 4)],
      values: [10, 5, 20, 10, 99, 7, -3, 1],
    });
    expect(summary.customerIds).toEqual(["a", "b"]);
    expect(Array.from(summary.frequency)).toEqual([1, 0]);
    expect(Array.from(summary.recency)).toEqual([2, 0]);
    expect(Array.from(summary.T)).toEqual([4, 0]); // end defaults to the last purchase day, 2024-01-05
    expect(Array.from(summary.monetary)).toEqual([30, 0]);
    expect(summary.skippedWithoutCustomer).toBe(2);
    expect(summary.skippedNonPositive).toBe(1);
  });

  it("counts weeks Monday to Sunday in UTC, like pandas' W periods", () => {
    // 2024-01-01 is a Monday; the 7th a Sunday; the 8th the next Monday.
    expect(periodOf(utc(2024, 1, 1), "week")).toBe(periodOf(utc(2024, 1, 7, 23), "week"));
    expect(periodOf(utc(2024, 1, 8), "week")).toBe(periodOf(utc(2024, 1, 7), "week") + 1);
    const summary = summarizeTransactions(
      { customerIds: [1, 1, 1, 1], times: [utc(2024, 1, 2), utc(2024, 1, 6), utc(2024, 1, 9), utc(2024, 1, 24)], values: [1, 2, 3, 4] },
      { unit: "week", observationEnd: utc(2024, 1, 31) },
    );
    expect(Array.from(summary.frequency)).toEqual([2]);
    expect(Array.from(summary.recency)).toEqual([3]);
    expect(Array.from(summary.T)).toEqual([4]);
    expect(Array.from(summary.monetary)).toEqual([3.5]);
  });

  it("splits calibration and holdout by period and drops purchases after the observation end", () => {
    const summary = summarizeTransactions(
      { customerIds: ["a", "a", "a", "a", "b", "a"], times: [utc(2024, 1, 1), utc(2024, 1, 10, 18), utc(2024, 1, 12), utc(2024, 1, 12), utc(2024, 1, 11), utc(2024, 2, 1)], values: [1, 2, 3, 5, 4, 9] },
      { calibrationEnd: utc(2024, 1, 10), observationEnd: utc(2024, 1, 20) },
    );
    // b's first purchase is in the holdout: not in the calibration summary.
    expect(summary.customerIds).toEqual(["a"]);
    expect(Array.from(summary.frequency)).toEqual([1]);
    expect(Array.from(summary.T)).toEqual([9]);
    expect(Array.from(summary.holdout!.frequency)).toEqual([1]);
    expect(Array.from(summary.holdout!.monetary)).toEqual([8]);
    expect(summary.holdout!.length).toBe(10);
    expect(summary.skippedAfterEnd).toBe(1);
  });
});
