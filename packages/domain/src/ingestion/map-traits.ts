import { isCountryCode } from "@tenure/shared";
import type { OrganizationFields, PersonFields } from "./ingestion-message.ts";
import { sizeBandForEmployees } from "./size-band.ts";
import { objectOf, textOf, TraitMapper } from "./trait-values.ts";
import { parseTimestamp } from "./parse-timestamp.ts";

const personTraits = ["name", "firstName", "lastName", "email", "phone", "timezone", "locale", "createdAt"] as const;

/**
 * Customer fields of a person from identify traits (Segment reserved traits):
 * name (or firstName + lastName), email, phone, address.country, timezone and
 * locale (falling back to context.timezone / context.locale), createdAt as
 * first seen. Every other trait, and any value that does not fit its column,
 * goes to attributes.
 */
export function mapPersonTraits(traits: Record<string, unknown>, context: Record<string, unknown>): PersonFields {
  const mapper = new TraitMapper(traits, personTraits);
  const fullName = [textOf(traits.firstName), textOf(traits.lastName)].filter((part) => part !== null).join(" ");
  const name = textOf(traits.name) ?? (fullName === "" ? null : fullName);
  if (traits.name !== undefined && textOf(traits.name) === null) mapper.attributes.name = traits.name;
  const createdAt = typeof traits.createdAt === "string" ? parseTimestamp(traits.createdAt) : null;
  if (traits.createdAt !== undefined && createdAt === null) mapper.attributes.createdAt = traits.createdAt;
  return {
    name,
    email: mapper.column("email", traits.email, "email"),
    phone: mapper.column("phone", traits.phone),
    country: countryOf(traits),
    timeZone: mapper.column("timezone", traits.timezone ?? context.timezone, "timeZone"),
    locale: mapper.column("locale", traits.locale ?? context.locale, "locale"),
    firstSeenAt: createdAt,
    attributes: mapper.attributes,
  };
}

const organizationTraits = ["name", "industry", "plan", "email", "phone"] as const;

/**
 * Customer fields of an organisation from group traits: name, industry,
 * employees (→ size band, the count itself stays in attributes), plan (→
 * account type), email, phone, address.country; the rest goes to attributes.
 */
export function mapOrganizationTraits(traits: Record<string, unknown>): OrganizationFields {
  const mapper = new TraitMapper(traits, organizationTraits);
  return {
    name: mapper.column("name", traits.name),
    email: mapper.column("email", traits.email, "email"),
    phone: mapper.column("phone", traits.phone),
    country: countryOf(traits),
    industry: mapper.column("industry", traits.industry),
    sizeBand: sizeBandForEmployees(traits.employees),
    accountType: mapper.column("plan", traits.plan),
    attributes: mapper.attributes,
  };
}

// The whole address stays in attributes; only a valid ISO code reaches the column.
function countryOf(traits: Record<string, unknown>): string | null {
  const country = textOf(objectOf(traits.address)?.country)?.toUpperCase() ?? null;
  return country !== null && isCountryCode(country) ? country : null;
}
