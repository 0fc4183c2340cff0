import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, type RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import type { Repositories } from "@tenure/domain";
import { createCustomer } from "../customers/create-customer.ts";
import { changeCaseStatus } from "./change-case-status.ts";
import { createCase } from "./create-case.ts";
import { getServiceMetrics } from "./get-service-metrics.ts";

describe.each(testEngines())("service metrics on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  let ctx: RequestContext;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    const id = newId("workspace");
    await database.db.insertInto("workspaces").values({ id, name: id, slug: id, settings: {} }).execute();
    ctx = { workspaceId: id, actorId: "usr_test", role: "admin", purpose: "service", requestId: "req" };
  });
  afterAll(async () => {
    await database.close();
  });

  it("groups by category with SLA attainment from the case clocks and CES from answers about the cases", async () => {
    const deps = { repositories };
    const customer = await createCustomer(ctx, deps, { kind: "organization", name: "Acme" });
    const open = (category: string, hoursAgo: number) =>
      createCase(ctx, deps, { customerId: customer.id, subject: category, category, openedAt: new Date(Date.UTC(2026, 0, 10) - hoursAgo * 3_600_000) });
    const billing = [(await open("billing", 10)).case, (await open("billing", 20)).case];
    const defect = (await open("defect", 30)).case;
    const at = new Date(Date.UTC(2026, 0, 10));
    await changeCaseStatus(ctx, deps, { id: billing[0]!.id, status: "resolved", resolutionNote: "done" }, { now: at });
    await changeCaseStatus(ctx, deps, { id: billing[0]!.id, status: "open" }, { now: at });
    await changeCaseStatus(ctx, deps, { id: billing[0]!.id, status: "resolved", resolutionNote: "done again" }, { now: at });
    await changeCaseStatus(ctx, deps, { id: billing[1]!.id, status: "resolved", resolutionNote: "done" }, { now: at });
    // SLA clocks: billing 2 met of 3 settled (one still running), defect 1 breached.
    const clock = (caseId: string, metric: string, state: string) =>
      sql`insert into case_sla (workspace_id, case_id, metric, policy_id, target_minutes, started_at, elapsed_minutes, paused_minutes, state, computed_at)
          values (${ctx.workspaceId}, ${caseId}, ${metric}, 'slp_x', 60, ${at}, 0, 0, ${state}, ${at})`.execute(database.db);
    await clock(billing[0]!.id, "first_response", "met");
    await clock(billing[0]!.id, "resolution", "breached");
    await clock(billing[1]!.id, "first_response", "met");
    await clock(billing[1]!.id, "resolution", "running");
    await clock(defect.id, "first_response", "breached");
    // One CES answer (5) about a billing case, one (2) about the defect.
    await sql`insert into surveys (workspace_id, id, name, kind, questions) values (${ctx.workspaceId}, 'srv_ces', 'CES', 'ces', '[]')`.execute(database.db);
    for (const [caseId, ces] of [[billing[1]!.id, 5], [defect.id, 2]] as const) {
      const invitation = newId("surveyInvitation");
      await sql`insert into survey_invitations (workspace_id, id, survey_id, customer_id, locale, channel, expires_at, case_id)
                values (${ctx.workspaceId}, ${invitation}, 'srv_ces', ${customer.id}, 'en', 'email', ${at}, ${caseId})`.execute(database.db);
      await sql`insert into survey_responses (workspace_id, id, survey_id, customer_id, invitation_id, source, responded_at, ces)
                values (${ctx.workspaceId}, ${newId("surveyResponse")}, 'srv_ces', ${customer.id}, ${invitation}, 'link', ${at}, ${ces})`.execute(database.db);
    }
    const metrics = await getServiceMetrics(ctx, deps, { from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 1, 1)), groupBy: "category" });
    expect(metrics).toMatchObject({ slaAvailable: true, cesAvailable: true });
    expect(metrics.total).toMatchObject({ cases: 3, resolved: 2, reopenRate: 0.5, slaAttainment: 2 / 4, ces: 3.5, cesResponses: 2 });
    const byCategory = Object.fromEntries(metrics.groups.map((g) => [g.group, g]));
    expect(byCategory["billing"]).toMatchObject({ cases: 2, resolutionMedianHours: 15, resolutionP90Hours: 19, slaAttainment: 2 / 3, ces: 5 });
    expect(byCategory["defect"]).toMatchObject({ cases: 1, resolved: 0, resolutionMedianHours: null, slaAttainment: 0, ces: 2 });
  });
});
