import type { ColumnType, Kysely } from "kysely";
import type { Schema } from "../database/schema.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Kysely types (a type alias: withTables wants an index-compatible record) of the handoff tables (migrations/0007_sla_handoffs_known_problems.sql). */
export type HandoffTables = {
  responsibility_entries: {
    workspace_id: string;
    id: string;
    user_id: string;
    team_id: string | null;
    skills: string[];
    product_ids: string[];
    languages: string[];
    lead: boolean;
    max_open_cases: number | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  handoffs: {
    workspace_id: string;
    id: string;
    case_id: string;
    from_user_id: string | null;
    to_user_id: string;
    to_team_id: string | null;
    problem: string;
    tried: string;
    customer_mood: string;
    promised: string;
    status: string;
    requested_by: string;
    requested_at: Date;
    decided_at: Date | null;
  };
};

export type HandoffDb = Kysely<Schema & HandoffTables>;
