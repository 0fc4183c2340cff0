-- Service recovery (docs/cases.md "Service recovery"): one recovery per case
-- marked as a company failure, its steps' timestamps, the letter (draft,
-- approved text with the signer, and the PDF exactly as it was sent), and
-- per-workspace letter templates (the defaults live in code).
create table case_recoveries (
  workspace_id text not null,
  case_id text not null,
  customer_id text not null,
  locale text not null check (locale in ('en','ja','zh','ru')),
  what_went_wrong text not null,
  root_cause text,
  corrective_action text,
  goodwill text,
  started_at timestamptz not null,
  started_by text not null,
  acknowledged_at timestamptz,
  apologised_at timestamptz,
  root_cause_at timestamptz,
  corrective_action_at timestamptz,
  letter_subject text,
  letter_body text,
  letter_drafted_at timestamptz,
  approved_at timestamptz,
  approved_by text,
  signer_name text,
  signer_title text,
  sent_at timestamptz,
  sent_to text,
  -- the PDF as mailed, kept in the database (transactional, in every backup)
  letter_pdf bytea,
  letter_sha256 text,
  follow_up_days integer not null default 14 check (follow_up_days between 1 and 365),
  follow_up_due_at timestamptz,
  follow_up_done_at timestamptz,
  follow_up_note text,
  version integer not null default 1,
  primary key (workspace_id, case_id),
  foreign key (workspace_id, case_id) references cases (workspace_id, id) on delete cascade,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  check (approved_at is null or (approved_by is not null and signer_name is not null and letter_body is not null)),
  check (sent_at is null or (approved_at is not null and letter_pdf is not null)),
  check (follow_up_done_at is null or sent_at is not null)
);
create index case_recoveries_customer on case_recoveries (workspace_id, customer_id);
create index case_recoveries_follow_up_due on case_recoveries (workspace_id, follow_up_due_at)
  where follow_up_due_at is not null and follow_up_done_at is null;

create table recovery_letter_templates (
  workspace_id text not null references workspaces(id) on delete cascade,
  locale text not null check (locale in ('en','ja','zh','ru')),
  subject text not null,
  body text not null,
  goodwill text not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, locale)
);
