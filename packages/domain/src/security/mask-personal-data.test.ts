import { describe, expect, it } from "vitest";
import type { Customer } from "../customers/customer.ts";
import { maskCustomer, maskEmail, maskName, maskPhone } from "./mask-personal-data.ts";
import { personalFieldsOf } from "./personal-data.ts";
import { pseudonymiseProperties } from "./pseudonymise-properties.ts";

const person: Customer = {
  id: "cus_1",
  workspaceId: "ws_1",
  externalId: "u-1",
  kind: "person",
  name: "Jane Smith",
  email: "jane.smith@example.com",
  phone: "+44 20 7946 0189",
  country: "GB",
  timeZone: null,
  locale: null,
  accountType: null,
  industry: null,
  sizeBand: null,
  ownerUserId: null,
  parentCustomerId: null,
  attributes: { plan: "gold", birthDate: "1980-02-01", address: { street: "1 High St", country: "GB" }, notes: "prefers calls" },
  firstSeenAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  erasedAt: null,
  version: 1,
};

describe("masking personal data", () => {
  it("keeps only first letters, the top-level domain, the calling code and the last two digits", () => {
    expect(maskEmail("jane.smith@example.com")).toBe("j***@e***.com");
    expect(maskPhone("+44 20 7946 0189")).toBe("+44 *** *** 89");
    expect(maskPhone("+1 (555) 010-2299")).toBe("+1 *** *** 99");
    expect(maskName("Jane Smith")).toBe("J*** S***");
    expect(maskName("山田 太郎")).toBe("山*** 太***");
  });

  it("masks a person's columns and personal attributes, and leaves the rest", () => {
    const masked = maskCustomer(person);
    expect(masked).toMatchObject({ name: "J*** S***", email: "j***@e***.com", phone: "+44 *** *** 89", country: "GB", externalId: "u-1" });
    expect(masked.attributes).toEqual({ plan: "gold", birthDate: "***", address: "***", notes: "***" });
    expect(JSON.stringify(masked)).not.toMatch(/Jane|Smith|jane\.smith|7946|1980|High St|prefers/);
  });

  it("masks an external id that is an e-mail address", () => {
    expect(maskCustomer({ ...person, externalId: "jane@example.com" }).externalId).toBe("j***@e***.com");
  });

  it("does not mask an organisation's own name", () => {
    expect(maskCustomer({ ...person, kind: "organization", name: "Acme Ltd", attributes: {} }).name).toBe("Acme Ltd");
  });

  it("lists the personal fields holding a value, for the audit trail", () => {
    expect(personalFieldsOf(person)).toEqual(["name", "email", "phone", "attributes.birthDate", "attributes.address", "attributes.notes"]);
  });

  it("pseudonymises properties: personal keys and any value repeating the erased data go", () => {
    const props = { email: "jane.smith@example.com", plan: "gold", note_text: "Call Jane Smith back", nested: { firstName: "Jane", sku: "A1" }, tags: ["vip", "jane.smith@example.com"] };
    expect(pseudonymiseProperties(props, ["Jane Smith", "jane.smith@example.com"])).toEqual({ plan: "gold", nested: { sku: "A1" }, tags: ["vip"] });
  });
});
