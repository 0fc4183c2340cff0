import PgBoss from "pg-boss";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSlaPolicy } from "@tenure/app";
import { jobQueueSql, testEngines } from "@tenure/storage";
import { openTestApi, type TestApi } from "../testing/open-test-api.ts";
import { startSlaRecomputeJob } from "./sla-recompute-job.ts";

describe.each(testEngines())("sla-recompute job on %s", (engine) => {
  let api: TestApi;
  let boss: PgBoss;
  const errors: string[] = [];

  beforeAll(async () => {
    api = await openTestApi(engine);
    boss = new PgBoss({ db: jobQueueSql(api.database), schedule: false, supervise: true });
    await boss.start();
    await startSlaRecomputeJob(boss, { repositories: api.repositories, pollingIntervalSeconds: 0.5 }, (message) => errors.push(message));
  });
  afterAll(async () => {
    await boss?.stop({ graceful: true, wait: true });
    await api?.close();
  });

  it("is scheduled every minute and, when run, stores the clocks of every workspace's open cases", async () => {
    expect((await boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([["sla-recompute", "* * * * *"]]);
    const ws = await api.createWorkspace();
    await saveSlaPolicy(ws.ctx, api, { name: "All", priority: null, segment: null, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: null, warnAtPercent: 80, pauseOnHold: false, position: 0 });
    const customer = await api.createCustomer(ws, { kind: "person", name: "Carla" });
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at) values (${ws.id}, 'case_job', ${customer.id}, 'Slow', 'open', now() - interval '2 hours')`.execute(api.database.db);

    await boss.send("sla-recompute", {});
    let states: { state: string }[] = [];
    for (let waited = 0; states.length === 0 && waited < 60_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      states = (await sql<{ state: string }>`select state from case_sla where case_id = 'case_job'`.execute(api.database.db)).rows;
    }
    expect(states).toEqual([{ state: "breached" }]);
    expect(errors).toEqual([]);
  });
});
