import { z } from "zod";
import { countrySchema, customerKindSchema, customerWritableShape } from "./customer-fields.ts";

export const customerIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** POST /api/customers */
export const createCustomerBodySchema = z.strictObject({
  ...customerWritableShape,
  kind: customerKindSchema,
  attributes: z.record(z.string(), z.unknown()).optional().describe("Free-form key → value facts (plan, segment, …)"),
});

/** PATCH /api/customers/{id}: only the fields sent change. */
export const updateCustomerBodySchema = z.strictObject({
  ...customerWritableShape,
  attributes: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("Merged into the stored attributes; a key set to null is removed"),
});

export const customerSortSchema = z
  .enum(["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at", "clv", "-clv", "p_alive", "-p_alive"])
  .describe(
    "Sort key; a leading - sorts descending. Ties break on id, so pages are stable. clv and p_alive sort by the latest scores, customers without scores last (-clv: most valuable first; p_alive: most at risk first). Default: name when the request shows names, else created_at; name (or -name) while names are masked for the request (no X-Purpose the caller may use) is refused with 403 personal_data_masked naming sort, except with type=organization",
  );

const attributePrefix = "attr.";

/** GET /api/customers; `attr.<key>=<value>` parameters filter on attributes. */
const listShape = {
    q: z.string().max(200).optional().describe("Name prefix, or exact e-mail or external id; case-insensitive"),
    type: customerKindSchema.optional(),
    owner: z.string().max(100).optional().describe("owner_user_id"),
    country: countrySchema.optional(),
    sort: customerSortSchema.optional(),
    cursor: z.string().max(2048).optional().describe("next_cursor of the previous page"),
    limit: z.coerce.number().int().min(1).max(200).optional().describe("Page size, default 50"),
};

export const listCustomersQuerySchema = z
  .object(listShape)
  .catchall(z.string().max(500))
  .superRefine((query, ctx) => {
    for (const key of Object.keys(query)) {
      if (key in listShape) continue;
      if (!key.startsWith(attributePrefix) || key.length === attributePrefix.length) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown query parameter (filters on attributes are attr.<key>=<value>)` });
      }
    }
  });

/** GET /api/customers/{id}/timeline */
export const timelineQuerySchema = z.strictObject({
  type: z.string().max(500).optional().describe("Only these event types, comma-separated (e.g. customer.created,order.completed)"),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** The attribute filters of a list query: `attr.plan=gold` → { plan: "gold" }. */
export function attributeFilters(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith(attributePrefix) && typeof value === "string") out[key.slice(attributePrefix.length)] = value;
  }
  return out;
}
