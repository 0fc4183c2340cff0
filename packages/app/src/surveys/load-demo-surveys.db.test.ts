import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoWorkspace, planDemoSurveys } from "@tenure/domain";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { loadDemoSurveys } from "./load-demo-surveys.ts";

const today = new Date("2026-11-01T00:00:00Z");
const dataset = generateDemoWorkspace({ seed: 11, customers: 400, today });

describe.each(testEngines())("demo surveys on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await createRepositories(database).demo.write(dataset);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores the planned answers, their comments as feedback, follow-ups at their stage and the customer summaries", async () => {
    const plan = planDemoSurveys(dataset, today, 11);
    const counts = await loadDemoSurveys({ repositories: createRepositories(database) }, dataset, { today, seed: 11 });
    expect(counts).toEqual({
      responses: plan.length + plan.filter((a) => a.acsi !== null).length,
      feedback: plan.filter((a) => a.comment !== null).length,
      followUps: plan.filter((a) => a.followUp !== null).length,
    });
    const open = plan.filter((a) => a.followUp === "open" || a.followUp === "in_progress").length;
    const summary = await sql<{ customers: number; open: number; nps: number }>`
      select count(*)::int as customers, coalesce(sum(open_follow_ups), 0)::int as open, count(nps)::int as nps from customer_satisfaction`.execute(database.db);
    const surveyed = new Set(plan.map((a) => a.customerId)).size;
    expect(summary.rows[0]).toEqual({ customers: surveyed, open, nps: surveyed });
    const done = await sql<{ n: string }>`select count(*) as n from follow_up_tasks where status = 'done' and outcome is not null and closed_at is not null`.execute(database.db);
    expect(Number(done.rows[0]?.n)).toBe(plan.filter((a) => a.followUp === "done").length);
  });
});
