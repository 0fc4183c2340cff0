import { CompiledQuery, sql, type Kysely, type Selectable } from "kysely";
import type { SurveyRepository } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";
import { preparedQueries } from "../database/prepared-query.ts";
import type { Schema, SurveyInvitationsTable } from "../database/schema.ts";
import { toInvitation, toSurvey } from "./survey-rows.ts";

/**
 * The version of a row: its xmin (the transaction that wrote this row
 * version) and ctid (where it is stored). Every UPDATE writes a new row
 * version, so the pair changes with any edit, even two edits in one
 * transaction (the old version keeps its place until the transaction ends)
 * — optimistic concurrency on xmin, as some ORMs do it.
 */
const versionOf = (table: "s" | "w") => `${table}.xmin::text || ':' || ${table}.ctid::text`;

/**
 * The invitation with its survey's and workspace's versions. The versions
 * are scalar subqueries, not joins: where the statement is not prepared it
 * is planned on every execution, and planning a three-table join took
 * PostgreSQL about twice as long.
 */
const invitationPage = `select i.workspace_id, i.id, i.survey_id, i.customer_id, i.locale, i.channel, i.sent_at, i.expires_at, i.used_at,
  (select ${versionOf("s")} from surveys s where s.workspace_id = i.workspace_id and s.id = i.survey_id) || '/' ||
  (select ${versionOf("w")} from workspaces w where w.id = i.workspace_id) as page_version
from survey_invitations i
where i.workspace_id = $1 and i.id = $2`;

type InvitationPageRow = Selectable<SurveyInvitationsTable> & { page_version: string | null };

/**
 * The public page's queries, run at a thousand requests a second. Outside a
 * transaction on a PostgreSQL server, the invitation's read is a named
 * prepared statement, so each pooled connection plans it once (planning
 * cost the server more than running it); otherwise, and when the row is
 * locked for answering, it goes through `db`. Plain SQL either way: building
 * it with the query builder cost more than the rest of the request's work.
 */
export function createSurveyPageQueries(database: Database, db: Kysely<Schema>): Pick<SurveyRepository, "findInvitationPage" | "findSurveyPage"> {
  const prepared = preparedQueries(database, db);
  return {
    async findInvitationPage(workspaceId, id, options = {}) {
      const values = [workspaceId, id];
      const rows = options.forUpdate
        ? (await db.executeQuery<InvitationPageRow>(CompiledQuery.raw(`${invitationPage} for update`, values))).rows
        : await prepared<InvitationPageRow>("survey-invitation-page", invitationPage, values);
      const row = rows[0];
      // no version: the survey or the workspace is gone
      return row && row.page_version !== null ? { invitation: toInvitation(row), pageVersion: row.page_version } : null;
    },

    async findSurveyPage(workspaceId, surveyId) {
      const row = await db
        .selectFrom("surveys as s")
        .innerJoin("workspaces as w", "w.id", "s.workspace_id")
        .selectAll("s")
        .select(["w.name as company", sql<string>`${sql.raw(versionOf("s"))} || '/' || ${sql.raw(versionOf("w"))}`.as("version")])
        .where("s.workspace_id", "=", workspaceId)
        .where("s.id", "=", surveyId)
        .executeTakeFirst();
      return row ? { survey: toSurvey(row), company: row.company, version: row.version } : null;
    },
  };
}
