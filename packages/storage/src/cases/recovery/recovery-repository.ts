import { sql, type Kysely, type Selectable } from "kysely";
import { surveyLocale, type CaseRecovery, type RecoveryCase, type RecoveryRepository, type RecoveryStep } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Schema } from "../../database/schema.ts";
import { recoveryCohortCounts } from "./recovery-cohort-counts.ts";
import type { CaseRecoveriesTable, RecoveryTables } from "./recovery-tables.ts";

const stepSummaries: Record<RecoveryStep, string> = {
  started: "Marked as a company failure: recovery started",
  acknowledged: "Recovery: acknowledgement sent",
  apologised: "Recovery: apology made",
  root_cause_recorded: "Recovery: root cause recorded",
  corrective_action_recorded: "Recovery: corrective action recorded",
  letter_drafted: "Recovery: letter drafted",
  letter_edited: "Recovery: letter edited",
  letter_approved: "Recovery: letter approved",
  approval_withdrawn: "Recovery: letter changed after approval, approval withdrawn",
  letter_sent: "Recovery: letter sent",
  follow_up_due: "Recovery: follow-up due",
  follow_up_done: "Recovery: follow-up done",
};

/** The case_events kind of a step: marking the failure is the case's own "failure_marked", the rest are "recovery.<step>". */
function caseEventKind(step: RecoveryStep): string {
  return step === "started" ? "failure_marked" : `recovery.${step}`;
}

/** RecoveryRepository on case_recoveries and recovery_letter_templates; reads and marks cases, writes case_events and the timeline (events). */
export function createRecoveryRepository(schemaDb: Kysely<Schema>): RecoveryRepository {
  const db = schemaDb.withTables<RecoveryTables>();
  return {
    async findCase(workspaceId, caseId) {
      const { rows } = await sql<{
        id: string;
        customer_id: string;
        subject: string;
        status: string;
        opened_at: Date;
        is_company_failure: boolean;
        contact_id: string | null;
        contact_name: string | null;
        contact_email: string | null;
        contact_locale: string | null;
      }>`select k.id, k.customer_id, k.subject, k.status, k.opened_at, k.is_company_failure, k.contact_id,
                c.name as contact_name, c.email as contact_email, c.locale as contact_locale
           from cases k left join contacts c on c.workspace_id = k.workspace_id and c.id = k.contact_id
          where k.workspace_id = ${workspaceId} and k.id = ${caseId}`.execute(db);
      const row = rows[0];
      if (row === undefined) return null;
      const found: RecoveryCase = {
        id: row.id,
        customerId: row.customer_id,
        subject: row.subject,
        status: row.status,
        openedAt: row.opened_at,
        isCompanyFailure: row.is_company_failure,
        contact: row.contact_id === null ? null : { name: row.contact_name, email: row.contact_email, locale: row.contact_locale },
      };
      return found;
    },

    async markCompanyFailure(workspaceId, caseId, at) {
      await sql`update cases set is_company_failure = true, version = version + 1, updated_at = ${at}
                 where workspace_id = ${workspaceId} and id = ${caseId}`.execute(db);
    },

    async find(workspaceId, caseId, options = {}) {
      let query = db.selectFrom("case_recoveries").select(recoveryColumns).where("workspace_id", "=", workspaceId).where("case_id", "=", caseId);
      if (options.forUpdate) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      return row ? toRecovery(row) : null;
    },

    async insert(recovery) {
      await db.insertInto("case_recoveries").values(toRow(recovery)).execute();
    },

    async update(recovery) {
      const { workspace_id, case_id, ...fields } = toRow(recovery);
      await db.updateTable("case_recoveries").set(fields).where("workspace_id", "=", workspace_id).where("case_id", "=", case_id).execute();
    },

    async recordSteps(steps) {
      for (const step of steps) {
        const data = JSON.stringify({ step: step.step, actor: step.actorId, ...step.data });
        await sql`insert into case_events (workspace_id, id, case_id, kind, actor_user_id, body, data, occurred_at)
                  values (${step.workspaceId}, ${newId("caseEvent", step.occurredAt.getTime())}, ${step.caseId}, ${caseEventKind(step.step)},
                          ${step.actorUserId}, ${step.body}, ${data}::jsonb, ${step.occurredAt})`.execute(db);
        // the timeline gets the step and its links, never the free text (it may name people)
        const properties = { case_id: step.caseId, step: step.step, ...(typeof step.data.letter === "string" ? { letter: step.data.letter } : {}) };
        await db
          .insertInto("events")
          .values({
            workspace_id: step.workspaceId,
            id: newId("event", step.occurredAt.getTime()),
            customer_id: step.customerId,
            type: "case.recovery",
            occurred_at: step.occurredAt,
            source: "tenure",
            message_id: null,
            summary: stepSummaries[step.step],
            properties: JSON.stringify(properties),
          })
          .execute();
      }
    },

    async claimDueFollowUps(workspaceId, now) {
      const { rows } = await sql<{ case_id: string; customer_id: string; follow_up_due_at: Date; owner_user_id: string | null }>`
        update case_recoveries r set follow_up_reminded_at = ${now}
          from cases c
         where r.workspace_id = ${workspaceId} and r.follow_up_due_at <= ${now} and r.follow_up_done_at is null and r.follow_up_reminded_at is null
           and c.workspace_id = r.workspace_id and c.id = r.case_id
        returning r.case_id, r.customer_id, r.follow_up_due_at, c.owner_user_id`.execute(db);
      return rows
        .map((row) => ({ workspaceId, caseId: row.case_id, customerId: row.customer_id, followUpDueAt: row.follow_up_due_at, ownerUserId: row.owner_user_id }))
        .sort((a, b) => a.followUpDueAt.getTime() - b.followUpDueAt.getTime() || a.caseId.localeCompare(b.caseId));
    },

    async signer(workspaceId, userId) {
      const row = await db.selectFrom("users").select(["name", "title"]).where("workspace_id", "=", workspaceId).where("id", "=", userId).where("disabled_at", "is", null).executeTakeFirst();
      return row ? { name: row.name, title: row.title } : null;
    },

    async letterhead(workspaceId) {
      const row = await db.selectFrom("workspaces").select(["name", "time_zone"]).where("id", "=", workspaceId).executeTakeFirst();
      return row ? { company: row.name, timeZone: row.time_zone } : null;
    },

    async template(workspaceId, locale) {
      const row = await db.selectFrom("recovery_letter_templates").select(["subject", "body", "goodwill"]).where("workspace_id", "=", workspaceId).where("locale", "=", locale).executeTakeFirst();
      return row ?? null;
    },

    async saveTemplate(workspaceId, locale, template, at) {
      if (template === null) {
        await db.deleteFrom("recovery_letter_templates").where("workspace_id", "=", workspaceId).where("locale", "=", locale).execute();
        return;
      }
      await db
        .insertInto("recovery_letter_templates")
        .values({ workspace_id: workspaceId, locale, ...template, updated_at: at })
        .onConflict((oc) => oc.columns(["workspace_id", "locale"]).doUpdateSet({ ...template, updated_at: at }))
        .execute();
    },

    async storeSentLetter(workspaceId, caseId, pdf, sha256) {
      await db.updateTable("case_recoveries").set({ letter_pdf: pdf, letter_sha256: sha256 }).where("workspace_id", "=", workspaceId).where("case_id", "=", caseId).execute();
    },

    async sentLetter(workspaceId, caseId) {
      const row = await db.selectFrom("case_recoveries").select("letter_pdf").where("workspace_id", "=", workspaceId).where("case_id", "=", caseId).executeTakeFirst();
      return row?.letter_pdf ? new Uint8Array(row.letter_pdf) : null;
    },

    cohortCounts: (workspaceId, query) => recoveryCohortCounts(db, workspaceId, query),
  };
}

