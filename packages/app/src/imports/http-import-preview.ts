import {
  buildImportPlan,
  entityDefinition,
  normaliseColumnName,
  OnlineRetailPreset,
  onlineRetailColumns,
  type ImportEntity,
  type ImportPreset,
  type Repositories,
} from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import { httpImportWorkspace } from "./http-import-workspace.ts";
import { readCsvRecords } from "./read-csv-records.ts";

export interface ImportPreviewInput {
  readonly entity: ImportEntity | null;
  readonly preset: ImportPreset | null;
  /** The start of the file (the web app sends its first 64 KB, cut at a line end). */
  readonly source: AsyncIterable<Buffer | string>;
  readonly map: Readonly<Record<string, string>>;
}

export interface ImportPreviewField {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

export interface ImportPreview {
  readonly header: readonly string[];
  readonly delimiter: "," | "\t";
  readonly rows: readonly (readonly string[])[];
  readonly fields: readonly ImportPreviewField[];
  readonly jsonField: string | null;
  /** File column → the field it fills, or null when ignored. */
  readonly mapping: Readonly<Record<string, string | null>>;
  readonly problems: readonly string[];
}

/** How many data rows a preview shows. */
export const previewRowCount = 20;

/**
 * Read the first rows of a file and say how an import would read its
 * columns: the map applied, then names matched as importFile does, and the
 * problems that would stop it (missing required column, a map naming no
 * column or no field). Stores nothing.
 */
export async function previewImport(ctx: RequestContext, deps: { repositories: Repositories }, input: ImportPreviewInput): Promise<ImportPreview> {
  authorize(ctx, "imports.run");
  const csv = await readCsvRecords(input.source);
  const rows: string[][] = [];
  for await (const chunk of csv.chunks) {
    for (const { record } of chunk) if (rows.length < previewRowCount) rows.push(record);
    if (rows.length >= previewRowCount) break;
  }
  const base = { header: csv.header, delimiter: csv.delimiter, rows };
  if (input.preset === "online-retail") {
    const renamed = csv.header.map((h) => input.map[h] ?? h);
    const checked = OnlineRetailPreset.fromHeader(renamed, "UTC");
    const known = new Set<string>(onlineRetailColumns);
    return {
      ...base,
      fields: onlineRetailColumns.map((name) => ({ name, type: "text", required: true, description: `column ${name} of the UCI Online Retail file` })),
      jsonField: null,
      mapping: Object.fromEntries(csv.header.map((h, i) => [h, known.has(renamed[i] ?? "") ? (renamed[i] ?? null) : null])),
      problems: checked instanceof OnlineRetailPreset ? [] : checked.problems,
    };
  }
  if (input.entity === null) throw invalidInput("entity", "Say what the file contains (an entity) or name a preset");
  const definition = entityDefinition(input.entity);
  const workspace = await httpImportWorkspace(ctx, deps);
  const planned = buildImportPlan(input.entity, csv.header, { map: input.map, workspaceCurrency: workspace.defaultCurrency });
  const fieldNames = new Set(definition.fields.filter((f) => f.type !== "json").map((f) => f.name));
  const jsonPrefix = definition.jsonField === null ? null : `${definition.jsonField}.`;
  const targetOf = (column: string): string | null => {
    const target = input.map[column] ?? normaliseColumnName(column);
    if (fieldNames.has(target)) return target;
    if (jsonPrefix !== null && target.startsWith(jsonPrefix) && target.length > jsonPrefix.length) return input.map[column] ?? column.trim();
    return null;
  };
  return {
    ...base,
    fields: definition.fields
      .filter((f) => f.type !== "json")
      .map((f) => ({ name: f.name, type: f.type, required: f.required === true, description: f.description })),
    jsonField: definition.jsonField,
    mapping: Object.fromEntries(csv.header.map((h) => [h, targetOf(h)])),
    problems: planned.ok ? [] : planned.problems,
  };
}
