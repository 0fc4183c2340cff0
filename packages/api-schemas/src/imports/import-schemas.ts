import { z } from "zod";

const timestamp = z.iso.datetime({ offset: true });

export const importEntitySchema = z
  .enum(["customers", "contacts", "products", "orders", "order-lines", "payments", "events"])
  .describe("What the rows are (docs/importing.md lists each entity's columns)");

/** The options of POST /api/imports/preview and POST /api/imports, in the query string. */
export const importQuerySchema = z.strictObject({
  entity: importEntitySchema.optional().describe("Required unless preset is given"),
  preset: z.enum(["online-retail"]).optional().describe("A known file layout that fills several entities in one pass"),
  map: z
    .string()
    .max(8000)
    .optional()
    .describe('Column mapping as a JSON object, file column → field (or attributes.<key>), e.g. {"Customer No":"external_id"}'),
  timezone: z.string().max(100).optional().describe("IANA zone of timestamps written without an offset (default UTC)"),
  dry_run: z.enum(["true", "false"]).optional().describe("true: validate and count, then store nothing"),
  file_name: z.string().max(300).optional().describe("The uploaded file's name, shown in the list of imports"),
});

export const importFieldSchema = z.object({
  name: z.string(),
  type: z.string().describe("text, timestamp, money, decimal, integer, boolean, country, currency, email, locale, time_zone, reference, choice"),
  required: z.boolean(),
  description: z.string(),
});

/** POST /api/imports/preview: the file's first rows and how its columns would be read. */
export const importPreviewSchema = z.object({
  header: z.array(z.string()),
  delimiter: z.enum([",", "\t"]),
  rows: z.array(z.array(z.string())).describe("The first data rows as read (at most 20)"),
  fields: z.array(importFieldSchema).describe("What the entity (or preset) accepts; a column may map to one of these"),
  json_field: z.string().nullable().describe("Columns mapped to <json_field>.<key> are stored as one key of it (attributes, or properties for events)"),
  mapping: z.record(z.string(), z.string().nullable()).describe("File column → the field it would fill (the map applied, then names matched); null: ignored"),
  problems: z.array(z.string()).describe("Why the import would stop before reading rows (missing required column, a map naming nothing); empty when it can run"),
});
export type ImportPreviewJson = z.infer<typeof importPreviewSchema>;

const countsSchema = z.object({ entity: z.string(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/** One import run: POST /api/imports answers it (202), GET /api/imports/{id} polls it. */
export const importRunSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "succeeded", "failed"]),
  entity: z.string().nullable(),
  preset: z.string().nullable(),
  file_name: z.string().nullable(),
  dry_run: z.boolean(),
  bytes_total: z.number().int().describe("Size of the uploaded file"),
  bytes_read: z.number().int().describe("Bytes of it the import has read so far"),
  rows_read: z.number().int().describe("Data rows read so far (header excluded)"),
  rejected: z.number().int().describe("Rows refused so far; each is in errors.csv with its reasons"),
  counts: z.array(countsSchema).describe("Per entity written: rows inserted, updated, found unchanged (when finished)"),
  ignored_columns: z.array(z.string()).describe("File columns that matched no field (when finished)"),
  started_at: timestamp,
  finished_at: timestamp.nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
    .nullable()
    .describe("Why a failed run stored nothing"),
  refit: z
    .enum(["queued", "already_queued", "completed", "failed"])
    .nullable()
    .describe("Customer value recomputation asked for after purchases changed; null when none was needed"),
});
export type ImportRunJson = z.infer<typeof importRunSchema>;

export const importRunListSchema = z.object({ items: z.array(importRunSchema).describe("This server's recent imports in the workspace, newest first") });

export const importIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
