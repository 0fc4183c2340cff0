import type { ImportPlan, PlannedField } from "./build-import-plan.ts";
import { multiplyDecimal } from "./fast-decimal.ts";
import { parseImportValue } from "./parse-import-value.ts";

/** Why one cell of a row was refused; `column` is the file's column name (or the field's, when the file lacks it). */
export interface ImportProblem {
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/** A row ready to stage (values in `plan.fields` order, null = empty), or everything wrong with it. */
export type ImportRowResult =
  | { readonly ok: true; readonly values: (string | null)[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/**
 * Validate one data row of a file against its plan: required values present,
 * dates, numbers and codes readable. Pure; references to other records are
 * checked later, in the database.
 */
export function validateImportRow(plan: ImportPlan, record: readonly string[]): ImportRowResult {
  const values: (string | null)[] = [];
  const problems: ImportProblem[] = [];
  for (const target of plan.targets) {
    const text = target.index >= 0 ? (record[target.index] ?? "").trim() : "";
    if (text === "") {
      values.push(emptyValue(target, problems));
      continue;
    }
    const parsed = parseImportValue(target.field, text, plan.timeZone);
    if (parsed.ok) values.push(parsed.value);
    else {
      problems.push({ column: target.column ?? target.field.name, value: text, reason: parsed.reason });
      values.push(null);
    }
  }
  if (plan.fields.length > plan.targets.length) {
    const object: Record<string, string> = {};
    for (const key of plan.jsonKeys) {
      const text = (record[key.index] ?? "").trim();
      if (text.includes("\u0000")) problems.push({ column: key.column, value: text, reason: "contains a NUL character" });
      else if (text !== "") object[key.key] = text;
    }
    values.push(JSON.stringify(object));
  }
  if (problems.length > 0) return { ok: false, problems };
  deriveValues(plan, values);
  return { ok: true, values };
}

function emptyValue(target: PlannedField, problems: ImportProblem[]): string | null {
  const fallback = target.field.fallback;
  if (fallback === "workspace_currency") return null; // filled by deriveValues
  if (fallback !== undefined) return fallback.literal;
  if (target.field.required) problems.push({ column: target.column ?? target.field.name, value: "", reason: "required value is missing" });
  return null;
}

function deriveValues(plan: ImportPlan, values: (string | null)[]): void {
  const at = (name: string): number => plan.fields.indexOf(name);
  const currency = at("currency");
  if (currency >= 0 && values[currency] === null) values[currency] = plan.workspaceCurrency;
  if (plan.entity === "order-lines") {
    const amount = at("amount");
    if (values[amount] === null) values[amount] = multiplyDecimal(values[at("quantity")] ?? "0", values[at("unit_price")] ?? "0");
  }
  if (plan.entity === "events") {
    const messageId = at("message_id");
    if (values[messageId] === null) {
      values[messageId] = `import:${values[at("customer_external_id")] ?? "-"}:${values[at("type")]}:${values[at("occurred_at")]}`;
    }
  }
}
