import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories } from "@tenure/domain";
import type { RequestContext, Role } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { addCaseComment } from "../cases/add-case-comment.ts";
import { changeCaseStatus } from "../cases/change-case-status.ts";
import { createCase } from "../cases/create-case.ts";
import { requestHandoff } from "../cases/handoff-request.ts";
import { approveRecoveryLetter } from "../cases/recovery/approve-recovery-letter.ts";
import { completeRecoveryFollowUp } from "../cases/recovery/complete-recovery-follow-up.ts";
import { getRecoveryLetterPdf } from "../cases/recovery/get-recovery-letter-pdf.ts";
import { markCompanyFailure } from "../cases/recovery/mark-company-failure.ts";
import { sendRecoveryLetter } from "../cases/recovery/send-recovery-letter.ts";
import { updateRecovery } from "../cases/recovery/update-recovery.ts";
import type { MailMessage } from "../surveys/mailer.ts";
import { eraseCustomer } from "./erase-customer.ts";
import { exportCustomerData } from "./export-customer-data.ts";

const ws = "ws_dsr";
// Everything below names or describes Zelda; none of it may survive the erasure.
const personal = {
  name: "Zelda Quist",
  email: "zelda.quist@example.com",
  phone: "+44 20 7946 0958",
  description: "Parcel for Zelda left at 12 Elm Road, flat 3",
  comment: "Called her mobile, she works nights",
  note: "Refunded to her Visa ending 4242",
  mood: "Upset, pregnant and waiting for the cot",
  followUp: "She said the cot arrived and she is happy now",
};
const needles = [personal.name, "Zelda", "Quist", personal.email, personal.phone, "Elm Road", "mobile", "Visa ending", "pregnant", "happy now"];
const at = new Date("2026-03-02T09:00:00Z");

