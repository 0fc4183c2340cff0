import { describe, expect, it } from "vitest";
import { alwaysWorking, weekdays, type Weekday, type WorkingPeriod } from "./business-calendar.ts";
import { businessTimeline } from "./business-calendar-timeline.ts";
import { evaluateCaseSla, type SlaCaseFacts } from "./sla-evaluation.ts";
import { selectSlaPolicy, slaAttributeKeys, type SlaPolicy } from "./sla-policy.ts";

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function policy(overrides: Partial<SlaPolicy>): SlaPolicy {
  return {
    workspaceId: "ws_1",
    id: "slp_default",
    name: "Default",
    priority: null,
    segment: null,
    firstResponseMinutes: 60,
    nextResponseMinutes: 120,
    resolutionMinutes: 480,
    warnAtPercent: 80,
    pauseOnHold: false,
    position: 0,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

describe("selectSlaPolicy", () => {
  const catchAll = policy({ id: "slp_a" });
  const urgent = policy({ id: "slp_b", priority: "urgent" });
  const enterprise = policy({ id: "slp_c", segment: { attribute: { key: "plan", value: "enterprise" } } });
  const bigOrgUrgent = policy({ id: "slp_d", priority: "urgent", segment: { customerKind: "organization", sizeBands: ["1000+"] } });
  const policies = [catchAll, urgent, enterprise, bigOrgUrgent];
  const subject = { priority: "urgent" as const, customerKind: "organization", sizeBand: "1000+", attributes: { plan: "enterprise" } };

  it("takes the most specific match: segment and priority, then segment, then priority, then catch-all", () => {
    expect(selectSlaPolicy(policies, subject)?.id).toBe("slp_d");
    expect(selectSlaPolicy(policies, { ...subject, sizeBand: "1-10" })?.id).toBe("slp_c");
    expect(selectSlaPolicy(policies, { ...subject, sizeBand: "1-10", attributes: { plan: "basic" } })?.id).toBe("slp_b");
    expect(selectSlaPolicy(policies, { ...subject, priority: "low", attributes: {} })?.id).toBe("slp_a");
  });

  it("breaks ties by position and has no policy when none matches", () => {
    const second = policy({ id: "slp_0", priority: "urgent", position: 1 });
    expect(selectSlaPolicy([second, urgent], subject)?.id).toBe("slp_b");
    expect(selectSlaPolicy([urgent], { ...subject, priority: "low" })).toBeNull();
  });

  it("lists the attribute keys segments name", () => {
    expect(slaAttributeKeys(policies)).toEqual(["plan"]);
  });
});

describe("evaluateCaseSla", () => {
  const hours = Object.fromEntries(weekdays.map((d) => [d, d === "sat" || d === "sun" ? [] : [{ start: "09:00", end: "17:00" }]])) as Record<Weekday, WorkingPeriod[]>;
  const office = { timeZone: "UTC", hours, holidays: [] };
  const opened = at("2026-01-12T09:00:00Z"); // Monday 09:00
  const facts = (overrides: Partial<SlaCaseFacts>): SlaCaseFacts => ({
    caseId: "case_1",
    openedAtMs: opened,
    firstResponseAtMs: null,
    resolvedAtMs: null,
    statusChanges: [{ status: "new", atMs: opened }],
    nextResponse: null,
    ...overrides,
  });

  it("runs, warns at 80 % and breaches at the target", () => {
    const timeline = businessTimeline(office, opened);
    const running = evaluateCaseSla(timeline, policy({}), facts({}), at("2026-01-12T09:30:00Z"));
    expect(running.map((m) => [m.metric, m.state, iso(m.dueAtMs), m.elapsedMinutes])).toEqual([
      ["first_response", "running", "2026-01-12T10:00:00.000Z", 30],
      ["resolution", "running", "2026-01-12T17:00:00.000Z", 30],
    ]);
    const [late] = evaluateCaseSla(timeline, policy({}), facts({}), at("2026-01-12T10:30:00Z"));
    expect([late?.state, iso(late?.warnedAtMs ?? null), iso(late?.breachedAtMs ?? null)]).toEqual(["breached", "2026-01-12T09:48:00.000Z", "2026-01-12T10:00:00.000Z"]);
  });

  it("is met when the answer comes in time, and breached when it comes late", () => {
    const timeline = businessTimeline(office, opened);
    const [inTime] = evaluateCaseSla(timeline, policy({}), facts({ firstResponseAtMs: at("2026-01-12T09:59:00Z") }), at("2026-01-13T12:00:00Z"));
    expect([inTime?.state, inTime?.elapsedMinutes]).toEqual(["met", 59]);
    const [late] = evaluateCaseSla(timeline, policy({}), facts({ firstResponseAtMs: at("2026-01-12T10:01:00Z") }), at("2026-01-13T12:00:00Z"));
    expect(late?.state).toBe("breached");
  });

  it("pauses while pending the customer and moves the due time by the pause", () => {
    const timeline = businessTimeline(office, opened);
    const history = [
      { status: "open", atMs: opened },
      { status: "pending_customer", atMs: at("2026-01-12T11:00:00Z") },
      { status: "open", atMs: at("2026-01-12T14:00:00Z") },
    ];
    const states = evaluateCaseSla(timeline, policy({}), facts({ firstResponseAtMs: at("2026-01-12T09:10:00Z"), statusChanges: history }), at("2026-01-12T15:00:00Z"));
    const resolution = states.find((s) => s.metric === "resolution");
    expect([resolution?.state, resolution?.pausedMinutes, resolution?.elapsedMinutes, iso(resolution?.dueAtMs ?? null)]).toEqual(["running", 180, 180, "2026-01-13T12:00:00.000Z"]);
  });

  it("has no due time while a pause is open, and pauses on hold only when the policy says so", () => {
    const timeline = businessTimeline(office, opened);
    const history = [
      { status: "open", atMs: opened },
      { status: "on_hold", atMs: at("2026-01-12T10:00:00Z") },
    ];
    const now = at("2026-01-13T16:00:00Z");
    const held = evaluateCaseSla(timeline, policy({ pauseOnHold: true }), facts({ firstResponseAtMs: opened, statusChanges: history }), now).find((s) => s.metric === "resolution");
    expect([held?.state, held?.dueAtMs, held?.elapsedMinutes]).toEqual(["paused", null, 60]);
    const notHeld = evaluateCaseSla(timeline, policy({}), facts({ firstResponseAtMs: opened, statusChanges: history }), now).find((s) => s.metric === "resolution");
    expect([notHeld?.state, iso(notHeld?.breachedAtMs ?? null)]).toEqual(["breached", "2026-01-12T17:00:00.000Z"]);
  });

  it("runs the next-response clock from the customer's message and leaves out metrics without a target", () => {
    const timeline = businessTimeline(alwaysWorking, opened);
    const states = evaluateCaseSla(
      timeline,
      policy({ resolutionMinutes: null }),
      facts({ firstResponseAtMs: opened, nextResponse: { awaitingSinceMs: at("2026-01-12T20:00:00Z"), respondedAtMs: null } }),
      at("2026-01-12T21:00:00Z"),
    );
    expect(states.map((s) => [s.metric, s.state, iso(s.dueAtMs)])).toEqual([
      ["first_response", "met", "2026-01-12T10:00:00.000Z"],
      ["next_response", "running", "2026-01-12T22:00:00.000Z"],
    ]);
  });
});
