/** The kinds of records a CSV/TSV file can be imported into. */
export const importEntities = ["customers", "contacts", "products", "orders", "order-lines", "payments", "events"] as const;

export type ImportEntity = (typeof importEntities)[number];

/** True when `value` names an importable entity. */
export function isImportEntity(value: string): value is ImportEntity {
  return (importEntities as readonly string[]).includes(value);
}

/** Named layouts of well-known files that fill several entities in one pass. */
export const importPresets = ["online-retail"] as const;

export type ImportPreset = (typeof importPresets)[number];

/** True when `value` names a preset. */
export function isImportPreset(value: string): value is ImportPreset {
  return (importPresets as readonly string[]).includes(value);
}
