import type { Selectable } from "kysely";
import type { BusinessCalendar, SlaPolicy, SlaPriority, SlaSegment, Weekday, WorkingPeriod } from "@tenure/domain";
import { AppError } from "@tenure/shared";
import { isUniqueViolation } from "../../database/unique-violation.ts";
import type { SlaDb, SlaTables } from "./sla-tables.ts";

function toPolicy(row: Selectable<SlaTables["sla_policies"]>): SlaPolicy {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    name: row.name,
    priority: row.priority as SlaPriority | null,
    segment: (row.segment ?? null) as SlaSegment | null,
    firstResponseMinutes: row.first_response_minutes,
    nextResponseMinutes: row.next_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    warnAtPercent: row.warn_at_percent,
    pauseOnHold: row.pause_on_hold,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toCalendar(row: Selectable<SlaTables["business_calendars"]>): BusinessCalendar {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    teamId: row.team_id,
    isDefault: row.is_default,
    hours: row.hours as Record<Weekday, WorkingPeriod[]>,
    holidays: row.holidays,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** CRUD of SLA policies and business calendars. */
export function createSlaConfiguration(db: SlaDb) {
  return {
    async listPolicies(workspaceId: string): Promise<SlaPolicy[]> {
      const rows = await db.selectFrom("sla_policies").selectAll().where("workspace_id", "=", workspaceId).orderBy("position").orderBy("id").execute();
      return rows.map(toPolicy);
    },
    async findPolicy(workspaceId: string, id: string): Promise<SlaPolicy | null> {
      const row = await db.selectFrom("sla_policies").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return row ? toPolicy(row) : null;
    },
    async savePolicy(policy: SlaPolicy): Promise<void> {
      const values = {
        name: policy.name,
        priority: policy.priority,
        segment: policy.segment ? JSON.stringify(policy.segment) : null,
        first_response_minutes: policy.firstResponseMinutes,
        next_response_minutes: policy.nextResponseMinutes,
        resolution_minutes: policy.resolutionMinutes,
        warn_at_percent: policy.warnAtPercent,
        pause_on_hold: policy.pauseOnHold,
        position: policy.position,
        updated_at: policy.updatedAt,
      };
      await db
        .insertInto("sla_policies")
        .values({ workspace_id: policy.workspaceId, id: policy.id, created_at: policy.createdAt, ...values })
        .onConflict((oc) => oc.columns(["workspace_id", "id"]).doUpdateSet(values))
        .execute();
    },
    async deletePolicy(workspaceId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom("sla_policies").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async listCalendars(workspaceId: string): Promise<BusinessCalendar[]> {
      const rows = await db.selectFrom("business_calendars").selectAll().where("workspace_id", "=", workspaceId).orderBy("name").orderBy("id").execute();
      return rows.map(toCalendar);
    },
    async findCalendar(workspaceId: string, id: string): Promise<BusinessCalendar | null> {
      const row = await db.selectFrom("business_calendars").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return row ? toCalendar(row) : null;
    },
    async saveCalendar(calendar: BusinessCalendar): Promise<void> {
      const values = {
        name: calendar.name,
        time_zone: calendar.timeZone,
        team_id: calendar.teamId,
        is_default: calendar.isDefault,
        hours: JSON.stringify(calendar.hours),
        holidays: calendar.holidays,
        updated_at: calendar.updatedAt,
      };
      try {
        await db
          .insertInto("business_calendars")
          .values({ workspace_id: calendar.workspaceId, id: calendar.id, created_at: calendar.createdAt, ...values })
          .onConflict((oc) => oc.columns(["workspace_id", "id"]).doUpdateSet(values))
          .execute();
      } catch (error) {
        if (isUniqueViolation(error, "business_calendars_team")) throw new AppError("calendar_team_taken", "conflict", `Team ${calendar.teamId} already has a calendar.`, { field: "team_id" });
        if (isUniqueViolation(error, "business_calendars_default")) throw new AppError("calendar_default_taken", "conflict", "The workspace already has a default calendar.", { field: "is_default" });
        if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23503") throw new AppError("team_not_found", "invalid_input", `Team ${calendar.teamId} does not exist.`, { field: "team_id" });
        throw error;
      }
    },
    async deleteCalendar(workspaceId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom("business_calendars").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