const recoveryColumns = [
  "workspace_id",
  "case_id",
  "customer_id",
  "locale",
  "what_went_wrong",
  "root_cause",
  "corrective_action",
  "goodwill",
  "started_at",
  "started_by",
  "acknowledged_at",
  "apologised_at",
  "root_cause_at",
  "corrective_action_at",
  "letter_subject",
  "letter_body",
  "letter_drafted_at",
  "approved_at",
  "approved_by",
  "signer_name",
  "signer_title",
  "sent_at",
  "sent_to",
  "follow_up_days",
  "follow_up_due_at",
  "follow_up_done_at",
  "follow_up_note",
  "version",
] as const;

type RecoveryRow = Pick<Selectable<CaseRecoveriesTable>, (typeof recoveryColumns)[number]>;

function toRecovery(row: RecoveryRow): CaseRecovery {
  return {
    workspaceId: row.workspace_id,
    caseId: row.case_id,
    customerId: row.customer_id,
    locale: surveyLocale(row.locale),
    whatWentWrong: row.what_went_wrong,
    rootCause: row.root_cause,
    correctiveAction: row.corrective_action,
    goodwill: row.goodwill,
    startedAt: row.started_at,
    startedBy: row.started_by,
    acknowledgedAt: row.acknowledged_at,
    apologisedAt: row.apologised_at,
    rootCauseAt: row.root_cause_at,
    correctiveActionAt: row.corrective_action_at,
    letterSubject: row.letter_subject,
    letterBody: row.letter_body,
    letterDraftedAt: row.letter_drafted_at,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    signerName: row.signer_name,
    signerTitle: row.signer_title,
    sentAt: row.sent_at,
    sentTo: row.sent_to,
    followUpDays: row.follow_up_days,
    followUpDueAt: row.follow_up_due_at,
    followUpDoneAt: row.follow_up_done_at,
    followUpNote: row.follow_up_note,
    version: row.version,
  };
}

function toRow(r: CaseRecovery): RecoveryRow {
  return {
    workspace_id: r.workspaceId,
    case_id: r.caseId,
    customer_id: r.customerId,
    locale: r.locale,
    what_went_wrong: r.whatWentWrong,
    root_cause: r.rootCause,
    corrective_action: r.correctiveAction,
    goodwill: r.goodwill,
    started_at: r.startedAt,
    started_by: r.startedBy,
    acknowledged_at: r.acknowledgedAt,
    apologised_at: r.apologisedAt,
    root_cause_at: r.rootCauseAt,
    corrective_action_at: r.correctiveActionAt,
    letter_subject: r.letterSubject,
    letter_body: r.letterBody,
    letter_drafted_at: r.letterDraftedAt,
    approved_at: r.approvedAt,
    approved_by: r.approvedBy,
    signer_name: r.signerName,
    signer_title: r.signerTitle,
    sent_at: r.sentAt,
    sent_to: r.sentTo,
    follow_up_days: r.followUpDays,
    follow_up_due_at: r.followUpDueAt,
    follow_up_done_at: r.followUpDoneAt,
    follow_up_note: r.followUpNote,
    version: r.version,
  };
}
