import { describe, expect, it } from "vitest";
import { isIdOf, newId } from "./ids.ts";

describe("ids", () => {
  it("are prefixed, unique and sort by time", () => {
    const a = newId("customer", 1_700_000_000_000);
    const b = newId("customer", 1_700_000_000_001);
    expect(isIdOf("customer", a)).toBe(true);
    expect(isIdOf("order", a)).toBe(false);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newId("order"))).size).toBe(1000);
  });
});
