import { Readable } from "node:stream";
import { isImportEntity, type ImportEntity, type ImportPreset } from "@tenure/domain";
import { AppError, invalidInput } from "@tenure/shared";
import type { z } from "zod";
import type { importQuerySchema } from "@tenure/api-schemas";

/** The parsed query of an import or preview request. */
export interface ImportOptions {
  readonly entity: ImportEntity | null;
  readonly preset: ImportPreset | null;
  readonly map: Record<string, string>;
  readonly timeZone: string | undefined;
  readonly dryRun: boolean;
  readonly fileName: string | null;
}

/** Read the query (the map is a JSON object of column → field) and check that the body is a file stream. */
export function importOptionsOf(query: z.infer<typeof importQuerySchema>): ImportOptions {
  const entity = query.entity !== undefined && isImportEntity(query.entity) ? query.entity : null;
  return {
    entity,
    preset: query.preset ?? null,
    map: query.map === undefined ? {} : parseMap(query.map),
    timeZone: query.timezone,
    dryRun: query.dry_run === "true",
    fileName: query.file_name ?? null,
  };
}

/** The request body as a stream, or invalid_input saying how to send the file. */
export function uploadStreamOf(body: unknown): Readable {
  if (body instanceof Readable) return body;
  throw invalidInput("body", "Send the file itself as the request body with Content-Type text/csv (or text/tab-separated-values, application/gzip)");
}

/**
 * The body as bytes, failing with 413 once more than `maxBytes` have come (a
 * preview reads only the start). Lazy: nothing is checked before it is read.
 */
export async function* limitedTo(body: unknown, maxBytes: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of uploadStreamOf(body)) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    bytes += buffer.length;
    if (bytes > maxBytes) throw new AppError("payload_too_large", "payload_too_large", `A preview reads at most ${maxBytes} bytes: send only the start of the file`, { field: "body" });
    yield buffer;
  }
}

function parseMap(text: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidInput("map", 'map must be a JSON object of file column → field, e.g. {"Customer No":"external_id"}');
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw invalidInput("map", "map must be a JSON object of file column → field");
  const map: Record<string, string> = {};
  for (const [column, target] of Object.entries(parsed)) {
    if (typeof target !== "string" || target.trim() === "") throw invalidInput(`map.${column}`, `map.${column} must name a field (a non-empty string)`);
    map[column] = target.trim();
  }
  return map;
}
