import { invalidInput, isCountryCode, isEmailAddress, isLocaleTag, isTimeZone } from "@tenure/shared";
import { customerKinds, type CustomerFields } from "./customer.ts";

/**
 * The API (and column) name of a customer field: its snake_case form, so an
 * error names the field the caller sent.
 */
export function customerFieldApiName(field: keyof CustomerFields): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const formatChecks: Partial<Record<keyof CustomerFields, { test: (v: string) => boolean; expected: string }>> = {
  email: { test: isEmailAddress, expected: "an e-mail address" },
  country: { test: isCountryCode, expected: "an ISO 3166-1 alpha-2 country code such as DE" },
  locale: { test: isLocaleTag, expected: "a BCP 47 language tag such as en or ja-JP" },
  timeZone: { test: isTimeZone, expected: "an IANA time zone such as Europe/Paris" },
};

/**
 * Check the fields a caller set (create or partial update); throws an
 * invalid-input error naming the first bad field. The HTTP schemas check the
 * same formats; this keeps callers other than HTTP (CLI, import) honest.
 */
export function validateCustomerFields(fields: Partial<CustomerFields>): void {
  if (fields.kind !== undefined && !customerKinds.includes(fields.kind)) {
    throw invalidInput("kind", `kind must be one of ${customerKinds.join(", ")}`);
  }
  for (const key of Object.keys(formatChecks) as (keyof CustomerFields)[]) {
    const value = fields[key];
    const check = formatChecks[key];
    if (check && typeof value === "string" && !check.test(value)) {
      throw invalidInput(customerFieldApiName(key), `${customerFieldApiName(key)} must be ${check.expected}, got "${value}"`);
    }
  }
  if (fields.externalId !== undefined && fields.externalId !== null && fields.externalId.trim() === "") {
    throw invalidInput("external_id", "external_id must not be empty (omit it or send null)");
  }
  const attributes = fields.attributes;
  if (attributes !== undefined && (typeof attributes !== "object" || attributes === null || Array.isArray(attributes))) {
    throw invalidInput("attributes", "attributes must be an object of key → value");
  }
}
