import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSurvey, sendSurvey, type MailMessage } from "@tenure/app";
import { standardQuestions, type Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { buildApp } from "../../build-app.ts";
import type { ApiServer, SatisfactionDeps } from "../../http/api-server.ts";

const ctx: RequestContext = { workspaceId: "ws_p", actorId: "tok_admin", role: "admin", purpose: null, requestId: "req" };
const form = { "content-type": "application/x-www-form-urlencoded" };

describe.each(testEngines())("public survey page on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  let app: ApiServer;
  let satisfaction: SatisfactionDeps;
  let surveyId = "";
  const mails: MailMessage[] = [];

  const link = async (customerId: string, now: Date = new Date()): Promise<string> => {
    const sent = await sendSurvey(ctx, { repositories, ...satisfaction, links: { secret: satisfaction.secret, baseUrl: satisfaction.baseUrl }, frequencyDays: 0 }, { surveyId, customerId, channel: "in_app" }, now);
    if (sent.status !== "sent") throw new Error(`not sent: ${sent.status}`);
    return new URL(sent.url).pathname;
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    await database.db.insertInto("workspaces").values({ id: "ws_p", name: "Acme & Co", slug: "acme", settings: "{}" }).execute();
    await database.db
      .insertInto("customers")
      .values([
        { workspace_id: "ws_p", id: "cus_ja", kind: "person", email: "a@example.jp", locale: "ja" },
        { workspace_id: "ws_p", id: "cus_ru", kind: "person", email: "r@example.ru", locale: "ru-RU" },
        { workspace_id: "ws_p", id: "cus_old", kind: "person", email: "o@example.jp", locale: "ja" },
      ])
      .execute();
    satisfaction = { secret: "page-secret".padEnd(43, "z"), mailer: { send: async (m) => void mails.push(m) }, baseUrl: "https://t.example", frequencyDays: 0 };
    app = await buildApp({ repositories, satisfaction });
    await app.ready();
    surveyId = (await createSurvey(ctx, { repositories }, { name: "Support", kind: "ces" })).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("shows an accessible form in the customer's language, no sign-in needed", async () => {
    const res = await app.inject({ method: "GET", url: await link("cus_ja") });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["content-security-policy"]).toContain("form-action 'self'");
    const page = res.body;
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('name="viewport"');
    expect(page).toContain("<legend>Acme &#38; Coのおかげで、問題を簡単に解決できた。 <span>(必須)</span></legend>");
    expect(page.match(/<input type="radio" name="ces" value="\d+" required>/g)).toHaveLength(7);
    expect(page).toMatch(/<label for="comment">/);
    expect(page).toMatch(/<form method="post" action="\/s\/[\w.-]+">/);
    expect(page).not.toContain("<script");
  });

  it("refuses an out-of-range answer with a localised message and stores it once when valid", async () => {
    const url = await link("cus_ru");
    const bad = await app.inject({ method: "POST", url, headers: form, payload: "ces=9&csat=4&comment=%D0%B4%D0%BE%D0%BB%D0%B3%D0%BE" });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<p class="error" id="ces-error">Выберите значение от 1 до 7.</p>');
    expect(bad.body).toContain("долго</textarea>");
    expect(bad.body).toContain('value="4" checked');
    const good = await app.inject({ method: "POST", url, headers: form, payload: "ces=3&csat=4&comment=ok" });
    expect([good.statusCode, good.body.includes("<h1>Спасибо</h1>")]).toEqual([200, true]);
    const again = await app.inject({ method: "POST", url, headers: form, payload: "ces=7" });
    expect([again.statusCode, again.body.includes("<h1>Вы уже ответили</h1>")]).toEqual([200, true]);
    const reopened = await app.inject({ method: "GET", url });
    expect(reopened.body).toContain("Вы уже ответили");
    const rows = await database.db.selectFrom("survey_responses").select(["customer_id", "ces", "csat"]).where("customer_id", "=", "cus_ru").execute();
    expect(rows).toEqual([{ customer_id: "cus_ru", ces: 3, csat: 4 }]);
  });

  it("answers forged and expired links with a friendly localised page, never a trace", async () => {
    const forged = await app.inject({ method: "GET", url: "/s/not-a-real-token", headers: { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" } });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain("<h1>此链接无效</h1>");
    const tampered = await app.inject({ method: "POST", url: `${await link("cus_ja")}A`, headers: form, payload: "ces=5" });
    expect([tampered.statusCode, tampered.body.includes("<h1>This link is not valid</h1>")]).toEqual([404, true]);
    const old = await link("cus_old", new Date(Date.now() - 30 * 86_400_000));
    const expired = await app.inject({ method: "GET", url: old });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("<h1>このアンケートは終了しました</h1>");
    for (const res of [forged, tampered, expired]) expect(res.body).not.toMatch(/Error|at \//);
  });

  it("shows an edited survey and a renamed workspace on the next request", async () => {
    const url = await link("cus_ja");
    expect((await app.inject({ method: "GET", url })).body).toContain("<legend>Acme &#38; Coの");
    const comment = { id: "comment", type: "text", required: false, maxLength: 500, text: { en: "Anything else?", ja: "ほかにご意見は？", zh: "还有其他意见吗？", ru: "Что-нибудь ещё?" } };
    await database.db
      .updateTable("surveys")
      .set({ questions: JSON.stringify([...standardQuestions("ces").filter((q) => q.id !== "comment"), comment]) })
      .where("id", "=", surveyId)
      .execute();
    const edited = (await app.inject({ method: "GET", url })).body;
    expect(edited).toContain("<strong>ほかにご意見は？</strong>");
    expect(edited).toContain('maxlength="500"');
    await database.db.updateTable("workspaces").set({ name: "Acme Japan" }).where("id", "=", "ws_p").execute();
    const renamed = (await app.inject({ method: "GET", url })).body;
    expect(renamed).toContain("<legend>Acme Japanのおかげで、問題を簡単に解決できた。");
    expect(renamed).toContain("<strong>ほかにご意見は？</strong>");
  });

  it("rate limits the public page per client address", async () => {
    const limited = await buildApp({ repositories, satisfaction: { ...satisfaction, publicRateLimit: { requests: 3, windowMs: 60_000 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.inject({ method: "GET", url: "/s/x", headers: { "accept-language": "en" } })).statusCode);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
      const res = await limited.inject({ method: "GET", url: "/s/x" });
      expect([res.headers["retry-after"], res.body.includes("Please wait a moment")]).toEqual(["60", true]);
    } finally {
      await limited.close();
    }
  });
});
