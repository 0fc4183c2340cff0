import type { Case, CaseEvent, CaseStatus, Repositories, Team } from "@tenure/domain";
import { newId, type RequestContext } from "@tenure/shared";
import { importAuditEntry, type ImportAudited } from "../imports/import-audit-entry.ts";
import { caseTimelineEvent } from "./case-timeline-event.ts";

/** A row of an import file that was not imported, and why. */
export interface CaseImportRejection {
  line: number;
  column: string | null;
  reason: string;
}

export interface CaseImportResult {
  /** Cases found in the file (after grouping log rows by ticket). */
  cases: number;
  inserted: number;
  /** Already imported (same external id): left as they are. */
  skipped: number;
  rejected: CaseImportRejection[];
  /** Status events kept as log activities because no transition was allowed (logs only). */
  outOfOrder: number;
}

/** A case to import with its events (ids and workspace filled in by storeImportedCases). */
export interface ImportedCase {
  case: Case;
  events: Omit<CaseEvent, "workspaceId" | "id" | "caseId">[];
}

/** A status_changed event of an import. */
export function importedStatusEvent(from: CaseStatus, to: CaseStatus, at: Date, body: string | null = null): ImportedCase["events"][number] {
  return { kind: "status_changed", fromStatus: from, toStatus: to, actorUserId: null, body, data: { imported: true }, occurredAt: at };
}

/**
 * Write the cases whose external id is new, with their events and their
 * customer-timeline events (case.opened, case.resolved), and the teams they
 * name, in one transaction; the rest are counted as skipped. When it wrote
 * any, the import's audit row (`import.run`) is written in the same
 * transaction.
 */
export async function storeImportedCases(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction"> },
  cases: readonly ImportedCase[],
  teams: readonly Team[],
  source: string,
  audited: Omit<ImportAudited, "entity" | "counts">,
): Promise<{ inserted: number; skipped: number }> {
  return deps.repositories.transaction(async (tx) => {
    const externalIds = cases.map((c) => c.case.externalId).filter((id): id is string => id !== null);
    const existing = await tx.cases.existingExternalIds(ctx.workspaceId, externalIds);
    const fresh = cases.filter((c) => c.case.externalId === null || !existing.has(c.case.externalId));
    await tx.cases.ensureTeams(teams);
    await tx.cases.insertMany(
      fresh.map(({ case: row, events }) => ({
        case: row,
        events: events.map((e) => ({ ...e, workspaceId: ctx.workspaceId, id: newId("caseEvent"), caseId: row.id })),
        timeline: [
          caseTimelineEvent(ctx, row, "case.opened", row.openedAt, source),
          ...(row.resolvedAt ? [caseTimelineEvent(ctx, row, "case.resolved", row.resolvedAt, source)] : []),
        ],
      })),
    );
    const counts = { cases: { inserted: fresh.length, updated: 0, unchanged: cases.length - fresh.length } };
    if (fresh.length > 0) await tx.audit.append([importAuditEntry(ctx, { ...audited, entity: "cases", counts })]);
    return { inserted: fresh.length, skipped: cases.length - fresh.length };
  });
}

/** A team id from a team name: lower case, runs of other characters as "-" ("V5 3rd" → "v5-3rd"). */
export function teamIdOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "team";
}
