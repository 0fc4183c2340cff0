import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** migrations/0008_service_recovery.sql: case_recoveries. */
export interface CaseRecoveriesTable {
  workspace_id: string;
  case_id: string;
  customer_id: string;
  locale: string;
  what_went_wrong: string;
  root_cause: string | null;
  corrective_action: string | null;
  goodwill: string | null;
  started_at: Timestamp;
  started_by: string;
  acknowledged_at: NullableTimestamp;
  apologised_at: NullableTimestamp;
  root_cause_at: NullableTimestamp;
  corrective_action_at: NullableTimestamp;
  letter_subject: string | null;
  letter_body: string | null;
  letter_drafted_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  approved_by: string | null;
  signer_name: string | null;
  signer_title: string | null;
  sent_at: NullableTimestamp;
  sent_to: string | null;
  letter_pdf: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  letter_sha256: string | null;
  follow_up_days: number;
  follow_up_due_at: NullableTimestamp;
  follow_up_done_at: NullableTimestamp;
  follow_up_note: string | null;
  /** migrations/0017: when the due follow-up was reminded of */
  follow_up_reminded_at: NullableTimestamp;
  version: number;
}

/** migrations/0008_service_recovery.sql: recovery_letter_templates. */
export interface RecoveryLetterTemplatesTable {
  workspace_id: string;
  locale: string;
  subject: string;
  body: string;
  goodwill: string;
  updated_at: Timestamp;
}

/** The tables of this area, added to the shared schema with db.withTables() (a type alias: withTables needs an index-compatible type). */
export type RecoveryTables = {
  case_recoveries: CaseRecoveriesTable;
  recovery_letter_templates: RecoveryLetterTemplatesTable;
};
