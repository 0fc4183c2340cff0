import type { CustomerValueRepository } from "./analytics/customer-value-repository.ts";
import type { ValueRankingRepository } from "./analytics/value-ranking-repository.ts";
import type { AccessRepository } from "./access/access-repository.ts";
import type { CustomerRepository } from "./customers/customer-repository.ts";
import type { CaseRepository } from "./cases/case-repository.ts";
import type { DemoRepository } from "./demo/demo-repository.ts";
import type { WorkspaceRepository } from "./workspaces/workspace-repository.ts";
import type { ImportRepository } from "./imports/import-repository.ts";
import type { IngestionRepository } from "./ingestion/ingestion-repository.ts";
import type { SurveyRepository } from "./surveys/survey-repository.ts";
import type { RecoveryRepository } from "./cases/recovery/recovery-repository.ts";
import type { FeedbackRepository } from "./feedback/feedback.ts";
import type { SlaRepository } from "./cases/sla-repository.ts";
import type { HandoffRepository } from "./cases/handoff-repository.ts";
import type { KnownProblemRepository } from "./cases/known-problem-repository.ts";
import type { AuditRepository } from "./security/audit.ts";
import type { ConsentRepository } from "./security/consent.ts";
import type { CustomerAssignmentRepository } from "./security/customer-scope.ts";
import type { DataSubjectRepository } from "./security/data-subject.ts";
import type { SessionRepository } from "./users/session.ts";
import type { UserRepository } from "./users/user-repository.ts";
import type { InsightsRepository } from "./insights/insights-repository.ts";
import type { PreferenceRepository } from "./preferences/preference-repository.ts";

/**
 * Every repository the use cases may call, as interfaces. packages/storage
 * implements them (createRepositories); only main.ts files wire the two.
 * Each area adds its repository here as a member.
 */
export interface Repositories {
  /** Run `work` in one database transaction; the repositories it receives are bound to it. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query (health checks). */
  ping(): Promise<void>;
  access: AccessRepository;
  customers: CustomerRepository;
  /** Bulk demo load; opens its own transaction (not usable inside transaction()). */
  demo: DemoRepository;
  workspaces: WorkspaceRepository;
  /** Bulk file import; opens its own transaction (not usable inside transaction()). */
  imports: ImportRepository;
  ingestion: IngestionRepository;
  /** Customer value: summaries, fits and scores (bulk reads and writes on their own connection). */
  customerValue: CustomerValueRepository;
  /** Customers ranked by their stored CLV. */
  valueRanking: ValueRankingRepository;
  users: UserRepository;
  sessions: SessionRepository;
  consents: ConsentRepository;
  /** Append-only audit trail. */
  audit: AuditRepository;
  assignments: CustomerAssignmentRepository;
  /** Export and erasure of one customer's data. */
  dataSubjects: DataSubjectRepository;
  /** Surveys, invitations and responses (satisfaction). */
  surveys: SurveyRepository;
  /** Feedback items (themes, sentiment) and theme dictionaries. */
  feedback: FeedbackRepository;
  /** Service recoveries of cases marked as company failures, their letters and the recovery-paradox counts. */
  recoveries: RecoveryRepository;
  /** SLA policies, business calendars, per-case SLA clocks and alerts (bulk writes on their own connection). */
  slas: SlaRepository;
  /** Warm handoffs and the responsibility map. */
  handoffs: HandoffRepository;
  /** Known problems, their case links and weekly complaint counts. */
  knownProblems: KnownProblemRepository;
  /** Cases, their events (status history) and teams; service metrics. */
  cases: CaseRepository;
  /** Read models of the web app: dashboard figures, list columns, a customer's activity. */
  insights: InsightsRepository;
  /** A user's language and saved list views. */
  preferences: PreferenceRepository;
}
