import { sql, type Insertable, type Kysely } from "kysely";
import type { FeedbackItem, FeedbackRepository, ThemeDictionary } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { satisfactionDb, type SatisfactionSchema } from "../surveys/satisfaction-schema.ts";

/** FeedbackRepository on feedback_items and feedback_dictionaries (migrations 0005, 0009). */
export function createFeedbackRepository(base: Kysely<Schema>): FeedbackRepository {
  const db = satisfactionDb(base);
  return {
    async insertFeedback(item) {
      const row = await db.insertInto("feedback_items").values(feedbackRow(item)).onConflict((oc) => oc.doNothing()).returning("id").executeTakeFirst();
      return row !== undefined;
    },

    async insertFeedbackItems(items) {
      let stored = 0;
      for (let i = 0; i < items.length; i += 1000) {
        const rows = items.slice(i, i + 1000).map(feedbackRow);
        if (rows.length > 0) stored += (await db.insertInto("feedback_items").values(rows).onConflict((oc) => oc.doNothing()).returning("id").execute()).length;
      }
      return stored;
    },

    async themeWeekCounts(workspaceId, query) {
      // weeks start on Monday 00:00 UTC (date_trunc('week') is ISO)
      const result = await sql<{ theme: string; week: string; count: string; sentiment: number }>`
        select t.theme, to_char(date_trunc('week', f.occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
          count(*) as count, avg(f.sentiment) as sentiment
        from feedback_items f cross join lateral unnest(f.themes) as t(theme)
        where f.workspace_id = ${workspaceId} and f.occurred_at >= ${query.from} and f.occurred_at < ${query.to}
        group by 1, 2 order by 1, 2`.execute(db);
      return result.rows.map((r) => ({ theme: r.theme, week: r.week, count: Number(r.count), sentiment: Math.round(Number(r.sentiment) * 1000) / 1000 }));
    },

    async findDictionary(workspaceId, language) {
      const row = await db.selectFrom("feedback_dictionaries").select("themes").where("workspace_id", "=", workspaceId).where("language", "=", language).executeTakeFirst();
      return row ? (row.themes as ThemeDictionary) : null;
    },

    async saveDictionary(workspaceId, language, themes, at) {
      await db
        .insertInto("feedback_dictionaries")
        .values({ workspace_id: workspaceId, language, themes: JSON.stringify(themes), updated_at: at })
        .onConflict((oc) => oc.columns(["workspace_id", "language"]).doUpdateSet({ themes: JSON.stringify(themes), updated_at: at }))
        .execute();
    },
  };
}

function feedbackRow(item: FeedbackItem): Insertable<SatisfactionSchema["feedback_items"]> {
  return {
    workspace_id: item.workspaceId,
    id: item.id,
    customer_id: item.customerId,
    source: item.source,
    external_id: item.externalId,
    language: item.language,
    body: item.body,
    themes: item.themes,
    sentiment: item.sentiment,
    occurred_at: item.occurredAt,
    created_at: item.createdAt,
  };
}
