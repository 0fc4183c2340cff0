import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@tenure/storage";
import { decideHandoff } from "./handoff-decide.ts";
import { listCaseHandoffs, listMyPendingHandoffs } from "./handoff-list.ts";
import { proposeHandoffSpecialists } from "./handoff-propose.ts";
import { requestHandoff } from "./handoff-request.ts";
import { saveResponsibility } from "./responsibility-map-save.ts";
import { openCaseFixture, type CaseFixture } from "./sla-handoff-test-fixture.ts";

const brief = {
  problem: "Invoices since the January update show the wrong VAT rate for Japan.",
  tried: "Cleared the cache, re-issued one invoice: same rate.",
  customerMood: "Frustrated, second contact this week",
  promised: "An answer by Friday",
};
const at = new Date("2026-01-13T10:00:00Z");

describe.each(testEngines())("warm handoff on %s", (engine) => {
  let f: CaseFixture;
  const owner = () => f.ctx("agent", "usr_ann");
  const receiver = () => f.ctx("agent", "usr_ben");
  const caseRow = async () =>
    (await sql<{ owner_user_id: string; handoff_count: number }>`select owner_user_id, handoff_count from cases where id = 'case_h'`.execute(f.database.db)).rows[0];

  beforeAll(async () => {
    f = await openCaseFixture(engine);
    const admin = f.ctx("admin");
    await saveResponsibility(admin, f, { userId: "usr_ben", teamId: null, skills: [], productIds: ["prd_app"], languages: ["JA"], lead: false, maxOpenCases: 10 });
    await saveResponsibility(admin, f, { userId: "usr_lea", teamId: null, skills: ["billing"], productIds: [], languages: [], lead: false, maxOpenCases: null });
    await saveResponsibility(admin, f, { userId: "usr_ann", teamId: "tm_berlin", skills: ["billing"], productIds: ["prd_app"], languages: ["ja"], lead: false, maxOpenCases: null });
    await f.insertCase("case_h", { openedAt: "2026-01-12T08:00:00Z", ownerUserId: "usr_ann", teamId: "tm_berlin", customerId: "cus_big", category: "billing", productId: "prd_app" });
  });
  afterAll(async () => {
    await f?.close();
  });

  it("proposes specialists by product, language and skill, never the owner", async () => {
    const proposals = await proposeHandoffSpecialists(owner(), f, "case_h");
    expect(proposals.map((p) => [p.userId, p.score, p.matched])).toEqual([
      ["usr_ben", 6, ["product", "language"]],
      ["usr_lea", 3, ["skill"]],
    ]);
    // the case row rule: an agent who neither owns nor supports the customer does not see the case
    await expect(proposeHandoffSpecialists(receiver(), f, "case_h")).rejects.toMatchObject({ code: "case_not_found" });
  });

  it("requires the whole brief and names every missing field", async () => {
    await expect(requestHandoff(owner(), f, "case_h", { toUserId: "usr_ben", toTeamId: null, brief: { problem: brief.problem } }, at)).rejects.toMatchObject({
      code: "invalid_input",
      details: { field: "brief.tried", errors: [{ field: "brief.tried" }, { field: "brief.customerMood" }, { field: "brief.promised" }] },
    });
  });

  it("keeps the owner until the receiver accepts, then transfers and counts the handoff", async () => {
    const handoff = await requestHandoff(owner(), f, "case_h", { toUserId: "usr_ben", toTeamId: null, brief }, at);
    await expect(requestHandoff(owner(), f, "case_h", { toUserId: "usr_lea", toTeamId: null, brief }, at)).rejects.toMatchObject({ code: "handoff_pending" });
    expect(await caseRow()).toEqual({ owner_user_id: "usr_ann", handoff_count: 0 });
    const inbox = await listMyPendingHandoffs(receiver(), f);
    expect(inbox.map((h) => [h.id, h.fromUserId, h.brief.customerMood])).toEqual([[handoff.id, "usr_ann", brief.customerMood]]);
    await expect(decideHandoff(owner(), f, { caseId: "case_h", handoffId: handoff.id, decision: "accept" })).rejects.toMatchObject({ code: "not_the_receiver" });

    await decideHandoff(receiver(), f, { caseId: "case_h", handoffId: handoff.id, decision: "accept" }, new Date(at.getTime() + 60_000));
    expect(await caseRow()).toEqual({ owner_user_id: "usr_ben", handoff_count: 1 });
    expect((await listCaseHandoffs(receiver(), f, "case_h")).map((h) => h.status)).toEqual(["accepted"]);
    expect(await listMyPendingHandoffs(receiver(), f)).toEqual([]);
    const events = await sql<{ kind: string }>`select kind from case_events where case_id = 'case_h' order by occurred_at`.execute(f.database.db);
    expect(events.rows.map((e) => e.kind)).toEqual(["handoff_requested", "handoff_accepted"]);
    await expect(decideHandoff(receiver(), f, { caseId: "case_h", handoffId: handoff.id, decision: "cancel" })).rejects.toMatchObject({ code: "handoff_decided" });
  });

  it("lets the sender cancel, leaving the owner", async () => {
    const handoff = await requestHandoff(receiver(), f, "case_h", { toUserId: "usr_lea", toTeamId: null, brief }, at);
    await expect(decideHandoff(owner(), f, { caseId: "case_h", handoffId: handoff.id, decision: "cancel" })).rejects.toMatchObject({ code: "not_a_party" });
    const cancelled = await decideHandoff(receiver(), f, { caseId: "case_h", handoffId: handoff.id, decision: "cancel" });
    expect(cancelled.status).toBe("cancelled");
    expect(await caseRow()).toEqual({ owner_user_id: "usr_ben", handoff_count: 1 });
  });
});
