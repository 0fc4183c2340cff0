import type { Contact, Customer } from "../customers/customer.ts";

/**
 * The one list of personal data. A person customer's name, e-mail and phone
 * columns; attribute keys holding an address, a birth date or notes (and the
 * usual spellings of names and contact details); a contact's name, e-mail
 * and phone. An organisation's own name, e-mail and phone are not personal.
 */
export const personalCustomerColumns = ["name", "email", "phone"] as const;
export const personalContactColumns = ["name", "email", "phone"] as const;

export type PersonalCustomerColumn = (typeof personalCustomerColumns)[number];

const personalKeys = new Set([
  "name",
  "first_name",
  "firstname",
  "last_name",
  "lastname",
  "full_name",
  "fullname",
  "email",
  "email_address",
  "phone",
  "phone_number",
  "mobile",
  "address",
  "street",
  "postal_code",
  "zip",
  "birth_date",
  "birthdate",
  "birthday",
  "date_of_birth",
  "dob",
  "notes",
  "note",
]);

/** True when an attribute or event property key names personal data (case, dashes and camelCase ignored). */
export function isPersonalKey(key: string): boolean {
  const normal = key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-\s]/g, "_")
    .toLowerCase();
  return personalKeys.has(normal);
}

/** The personal fields a customer row holds a value in, as API field names (attributes as `attributes.<key>`). */
export function personalFieldsOf(customer: Customer): string[] {
  const fields: string[] = [];
  if (customer.kind === "person") {
    for (const column of personalCustomerColumns) if (customer[column] !== null) fields.push(column);
  }
  if (customer.externalId?.includes("@")) fields.push("external_id");
  for (const key of Object.keys(customer.attributes)) if (isPersonalKey(key)) fields.push(`attributes.${key}`);
  return fields;
}

/** The personal fields of contacts that hold a value, as `contacts.<field>`. */
export function personalFieldsOfContacts(contacts: readonly Contact[]): string[] {
  const fields = new Set<string>();
  for (const contact of contacts) {
    for (const column of personalContactColumns) if (contact[column] !== null) fields.add(`contacts.${column}`);
  }
  return [...fields];
}

/** True when properties (attributes, event properties) hold a personal key at any depth. */
export function hasPersonalProperties(properties: Record<string, unknown>): boolean {
  return Object.entries(properties).some(
    ([key, value]) =>
      (isPersonalKey(key) && value !== null && value !== undefined) ||
      (typeof value === "object" && value !== null && !Array.isArray(value) && hasPersonalProperties(value as Record<string, unknown>)),
  );
}
