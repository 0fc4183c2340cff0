import { describe, expect, it } from "vitest";
import { formatMoneyUnits, multiplyMoney, parseMoneyUnits } from "@tenure/shared";
import { canonicalDecimal, multiplyDecimal } from "./fast-decimal.ts";

describe("fast decimals agree with the shared money helpers", () => {
  const texts = ["0", "-0", "-0.0", "0.0", "00", "6", "60", "-60", "0.5", "-0.5", "0.50", "10.05", "1.", ".5", "-", "", "1-", "1.2.3", "12345678901", "123456789012", "1.00001", "-12", "2.55", "0.001", "007.50", "-0.85", "12.5000", "38970", "-11062.06", "99999999999.9999", "1,234.50", "1.23456", "abc", "123456789012345"];
  it("canonicalises like parseMoneyUnits + formatMoneyUnits", () => {
    for (const text of texts) {
      const units = parseMoneyUnits(text);
      expect(canonicalDecimal(text), text).toBe(units === null ? null : formatMoneyUnits(units));
    }
  });
  it("multiplies like multiplyMoney, rounding half away from zero", () => {
    const pairs: [string, string][] = [["6", "2.55"], ["-12", "0.85"], ["3", "0.001"], ["80995", "2.08"], ["0.5", "0.0001"], ["-0.5", "0.0001"], ["1.5", "0.0003"], ["99999999999", "99999999999"], ["-1", "-11062.06"]];
    for (const [q, p] of pairs) expect(multiplyDecimal(q, p), `${q}×${p}`).toBe(multiplyMoney(q, p));
  });
});
