import { describe, expect, it } from "vitest";
import { niceTicks } from "./nice-ticks.ts";

describe("niceTicks", () => {
  it("covers the maximum with round steps", () => {
    expect(niceTicks(97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0.93)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it("keeps whole steps for counts, so small counts do not repeat a label", () => {
    expect(niceTicks(1, 4, true)).toEqual([0, 1]);
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
  });
  it("draws an empty axis from 0 to 1", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
