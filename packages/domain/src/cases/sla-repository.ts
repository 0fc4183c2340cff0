import type { BusinessCalendar } from "./business-calendar.ts";
import type { SlaCaseFacts, SlaMetricState } from "./sla-evaluation.ts";
import type { SlaMetric, SlaPolicy, SlaPriority } from "./sla-policy.ts";

/** One case as the SLA recompute reads it: the clock facts plus what selects its policy and calendar. */
export interface SlaCaseRecord extends SlaCaseFacts {
  priority: SlaPriority;
  status: string;
  teamId: string | null;
  teamTimeZone: string | null;
  ownerUserId: string | null;
  customerKind: string | null;
  sizeBand: string | null;
  attributes: Record<string, string | null>;
}

/** The stored state of one clock of one case (case_sla). */
export interface CaseSlaState extends SlaMetricState {
  caseId: string;
  policyId: string;
  /** Final: the case was resolved or closed when it was computed. */
  settled: boolean;
}

/** A warning before a breach, or a breach (an escalation), with whom it notifies. */
export interface SlaAlert {
  id: string;
  caseId: string;
  metric: SlaMetric;
  kind: "warning" | "breach";
  /** When the warning threshold or the target was reached. */
  occurredAt: Date;
  dueAt: Date | null;
  teamId: string | null;
  ownerUserId: string | null;
  /** The case team's leads (responsibility map) and the owner: who is told. */
  notifyUserIds: string[];
  createdAt: Date;
}

/** SLA attainment of settled and breached clocks: met / (met + breached), by metric. */
export interface SlaAttainment {
  metric: SlaMetric;
  met: number;
  breached: number;
  /** met / (met + breached); null when nothing was decided. */
  attainment: number | null;
}

/** What one bulk write did. */
export interface SlaWriteReport {
  cases: number;
  clocks: number;
  newWarnings: number;
  newBreaches: number;
  /** Wall-clock milliseconds of each phase (for the job log and the bench). */
  timings: { readMs: number; computeMs: number; writeMs: number };
}

/** SLA policies, business calendars, per-case SLA state and alerts. */
export interface SlaRepository {
  listPolicies(workspaceId: string): Promise<SlaPolicy[]>;
  findPolicy(workspaceId: string, id: string): Promise<SlaPolicy | null>;
  savePolicy(policy: SlaPolicy): Promise<void>;
  deletePolicy(workspaceId: string, id: string): Promise<boolean>;
  listCalendars(workspaceId: string): Promise<BusinessCalendar[]>;
  findCalendar(workspaceId: string, id: string): Promise<BusinessCalendar | null>;
  /** Insert or update; conflict when another calendar is already the team's or the default. */
  saveCalendar(calendar: BusinessCalendar): Promise<void>;
  deleteCalendar(workspaceId: string, id: string): Promise<boolean>;
  /** One case as the clocks read it (see recompute), or null when it does not exist. */
  loadCase(workspaceId: string, caseId: string, attributeKeys: readonly string[]): Promise<SlaCaseRecord | null>;
  /**
   * The bulk recompute, in one transaction on one held connection: read every
   * case whose clocks need computing (not resolved or closed, or resolved or
   * closed but not yet settled), let `compute` turn them into clocks, replace
   * the stored clocks of those cases, and record a warning or breach alert
   * (and a case event for a breach) for every clock that newly crossed its
   * threshold.
   */
  recompute(
    workspaceId: string,
    attributeKeys: readonly string[],
    compute: (records: readonly SlaCaseRecord[]) => CaseSlaState[],
    computedAt: Date,
  ): Promise<SlaWriteReport>;
  /** Alerts newest first; with `notifiedUserId`, only those that notify that user. */
  listAlerts(workspaceId: string, query: { kind: "warning" | "breach" | null; caseId: string | null; notifiedUserId: string | null; limit: number }): Promise<SlaAlert[]>;
  /** Attainment of clocks that started in [from, to). */
  attainment(workspaceId: string, range: { from: Date; to: Date }): Promise<SlaAttainment[]>;
}
