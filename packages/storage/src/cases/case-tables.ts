import type { ColumnType, Generated, Kysely } from "kysely";
import type { Schema } from "../database/schema.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type JsonObject = ColumnType<Record<string, unknown>, string | undefined, string>;

/** Kysely types of the case core tables (migrations/0006_cases.sql). */
export type CaseTables = {
  teams: {
    workspace_id: string;
    id: string;
    name: string;
    time_zone: Generated<string>;
    created_at: Timestamp;
  };
  cases: {
    workspace_id: string;
    id: string;
    external_id: string | null;
    customer_id: string;
    contact_id: string | null;
    subject: string;
    description: string | null;
    channel: string;
    category: string | null;
    product_id: string | null;
    priority: string;
    priority_rank: ColumnType<number, never, never>;
    status: string;
    is_open: ColumnType<boolean, never, never>;
    owner_user_id: string | null;
    team_id: string | null;
    known_problem_id: string | null;
    is_company_failure: boolean;
    resolution_note: string | null;
    version: Generated<number>;
    opened_at: Timestamp;
    first_response_at: Date | null;
    last_customer_update_at: Date | null;
    resolved_at: Date | null;
    closed_at: Date | null;
    reopen_count: Generated<number>;
    handoff_count: Generated<number>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  case_events: {
    workspace_id: string;
    id: string;
    case_id: string;
    kind: string;
    from_status: string | null;
    to_status: string | null;
    actor_user_id: string | null;
    body: string | null;
    data: JsonObject;
    occurred_at: Timestamp;
    created_at: Generated<Date>;
  };
};

export type CaseDb = Kysely<Schema & CaseTables>;
