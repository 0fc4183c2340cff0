import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import { customerSearchOrder, type CustomerPage, type CustomerSearch } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { toCustomer } from "./customer-row.ts";
import { countCustomers, customerSearchFilters, type ScoreSortField } from "./customer-search-filters.ts";

const scoreCast: Record<ScoreSortField, string> = { clv: "numeric", p_alive: "float8" };

/**
 * One page of a customer search ordered by a score (clv or p_alive of
 * customer_scores, then id), customers without scores last in either
 * direction (as are scored ones without that score: a CLV needs the spend
 * model). Two parts read in turn, each in the order of an index: the
 * scored customers from customer_scores_<score> joined to customers, then —
 * once those run out — the unscored ones by id. A cursor carries the last
 * score (not personal data), or "" once in the unscored part.
 */
export async function searchCustomersByScore(
  db: Kysely<Schema>,
  workspaceId: string,
  search: CustomerSearch & { sort: ScoreSortField },
): Promise<CustomerPage> {
  const where = customerSearchFilters(workspaceId, search);
  const column = sql.ref(`s.${search.sort}`);
  const direction = search.direction === "asc" ? sql`asc` : sql`desc`;
  const beyond = search.direction === "asc" ? sql`>` : sql`<`;
  const after = search.after;
  const wanted = search.limit + 1;

  const scoredPart = async () => {
    if (after?.value === "") return [];
    const position: Expression<SqlBool>[] = after ? [sql<SqlBool>`(${column}, s.customer_id) ${beyond} (${after.value}::${sql.raw(scoreCast[search.sort])}, ${after.id})`] : [];
    return db
      .selectFrom("customer_scores as s")
      .innerJoin("customers as c", (join) => join.onRef("c.workspace_id", "=", "s.workspace_id").onRef("c.id", "=", "s.customer_id"))
      .selectAll("c")
      .select(sql<string>`${column}::text`.as("sort_key"))
      .where("s.workspace_id", "=", workspaceId)
      .where((eb) => eb.and([...where, sql<SqlBool>`${column} is not null`, ...position]))
      .orderBy(sql`${column} ${direction}`)
      .orderBy(sql`s.customer_id ${direction}`)
      .limit(wanted)
      .execute();
  };
  const unscoredPart = (limit: number) => {
    const position: Expression<SqlBool>[] = after?.value === "" ? [sql<SqlBool>`c.id ${beyond} ${after.id}`] : [];
    return db
      .selectFrom("customers as c")
      .selectAll("c")
      .select(sql<string>`''`.as("sort_key"))
      .where((eb) =>
        eb.and([...where, ...position, sql<SqlBool>`not exists (select 1 from customer_scores s where s.workspace_id = c.workspace_id and s.customer_id = c.id and ${column} is not null)`]),
      )
      .orderBy(sql`c.id ${direction}`)
      .limit(limit)
      .execute();
  };

  const [scored, total] = await Promise.all([scoredPart(), countCustomers(db, where)]);
  const rows = scored.length < wanted ? [...scored, ...(await unscoredPart(wanted - scored.length))] : scored;
  const more = rows.length > search.limit;
  const items = more ? rows.slice(0, search.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(toCustomer),
    total,
    next: more && last ? { order: customerSearchOrder(search), value: last.sort_key, id: last.id } : null,
  };
}
