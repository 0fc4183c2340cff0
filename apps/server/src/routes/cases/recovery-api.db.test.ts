import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@tenure/app";
import type { Problem, RecoveryJson } from "@tenure/api-schemas";
import type { Repositories } from "@tenure/domain";
import type { RequestContext, Role } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { buildApp } from "../../build-app.ts";
import type { ApiServer } from "../../http/api-server.ts";
import { createSmtpMailer } from "../../mail/smtp-mailer.ts";

/** The parts of a received MIME message: the plain text and the attachments, decoded. */
function mimeParts(raw: string): { text: string; attachments: { type: string; filename: string; content: Buffer }[] } {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1];
  if (boundary === undefined) throw new Error("not a multipart message");
  const parts = raw.split(`--${boundary}`).slice(1, -1);
  let text = "";
  const attachments: { type: string; filename: string; content: Buffer }[] = [];
  for (const part of parts) {
    const [head = "", ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join("\n\n");
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    const decoded = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64") : Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
    const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
    if (filename !== undefined) attachments.push({ type: /content-type:\s*([\w/.-]+)/i.exec(head)?.[1] ?? "", filename, content: decoded });
    else if (/content-type:\s*text\/plain/i.test(head)) text = decoded.toString("utf8");
  }
  return { text, attachments };
}

