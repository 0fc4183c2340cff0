import type { Repositories } from "@tenure/domain";
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";

/** One refused CSV line; `line` counts from 1 with the header as line 1. */
export interface CsvLineProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * Parse CSV with a header row into records keyed by the trimmed, lower-case
 * column names; at most `maxLines` data lines. A malformed file comes back as
 * one problem with its line.
 */
export function parseCsvRecords(csv: string, maxLines: number): { ok: true; records: Record<string, string>[] } | { ok: false; problems: CsvLineProblem[] } {
  try {
    const records: Record<string, string>[] = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, bom: true, trim: true, to_line: maxLines + 1 });
    return { ok: true, records };
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problems: [{ line: (error as CsvError & { lines?: number }).lines ?? 1, field: "csv", message: error.message }] };
    throw error;
  }
}

/** A problem for each `customer_id` the file names that is not a customer of the workspace, at the first line naming it. */
export async function missingCustomers(
  deps: { repositories: Pick<Repositories, "customers"> },
  workspaceId: string,
  records: readonly Record<string, string>[],
): Promise<CsvLineProblem[]> {
  const problems: CsvLineProblem[] = [];
  const ids = new Set(records.map((r) => r["customer_id"] ?? "").filter((id) => id !== ""));
  for (const id of ids) {
    if ((await deps.repositories.customers.findById(workspaceId, id)) !== null) continue;
    const line = records.findIndex((r) => r["customer_id"] === id) + 2;
    problems.push({ line, field: "customer_id", message: `line ${line}: no customer ${id} in this workspace` });
  }
  return problems;
}
