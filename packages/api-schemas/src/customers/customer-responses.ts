import { z } from "zod";
import { customerKindSchema } from "./customer-fields.ts";
import { customerSatisfactionSchema } from "../surveys/survey-schemas.ts";

const personal = (what: string) => `Personal data: ${what}`;
const timestamp = z.iso.datetime({ offset: true });
const nullableText = z.string().nullable();

/** A customer as the API returns it. */
export const customerSchema = z.object({
  id: z.string(),
  external_id: nullableText,
  kind: customerKindSchema,
  name: nullableText.describe(personal("the person's or organisation's name")),
  email: nullableText.describe(personal("e-mail address")),
  phone: nullableText.describe(personal("phone number")),
  country: nullableText,
  time_zone: nullableText,
  locale: nullableText,
  account_type: nullableText,
  industry: nullableText,
  size_band: nullableText,
  owner_user_id: nullableText,
  parent_customer_id: nullableText,
  attributes: z.record(z.string(), z.unknown()),
  first_seen_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  version: z.number().int().describe("Send as If-Match on PATCH to refuse lost updates"),
});

export const customerListSchema = z.object({
  items: z.array(customerSchema),
  total: z.number().int().describe("Matches over all pages"),
  next_cursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page"),
});

export const contactSchema = z.object({
  id: z.string(),
  external_id: nullableText,
  name: nullableText.describe(personal("contact's name")),
  email: nullableText.describe(personal("contact's e-mail address")),
  phone: nullableText.describe(personal("contact's phone number")),
  title: nullableText,
  role: nullableText,
  locale: nullableText,
  is_primary: z.boolean(),
});

export const timelineEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  occurred_at: timestamp,
  source: z.string(),
  summary: nullableText,
  properties: z.record(z.string(), z.unknown()),
});

export const orderSummarySchema = z.object({
  order_count: z.number().int().describe("Completed orders"),
  first_order_at: timestamp.nullable(),
  last_order_at: timestamp.nullable(),
  currency: z.string().nullable().describe("ISO 4217 currency of `revenue`: the currency of most of the customer's completed orders; null without orders"),
  revenue: z.string().describe("Completed orders minus cancellations and returns in `currency`, exact decimal (other currencies are in revenue_by_currency, never added to it)"),
  revenue_by_currency: z
    .array(z.object({ currency: z.string(), revenue: z.string() }))
    .describe("Revenue per currency, the main currency first"),
});

export const customerScoresSchema = z.object({
  fit_id: z.string(),
  frequency: z.number(),
  recency: z.number(),
  age: z.number(),
  monetary: z.string().nullable(),
  p_alive: z.number(),
  expected_purchases_90: z.number(),
  expected_purchases_365: z.number(),
  expected_spend: z.string().nullable(),
  clv: z.string().nullable(),
  computed_at: timestamp,
});

/** GET /api/customers/{id} */
export const customerProfileSchema = z.object({
  customer: customerSchema,
  contacts: z.array(contactSchema),
  orders: orderSummarySchema,
  timeline: z.array(timelineEventSchema).describe("The latest 10 events, newest first"),
  scores: customerScoresSchema.nullable().describe("Null until scores are computed for this customer"),
  satisfaction: customerSatisfactionSchema,
});

/** GET /api/customers/{id}/timeline */
export const timelinePageSchema = z.object({
  items: z.array(timelineEventSchema),
  next_cursor: z.string().nullable(),
});

export type CustomerJson = z.infer<typeof customerSchema>;
export type CustomerProfileJson = z.infer<typeof customerProfileSchema>;
export type TimelineEventJson = z.infer<typeof timelineEventSchema>;
