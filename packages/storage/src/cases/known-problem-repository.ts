import { sql, type ColumnType, type Kysely, type Selectable } from "kysely";
import type { KnownProblem, KnownProblemFixStatus, KnownProblemRepository, WeeklySeries } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";

/** Kysely type of known_problems (migrations/0007_sla_handoffs_known_problems.sql). */
type KnownProblemTables = {
  known_problems: {
    workspace_id: string;
    id: string;
    product_id: string | null;
    title: string;
    description: string;
    workaround: string | null;
    fix_status: string;
    fixed_at: Date | null;
    created_at: ColumnType<Date, Date | string | undefined, Date | string>;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
};

type Row = Selectable<KnownProblemTables["known_problems"]> & { case_count: string | number };

function toProblem(row: Row): KnownProblem {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    productId: row.product_id,
    title: row.title,
    description: row.description,
    workaround: row.workaround,
    fixStatus: row.fix_status as KnownProblemFixStatus,
    fixedAt: row.fixed_at,
    caseCount: Number(row.case_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const weekMs = 7 * 86_400_000;

/** Monday 00:00 UTC of the ISO week containing `at`. */
function weekStart(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000);
}

/** KnownProblemRepository on known_problems and cases. */
export function createKnownProblemRepository(base: Kysely<Schema>): KnownProblemRepository {
  const db = base.withTables<KnownProblemTables>();
  const withCount = () =>
    db
      .selectFrom("known_problems as k")
      .selectAll("k")
      .select(sql<string>`(select count(*) from cases c where c.workspace_id = k.workspace_id and c.known_problem_id = k.id)`.as("case_count"));
  return {
    async list(workspaceId, query) {
      let select = withCount().where("k.workspace_id", "=", workspaceId);
      if (query.fixStatus) select = select.where("k.fix_status", "=", query.fixStatus);
      if (query.productId) select = select.where("k.product_id", "=", query.productId);
      const rows = await select.orderBy("k.updated_at", "desc").orderBy("k.id").limit(query.limit).execute();
      return rows.map(toProblem);
    },
    async find(workspaceId, id, options = {}) {
      let select = withCount().where("k.workspace_id", "=", workspaceId).where("k.id", "=", id);
      if (options.forUpdate) select = select.forUpdate();
      const row = await select.executeTakeFirst();
      return row ? toProblem(row) : null;
    },
    async save(problem) {
      const values = {
        product_id: problem.productId,
        title: problem.title,
        description: problem.description,
        workaround: problem.workaround,
        fix_status: problem.fixStatus,
        fixed_at: problem.fixedAt,
        updated_at: problem.updatedAt,
      };
      await db
        .insertInto("known_problems")
        .values({ workspace_id: problem.workspaceId, id: problem.id, created_at: problem.createdAt, ...values })
        .onConflict((oc) => oc.columns(["workspace_id", "id"]).doUpdateSet(values))
        .execute();
    },
    async delete(workspaceId, id) {
      const result = await db.deleteFrom("known_problems").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async productExists(workspaceId, productId) {
      const row = await db.selectFrom("products").select("id").where("workspace_id", "=", workspaceId).where("id", "=", productId).executeTakeFirst();
      return row !== undefined;
    },
    async linkCase(workspaceId, caseId, knownProblemId) {
      const result = await sql`
        update cases set known_problem_id = ${knownProblemId}, version = version + 1, updated_at = now()
        where workspace_id = ${workspaceId} and id = ${caseId}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
    async weeklyCounts(workspaceId, asOf, weeks) {
      const last = weekStart(asOf);
      const first = new Date(last.getTime() - (weeks - 1) * weekMs);
      const end = new Date(last.getTime() + weekMs);
      const result = await sql<{ dimension: "category" | "product"; key: string; week: number; n: string }>`
        with opened as (
          select category, product_id, floor(extract(epoch from (opened_at - ${first}::timestamptz)) / ${weekMs / 1000})::int as week
          from cases where workspace_id = ${workspaceId} and opened_at >= ${first} and opened_at < ${end}
        )
        select 'category' as dimension, category as key, week, count(*) as n from opened where category is not null group by category, week
        union all
        select 'product', product_id, week, count(*) from opened where product_id is not null group by product_id, week`.execute(db);
      const series = new Map<string, WeeklySeries & { counts: number[] }>();
      for (const row of result.rows) {
        const id = `${row.dimension}:${row.key}`;
        let entry = series.get(id);
        if (!entry) {
          entry = { dimension: row.dimension, key: row.key, counts: new Array<number>(weeks).fill(0) };
          series.set(id, entry);
        }
        entry.counts[row.week] = Number(row.n);
      }
      return [...series.values()].filter((s) => (s.counts[weeks - 1] ?? 0) > 0);
    },
  };
}
