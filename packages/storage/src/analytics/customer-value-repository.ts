import type { CustomerValueFit, CustomerValueRepository } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";
import { openSqlSession, type SqlSession } from "../database/sql-session.ts";
import { readCustomerSummaries } from "./customer-summaries.ts";
import { writeCustomerScores } from "./write-customer-scores.ts";

/**
 * CustomerValueRepository on clv_fits and customer_scores. Summaries and
 * score writes hold one connection for their whole run (a cursor, COPY), so
 * like the import repository this opens its own sessions and is not usable
 * inside transaction().
 */
export function createCustomerValueRepository(database: Database): CustomerValueRepository {
  const db = database.db;
  return {
    async readSettings(workspaceId) {
      const row = await db.selectFrom("workspaces").select("settings").where("id", "=", workspaceId).executeTakeFirst();
      if (!row) return null;
      const settings: unknown = row.settings;
      return settings !== null && typeof settings === "object" && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
    },

    async latestPurchaseAt(workspaceId) {
      const row = await db
        .selectFrom("orders")
        .select((eb) => eb.fn.max("ordered_at").as("latest"))
        .where("workspace_id", "=", workspaceId)
        .where("status", "=", "completed")
        .where("customer_id", "is not", null)
        .executeTakeFirst();
      return row?.latest ? new Date(row.latest) : null;
    },

    readSummaries: (workspaceId, options) => inSession(database, (session) => readCustomerSummaries(session, workspaceId, options)),

    saveRefit: (fit, scores) =>
      inSession(database, async (session) => {
        await session.query(
          `insert into clv_fits (workspace_id, id, model, params, standard_errors, log_likelihood, converged, customers, rows, report, created_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            fit.workspaceId,
            fit.id,
            fit.model,
            JSON.stringify(fit.params),
            JSON.stringify(fit.standardErrors),
            fit.logLikelihood,
            fit.converged,
            fit.customers,
            fit.rows,
            JSON.stringify(fit.report),
            fit.createdAt.toISOString(),
          ],
        );
        if (scores) await writeCustomerScores(session, fit.workspaceId, scores);
      }),

    async findLatestFit(workspaceId) {
      const row = await db
        .selectFrom("clv_fits")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      const fit: CustomerValueFit = {
        id: row.id,
        workspaceId: row.workspace_id,
        model: row.model,
        params: row.params as Record<string, number | null>,
        standardErrors: row.standard_errors as Record<string, number | null>,
        logLikelihood: row.log_likelihood,
        converged: row.converged,
        customers: row.customers,
        rows: row.rows,
        report: row.report as Record<string, unknown>,
        createdAt: row.created_at,
      };
      return fit;
    },
  };
}

/** Run `work` in a session of its own: committed when it resolves, rolled back when it throws. */
async function inSession<T>(database: Database, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const session = await openSqlSession(database);
  let result: T;
  try {
    result = await work(session);
  } catch (error) {
    await session.end(false).catch(() => undefined);
    throw error;
  }
  await session.end(true);
  return result;
}
