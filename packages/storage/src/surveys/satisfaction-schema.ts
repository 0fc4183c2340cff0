import type { ColumnType, Generated, Kysely } from "kysely";
import type { Schema } from "../database/schema.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Tables and columns of migration 0009 (satisfaction triggers, feedback, per-customer summary). */
export type SatisfactionSchema = {
  survey_invitations: { trigger_kind: string | null; case_id: string | null };
  follow_up_tasks: { updated_at: Date | null; resurvey_invitation_id: string | null };
  survey_trigger_runs: {
    workspace_id: string;
    trigger_key: string;
    trigger_kind: string;
    customer_id: string;
    case_id: string | null;
    outcome: string;
    reason: string | null;
    invitation_id: string | null;
    created_at: Timestamp;
    attempts: Generated<number>;
    retry_at: Timestamp | null;
  };
  survey_trigger_settings: {
    workspace_id: string;
    enabled: boolean;
    channel: string;
    relationship_days: number;
    onboarding_days: number;
    exit_p_alive: number;
    updated_at: Timestamp;
  };
  customer_satisfaction: {
    workspace_id: string;
    customer_id: string;
    nps: number | null;
    nps_at: Date | null;
    csat: number | null;
    csat_at: Date | null;
    ces: number | null;
    ces_at: Date | null;
    acsi_n: number;
    acsi_sum1: number;
    acsi_sum2: number;
    acsi_sum3: number;
    open_follow_ups: number;
  };
  feedback_items: {
    workspace_id: string;
    id: string;
    customer_id: string | null;
    source: string;
    external_id: string | null;
    language: string;
    body: string;
    themes: string[];
    sentiment: number;
    occurred_at: Date;
    created_at: Generated<Date>;
  };
  feedback_dictionaries: {
    workspace_id: string;
    language: string;
    themes: ColumnType<unknown, string, string>;
    updated_at: Timestamp;
  };
};

/** The database with the satisfaction tables of migration 0009 typed. */
export type SatisfactionDb = Kysely<Schema & SatisfactionSchema>;

export function satisfactionDb(db: Kysely<Schema>): SatisfactionDb {
  return db.withTables<SatisfactionSchema>();
}
