import { entityDefinition, type EntityDefinition } from "./entity-definitions.ts";
import type { ImportEntity } from "./import-entity.ts";
import type { ImportField } from "./import-field.ts";

/** A field staged for the database and where its value comes from. */
export interface PlannedField {
  readonly field: ImportField;
  /** Index of the source column, or -1 when the file lacks it (fallback or derived value). */
  readonly index: number;
  /** The source column's name as written in the file, or null. */
  readonly column: string | null;
}

/** A `<json>.<key>` column, stored as one key of the attributes/properties object. */
export interface PlannedJsonKey {
  readonly key: string;
  readonly index: number;
  readonly column: string;
}

/** How each column of a file maps onto an entity; built once from the header. */
export interface ImportPlan {
  readonly entity: ImportEntity;
  readonly definition: EntityDefinition;
  readonly header: readonly string[];
  readonly targets: readonly PlannedField[];
  readonly jsonKeys: readonly PlannedJsonKey[];
  /** Names of the staged values, in order: the targets, then the JSON field when it has keys. */
  readonly fields: readonly string[];
  /** Staged fields the file does not contain: written on insert only, never overwriting stored values. */
  readonly insertOnlyFields: readonly string[];
  /** Positions (in `fields`) of the upsert key. */
  readonly keyPositions: readonly number[];
  readonly ignoredColumns: readonly string[];
  readonly workspaceCurrency: string;
  readonly timeZone: string;
}

export interface ImportPlanOptions {
  /** `--map source=target` pairs: a file column → a field name or `<json>.<key>`. */
  readonly map?: Readonly<Record<string, string>>;
  readonly workspaceCurrency: string;
  /** IANA zone for timestamps written without an offset; UTC by default. */
  readonly timeZone?: string;
}

export type ImportPlanResult = { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly problems: readonly string[] };

// Fields computed from others when the file leaves them out.
const derivedFields = new Set(["order-lines.amount", "events.message_id"]);

/** "External ID" → "external_id", so headers match field names loosely. */
export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s\-]+/g, "_");
}

/**
 * Match a file's header to an entity's fields, applying `--map` first, then
 * names (case and spaces ignored). Lists every problem at once: a missing
 * required column, a map naming an absent column or an unknown field.
 */
export function buildImportPlan(entity: ImportEntity, header: readonly string[], options: ImportPlanOptions): ImportPlanResult {
  const definition = entityDefinition(entity);
  const problems: string[] = [];
  const map = options.map ?? {};
  const mappedSources = new Map<number, string>();
  for (const [source, target] of Object.entries(map)) {
    const index = header.indexOf(source) >= 0 ? header.indexOf(source) : header.findIndex((h) => normaliseColumnName(h) === normaliseColumnName(source));
    if (index < 0) problems.push(`--map ${source}=${target}: the file has no column "${source}" (columns: ${header.join(", ")})`);
    else mappedSources.set(index, target);
  }
  const byField = new Map<string, number>();
  const jsonKeys: PlannedJsonKey[] = [];
  const ignoredColumns: string[] = [];
  const fieldNames = new Set(definition.fields.filter((f) => f.type !== "json").map((f) => f.name));
  header.forEach((column, index) => {
    const target = mappedSources.get(index) ?? normaliseColumnName(column);
    const explicit = mappedSources.has(index);
    const jsonPrefix = definition.jsonField === null ? null : `${definition.jsonField}.`;
    if (jsonPrefix !== null && target.startsWith(jsonPrefix) && target.length > jsonPrefix.length) {
      jsonKeys.push({ key: explicit ? target.slice(jsonPrefix.length) : column.trim().slice(jsonPrefix.length), index, column });
    } else if (fieldNames.has(target)) {
      if (byField.has(target)) problems.push(`two columns map to ${target}: "${header[byField.get(target) ?? 0]}" and "${column}"`);
      else byField.set(target, index);
    } else if (explicit) {
      problems.push(`--map ${column}=${target}: ${entity} has no field "${target}" (fields: ${[...fieldNames].join(", ")}${jsonPrefix ? `, ${jsonPrefix}<key>` : ""})`);
    } else {
      ignoredColumns.push(column);
    }
  });
  const targets: PlannedField[] = [];
  const insertOnlyFields: string[] = [];
  for (const field of definition.fields) {
    if (field.type === "json") continue;
    const index = byField.get(field.name) ?? -1;
    const derived = derivedFields.has(`${entity}.${field.name}`);
    if (index < 0 && field.required && !derived) {
      problems.push(`missing required column ${field.name} (name a column so, or map one with --map COLUMN=${field.name})`);
    }
    if (index >= 0 || derived || field.fallback !== undefined) {
      targets.push({ field, index, column: index >= 0 ? (header[index] ?? null) : null });
      if (index < 0 && !derived) insertOnlyFields.push(field.name);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const fields = targets.map((t) => t.field.name);
  if (definition.jsonField !== null && jsonKeys.length > 0) fields.push(definition.jsonField);
  return {
    ok: true,
    plan: {
      entity,
      definition,
      header,
      targets,
      jsonKeys,
      fields,
      insertOnlyFields,
      keyPositions: definition.key.map((k) => fields.indexOf(k)),
      ignoredColumns,
      workspaceCurrency: options.workspaceCurrency,
      timeZone: options.timeZone ?? "UTC",
    },
  };
}
