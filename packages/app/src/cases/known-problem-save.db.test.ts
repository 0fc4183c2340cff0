import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@tenure/storage";
import { linkCaseToKnownProblem } from "./known-problem-link.ts";
import { deleteKnownProblem, getKnownProblem, listKnownProblems } from "./known-problem-list.ts";
import { listRisingComplaints } from "./known-problem-rising.ts";
import { saveKnownProblem } from "./known-problem-save.ts";
import { openCaseFixture, type CaseFixture } from "./sla-handoff-test-fixture.ts";

const input = { productId: "prd_app", title: "Login loops on iOS 18", description: "The app returns to the login screen after a successful sign-in.", workaround: "Sign in on the web first.", fixStatus: "investigating" as const };

describe.each(testEngines())("known problems on %s", (engine) => {
  let f: CaseFixture;
  beforeAll(async () => {
    f = await openCaseFixture(engine);
    await f.insertCase("case_k", { openedAt: "2026-01-12T08:00:00Z", productId: "prd_app", category: "login" });
  });
  afterAll(async () => {
    await f?.close();
  });

  it("validates, links cases, follows the fix status and unlinks on delete", async () => {
    const admin = f.ctx("admin");
    await expect(saveKnownProblem(admin, f, { ...input, title: " " })).rejects.toMatchObject({ details: { field: "title" } });
    await expect(saveKnownProblem(admin, f, { ...input, productId: "prd_none" })).rejects.toMatchObject({ details: { field: "product_id" } });
    await expect(saveKnownProblem(f.ctx("agent"), f, input)).rejects.toMatchObject({ code: "permission_denied" });
    const problem = await saveKnownProblem(admin, f, input, undefined, new Date("2026-01-12T09:00:00Z"));

    await linkCaseToKnownProblem(f.ctx("manager"), f, "case_k", problem.id);
    expect((await listKnownProblems(f.ctx("agent"), f, { productId: "prd_app" })).map((p) => [p.id, p.caseCount])).toEqual([[problem.id, 1]]);
    await expect(linkCaseToKnownProblem(f.ctx("manager"), f, "case_k", "kpr_none")).rejects.toMatchObject({ code: "known_problem_not_found" });
    await expect(linkCaseToKnownProblem(f.ctx("manager"), f, "case_none", problem.id)).rejects.toMatchObject({ code: "case_not_found" });

    const fixed = await saveKnownProblem(admin, f, { ...input, fixStatus: "fixed" }, problem.id, new Date("2026-01-20T09:00:00Z"));
    expect(fixed.fixedAt?.toISOString()).toBe("2026-01-20T09:00:00.000Z");
    expect((await getKnownProblem(f.ctx("analyst"), f, problem.id)).fixStatus).toBe("fixed");

    await deleteKnownProblem(admin, f, problem.id);
    const link = await sql<{ known_problem_id: string | null }>`select known_problem_id from cases where id = 'case_k'`.execute(f.database.db);
    expect(link.rows[0]?.known_problem_id).toBeNull();
    const events = await sql<{ kind: string; data: { known_problem_id: string } }>`select kind, data from case_events where case_id = 'case_k'`.execute(f.database.db);
    expect(events.rows).toEqual([{ kind: "linked_problem", data: { known_problem_id: problem.id } }]);
  });

  it("finds the category and product rising against their own trailing weeks", async () => {
    // eight quiet weeks of one "payments" case each, then seven this week; "shipping" steady at three
    const weekOf = (w: number, day: number) => new Date(Date.UTC(2026, 1, 2) + w * 7 * 86_400_000 + day * 86_400_000).toISOString();
    let n = 0;
    for (let w = 0; w <= 8; w++) {
      for (let i = 0; i < (w === 8 ? 7 : 1); i++) await f.insertCase(`case_p${n++}`, { openedAt: weekOf(w, i % 5), category: "payments", productId: "prd_app" });
      for (let i = 0; i < 3; i++) await f.insertCase(`case_s${n++}`, { openedAt: weekOf(w, i), category: "shipping" });
    }
    const result = await listRisingComplaints(f.ctx("analyst"), f, { asOf: new Date(weekOf(8, 4)) });
    expect(result.weekStart.toISOString()).toBe("2026-03-30T00:00:00.000Z");
    expect(result.signals.map((s) => [s.dimension, s.key, s.count, s.expected, s.rising])).toEqual([
      ["category", "payments", 7, 1, true],
      ["product", "prd_app", 7, 1, true],
      ["category", "shipping", 3, 3, false],
    ]);
  });
});
