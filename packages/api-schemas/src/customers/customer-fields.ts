import { z } from "zod";
import { isCountryCode, isEmailAddress, isLocaleTag, isTimeZone } from "@tenure/shared";

// Personal data: the security issue adds masking by role and purpose. Every
// field carrying it says so in its description (search for "Personal data").
const personal = (what: string) => `Personal data: ${what}`;

const text = (max: number) => z.string().trim().min(1).max(max);

export const customerKindSchema = z.enum(["person", "organization"]);

export const emailSchema = z.string().trim().refine(isEmailAddress, { message: "must be an e-mail address such as ana@example.com" });
export const countrySchema = z.string().refine(isCountryCode, { message: "must be an ISO 3166-1 alpha-2 country code in capitals, such as DE" });
export const localeSchema = z.string().refine(isLocaleTag, { message: "must be a BCP 47 language tag such as en or ja-JP" });
export const timeZoneSchema = z.string().refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Paris" });

/** The settable customer fields (all optional and nullable; create requires kind). */
export const customerWritableShape = {
  external_id: text(255).nullable().optional().describe("Your system's id for the customer; unique in the workspace"),
  kind: customerKindSchema.optional(),
  name: text(500).nullable().optional().describe(personal("the person's or organisation's name")),
  email: emailSchema.nullable().optional().describe(personal("e-mail address")),
  phone: text(50).nullable().optional().describe(personal("phone number")),
  country: countrySchema.nullable().optional(),
  time_zone: timeZoneSchema.nullable().optional(),
  locale: localeSchema.nullable().optional(),
  account_type: text(100).nullable().optional(),
  industry: text(100).nullable().optional(),
  size_band: text(50).nullable().optional(),
  owner_user_id: text(100).nullable().optional().describe("The rep who owns the account (usr_…)"),
  parent_customer_id: text(100).nullable().optional().describe("The organisation a person belongs to (cus_…)"),
};
