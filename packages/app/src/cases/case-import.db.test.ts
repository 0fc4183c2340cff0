import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, type RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import type { Repositories } from "@tenure/domain";
import { createCustomer } from "../customers/create-customer.ts";
import { getServiceMetrics } from "./get-service-metrics.ts";
import { importCasesCsv } from "./import-cases-csv.ts";
import { importTicketLog } from "./import-ticket-log.ts";
import { listCaseEvents } from "./get-case.ts";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const read = (name: string) => readFileSync(join(fixtures, name), "utf8");
const source = (text: string) => (async function* () {
  yield text;
})();

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Straight from the raw Helpdesk rows (not through the replay): hours to the first "Take in charge ticket", and which tickets were taken again after a resolution. */
function helpdeskExpectations(text: string) {
  const tickets = new Map<string, { activity: string; at: number }[]>();
  for (const line of text.trim().split("\n").slice(1)) {
    const cells = line.split(",");
    const list = tickets.get(cells[0]!) ?? [];
    list.push({ activity: cells[4]!, at: Date.parse(cells[7]!) });
    tickets.set(cells[0]!, list);
  }
  const firstResponse: number[] = [];
  let reopened = 0;
  for (const events of tickets.values()) {
    events.sort((a, b) => a.at - b.at);
    const taken = events.find((e) => e.activity === "Take in charge ticket");
    if (taken) firstResponse.push((taken.at - events[0]!.at) / 3_600_000);
    const firstResolve = events.findIndex((e) => e.activity === "Resolve ticket");
    if (firstResolve >= 0 && events.slice(firstResolve).some((e) => e.activity === "Take in charge ticket")) reopened++;
  }
  return { tickets: tickets.size, firstResponse, reopened };
}

describe.each(testEngines())("case imports on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
  });
  afterAll(async () => {
    await database.close();
  });

  async function workspace(): Promise<RequestContext> {
    const id = newId("workspace");
    await database.db.insertInto("workspaces").values({ id, name: id, slug: id, settings: {} }).execute();
    return { workspaceId: id, actorId: "usr_test", role: "admin", purpose: "service", requestId: "req" };
  }

  it("imports a case CSV: good rows with their history, bad rows named by line and column, idempotent on re-run", async () => {
    const ctx = await workspace();
    for (const externalId of ["C-1", "C-2"]) await createCustomer(ctx, { repositories }, { kind: "organization", name: externalId, externalId });
    const result = await importCasesCsv(ctx, { repositories }, source(read("cases.csv")));
    expect(result).toMatchObject({ cases: 4, inserted: 4, skipped: 0 });
    expect(result.rejected.map((r) => [r.line, r.column])).toEqual([
      [6, "customer_external_id"],
      [7, "opened_at"],
      [8, "resolved_at"],
      [9, "priority"],
    ]);
    const page = await repositories.cases.search(ctx.workspaceId, {
      statuses: [], priorities: [], ownerUserId: null, teamId: "billing-desk", category: null, productId: null, customerId: null, knownProblemId: null, q: null, sort: "opened_at", after: null, limit: 10, scope: { kind: "all" },
    });
    expect(page.items.map((c) => [c.externalId, c.status, c.resolutionNote])).toEqual([["T-100", "closed", "Refunded the second charge"]]);
    const events = await listCaseEvents(ctx, { repositories }, page.items[0]!.id);
    expect(events.map((e) => e.toStatus)).toEqual(["new", "open", "resolved", "closed"]);
    const again = await importCasesCsv(ctx, { repositories }, source(read("cases.csv")));
    expect(again).toMatchObject({ inserted: 0, skipped: 4 });
    // One audit row, for the import that stored something (the re-run stored nothing).
    const audited = await database.db.selectFrom("audit_log").select(["action", "details"]).where("workspace_id", "=", ctx.workspaceId).where("action", "=", "import.run").execute();
    expect(audited.map((a) => a.details)).toEqual([
      { entity: "cases", preset: null, file_name: null, rows_read: 8, rejected: 4, counts: { cases: { inserted: 4, updated: 0, unchanged: 0 } } },
    ]);
  });

  it("imports the Helpdesk extract with its status history, and the service metrics agree with the raw log", async () => {
    const ctx = await workspace();
    const text = read("helpdesk-extract.csv");
    const result = await importTicketLog(ctx, { repositories }, source(text), { format: "helpdesk" });
    const expected = helpdeskExpectations(text);
    expect(result).toMatchObject({ cases: expected.tickets, inserted: expected.tickets, rejected: [] });
    const case5 = await repositories.cases.findByExternalId(ctx.workspaceId, "helpdesk:Case5");
    expect(case5).toMatchObject({ status: "closed", reopenCount: 1 });
    const metrics = await getServiceMetrics(ctx, { repositories }, { from: new Date("2010-01-01T00:00:00Z"), to: new Date("2015-01-01T00:00:00Z") });
    const total = metrics.total!;
    expect(total.cases).toBe(expected.tickets);
    expect(total.firstResponseMedianHours).toBeCloseTo(percentile(expected.firstResponse, 0.5), 6);
    expect(total.firstResponseP90Hours).toBeCloseTo(percentile(expected.firstResponse, 0.9), 6);
    expect(total.reopenRate).toBeCloseTo(expected.reopened / total.resolved, 6);
    expect((await importTicketLog(ctx, { repositories }, source(text), { format: "helpdesk" })).inserted).toBe(0);
  });

  it("imports the BPI 2013 extract: support groups as teams, impact as priority, the organisation as customer", async () => {
    const ctx = await workspace();
    const result = await importTicketLog(ctx, { repositories }, source(read("bpi2013-extract.csv")), { format: "bpi2013" });
    expect(result.inserted).toBe(5);
    const first = await repositories.cases.findByExternalId(ctx.workspaceId, "bpi2013:1-364285768");
    expect(first).toMatchObject({ priority: "normal", productId: "PROD582", status: "closed" });
    expect(await repositories.cases.findTeam(ctx.workspaceId, first!.teamId!)).not.toBeNull();
    const customer = await repositories.customers.findById(ctx.workspaceId, first!.customerId);
    expect(customer?.externalId).toBe("bpi2013:Org line A2");
  });

  it("rejects log rows whose time cannot be read, naming line and column", async () => {
    const ctx = await workspace();
    const text = read("helpdesk-extract.csv").split("\n").slice(0, 6).join("\n").replace("2012-10-12T15:02:56.000+03:00", "soon");
    const result = await importTicketLog(ctx, { repositories }, source(text), { format: "helpdesk" });
    expect(result.rejected).toEqual([{ line: 4, column: "time:timestamp", reason: '"soon" is not a date and time' }]);
    expect(result.inserted).toBe(1);
  });
});
