import type { NewAuditEntry } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";

/** What one kind of record an import wrote. */
export interface ImportedCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** A file import that stored something, as its audit row tells it. */
export interface ImportAudited {
  /** What the rows are (an import entity, `cases`, `feedback`, `survey-answers`). */
  readonly entity: string | null;
  /** A known file layout, when one was used (online-retail, helpdesk, bpi2013). */
  readonly preset?: string | null;
  readonly fileName?: string | null;
  readonly rowsRead: number;
  readonly rejected: number;
  /** Per kind of record written. */
  readonly counts: Readonly<Record<string, ImportedCounts>>;
}

/**
 * The audit row (`import.run`) of a file import that stored something: who
 * imported what, and what it did. Names and counts only, never the rows'
 * values (rejected rows are personal data). A dry run, or an import that
 * stored nothing, gets none.
 */
export function importAuditEntry(ctx: RequestContext, what: ImportAudited): NewAuditEntry {
  return auditEntry(ctx, "import.run", null, [], {
    entity: what.entity,
    preset: what.preset ?? null,
    file_name: what.fileName ?? null,
    rows_read: what.rowsRead,
    rejected: what.rejected,
    counts: what.counts,
  });
}
