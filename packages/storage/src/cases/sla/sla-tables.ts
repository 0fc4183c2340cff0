import type { ColumnType, Kysely } from "kysely";
import type { Schema } from "../../database/schema.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type JsonColumn = ColumnType<unknown, string, string>;

/** Kysely types (a type alias: withTables wants an index-compatible record) of the SLA tables (migrations/0007_sla_handoffs_known_problems.sql). */
export type SlaTables = {
  business_calendars: {
    workspace_id: string;
    id: string;
    name: string;
    time_zone: string | null;
    team_id: string | null;
    is_default: boolean;
    hours: JsonColumn;
    holidays: ColumnType<string[], string[], string[]>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  sla_policies: {
    workspace_id: string;
    id: string;
    name: string;
    priority: string | null;
    segment: ColumnType<unknown, string | null, string | null>;
    first_response_minutes: number | null;
    next_response_minutes: number | null;
    resolution_minutes: number | null;
    warn_at_percent: number;
    pause_on_hold: boolean;
    position: number;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  case_sla: {
    workspace_id: string;
    case_id: string;
    metric: string;
    policy_id: string;
    target_minutes: number;
    started_at: Date;
    stopped_at: Date | null;
    due_at: Date | null;
    elapsed_minutes: number | null;
    paused_minutes: number | null;
    state: string;
    warned_at: Date | null;
    breached_at: Date | null;
    settled: boolean;
    computed_at: Date;
  };
  sla_alerts: {
    workspace_id: string;
    id: string;
    case_id: string;
    metric: string;
    kind: string;
    started_at: Date;
    occurred_at: Date;
    due_at: Date | null;
    team_id: string | null;
    owner_user_id: string | null;
    notify_user_ids: string[];
    created_at: Timestamp;
  };
};

export type SlaDb = Kysely<Schema & SlaTables>;
