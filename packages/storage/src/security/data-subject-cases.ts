import { sql, type Kysely } from "kysely";
import { pseudonymiseProperties, pseudonymiseText } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import type { CaseTables } from "../cases/case-tables.ts";
import type { HandoffTables } from "../cases/handoff-tables.ts";
import type { RecoveryTables } from "../cases/recovery/recovery-tables.ts";
import { recordset } from "../ingestion/recordset.ts";

type CaseSubjectDb = Kysely<Schema & CaseTables & HandoffTables & RecoveryTables>;

/** What free text that named the customer becomes (as on the timeline). */
const erasedText = "(erased)";

/**
 * The customer's cases for a data subject export, oldest first: each case
 * row with its status history, event log, handoff briefs and recovery (the
 * letter's text, and the PDF as sent in base64: JSON has no bytes).
 */
export async function collectCaseRecords(base: Kysely<Schema>, workspaceId: string, customerId: string): Promise<Record<string, unknown>[]> {
  const db: CaseSubjectDb = base.withTables<CaseTables & HandoffTables & RecoveryTables>();
  const ofCustomer = db.selectFrom("cases").select("id").where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId);
  const [cases, events, handoffs, recoveries] = await Promise.all([
    db.selectFrom("cases").selectAll().where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId).orderBy("opened_at").orderBy("id").execute(),
    db.selectFrom("case_events").selectAll().where("workspace_id", "=", workspaceId).where("case_id", "in", ofCustomer).orderBy("occurred_at").orderBy("id").execute(),
    db.selectFrom("handoffs").selectAll().where("workspace_id", "=", workspaceId).where("case_id", "in", ofCustomer).orderBy("requested_at").orderBy("id").execute(),
    db.selectFrom("case_recoveries").selectAll().where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId).execute(),
  ]);
  return cases.map((c) => {
    const own = events.filter((e) => e.case_id === c.id);
    const recovery = recoveries.find((r) => r.case_id === c.id);
    return {
      ...c,
      status_history: own.filter((e) => e.to_status !== null).map((e) => ({ at: e.occurred_at, from: e.from_status, to: e.to_status })),
      events: own,
      handoffs: handoffs.filter((h) => h.case_id === c.id),
      recovery: recovery === undefined ? null : pdfAsBase64(recovery),
    };
  });
}

function pdfAsBase64({ letter_pdf, ...recovery }: { letter_pdf: Uint8Array | null } & Record<string, unknown>): Record<string, unknown> {
  return { ...recovery, letter_pdf_base64: letter_pdf === null || letter_pdf.length === 0 ? null : Buffer.from(letter_pdf).toString("base64") };
}

/**
 * Blank everything personal the case tables hold for the customer: case
 * descriptions and resolution notes, event bodies (comments, answers,
 * recovery facts), personal keys and values in event data, handoff briefs,
 * and the recovery letter (text, address, PDF, follow-up note; what went
 * wrong). Subjects, root causes, corrective actions and goodwill gestures
 * stay unless they repeat an erased value. Timestamps, statuses and counts
 * stay, so service metrics and the recovery report do not change. The PDF
 * column keeps zero bytes (a sent letter must have one); call in the
 * erasure's transaction.
 */
export async function eraseCaseRecords(
  base: Kysely<Schema>,
  workspaceId: string,
  customerId: string,
  erased: readonly string[],
  at: Date,
): Promise<{ casesErased: number; recoveryLettersErased: number }> {
  const db: CaseSubjectDb = base.withTables<CaseTables & HandoffTables & RecoveryTables>();
  const ofCustomer = db.selectFrom("cases").select("id").where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId);
  const cases = await db.selectFrom("cases").select(["id", "subject"]).where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId).execute();
  if (cases.length === 0) return { casesErased: 0, recoveryLettersErased: 0 };

  const subjects = cases.map((c) => ({ id: c.id, subject: pseudonymiseText(c.subject, erased, erasedText) }));
  await sql`update cases c set subject = x.subject, description = null, resolution_note = null, updated_at = ${at}, version = c.version + 1
    from ${recordset(subjects, "id text, subject text")}
    where c.workspace_id = ${workspaceId} and c.id = x.id`.execute(db);

  await db.updateTable("case_events").set({ body: null }).where("workspace_id", "=", workspaceId).where("case_id", "in", ofCustomer).where("body", "is not", null).execute();
  const events = await db.selectFrom("case_events").select(["id", "data"]).where("workspace_id", "=", workspaceId).where("case_id", "in", ofCustomer).execute();
  const changedData = events
    .map((e) => ({ id: e.id, data: pseudonymiseProperties(e.data, erased), before: e.data }))
    .filter((e) => JSON.stringify(e.data) !== JSON.stringify(e.before))
    .map(({ id, data }) => ({ id, data }));
  if (changedData.length > 0) {
    await sql`update case_events e set data = x.data
      from ${recordset(changedData, "id text, data jsonb")}
      where e.workspace_id = ${workspaceId} and e.id = x.id`.execute(db);
  }

  await db
    .updateTable("handoffs")
    .set({ problem: erasedText, tried: erasedText, customer_mood: erasedText, promised: erasedText })
    .where("workspace_id", "=", workspaceId)
    .where("case_id", "in", ofCustomer)
    .execute();

  const recoveries = await db
    .selectFrom("case_recoveries")
    .select(["case_id", "root_cause", "corrective_action", "goodwill", "letter_subject", "letter_body"])
    .where("workspace_id", "=", workspaceId)
    .where("customer_id", "=", customerId)
    .execute();
  if (recoveries.length > 0) {
    const texts = recoveries.map((r) => ({
      case_id: r.case_id,
      root_cause: pseudonymiseText(r.root_cause, erased, erasedText),
      corrective_action: pseudonymiseText(r.corrective_action, erased, erasedText),
      goodwill: pseudonymiseText(r.goodwill, erased, erasedText),
      letter_subject: pseudonymiseText(r.letter_subject, erased, erasedText),
    }));
    // letter_body and letter_pdf stay non-null where they were: an approved or sent letter must have them.
    await sql`update case_recoveries r set
        what_went_wrong = ${erasedText},
        root_cause = x.root_cause, corrective_action = x.corrective_action, goodwill = x.goodwill, letter_subject = x.letter_subject,
        letter_body = case when r.letter_body is null then null else ${erasedText} end,
        letter_pdf = case when r.letter_pdf is null then null else ''::bytea end,
        letter_sha256 = null, sent_to = null, follow_up_note = null, version = r.version + 1
      from ${recordset(texts, "case_id text, root_cause text, corrective_action text, goodwill text, letter_subject text")}
      where r.workspace_id = ${workspaceId} and r.case_id = x.case_id`.execute(db);
  }
  return { casesErased: cases.length, recoveryLettersErased: recoveries.filter((r) => r.letter_body !== null).length };
}
