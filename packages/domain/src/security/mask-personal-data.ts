import type { Contact, Customer } from "../customers/customer.ts";
import { isPersonalKey, personalContactColumns } from "./personal-data.ts";

/** `jane.doe@example.com` → `j***@e***.com`: first letters and the top-level domain stay. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return maskText(email);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${email.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
}

// Calling codes of one digit (NANP and Russia/Kazakhstan); every other is shown as two.
const oneDigitCodes = new Set(["1", "7"]);

/** `+44 20 7946 0189` → `+44 *** *** 89`: the country code and the last two digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 6) return "***";
  const last = digits.slice(-2);
  if (!phone.trim().startsWith("+")) return `*** *** ${last}`;
  const code = oneDigitCodes.has(digits.slice(0, 1)) ? digits.slice(0, 1) : digits.slice(0, 2);
  return `+${code} *** *** ${last}`;
}

/** `Jane Smith` → `J*** S***`: each word keeps its first letter. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 ? "***" : words.map((w) => `${Array.from(w)[0] ?? ""}***`).join(" ");
}

/** Anything else personal (an address, a birth date, notes): nothing of it stays. */
export function maskText(_value: unknown): string {
  return "***";
}

/** Attributes (or event properties) with every personal key's value masked, nested objects included. */
export function maskPersonalProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (isPersonalKey(key) && value !== null && value !== undefined) out[key] = maskValue(key, value);
    else if (isPlainObject(value)) out[key] = maskPersonalProperties(value);
    else out[key] = value;
  }
  return out;
}

function maskValue(key: string, value: unknown): string {
  if (typeof value !== "string") return maskText(value);
  const k = key.toLowerCase();
  if (k.includes("email")) return maskEmail(value);
  if (k.includes("phone") || k === "mobile") return maskPhone(value);
  if (k.includes("name")) return maskName(value);
  return maskText(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The customer with its personal data masked (a person's name, e-mail, phone; personal attributes). */
export function maskCustomer(customer: Customer): Customer {
  const person = customer.kind === "person";
  return {
    ...customer,
    name: person && customer.name !== null ? maskName(customer.name) : customer.name,
    email: person && customer.email !== null ? maskEmail(customer.email) : customer.email,
    phone: person && customer.phone !== null ? maskPhone(customer.phone) : customer.phone,
    // An external id that is an e-mail address (a common Segment userId) is personal too.
    externalId: customer.externalId !== null && customer.externalId.includes("@") ? maskEmail(customer.externalId) : customer.externalId,
    attributes: maskPersonalProperties(customer.attributes),
  };
}

/** The contact with its name, e-mail and phone masked. */
export function maskContact(contact: Contact): Contact {
  const masked: Contact = { ...contact };
  for (const column of personalContactColumns) {
    const value = contact[column];
    if (value === null) continue;
    masked[column] = column === "email" ? maskEmail(value) : column === "phone" ? maskPhone(value) : maskName(value);
  }
  return masked;
}
