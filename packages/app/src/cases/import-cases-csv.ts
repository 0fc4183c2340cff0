import { caseChannels, casePriorities, caseStatuses, parseImportTimestamp, type CaseChannel, type CasePriority, type CaseStatus, type Repositories, type Team } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { readCsvRecords, type CsvRecord } from "../imports/read-csv-records.ts";
import { authorize } from "../security/authorize.ts";
import { buildCase, type CaseDraft } from "./build-case.ts";
import { importedStatusEvent, storeImportedCases, teamIdOf, type CaseImportRejection, type CaseImportResult, type ImportedCase } from "./case-import-store.ts";

/** Columns of a case CSV file; the first four are required. */
export const caseCsvColumns = [
  "external_id",
  "customer_external_id",
  "subject",
  "opened_at",
  "description",
  "channel",
  "category",
  "product_id",
  "priority",
  "status",
  "team",
  "first_response_at",
  "resolved_at",
  "closed_at",
  "resolution_note",
] as const;
type Column = (typeof caseCsvColumns)[number];
const required: readonly Column[] = ["external_id", "customer_external_id", "subject", "opened_at"];

class RowError extends Error {
  constructor(readonly column: Column, message: string) {
    super(message);
  }
}

interface ParsedRow {
  line: number;
  customerExternalId: string;
  draft: Omit<CaseDraft, "customerId">;
  team: string | null;
}

/**
 * `tenure cases import <file>`: one case a row (CSV or TSV, optionally .gz).
 * Rows with a problem are rejected with line, column and reason; the others
 * are written in one transaction, skipping external ids already imported
 * (so re-running the import adds nothing). Status history is rebuilt from
 * the timestamps: new → open (first response) → resolved → closed.
 */
export async function importCasesCsv(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction" | "cases"> },
  source: AsyncIterable<Buffer | string>,
  options: { timeZone?: string; onProgress?: (rows: number) => void; now?: Date } = {},
): Promise<CaseImportResult> {
  authorize(ctx, "imports.run");
  authorize(ctx, "cases.write");
  const file = await readCsvRecords(source);
  const index = new Map(file.header.map((h, i) => [h.toLowerCase(), i]));
  for (const column of required) if (!index.has(column)) throw invalidInput(column, `The file has no ${column} column (columns: ${caseCsvColumns.join(", ")})`);
  const rejected: CaseImportRejection[] = [];
  const rows: ParsedRow[] = [];
  let read = 0;
  for await (const chunk of file.chunks) {
    for (const record of chunk) {
      try {
        rows.push(parseRow(record, (c) => record.record[index.get(c) ?? -1]?.trim() ?? "", options.timeZone ?? "UTC"));
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        rejected.push({ line: record.line, column: error.column, reason: error.message });
      }
    }
    read += chunk.length;
    options.onProgress?.(read);
  }
  const customers = await deps.repositories.cases.customerIdsByExternalId(ctx.workspaceId, [...new Set(rows.map((r) => r.customerExternalId))]);
  const now = options.now ?? new Date();
  const teams = new Map<string, Team>();
  const cases: ImportedCase[] = [];
  for (const row of rows) {
    const customerId = customers.get(row.customerExternalId);
    if (!customerId) {
      rejected.push({ line: row.line, column: "customer_external_id", reason: `No customer with external id "${row.customerExternalId}" (import customers first)` });
      continue;
    }
    const teamId = row.team ? teamIdOf(row.team) : null;
    if (row.team && teamId) teams.set(teamId, { workspaceId: ctx.workspaceId, id: teamId, name: row.team, timeZone: "UTC" });
    const built = buildCase(ctx.workspaceId, { ...row.draft, customerId, teamId }, now);
    cases.push({ case: built, events: historyOf(built) });
  }
  const stored = await storeImportedCases(ctx, deps, cases, [...teams.values()], "import", { rowsRead: read, rejected: rejected.length });
  rejected.sort((a, b) => a.line - b.line);
  return { cases: cases.length, ...stored, rejected, outOfOrder: 0 };
}

function parseRow(record: CsvRecord, value: (column: Column) => string, timeZone: string): ParsedRow {
  for (const column of required) if (!value(column)) throw new RowError(column, `${column} is empty`);
  const time = (column: Column): Date | null => {
    const text = value(column);
    if (!text) return null;
    const iso = parseImportTimestamp(text, timeZone);
    if (!iso) throw new RowError(column, `"${text}" is not a date and time`);
    return new Date(iso);
  };
  const oneOf = <T extends string>(column: Column, allowed: readonly T[], fallback: T): T => {
    const text = value(column).toLowerCase();
    if (!text) return fallback;
    if (!(allowed as readonly string[]).includes(text)) throw new RowError(column, `"${value(column)}" is not one of ${allowed.join(", ")}`);
    return text as T;
  };
  const subject = value("subject");
  if (subject.length > 500) throw new RowError("subject", "subject is longer than 500 characters");
  const openedAt = time("opened_at") as Date;
  const status: CaseStatus = oneOf("status", caseStatuses, "new");
  const firstResponseAt = time("first_response_at");
  const resolvedAt = time("resolved_at");
  const closedAt = time("closed_at");
  for (const [column, at] of [["first_response_at", firstResponseAt], ["resolved_at", resolvedAt], ["closed_at", closedAt]] as const) {
    if (at && at < openedAt) throw new RowError(column, `${column} is before opened_at`);
  }
  const done = status === "resolved" || status === "closed";
  if (done && !resolvedAt) throw new RowError("resolved_at", `a ${status} case needs resolved_at`);
  if (!done && resolvedAt) throw new RowError("status", `a case with resolved_at cannot be ${status}`);
  if (status === "closed" && !closedAt) throw new RowError("closed_at", "a closed case needs closed_at");
  return {
    line: record.line,
    customerExternalId: value("customer_external_id"),
    team: value("team") || null,
    draft: {
      externalId: value("external_id"),
      subject,
      description: value("description") || null,
      channel: oneOf<CaseChannel>("channel", caseChannels, "email"),
      category: value("category") || null,
      productId: value("product_id") || null,
      priority: oneOf<CasePriority>("priority", casePriorities, "normal"),
      status,
      openedAt,
      firstResponseAt,
      resolvedAt,
      closedAt: status === "closed" ? closedAt : null,
      resolutionNote: done ? value("resolution_note") || "Imported as resolved" : null,
    },
  };
}

/** created, then the status path to the case's status at the times the row gives. */
function historyOf(c: ImportedCase["case"]): ImportedCase["events"] {
  const events: ImportedCase["events"] = [{ kind: "created", fromStatus: null, toStatus: "new", actorUserId: null, body: null, data: { imported: true }, occurredAt: c.openedAt }];
  if (c.status === "new") return events;
  const worked = c.firstResponseAt ?? c.openedAt;
  events.push(importedStatusEvent("new", "open", worked));
  if (c.status === "pending_customer" || c.status === "on_hold") events.push(importedStatusEvent("open", c.status, worked));
  if (c.resolvedAt) events.push(importedStatusEvent("open", "resolved", c.resolvedAt, c.resolutionNote));
  if (c.closedAt) events.push(importedStatusEvent("resolved", "closed", c.closedAt));
  return events;
}
