import { describe, expect, it } from "vitest";
import { formatMoneyUnits, multiplyMoney, parseMoneyOrThrow, parseMoneyUnits, sumMoney } from "./money.ts";

describe("money", () => {
  it("parses and formats without float error", () => {
    expect(sumMoney(["0.1", "0.2"])).toBe("0.3");
    expect(parseMoneyOrThrow("price", "1,234.50")).toBe("1234.5");
    expect(formatMoneyUnits(parseMoneyUnits("-0.85") ?? 0n)).toBe("-0.85");
  });
  it("refuses non-numbers and too many decimals, naming the field", () => {
    expect(() => parseMoneyOrThrow("unit_price", "abc")).toThrow(/unit_price/);
    expect(parseMoneyUnits("1.23456")).toBeNull();
    expect(parseMoneyUnits("1.23450")).not.toBeNull();
  });
  it("multiplies quantity by price exactly", () => {
    expect(multiplyMoney("-12", "0.85")).toBe("-10.2");
    expect(multiplyMoney("3", "0.001")).toBe("0.003");
  });
});
