import type { FeedbackItem, FeedbackLanguage, Repositories, ThemeDictionary } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import { analyseFeedback, themeDictionaryOf } from "./analyse-feedback.ts";
import { checkFeedbackFields } from "./check-feedback-fields.ts";
import { missingCustomers, parseCsvRecords, type CsvLineProblem } from "./parse-csv-records.ts";
import { importAuditEntry } from "../imports/import-audit-entry.ts";

export type FeedbackImportResult = { ok: true; imported: number; duplicates: number } | { ok: false; problems: CsvLineProblem[] };

/** Largest accepted file, in data lines. */
export const maxFeedbackImportLines = 100_000;

/**
 * Import feedback from CSV with a header: `source`, `text`, `language`
 * (required), `customer_id`, `occurred_at`, `external_id` (optional). Every
 * line is checked first (line and column of each problem; the header is line
 * 1); if any is refused nothing is stored. Lines whose source and external
 * id were imported before are skipped and counted as duplicates, so a file
 * can be imported again. `onProgress` is told the lines stored so far.
 */
export async function importFeedback(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction" | "feedback" | "customers"> },
  input: { csv: string; onProgress?: (done: number, total: number) => void },
  now: Date = new Date(),
): Promise<FeedbackImportResult> {
  authorize(ctx, "imports.run");
  const parsed = parseCsvRecords(input.csv, maxFeedbackImportLines);
  if (!parsed.ok) return parsed;
  const { records } = parsed;
  const problems: CsvLineProblem[] = [];
  const dictionaries = new Map<FeedbackLanguage, ThemeDictionary>();
  const items: FeedbackItem[] = [];
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const checked = checkFeedbackFields(record, now);
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ line, field: p.field, message: `line ${line}: ${p.message}` });
      continue;
    }
    const { language } = checked.value;
    let dictionary = dictionaries.get(language);
    if (dictionary === undefined) {
      dictionary = await themeDictionaryOf(deps, ctx.workspaceId, language);
      dictionaries.set(language, dictionary);
    }
    items.push(analyseFeedback(ctx.workspaceId, checked.value, dictionary, now));
  }
  problems.push(...(await missingCustomers(deps, ctx.workspaceId, records)));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  return deps.repositories.transaction(async (tx) => {
    let imported = 0;
    for (const [index, item] of items.entries()) {
      if (await tx.feedback.insertFeedback(item)) imported++;
      if ((index + 1) % 500 === 0 || index + 1 === items.length) input.onProgress?.(index + 1, items.length);
    }
    const counts = { "feedback": { inserted: imported, updated: 0, unchanged: items.length - imported } };
    if (imported > 0) await tx.audit.append([importAuditEntry(ctx, { entity: "feedback", rowsRead: records.length, rejected: 0, counts })]);
    return { ok: true, imported, duplicates: items.length - imported };
  });
}