describe.each(testEngines())("service recovery API on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  let app: ApiServer;
  let smtp: SMTPServer;
  let mailer: ReturnType<typeof createSmtpMailer>;
  const received: { to: string[]; raw: string }[] = [];
  const tokens: Record<"manager" | "rep" | "managerRoleOnly" | "analyst", string> = { manager: "", rep: "", managerRoleOnly: "", analyst: "" };

  const call = (who: keyof typeof tokens, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, body?: unknown, purpose: string | null = "service") =>
    app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(purpose === null ? {} : { "x-purpose": purpose }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("latin1") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: "Acme <care@acme.example>" });

    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    const db = database.db;
    await db.insertInto("workspaces").values({ id: "ws_r", name: "株式会社アクメ", slug: "acme-jp", time_zone: "Asia/Tokyo", settings: "{}" }).execute();
    await db
      .insertInto("users")
      .values([
        { workspace_id: "ws_r", id: "usr_mgr", email: "sato@acme.example", name: "佐藤 一郎", role: "manager", title: "カスタマーサービス部長" },
        { workspace_id: "ws_r", id: "usr_rep", email: "rep@acme.example", name: "Rep", role: "rep" },
      ])
      .execute();
    await db
      .insertInto("customers")
      .values({ workspace_id: "ws_r", id: "cus_ja", kind: "person", name: "山田 花子", email: "hanako@example.jp", locale: "ja-JP", owner_user_id: "usr_rep" })
      .execute();
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, priority, owner_user_id, opened_at)
              values ('ws_r', 'case_1', 'cus_ja', '配送の遅延', 'open', 'high', 'usr_rep', '2026-10-02T20:00:00Z')`.execute(db);
    const system: RequestContext = { workspaceId: "ws_r", actorId: "test", role: "admin", purpose: null, requestId: "t" };
    const token = async (role: Role, userId: string | null) => (await createApiToken(system, { repositories }, { kind: "api", name: role, role, userId })).secret;
    tokens.manager = await token("manager", "usr_mgr");
    tokens.rep = await token("rep", "usr_rep");
    tokens.managerRoleOnly = await token("manager", null);
    tokens.analyst = await token("analyst", null);
    app = await buildApp({ repositories, satisfaction: { secret: "s".repeat(43), mailer, baseUrl: "https://t.example", frequencyDays: 30 } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await database?.close();
  });

  it("runs the whole recovery: failure, Japanese draft, manager's signature, re-approval after an edit, SMTP with the PDF, follow-up", async () => {
    const marked = await call("rep", "POST", "/api/cases/case_1/failure", { what_went_wrong: "ご注文の商品のお届けが二週間遅れました。" });
    expect(marked.statusCode).toBe(201);
    expect(marked.json<RecoveryJson>()).toMatchObject({ status: "in_progress", locale: "ja", letter: null, missing_for_approval: ["acknowledged", "apologised", "root_cause", "corrective_action", "letter"] });
    expect((await call("rep", "POST", "/api/cases/case_1/failure", { what_went_wrong: "again" })).json<Problem>().code).toBe("recovery_exists");

    const drafted = await call("rep", "PATCH", "/api/cases/case_1/recovery", {
      acknowledged: true,
      apologised: true,
      root_cause: "倉庫のラベル印刷機の故障により、出荷指示が漏れていました。",
      corrective_action: "印刷機を交換し、出荷待ち注文の毎日の照合を始めました。",
      goodwill: "次回のご注文にご利用いただける5,000円分のクーポン",
    });
    expect(drafted.statusCode).toBe(200);
    const draft = drafted.json<RecoveryJson>();
    expect(draft.letter?.subject).toBe("「配送の遅延」の件に関するお詫び");
    expect(draft.letter?.body).toMatch(/^山田 花子 様\n\n拝啓/);
    // opened 2 October 20:00 UTC = 3 October in the workspace's Tokyo time
    expect(draft.letter?.body).toContain("2026年10月3日にお問い合わせいただきました「配送の遅延」の件");
    expect(draft.letter?.body).toContain("5,000円分のクーポンをご用意いたしました");
    expect(draft.missing_for_approval).toEqual([]);

    // without a purpose the letter is masked
    const masked = (await call("rep", "GET", "/api/cases/case_1/recovery", undefined, null)).json<RecoveryJson>();
    expect(masked.personal_data_shown).toBe(false);
    expect(masked.letter?.body).not.toContain("山田");

    const byRep = await call("rep", "POST", "/api/cases/case_1/recovery/approve", {});
    expect([byRep.statusCode, byRep.json<Problem>().code]).toEqual([403, "permission_denied"]);
    const roleOnly = await call("managerRoleOnly", "POST", "/api/cases/case_1/recovery/approve", {});
    expect([roleOnly.statusCode, roleOnly.json<Problem>().code]).toEqual([403, "signer_required"]);
    const approved = await call("manager", "POST", "/api/cases/case_1/recovery/approve", { version: draft.version });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<RecoveryJson>()).toMatchObject({ status: "approved", letter: { signed_by: { user_id: "usr_mgr", name: "佐藤 一郎", title: "カスタマーサービス部長" } } });

    // an edit after approval withdraws it: no sending until approved again
    const edited = await call("rep", "PATCH", "/api/cases/case_1/recovery", { letter: { subject: draft.letter?.subject, body: `${draft.letter?.body ?? ""}\n追伸　改めてお電話でもお詫び申し上げます。` } });
    expect(edited.json<RecoveryJson>()).toMatchObject({ status: "in_progress", letter: { signed_by: null } });
    const early = await call("rep", "POST", "/api/cases/case_1/recovery/send");
    expect([early.statusCode, early.json<Problem>().code]).toEqual([409, "letter_not_approved"]);
    const stale = await call("manager", "POST", "/api/cases/case_1/recovery/approve", { version: draft.version });
    expect(stale.json<Problem>().code).toBe("version_conflict");
    expect((await call("manager", "POST", "/api/cases/case_1/recovery/approve", {})).json<RecoveryJson>().status).toBe("approved");

    const sent = await call("rep", "POST", "/api/cases/case_1/recovery/send");
    expect(sent.statusCode).toBe(200);
    const afterSend = sent.json<RecoveryJson>();
    expect(afterSend).toMatchObject({ status: "sent", letter: { sent_to: "hanako@example.jp" } });
    expect(Date.parse(afterSend.steps.follow_up_due_at ?? "") - Date.parse(afterSend.steps.sent_at ?? "")).toBe(14 * 86_400_000);

    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["hanako@example.jp"]);
    const mail = mimeParts(received[0]?.raw ?? "");
    expect(mail.text).toContain("追伸　改めてお電話でもお詫び申し上げます。");
    expect(mail.text).toContain("佐藤 一郎\nカスタマーサービス部長\n株式会社アクメ");
    const [attachment] = mail.attachments;
    expect(attachment).toMatchObject({ type: "application/pdf", filename: "letter-case_1.pdf" });
    expect(attachment?.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(attachment?.content.toString("latin1")).toMatch(/NotoSansJP/);

    // the stored PDF is the one mailed; downloading it needs a purpose and is audited
    const pdf = await call("rep", "GET", "/api/cases/case_1/recovery/letter.pdf");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.equals(attachment?.content ?? Buffer.alloc(0))).toBe(true);
    const noPurpose = await call("rep", "GET", "/api/cases/case_1/recovery/letter.pdf", undefined, null);
    expect([noPurpose.statusCode, noPurpose.json<Problem>().code]).toEqual([403, "personal_data_masked"]);
    const audits = await database.db.selectFrom("audit_log").select(["actor_id", "details"]).where("action", "=", "personal_data.read").where("customer_id", "=", "cus_ja").execute();
    expect(audits.filter((a) => (a.details as { format?: string }).format === "pdf")).toHaveLength(1);

    const late = await call("rep", "PATCH", "/api/cases/case_1/recovery", { goodwill: null });
    expect(late.json<Problem>().code).toBe("recovery_letter_sent");
    const done = await call("rep", "POST", "/api/cases/case_1/recovery/follow-up-done", { note: "お客様にお電話し、その後の配送に問題がないことを確認しました。" });
    expect(done.json<RecoveryJson>()).toMatchObject({ status: "done", follow_up: { overdue: false } });

    const kinds = await sql<{ kind: string }>`select kind from case_events where workspace_id = 'ws_r' and case_id = 'case_1' order by occurred_at, created_at, id`.execute(database.db);
    expect(kinds.rows.map((r) => r.kind)).toEqual(
      expect.arrayContaining(["failure_marked", "recovery.acknowledged", "recovery.letter_drafted", "recovery.letter_approved", "recovery.approval_withdrawn", "recovery.letter_sent", "recovery.follow_up_done"]),
    );
    const caseRow = await sql<{ is_company_failure: boolean }>`select is_company_failure from cases where id = 'case_1'`.execute(database.db);
    expect(caseRow.rows[0]?.is_company_failure).toBe(true);
    const timeline = await database.db.selectFrom("events").select(["summary", "properties"]).where("customer_id", "=", "cus_ja").where("type", "=", "case.recovery").execute();
    expect(timeline.find((e) => e.summary === "Recovery: letter sent")?.properties).toEqual({ case_id: "case_1", step: "letter_sent", letter: "/api/cases/case_1/recovery/letter.pdf" });
    expect(JSON.stringify(timeline)).not.toContain("山田");
  });

  it("shows an analyst the steps but neither the letter nor the free-text facts", async () => {
    const seen = await call("analyst", "GET", "/api/cases/case_1/recovery", undefined, null);
    expect(seen.statusCode).toBe(200);
    const body = seen.json<RecoveryJson>();
    expect(body).toMatchObject({ status: "done", personal_data_shown: false, facts: { root_cause: "***", what_went_wrong: "***" }, follow_up: { note: "***" } });
    expect(JSON.stringify(body)).not.toMatch(/山田|hanako|倉庫/);
  });

  it("keeps the report's verdict at 'not enough data' for a handful of customers", async () => {
    const report = await call("analyst", "GET", "/api/analytics/recovery?locale=ja", undefined, null);
    expect(report.statusCode).toBe(200);
    const body = report.json<{ comparisons: { verdict: string; text: string }[]; groups: { cohort: string; customers: number }[] }>();
    expect(body.groups.map((g) => g.cohort)).toEqual(["recovered", "unresolved_failure", "no_case"]);
    expect(body.comparisons.every((c) => c.verdict === "not_enough_data")).toBe(true);
    expect(body.comparisons[0]?.text).toContain("データが不足しています");
  });

  it("lets a manager replace a language's template, refusing unknown placeholders, and go back to the default", async () => {
    const bad = await call("manager", "PUT", "/api/recovery/templates/en", { subject: "Sorry about {case_subjct}", body: "Dear {customer_name}", goodwill: "{goodwill}" });
    expect([bad.statusCode, bad.json<Problem>().detail]).toEqual([400, expect.stringContaining("{case_subjct}")]);
    const good = await call("manager", "PUT", "/api/recovery/templates/en", { subject: "About {case_subject}", body: "Dear {customer_name},\n\n{root_cause}\n\nKind regards,", goodwill: "We offer {goodwill}." });
    expect(good.statusCode).toBe(204);
    const list = (await call("rep", "GET", "/api/recovery/templates")).json<{ items: { locale: string; custom: boolean; template: { subject: string } }[] }>();
    expect(list.items.map((t) => [t.locale, t.custom])).toEqual([["en", true], ["ja", false], ["zh", false], ["ru", false]]);
    expect((await call("rep", "PUT", "/api/recovery/templates/en", { subject: "x", body: "y", goodwill: "z" })).statusCode).toBe(403);
    const unknownLanguage = await call("manager", "PUT", "/api/recovery/templates/de", { subject: "x", body: "y", goodwill: "z" });
    expect([unknownLanguage.statusCode, unknownLanguage.json<Problem>().field]).toEqual([400, "locale"]);
    // the workspace's template drafts the next English letter
    await database.db.insertInto("customers").values({ workspace_id: "ws_r", id: "cus_en", kind: "person", name: "Jane Roe", email: null, locale: "en-GB", owner_user_id: "usr_rep" }).execute();
    await sql`insert into cases (workspace_id, id, customer_id, subject, opened_at) values ('ws_r', 'case_2', 'cus_en', 'Wrong size', '2026-10-05T09:00:00Z')`.execute(database.db);
    await call("rep", "POST", "/api/cases/case_2/failure", { what_went_wrong: "We sent the wrong size." });
    const facts = { acknowledged: true, apologised: true, root_cause: "A mislabelled shelf.", corrective_action: "Shelves are checked weekly." };
    const custom = (await call("rep", "PATCH", "/api/cases/case_2/recovery", facts)).json<RecoveryJson>();
    expect(custom.letter).toMatchObject({ subject: "About Wrong size", body: "Dear Jane Roe,\n\nA mislabelled shelf.\n\nKind regards," });
    // no address: approved, but not sendable
    await call("manager", "POST", "/api/cases/case_2/recovery/approve", {});
    const noEmail = await call("rep", "POST", "/api/cases/case_2/recovery/send");
    expect([noEmail.statusCode, noEmail.json<Problem>().code]).toEqual([409, "no_email"]);
    expect((await call("manager", "DELETE", "/api/recovery/templates/en")).statusCode).toBe(204);
    const back = (await call("rep", "GET", "/api/recovery/templates")).json<{ items: { locale: string; custom: boolean; template: { subject: string } }[] }>();
    expect(back.items[0]).toMatchObject({ locale: "en", custom: false, template: { subject: "Our apology regarding “{case_subject}”" } });
  });
});
