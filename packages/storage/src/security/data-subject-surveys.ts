import { sql, type Kysely } from "kysely";
import { pseudonymiseText } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { recordset } from "../ingestion/recordset.ts";

/** What a customer's own words become once erased (as in the case tables). */
const erasedText = "(erased)";

type Row = Record<string, unknown>;

/**
 * The customer's satisfaction records for a data subject export: survey
 * invitations, answers (with comments and free-text answers), closed-loop
 * follow-ups, feedback items (survey comments, complaints, notes, posts)
 * and the per-customer satisfaction summary.
 */
export async function collectSurveyRecords(db: Kysely<Schema>, workspaceId: string, customerId: string): Promise<Row> {
  // Table names come from this fixed list, never from input.
  const of = async (table: "survey_invitations" | "survey_responses" | "follow_up_tasks" | "feedback_items" | "customer_satisfaction", order: string) =>
    (await sql<Row>`select * from ${sql.table(table)} where workspace_id = ${workspaceId} and customer_id = ${customerId} order by ${sql.raw(order)}`.execute(db)).rows;
  const [invitations, responses, followUps, feedback, summary] = await Promise.all([
    of("survey_invitations", "sent_at, id"),
    of("survey_responses", "responded_at, id"),
    of("follow_up_tasks", "created_at, id"),
    of("feedback_items", "occurred_at, id"),
    of("customer_satisfaction", "customer_id"),
  ]);
  return { invitations, responses, follow_ups: followUps, feedback, summary: summary[0] ?? null };
}

/**
 * Blank the customer's own words in the satisfaction tables: survey
 * comments and answers to free-text questions, feedback item bodies, and
 * follow-up outcomes that repeat an erased value. Scores, choices, themes,
 * sentiment and timestamps stay, so NPS, CSAT, CES, CSI and the theme trends
 * do not change. Call in the erasure's transaction.
 */
export async function eraseSurveyRecords(
  db: Kysely<Schema>,
  workspaceId: string,
  customerId: string,
  erased: readonly string[],
): Promise<{ surveyAnswersErased: number; feedbackItemsErased: number }> {
  const responses = await sql<{ id: string; comment: string | null; answers: Record<string, unknown>; questions: { id: string; type: string }[] }>`
    select r.id, r.comment, r.answers, s.questions
    from survey_responses r join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
    where r.workspace_id = ${workspaceId} and r.customer_id = ${customerId}`.execute(db);
  const changed = responses.rows
    .map((r) => {
      const textIds = new Set(r.questions.filter((q) => q.type === "text").map((q) => q.id));
      const answers = Object.fromEntries(Object.entries(r.answers).map(([id, value]) => [id, textIds.has(id) && value !== null ? erasedText : value]));
      return { id: r.id, answers, changed: r.comment !== null || JSON.stringify(answers) !== JSON.stringify(r.answers) };
    })
    .filter((r) => r.changed)
    .map(({ id, answers }) => ({ id, answers }));
  if (changed.length > 0) {
    await sql`update survey_responses r set comment = null, answers = x.answers
      from ${recordset(changed, "id text, answers jsonb")}
      where r.workspace_id = ${workspaceId} and r.id = x.id`.execute(db);
  }

  const feedback = await sql`update feedback_items set body = ${erasedText}
    where workspace_id = ${workspaceId} and customer_id = ${customerId} and body <> ${erasedText}`.execute(db);

  const followUps = await sql<{ id: string; outcome: string }>`select id, outcome from follow_up_tasks
    where workspace_id = ${workspaceId} and customer_id = ${customerId} and outcome is not null`.execute(db);
  const outcomes = followUps.rows.map((f) => ({ id: f.id, outcome: pseudonymiseText(f.outcome, erased, erasedText) })).filter((f, i) => f.outcome !== followUps.rows[i]?.outcome);
  if (outcomes.length > 0) {
    await sql`update follow_up_tasks f set outcome = x.outcome
      from ${recordset(outcomes, "id text, outcome text")}
      where f.workspace_id = ${workspaceId} and f.id = x.id`.execute(db);
  }
  return { surveyAnswersErased: changed.length, feedbackItemsErased: Number(feedback.numAffectedRows ?? 0) };
}
