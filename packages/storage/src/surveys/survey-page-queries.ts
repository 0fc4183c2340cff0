import { sql, type Kysely, type Selectable } from "kysely";
import type { SurveyRepository } from "@tenure/domain";
import type { Schema, SurveyInvitationsTable } from "../database/schema.ts";
import { toInvitation, toSurvey } from "./survey-rows.ts";

/**
 * The version of a row: its xmin (the transaction that wrote this row
 * version) and ctid (where it is stored). Every UPDATE writes a new row
 * version, so the pair changes with any edit, even two edits in one
 * transaction (the old version keeps its place until the transaction ends)
 * — optimistic concurrency on xmin, as some ORMs do it.
 */
const surveyVersion = sql<string>`s.xmin::text || ':' || s.ctid::text`;
const workspaceVersion = sql<string>`w.xmin::text || ':' || w.ctid::text`;

/**
 * The public page's queries. Plain SQL rather than the query builder: the
 * page runs at a thousand requests a second and building the statement cost
 * more than the rest of the request's own work. The versions are scalar
 * subqueries, not joins: PostgreSQL plans the statement on every execution,
 * and planning a three-table join took it about twice as long as this.
 */
export function createSurveyPageQueries(db: Kysely<Schema>): Pick<SurveyRepository, "findInvitationPage" | "findSurveyPage"> {
  return {
    async findInvitationPage(workspaceId, id, options = {}) {
      const { rows } = await sql<Selectable<SurveyInvitationsTable> & { page_version: string | null }>`
        select i.workspace_id, i.id, i.survey_id, i.customer_id, i.locale, i.channel, i.sent_at, i.expires_at, i.used_at,
          (select ${surveyVersion} from surveys s where s.workspace_id = i.workspace_id and s.id = i.survey_id) || '/' ||
          (select ${workspaceVersion} from workspaces w where w.id = i.workspace_id) as page_version
        from survey_invitations i
        where i.workspace_id = ${workspaceId} and i.id = ${id}
        ${options.forUpdate ? sql`for update` : sql``}`.execute(db);
      const row = rows[0];
      // no version: the survey or the workspace is gone
      return row && row.page_version !== null ? { invitation: toInvitation(row), pageVersion: row.page_version } : null;
    },

    async findSurveyPage(workspaceId, surveyId) {
      const row = await db
        .selectFrom("surveys as s")
        .innerJoin("workspaces as w", "w.id", "s.workspace_id")
        .selectAll("s")
        .select(["w.name as company", sql<string>`${surveyVersion} || '/' || ${workspaceVersion}`.as("version")])
        .where("s.workspace_id", "=", workspaceId)
        .where("s.id", "=", surveyId)
        .executeTakeFirst();
      return row ? { survey: toSurvey(row), company: row.company, version: row.version } : null;
    },
  };
}
