import { canTransition } from "./case-status.ts";
import type { CaseEventKind, CasePriority, CaseStatus } from "./case.ts";

/** Ticket event logs `tenure cases import-log` reads (docs/cases.md "Importing ticket histories"). */
export const ticketLogFormats = ["helpdesk", "bpi2013"] as const;
export type TicketLogFormat = (typeof ticketLogFormats)[number];

/** One row of a ticket log, already parsed. */
export interface TicketLogEntry {
  ticket: string;
  /** Helpdesk: the activity; BPI 2013: "status/sub-status". */
  activity: string;
  resource: string | null;
  at: Date;
  /** 1-based line in the file. */
  line: number;
  team: string | null;
  priority: CasePriority | null;
  product: string | null;
  organization: string | null;
}

/** What an activity does to a case: the status it moves to, and whether it is the agent's answer. */
interface ActivityEffect {
  to: CaseStatus;
  response: boolean;
}

const helpdeskEffects: Record<string, ActivityEffect> = {
  "Take in charge ticket": { to: "open", response: true },
  Wait: { to: "on_hold", response: false },
  "Resolve ticket": { to: "resolved", response: false },
  Closed: { to: "closed", response: false },
};

const bpiEffects: Record<string, ActivityEffect> = {
  "Accepted/In Progress": { to: "open", response: true },
  "Accepted/Assigned": { to: "open", response: true },
  "Accepted/Wait - User": { to: "pending_customer", response: false },
  "Accepted/Wait - Customer": { to: "pending_customer", response: false },
  "Accepted/Wait": { to: "on_hold", response: false },
  "Accepted/Wait - Implementation": { to: "on_hold", response: false },
  "Accepted/Wait - Vendor": { to: "on_hold", response: false },
  "Completed/Resolved": { to: "resolved", response: false },
  "Completed/In Call": { to: "resolved", response: false },
  "Completed/Closed": { to: "closed", response: false },
  "Completed/Cancelled": { to: "closed", response: false },
};

const effects: Record<TicketLogFormat, Record<string, ActivityEffect>> = { helpdesk: helpdeskEffects, bpi2013: bpiEffects };

export interface ReplayedEvent {
  kind: CaseEventKind;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  body: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** A ticket's case fields and status history, rebuilt from its log rows. */
export interface ReplayedCase {
  externalId: string;
  openedAt: Date;
  status: CaseStatus;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolutionNote: string | null;
  reopenCount: number;
  priority: CasePriority;
  team: string | null;
  product: string | null;
  organization: string | null;
  /** Times the ticket moved to another support group (BPI 2013). */
  handoffs: number;
  /** The last resource that took the ticket in charge. */
  resource: string | null;
  events: ReplayedEvent[];
  /** Activities with no allowed transition at their point (kept as log_activity events). */
  outOfOrder: number;
}

/**
 * Replay one ticket's log rows (in time order) through the case life cycle.
 * The case opens (status new) at its first row. An activity that maps to a
 * status moves the case there when allowed; a close of an unresolved case
 * resolves it first, and a wait after a resolution reopens it first. Rows
 * that map to no status, or to one not reachable, are kept as log_activity
 * events and counted in outOfOrder when they named a status.
 */
export function replayTicketLog(format: TicketLogFormat, entries: readonly TicketLogEntry[]): ReplayedCase {
  const first = entries[0];
  if (!first) throw new Error("replayTicketLog needs at least one entry");
  const replay: ReplayedCase = {
    externalId: first.ticket,
    openedAt: first.at,
    status: "new",
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    resolutionNote: null,
    reopenCount: 0,
    priority: "normal",
    team: null,
    product: null,
    organization: null,
    resource: null,
    handoffs: 0,
    events: [{ kind: "created", fromStatus: null, toStatus: "new", body: null, data: { activity: first.activity, resource: first.resource, line: first.line }, at: first.at }],
    outOfOrder: 0,
  };
  for (const entry of entries) {
    replay.priority = entry.priority ?? replay.priority;
    if (entry.team && replay.team && entry.team !== replay.team) replay.handoffs++;
    replay.team = entry.team ?? replay.team;
    replay.product = entry.product ?? replay.product;
    replay.organization = entry.organization ?? replay.organization;
    const effect = effects[format][entry.activity];
    const data = { activity: entry.activity, resource: entry.resource, line: entry.line, team: entry.team };
    if (effect?.response) {
      replay.resource = entry.resource ?? replay.resource;
      replay.firstResponseAt ??= entry.at;
    }
    const path = effect ? pathTo(replay.status, effect.to) : null;
    if (!effect || !path || path.length === 0) {
      if (effect && path === null) replay.outOfOrder++;
      if (entry !== first || effect) replay.events.push({ kind: "log_activity", fromStatus: null, toStatus: null, body: entry.activity, data, at: entry.at });
      continue;
    }
    for (const to of path) move(replay, to, entry, data);
  }
  return replay;
}

/** The statuses to pass through from `from` to `to`: [] when already there, null when unreachable. */
function pathTo(from: CaseStatus, to: CaseStatus): CaseStatus[] | null {
  if (from === to) return [];
  if (canTransition(from, to)) return [to];
  if (to === "closed" && canTransition(from, "resolved")) return ["resolved", "closed"];
  if (from === "resolved" && canTransition("open", to)) return ["open", to];
  return null;
}

function move(replay: ReplayedCase, to: CaseStatus, entry: TicketLogEntry, data: Record<string, unknown>): void {
  const from = replay.status;
  if (to === "resolved") {
    replay.resolvedAt = entry.at;
    replay.resolutionNote = `Resolved in the source log (${entry.activity})`;
  }
  if (to === "closed") replay.closedAt = entry.at;
  if (from === "resolved" && to === "open") {
    replay.reopenCount++;
    replay.resolvedAt = null;
  }
  replay.status = to;
  const body = to === "resolved" ? replay.resolutionNote : null;
  replay.events.push({ kind: "status_changed", fromStatus: from, toStatus: to, body, data, at: entry.at });
}
