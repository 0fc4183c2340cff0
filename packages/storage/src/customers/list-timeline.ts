import { sql, type Kysely, type SqlBool } from "kysely";
import { timelineOrder, type TimelinePage, type TimelineQuery } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";

/** A page of one customer's events, newest first, on index events_customer_time. */
export async function listTimeline(db: Kysely<Schema>, workspaceId: string, customerId: string, query: TimelineQuery): Promise<TimelinePage> {
  let select = db
    .selectFrom("events")
    .select(["id", "customer_id", "type", "occurred_at", "source", "summary", "properties", sql<string>`occurred_at::text`.as("sort_key")])
    .where("workspace_id", "=", workspaceId)
    .where("customer_id", "=", customerId);
  if (query.types.length > 0) select = select.where("type", "in", query.types);
  const after = query.after;
  if (after) select = select.where(sql<SqlBool>`(occurred_at, id) < (${after.value}::timestamptz, ${after.id})`);
  const rows = await select.orderBy("occurred_at", "desc").orderBy("id", "desc").limit(query.limit + 1).execute();
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      type: r.type,
      occurredAt: r.occurred_at,
      source: r.source,
      summary: r.summary,
      properties: r.properties,
    })),
    next: more && last ? { order: timelineOrder, value: last.sort_key, id: last.id } : null,
  };
}
