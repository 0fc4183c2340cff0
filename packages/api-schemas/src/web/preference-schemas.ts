import { z } from "zod";

const locale = z.enum(["en", "ja", "zh", "ru"]);

/** GET and PUT /api/session/preferences */
export const preferencesSchema = z.object({ locale });
export const updatePreferencesBodySchema = z.strictObject({ locale });

const page = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).describe("The list page, e.g. customers");
const viewQuery = z.record(z.string().max(64), z.string().max(500)).describe("The list's query parameters (q, type, country, owner, sort, attr.<key>)");

export const savedViewSchema = z.object({
  id: z.string(),
  page: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.string()),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
});

/** GET /api/views */
export const savedViewsQuerySchema = z.strictObject({ page });
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
/** POST /api/views */
export const createSavedViewBodySchema = z.strictObject({ page, name: z.string().min(1).max(100), query: viewQuery });
/** PATCH /api/views/{id} */
export const updateSavedViewBodySchema = z.strictObject({ name: z.string().min(1).max(100).optional(), query: viewQuery.optional() });
export const savedViewIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
