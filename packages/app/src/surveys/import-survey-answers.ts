import { surveyLocale, validateSurveyAnswers, type Repositories, type SurveyResponse } from "@tenure/domain";
import { AppError, newId, type RequestContext } from "@tenure/shared";
import { recordSurveyComment } from "../feedback/analyse-feedback.ts";
import { missingCustomers, parseCsvRecords, type CsvLineProblem } from "../feedback/parse-csv-records.ts";
import { authorize } from "../security/authorize.ts";
import { importAuditEntry } from "../imports/import-audit-entry.ts";

/** One refused CSV line; `line` counts from 1 with the header as line 1. */
export type AnswerImportProblem = CsvLineProblem;

export type AnswerImportResult = { ok: true; imported: number; duplicates: number } | { ok: false; problems: AnswerImportProblem[] };

/** Largest accepted file, in data lines. */
export const maxAnswerImportLines = 50_000;

/**
 * Import answers exported from another survey tool, as CSV with a header:
 * `responded_at` (ISO 8601, required), `customer_id` (optional, must exist),
 * `external_id` (optional; a line whose external id was already imported
 * for this survey is skipped, so re-importing a file counts nothing twice),
 * `locale` (optional) and one column per question id. Every line is
 * validated first; if any line is refused, nothing is stored and every
 * problem is returned with its line and field.
 */
export async function importSurveyAnswers(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction" | "surveys" | "customers" | "feedback"> },
  input: { surveyId: string; csv: string },
): Promise<AnswerImportResult> {
  authorize(ctx, "imports.run");
  const survey = await deps.repositories.surveys.findSurvey(ctx.workspaceId, input.surveyId);
  if (survey === null) throw new AppError("survey_not_found", "not_found", `No survey ${input.surveyId} in this workspace`, { field: "surveyId" });

  const parsed = parseCsvRecords(input.csv, maxAnswerImportLines);
  if (!parsed.ok) return parsed;
  const { records } = parsed;
  const problems: AnswerImportProblem[] = [];
  const responses: SurveyResponse[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const at = new Date(record["responded_at"] ?? "");
    if (!record["responded_at"] || Number.isNaN(at.getTime())) {
      problems.push({ line, field: "responded_at", message: `line ${line}: responded_at must be an ISO 8601 date-time, got "${record["responded_at"] ?? ""}"` });
      return;
    }
    const checked = validateSurveyAnswers(survey.questions, record);
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ line, field: p.field, message: `line ${line}: ${p.message}` });
      return;
    }
    const customerId = record["customer_id"] || null;
    responses.push({
      id: newId("surveyResponse"),
      workspaceId: ctx.workspaceId,
      surveyId: survey.id,
      customerId,
      invitationId: null,
      externalId: record["external_id"] || null,
      source: "import",
      respondedAt: at,
      locale: record["locale"] ? surveyLocale(record["locale"]) : null,
      scores: checked.value.scores,
      comment: checked.value.comment,
      answers: checked.value.answers,
    });
  });
  problems.push(...(await missingCustomers(deps, ctx.workspaceId, records)));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  return deps.repositories.transaction(async (tx) => {
    let imported = 0;
    const now = new Date();
    for (const response of responses) {
      if (!(await tx.surveys.insertResponse(response))) continue;
      imported++;
      await recordSurveyComment(tx, ctx.workspaceId, { ...response, language: response.locale ?? "en" }, now);
    }
    const counts = { "survey-answers": { inserted: imported, updated: 0, unchanged: responses.length - imported } };
    if (imported > 0) await tx.audit.append([importAuditEntry(ctx, { entity: "survey-answers", rowsRead: records.length, rejected: 0, counts })]);
    return { ok: true, imported, duplicates: responses.length - imported };
  });
}