describe.each(testEngines())("erasing and exporting a customer's cases and recovery letters on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  const mails: MailMessage[] = [];
  const mailer = { send: async (m: MailMessage) => void mails.push(m) };
  const ctx = (role: Role, actorId: string, purpose: RequestContext["purpose"] = "service"): RequestContext => ({ workspaceId: ws, actorId, role, purpose, requestId: "req_dsr" });
  const manager = () => ctx("manager", "usr_mgr");
  const admin = () => ctx("admin", "usr_admin");
  /** Every row of the case tables of the workspace, as JSON text. */
  const caseTables = async () => {
    const dump = await Promise.all(
      ["cases", "case_events", "handoffs", "case_recoveries"].map(async (t) => (await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(t)} t where workspace_id = ${ws}`.execute(database.db)).rows.map((r) => r.row)),
    );
    return dump.flat().join("\n");
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    const db = database.db;
    await db.insertInto("workspaces").values({ id: ws, name: "Acme", slug: "acme-dsr", settings: "{}" }).execute();
    await db
      .insertInto("users")
      .values([
        { workspace_id: ws, id: "usr_admin", email: "admin@acme.example", name: "Ada Admin", role: "admin" },
        { workspace_id: ws, id: "usr_mgr", email: "mia@acme.example", name: "Mia Manager", role: "manager", title: "Head of Care" },
        { workspace_id: ws, id: "usr_ben", email: "ben@acme.example", name: "Ben Agent", role: "agent" },
      ])
      .execute();
    await db
      .insertInto("customers")
      .values([
        { workspace_id: ws, id: "cus_zelda", kind: "person", name: personal.name, email: personal.email, phone: personal.phone, locale: "en-GB", attributes: "{}" },
        { workspace_id: ws, id: "cus_other", kind: "person", name: "Otto Other", email: "otto@example.com", locale: "en", attributes: "{}" },
      ])
      .execute();

    const opened = (await createCase(manager(), { repositories }, { customerId: "cus_zelda", subject: `Cot for ${personal.name} never arrived`, description: personal.description, openedAt: new Date("2026-02-01T10:00:00Z") })).case;
    await addCaseComment(manager(), { repositories }, { id: opened.id, kind: "comment", body: personal.comment }, { now: new Date("2026-02-01T11:00:00Z") });
    await requestHandoff(manager(), { repositories }, opened.id, { toUserId: "usr_ben", toTeamId: null, brief: { problem: personal.description, tried: personal.comment, customerMood: personal.mood, promised: "A call back today" } }, new Date("2026-02-01T12:00:00Z"));
    await markCompanyFailure(manager(), { repositories }, { caseId: opened.id, whatWentWrong: "The cot was sent to the wrong depot." }, new Date("2026-02-02T09:00:00Z"));
    await updateRecovery(manager(), { repositories }, { caseId: opened.id, acknowledged: true, apologised: true, rootCause: "A depot code was mistyped.", correctiveAction: "Depot codes are now picked from a list.", goodwill: "free delivery for a year" }, new Date("2026-02-02T10:00:00Z"));
    await approveRecoveryLetter(manager(), { repositories }, { caseId: opened.id }, new Date("2026-02-02T11:00:00Z"));
    await sendRecoveryLetter(manager(), { repositories, mailer }, { caseId: opened.id }, new Date("2026-02-02T12:00:00Z"));
    await completeRecoveryFollowUp(manager(), { repositories }, { caseId: opened.id, note: personal.followUp }, new Date("2026-02-20T12:00:00Z"));
    await changeCaseStatus(manager(), { repositories }, { id: opened.id, status: "resolved", resolutionNote: personal.note }, { now: new Date("2026-02-20T13:00:00Z") });
    // another customer's case is left alone
    await createCase(manager(), { repositories }, { customerId: "cus_other", subject: "Otto's order", description: "Otto at 5 Oak Lane" });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("exports the cases with their status history, events, handoff briefs and the recovery letter (text and the PDF as sent, base64)", async () => {
    const doc = await exportCustomerData(admin(), { repositories }, { customerId: "cus_zelda" });
    expect(doc.cases).toHaveLength(1);
    const [exported] = doc.cases as { description: string; status_history: { from: string | null; to: string }[]; events: { kind: string; body: string | null }[]; handoffs: { customer_mood: string }[]; recovery: Record<string, unknown> }[];
    expect(exported?.description).toBe(personal.description);
    expect(exported?.status_history.map((s) => [s.from, s.to])).toEqual([
      [null, "new"],
      ["new", "resolved"],
    ]);
    expect(exported?.events.find((e) => e.kind === "comment")?.body).toBe(personal.comment);
    expect(exported?.handoffs.map((h) => h.customer_mood)).toEqual([personal.mood]);
    const recovery = exported?.recovery ?? {};
    expect(recovery.letter_body).toMatch(/^Dear Zelda Quist,/);
    expect(recovery.sent_to).toBe(personal.email);
    expect(recovery.follow_up_note).toBe(personal.followUp);
    expect("letter_pdf" in recovery).toBe(false);
    const pdf = Buffer.from(String(recovery.letter_pdf_base64), "base64");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Buffer.from(mails[0]?.attachments?.[0]?.content ?? "").equals(pdf)).toBe(true);
    expect(JSON.stringify(doc)).not.toContain("Otto");
  });

  it("keeps everything when the erasure fails part-way (one transaction)", async () => {
    const before = await caseTables();
    const failingAudit: Pick<Repositories, "transaction"> = {
      transaction: (work) =>
        repositories.transaction((tx) =>
          work({
            ...tx,
            audit: {
              ...tx.audit,
              append: () => Promise.reject(new Error("audit store down")),
            },
          }),
        ),
    };
    await expect(eraseCustomer(admin(), { repositories: failingAudit }, { customerId: "cus_zelda", now: at })).rejects.toThrow("audit store down");
    expect(await caseTables()).toBe(before);
    expect(before).toContain(personal.mood);
  });

  it("blanks every personal field of the cases, handoffs and recovery letter in the erasure, audited, and keeps what the metrics need", async () => {
    const result = await eraseCustomer(admin(), { repositories }, { customerId: "cus_zelda", now: at });
    expect(result).toMatchObject({ casesErased: 1, recoveryLettersErased: 1 });

    const after = await caseTables();
    for (const needle of [...needles, personal.description, personal.comment, personal.note, personal.mood, personal.followUp]) expect(after).not.toContain(needle);
    // the other customer's case is untouched
    expect(after).toContain("Otto at 5 Oak Lane");

    const [row] = (
      await sql<{ subject: string; description: string | null; resolution_note: string | null; resolved_at: Date | null; status: string }>`
        select subject, description, resolution_note, resolved_at, status from cases where workspace_id = ${ws} and customer_id = 'cus_zelda'`.execute(database.db)
    ).rows;
    expect(row).toMatchObject({ subject: "(erased)", description: null, resolution_note: null, status: "resolved" });
    expect(row?.resolved_at).toBeInstanceOf(Date);
    const [letter] = (
      await sql<{ letter_body: string; sent_to: string | null; pdf_bytes: number; letter_sha256: string | null; sent_at: Date | null; root_cause: string; follow_up_note: string | null }>`
        select letter_body, sent_to, octet_length(letter_pdf) as pdf_bytes, letter_sha256, sent_at, root_cause, follow_up_note from case_recoveries where workspace_id = ${ws}`.execute(database.db)
    ).rows;
    expect(letter).toMatchObject({ letter_body: "(erased)", sent_to: null, pdf_bytes: 0, letter_sha256: null, root_cause: "A depot code was mistyped.", follow_up_note: null });
    // the recovery report counts sent letters: the send time stays
    expect(letter?.sent_at).toBeInstanceOf(Date);

    const audit = await database.db.selectFrom("audit_log").select(["details", "fields"]).where("workspace_id", "=", ws).where("action", "=", "customer.erase").execute();
    expect(audit).toEqual([{ fields: ["*"], details: expect.objectContaining({ cases_erased: 1, recovery_letters_erased: 1 }) }]);

    const exported = JSON.stringify(await exportCustomerData(admin(), { repositories }, { customerId: "cus_zelda" }));
    for (const needle of needles) expect(exported).not.toContain(needle);
    expect(exported).toContain('"letter_pdf_base64":null');

    const caseId = (await sql<{ id: string }>`select id from cases where customer_id = 'cus_zelda'`.execute(database.db)).rows[0]?.id ?? "";
    await expect(getRecoveryLetterPdf(admin(), { repositories }, caseId)).rejects.toMatchObject({ code: "letter_erased" });
  });
});
