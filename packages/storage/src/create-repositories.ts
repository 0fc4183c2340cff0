import { sql, type Kysely } from "kysely";
import type { Repositories } from "@tenure/domain";
import { createCustomerValueRepository } from "./analytics/customer-value-repository.ts";
import { createValueRankingRepository } from "./analytics/value-ranking-repository.ts";
import { createAccessRepository } from "./access/access-repository.ts";
import { createCustomerRepository } from "./customers/customer-repository.ts";
import { createCaseRepository } from "./cases/case-repository.ts";
import { createImportRepository } from "./imports/create-import-repository.ts";
import { createDemoRepository } from "./demo/demo-repository.ts";
import { createWorkspaceRepository } from "./workspaces/workspace-repository.ts";
import { createIngestionRepository } from "./ingestion/ingestion-repository.ts";
import { createSurveyRepository } from "./surveys/survey-repository.ts";
import { createRecoveryRepository } from "./cases/recovery/recovery-repository.ts";
import { createFeedbackRepository } from "./feedback/feedback-repository.ts";
import { createSlaRepository } from "./cases/sla/sla-repository.ts";
import { createHandoffRepository } from "./cases/handoff-repository.ts";
import { createKnownProblemRepository } from "./cases/known-problem-repository.ts";
import { createAssignmentRepository } from "./security/assignment-repository.ts";
import { createAuditRepository } from "./security/audit-repository.ts";
import { createConsentRepository } from "./security/consent-repository.ts";
import { createDataSubjectRepository } from "./security/data-subject-repository.ts";
import { withTokenCache } from "./security/token-cache.ts";
import { createSessionRepository } from "./users/session-repository.ts";
import { createUserRepository } from "./users/user-repository.ts";
import { createInsightsRepository } from "./insights/insights-repository.ts";
import { createPreferenceRepository } from "./preferences/preference-repository.ts";
import type { Database } from "./database/create-database.ts";
import type { Schema } from "./database/schema.ts";

/**
 * The storage implementation of every repository, bound to `db` (the
 * database or an open transaction). Each area adds its member here.
 */
export function createRepositories(database: Database, db: Kysely<Schema> = database.db): Repositories {
  const repositories: Repositories = {
    // Inside a transaction, a nested call joins it.
    transaction: (work) =>
      db.isTransaction ? work(repositories) : db.transaction().execute((trx) => work(createRepositories(database, trx))),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    // Tokens found by hash are kept for a few seconds (security/token-cache.ts).
    access: withTokenCache(createAccessRepository(db), database),
    customers: createCustomerRepository(database, db),
    // Holds its own connection (COPY needs the raw client), so it ignores `db`.
    imports: createImportRepository(database),
    demo: createDemoRepository(database),
    workspaces: createWorkspaceRepository(db),
    ingestion: createIngestionRepository(db),
    // Cursor reads and COPY writes on its own connection, so it ignores `db`.
    customerValue: createCustomerValueRepository(database),
    valueRanking: createValueRankingRepository(db),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    consents: createConsentRepository(db),
    audit: createAuditRepository(db),
    assignments: createAssignmentRepository(db),
    dataSubjects: createDataSubjectRepository(db),
    // The public page's invitation read is a prepared statement on the pool outside transactions.
    surveys: createSurveyRepository(database, db),
    recoveries: createRecoveryRepository(db),
    feedback: createFeedbackRepository(db),
    // Bulk state writes hold their own connection (COPY); the rest uses `db`.
    slas: createSlaRepository(database, db),
    handoffs: createHandoffRepository(db),
    knownProblems: createKnownProblemRepository(db),
    cases: createCaseRepository(db),
    insights: createInsightsRepository(db),
    preferences: createPreferenceRepository(db),
  };
  return repositories;
}
