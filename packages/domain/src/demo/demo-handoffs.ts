import { weekdays, type Weekday, type WorkingPeriod } from "../cases/business-calendar.ts";
import type { HandoffBrief } from "../cases/handoff.ts";
import type { KnownProblemFixStatus } from "../cases/known-problem.ts";
import type { SlaPolicyInput } from "../cases/sla-policy.ts";
import type { DemoCases } from "./demo-cases.ts";
import type { DemoUserRow } from "./demo-dataset.ts";

/** SLAs, a responsibility map, known problems with their cases, and handoffs for the demo workspace. */
export interface DemoHandoffPlan {
  calendar: { name: string; hours: Record<Weekday, WorkingPeriod[]>; holidays: string[] };
  policies: SlaPolicyInput[];
  responsibilities: { userId: string; teamId: string; skills: string[]; lead: boolean }[];
  knownProblems: { title: string; description: string; workaround: string; fixStatus: KnownProblemFixStatus; productId: string; caseIds: string[] }[];
  handoffs: { caseId: string; fromUserId: string; toUserId: string; toTeamId: string; brief: HandoffBrief; requestedAt: Date; acceptedAt: Date | null }[];
}

const office = Object.fromEntries(weekdays.map((d) => [d, d === "sat" || d === "sun" ? [] : [{ start: "09:00", end: "17:30" }]])) as Record<Weekday, WorkingPeriod[]>;

const policy = (name: string, priority: SlaPolicyInput["priority"], first: number, next: number, resolution: number): SlaPolicyInput => ({
  name,
  priority,
  segment: null,
  firstResponseMinutes: first,
  nextResponseMinutes: next,
  resolutionMinutes: resolution,
  warnAtPercent: 80,
  pauseOnHold: priority !== "urgent",
  position: 0,
});

// The product-defect subjects of demo-cases.ts that are one known problem each.
const problems: readonly { subject: string; title: string; description: string; workaround: string; fixStatus: KnownProblemFixStatus }[] = [
  {
    subject: "Machine stopped heating",
    title: "Heater cuts out after descaling",
    description: "After a descaling cycle the thermal fuse of some machines trips and the boiler no longer heats.",
    workaround: "Unplug for ten minutes, then run one rinse cycle before brewing; replace the fuse under warranty if it recurs.",
    fixStatus: "fix_planned",
  },
  {
    subject: "Display shows an error code",
    title: "Error E05 after the firmware update",
    description: "Firmware 2.3 shows E05 at start-up when the water tank sensor reads low, even with a full tank.",
    workaround: "Hold the power button for five seconds to reset the sensor reading.",
    fixStatus: "investigating",
  },
  {
    subject: "Leak from the water tank",
    title: "Water tank seal too short in one batch",
    description: "Tanks from one supplier batch have a seal that does not close fully; water collects under the machine.",
    workaround: "Send a replacement seal (part S-114) by post.",
    fixStatus: "fixed",
  },
];

const moods = ["Frustrated: second contact about this", "Calm, but needs the machine for the weekend", "Annoyed by the wait on hold", "Friendly, worried about the cost"];
const promised = ["A call back within one business day", "A replacement part if the fix fails", "Nothing yet", "An answer by Friday"];

/**
 * The demo's SLA set-up and warm-handoff story, derived from the demo cases
 * without randomness (same cases, same plan): office-hours SLAs per priority
 * in each team's zone; the support specialist and the head of customer
 * success in the responsibility map; three known product problems linked to
 * the defect cases with their subject and product; and a handoff with a
 * brief for every open case that has an owner, handed to the other of
 * the two — accepted an hour later, except the newest two, still waiting.
 */
export function planDemoHandoffs(input: { cases: DemoCases; users: readonly DemoUserRow[] }): DemoHandoffPlan {
  const specialist = input.users.find((u) => u.role === "agent");
  const head = input.users.find((u) => u.role === "manager");
  const plan: DemoHandoffPlan = {
    calendar: { name: "Office hours (team zone)", hours: office, holidays: ["2025-12-25", "2025-12-26", "2026-01-01"] },
    policies: [policy("Urgent", "urgent", 30, 60, 480), policy("High", "high", 60, 240, 960), policy("Normal", "normal", 240, 480, 2_400), policy("Low", "low", 480, 960, 4_800)],
    responsibilities: [],
    knownProblems: [],
    handoffs: [],
  };
  if (!specialist || !head) return plan;
  plan.responsibilities = [
    { userId: specialist.id, teamId: "team_technical", skills: ["product_defect", "how_to"], lead: false },
    { userId: head.id, teamId: "team_technical", skills: ["account"], lead: true },
    { userId: head.id, teamId: "team_billing", skills: ["billing", "delivery"], lead: true },
  ];
  for (const p of problems) {
    const matching = input.cases.cases.filter((c) => c.subject === p.subject && c.productId !== null);
    const counts = new Map<string, number>();
    for (const c of matching) counts.set(c.productId ?? "", (counts.get(c.productId ?? "") ?? 0) + 1);
    const productId = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (!productId) continue;
    const caseIds = matching.filter((c) => c.productId === productId).map((c) => c.id);
    plan.knownProblems.push({ title: p.title, description: p.description, workaround: p.workaround, fixStatus: p.fixStatus, productId, caseIds });
  }
  const open = input.cases.cases
    .filter((c) => (c.status === "open" || c.status === "pending_customer" || c.status === "on_hold") && (c.ownerUserId === specialist.id || c.ownerUserId === head.id))
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : 1));
  open.forEach((c, n) => {
    const to = c.ownerUserId === specialist.id ? head : specialist;
    const requestedAt = new Date((c.firstResponseAt ?? c.openedAt).getTime() + 2 * 3_600_000);
    plan.handoffs.push({
      caseId: c.id,
      fromUserId: c.ownerUserId ?? "",
      toUserId: to.id,
      toTeamId: c.teamId,
      brief: {
        problem: `${c.subject}: the customer reported it by ${c.channel} and it is not solved by the usual first steps.`,
        tried: c.category === "billing" ? "Checked the invoice and the payment record." : "Walked the customer through a restart and the manual's checks.",
        customerMood: moods[n % moods.length] ?? "Calm",
        promised: promised[n % promised.length] ?? "Nothing yet",
      },
      requestedAt,
      acceptedAt: n >= open.length - 2 ? null : new Date(requestedAt.getTime() + 3_600_000),
    });
  });
  return plan;
}
