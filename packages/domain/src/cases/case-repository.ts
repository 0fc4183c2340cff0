import type { CustomerScope } from "../security/customer-scope.ts";
import type { PageCursor } from "../customers/page-cursor.ts";
import type { NewTimelineEvent } from "../customers/timeline-event.ts";
import type { Case, CaseEvent, CasePriority, CaseStatus, Team } from "./case.ts";
import type { ServiceMetricsQuery, ServiceMetricsRow } from "./case-service-metrics.ts";

/** Queue orders: priority (urgent first) then age (oldest first); or by age alone. */
export const caseSortFields = ["priority", "opened_at", "-opened_at"] as const;
export type CaseSort = (typeof caseSortFields)[number];

export interface CaseSearch {
  statuses: readonly CaseStatus[];
  priorities: readonly CasePriority[];
  ownerUserId: string | null;
  teamId: string | null;
  category: string | null;
  productId: string | null;
  customerId: string | null;
  knownProblemId: string | null;
  /** Case-insensitive substring of the subject. */
  q: string | null;
  sort: CaseSort;
  after: PageCursor | null;
  limit: number;
  scope: CustomerScope;
}

export interface CasePage {
  items: Case[];
  total: number;
  /** Position of the last item when another page follows. */
  next: PageCursor | null;
}

/** The cursor ordering name of a sort (a cursor is refused under another). */
export function caseSearchOrder(sort: CaseSort): string {
  return `cases:${sort}`;
}

/** Column changes of one update; the repository bumps version and updated_at. */
export type CaseChanges = Partial<Omit<Case, "workspaceId" | "id" | "customerId" | "version" | "createdAt" | "updatedAt">>;

/** A case, its events and its customer-timeline events, written together by imports. */
export interface CaseWithEvents {
  case: Case;
  events: CaseEvent[];
  timeline: NewTimelineEvent[];
}

export interface CaseRepository {
  /** Insert, or report the case that already holds the external id. */
  insert(row: Case): Promise<{ created: Case } | { existingId: string }>;
  findById(workspaceId: string, id: string, options?: { forUpdate?: boolean }): Promise<Case | null>;
  findByExternalId(workspaceId: string, externalId: string): Promise<Case | null>;
  update(workspaceId: string, id: string, changes: CaseChanges): Promise<Case>;
  addEvents(events: readonly CaseEvent[]): Promise<void>;
  /** The case's events, oldest first. */
  listEvents(workspaceId: string, caseId: string): Promise<CaseEvent[]>;
  search(workspaceId: string, search: CaseSearch): Promise<CasePage>;
  /** Ids of the external ids already present (imports skip them). */
  existingExternalIds(workspaceId: string, externalIds: readonly string[]): Promise<Set<string>>;
  /** Customer ids of the given customer external ids (those that exist). */
  customerIdsByExternalId(workspaceId: string, externalIds: readonly string[]): Promise<Map<string, string>>;
  /** Insert cases with their events and timeline events; the caller holds the transaction. */
  insertMany(rows: readonly CaseWithEvents[]): Promise<void>;
  findTeam(workspaceId: string, id: string): Promise<Team | null>;
  /** Create the teams that do not exist yet (by id). */
  ensureTeams(teams: readonly Team[]): Promise<void>;
  serviceMetrics(workspaceId: string, query: ServiceMetricsQuery): Promise<{ rows: ServiceMetricsRow[]; slaAvailable: boolean; cesAvailable: boolean }>;
}
