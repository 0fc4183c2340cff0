import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { caseSearchOrder, openCaseStatuses, type CasePage, type CaseSearch, type CaseSort } from "@tenure/domain";
import { supportedCustomerCondition } from "../security/supported-customers.ts";
import { toCase } from "./case-row.ts";
import type { CaseDb } from "./case-tables.ts";

// Each order as its key (matching the queue indexes of 0006_cases.sql), the
// key as cursor text, and the cursor's position as a row value.
const orders: Record<CaseSort, { key: RawBuilder<unknown>; text: RawBuilder<string>; position: (value: string, id: string) => RawBuilder<unknown>; desc: boolean }> = {
  priority: {
    key: sql`(c.priority_rank, c.opened_at, c.id)`,
    text: sql<string>`c.priority_rank::text || '|' || c.opened_at::text`,
    position: (value, id) => {
      const [rank, opened] = splitOnce(value);
      return sql`(${Number(rank)}::smallint, ${opened}::timestamptz, ${id})`;
    },
    desc: false,
  },
  opened_at: { key: sql`(c.opened_at, c.id)`, text: sql<string>`c.opened_at::text`, position: (value, id) => sql`(${value}::timestamptz, ${id})`, desc: false },
  "-opened_at": { key: sql`(c.opened_at, c.id)`, text: sql<string>`c.opened_at::text`, position: (value, id) => sql`(${value}::timestamptz, ${id})`, desc: true },
};

const orderBy: Record<CaseSort, RawBuilder<unknown>> = {
  priority: sql`c.priority_rank, c.opened_at, c.id`,
  opened_at: sql`c.opened_at, c.id`,
  "-opened_at": sql`c.opened_at desc, c.id desc`,
};

function splitOnce(value: string): [string, string] {
  const at = value.indexOf("|");
  return at < 0 ? ["3", value] : [value.slice(0, at), value.slice(at + 1)];
}

function filters(workspaceId: string, search: CaseSearch): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`c.workspace_id = ${workspaceId}`];
  if (search.statuses.length > 0) {
    // The queue indexes lead with is_open: name it whenever the statuses allow.
    const open = search.statuses.map((s) => openCaseStatuses.includes(s));
    if (open.every(Boolean)) where.push(sql<SqlBool>`c.is_open`);
    else if (!open.some(Boolean)) where.push(sql<SqlBool>`not c.is_open`);
    where.push(sql<SqlBool>`c.status in (${sql.join(search.statuses)})`);
  }
  if (search.priorities.length > 0) where.push(sql<SqlBool>`c.priority in (${sql.join(search.priorities)})`);
  if (search.ownerUserId !== null) where.push(sql<SqlBool>`c.owner_user_id = ${search.ownerUserId}`);
  if (search.teamId !== null) where.push(sql<SqlBool>`c.team_id = ${search.teamId}`);
  if (search.category !== null) where.push(sql<SqlBool>`c.category = ${search.category}`);
  if (search.productId !== null) where.push(sql<SqlBool>`c.product_id = ${search.productId}`);
  if (search.customerId !== null) where.push(sql<SqlBool>`c.customer_id = ${search.customerId}`);
  if (search.knownProblemId !== null) where.push(sql<SqlBool>`c.known_problem_id = ${search.knownProblemId}`);
  if (search.q !== null) {
    const pattern = "%" + search.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`) + "%";
    where.push(sql<SqlBool>`lower(c.subject) like ${pattern}`);
  }
  const scope = search.scope;
  if (scope.kind === "owned") {
    where.push(sql<SqlBool>`exists (select 1 from customers o where o.workspace_id = c.workspace_id and o.id = c.customer_id and o.owner_user_id = ${scope.userId})`);
  }
  if (scope.kind === "supported") where.push(supportedCustomerCondition(workspaceId, scope.userId, sql`c.customer_id`));
  return where;
}

/** One page of the case queue in keyset order, and the total match count (run side by side). */
export async function searchCases(db: CaseDb, workspaceId: string, search: CaseSearch): Promise<CasePage> {
  const order = orders[search.sort];
  const where = filters(workspaceId, search);
  const page = where.slice();
  if (search.after) {
    const position = order.position(search.after.value, search.after.id);
    page.push(order.desc ? sql<SqlBool>`${order.key} < ${position}` : sql<SqlBool>`${order.key} > ${position}`);
  }
  const [rows, count] = await Promise.all([
    db
      .selectFrom("cases as c")
      .selectAll("c")
      .select(order.text.as("sort_key"))
      .where((eb) => eb.and(page))
      .orderBy(orderBy[search.sort])
      .limit(search.limit + 1)
      .execute(),
    db
      .selectFrom("cases as c")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where((eb) => eb.and(where))
      .executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > search.limit;
  const items = more ? rows.slice(0, search.limit) : rows;
  const last = items[items.length - 1];
  return {
    items: items.map(toCase),
    total: Number(count.n),
    next: more && last ? { order: caseSearchOrder(search.sort), value: last.sort_key, id: last.id } : null,
  };
}
