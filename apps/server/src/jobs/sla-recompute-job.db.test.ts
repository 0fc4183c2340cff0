import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSlaPolicy } from "@tenure/app";
import { testEngines } from "@tenure/storage";
import { openJobTest, waitForRows, type JobTest } from "./job-test-harness.ts";
import { startSlaRecomputeJob } from "./sla-recompute-job.ts";

describe.each(testEngines())("sla-recompute job on %s", (engine) => {
  let t: JobTest;
  beforeAll(async () => {
    t = await openJobTest(engine, startSlaRecomputeJob);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is scheduled every minute and, when run, stores the clocks of every workspace's open cases", async () => {
    const { api, boss } = t;
    expect((await boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([["sla-recompute", "* * * * *"]]);
    const ws = await api.createWorkspace();
    await saveSlaPolicy(ws.ctx, api, { name: "All", priority: null, segment: null, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: null, warnAtPercent: 80, pauseOnHold: false, position: 0 });
    const customer = await api.createCustomer(ws, { kind: "person", name: "Carla" });
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at) values (${ws.id}, 'case_job', ${customer.id}, 'Slow', 'open', now() - interval '2 hours')`.execute(api.database.db);

    await boss.send("sla-recompute", {});
    const states = await waitForRows(async () => (await sql<{ state: string }>`select state from case_sla where case_id = 'case_job'`.execute(api.database.db)).rows);
    expect(states).toEqual([{ state: "breached" }]);
    expect(t.errors).toEqual([]);
  });
});
