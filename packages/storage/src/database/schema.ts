import type { ColumnType, Generated } from "kysely";

/**
 * Kysely table types, mirroring migrations/*.sql. numeric columns are read as
 * decimal strings (never floats); timestamptz as Date; date as "YYYY-MM-DD".
 */
// Optional on insert, so columns with a default use it as is: Generated<Timestamp>
// would nest two ColumnTypes and type selected values as the ColumnType, not Date.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<string, string | number, string | number>;
type NumericDefault = ColumnType<string, string | number | undefined, string | number>;
type DateOnly = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  default_currency: Generated<string>;
  default_locale: Generated<string>;
  time_zone: Generated<string>;
  settings: Json;
  created_at: Timestamp;
}

export interface UsersTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  title: string | null;
  locale: Generated<string>;
  password_hash: string | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  kind: "api" | "write_key";
  name: string;
  token_hash: string;
  prefix: string;
  role: Generated<string>;
  user_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface CustomersTable {
  workspace_id: string;
  id: string;
  external_id: string | null;
  kind: "person" | "organization";
  name: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  time_zone: string | null;
  locale: string | null;
  account_type: string | null;
  industry: string | null;
  size_band: string | null;
  owner_user_id: string | null;
  parent_customer_id: string | null;
  attributes: Json;
  first_seen_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  erased_at: Timestamp | null;
  version: Generated<number>;
}

export interface ContactsTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  external_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  role: string | null;
  locale: string | null;
  is_primary: Generated<boolean>;
  attributes: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductsTable {
  workspace_id: string;
  id: string;
  external_id: string;
  name: string;
  category: string | null;
  price: Numeric | null;
  unit_cost: Numeric | null;
  currency: Generated<string>;
  is_service: Generated<boolean>;
  attributes: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrdersTable {
  workspace_id: string;
  id: string;
  external_id: string;
  customer_id: string | null;
  ordered_at: Timestamp;
  currency: string;
  status: Generated<"completed" | "cancelled" | "returned" | "pending">;
  total: NumericDefault;
  line_count: Generated<number>;
  source: Generated<string>;
  attributes: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLinesTable {
  workspace_id: string;
  order_id: string;
  line_no: number;
  product_id: string | null;
  sku: string | null;
  description: string | null;
  quantity: Numeric;
  unit_price: Numeric;
  amount: Numeric;
  discount: NumericDefault;
}

export interface ContractsTable {
  workspace_id: string;
  id: string;
  external_id: string | null;
  customer_id: string;
  name: string;
  status: Generated<"draft" | "active" | "renewing" | "expired" | "cancelled">;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  renewal_on: DateOnly | null;
  auto_renew: Generated<boolean>;
  annual_value: NumericDefault;
  currency: string;
  discount_percent: NumericDefault;
  promotion_ends_on: DateOnly | null;
  terms: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InvoicesTable {
  workspace_id: string;
  id: string;
  external_id: string | null;
  customer_id: string;
  order_id: string | null;
  contract_id: string | null;
  issued_on: DateOnly;
  due_on: DateOnly;
  amount: Numeric;
  currency: string;
  status: Generated<"open" | "paid" | "disputed" | "void">;
  paid_on: DateOnly | null;
  disputed_at: Timestamp | null;
  dispute_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PaymentsTable {
  workspace_id: string;
  id: string;
  external_id: string | null;
  customer_id: string;
  invoice_id: string | null;
  paid_at: Timestamp;
  amount: Numeric;
  currency: string;
  method: string | null;
  created_at: Timestamp;
}

export interface EventsTable {
  workspace_id: string;
  id: string;
  customer_id: string | null;
  type: string;
  occurred_at: Timestamp;
  source: string;
  message_id: string | null;
  summary: string | null;
  properties: Json;
  created_at: Timestamp;
}

export interface IngestedMessagesTable {
  workspace_id: string;
  message_id: string;
  type: string;
  received_at: Timestamp;
}

export interface ClvFitsTable {
  workspace_id: string;
  id: string;
  model: string;
  params: Json;
  standard_errors: Json;
  log_likelihood: number;
  converged: boolean;
  customers: number;
  rows: number;
  report: Json;
  created_at: Timestamp;
}

export interface CustomerScoresTable {
  workspace_id: string;
  customer_id: string;
  fit_id: string;
  frequency: number;
  recency: number;
  age: number;
  monetary: Numeric | null;
  p_alive: number;
  expected_purchases_90: number;
  expected_purchases_365: number;
  expected_spend: Numeric | null;
  clv: Numeric | null;
  computed_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  secret_hash: string;
  csrf_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface CustomerAssignmentsTable {
  workspace_id: string;
  user_id: string;
  customer_id: string;
  assigned_at: Timestamp;
}

export interface ConsentRecordsTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  purpose: string;
  status: "granted" | "withdrawn";
  recorded_at: Timestamp;
  source: string;
  actor_id: string;
}

export interface AuditLogTable {
  workspace_id: string;
  id: string;
  occurred_at: Timestamp;
  actor_id: string;
  role: string;
  action: string;
  customer_id: string | null;
  fields: ColumnType<string[], string | undefined, never>;
  purpose: string | null;
  request_id: string;
  details: Json;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

export interface SurveysTable {
  workspace_id: string;
  id: string;
  name: string;
  kind: string;
  purpose: Generated<string>;
  questions: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  archived_at: Date | null;
}

export interface SurveyInvitationsTable {
  workspace_id: string;
  id: string;
  survey_id: string;
  customer_id: string;
  locale: string;
  channel: string;
  sent_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
}

export interface SurveyResponsesTable {
  workspace_id: string;
  id: string;
  survey_id: string;
  customer_id: string | null;
  invitation_id: string | null;
  external_id: string | null;
  source: string;
  responded_at: Date;
  locale: string | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  acsi_overall: number | null;
  acsi_expectations: number | null;
  acsi_ideal: number | null;
  comment: string | null;
  answers: Json;
  created_at: Timestamp;
}

export interface FollowUpTasksTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  response_id: string;
  owner_user_id: string | null;
  reason: string;
  status: Generated<string>;
  outcome: string | null;
  due_at: Date;
  created_at: Timestamp;
  closed_at: Date | null;
}

export interface Schema {
  workspaces: WorkspacesTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  contracts: ContractsTable;
  invoices: InvoicesTable;
  payments: PaymentsTable;
  events: EventsTable;
  ingested_messages: IngestedMessagesTable;
  clv_fits: ClvFitsTable;
  customer_scores: CustomerScoresTable;
  schema_migrations: SchemaMigrationsTable;
  sessions: SessionsTable;
  customer_assignments: CustomerAssignmentsTable;
  consent_records: ConsentRecordsTable;
  audit_log: AuditLogTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  follow_up_tasks: FollowUpTasksTable;
}
