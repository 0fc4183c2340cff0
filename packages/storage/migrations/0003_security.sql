-- Security: sessions of signed-in staff, who supports which customer,
-- consent per customer and purpose (with history), and the append-only audit
-- trail. See docs/security.md.

-- A signed-in browser. Only SHA-256 hashes of the session secret (the cookie)
-- and of its CSRF token are kept.
create table sessions (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  user_id text not null,
  secret_hash text not null unique,
  csrf_hash text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  foreign key (workspace_id, user_id) references users (workspace_id, id) on delete cascade
);
create index sessions_user on sessions (workspace_id, user_id);

-- Which support agent looks after which customer. Today the agent rule
-- ("the customers it has cases with") reads this table; cases will add to it.
create table customer_assignments (
  workspace_id text not null,
  user_id text not null,
  customer_id text not null,
  assigned_at timestamptz not null default now(),
  primary key (workspace_id, user_id, customer_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, user_id) references users (workspace_id, id) on delete cascade
);
create index customer_assignments_customer on customer_assignments (workspace_id, customer_id);

-- Consent per customer and purpose. Rows are never changed: the latest row of
-- a (customer, purpose) pair is its current state, earlier rows its history.
create table consent_records (
  workspace_id text not null,
  id text not null,
  customer_id text not null,
  purpose text not null check (purpose in ('service','sales','marketing','analytics','billing')),
  status text not null check (status in ('granted','withdrawn')),
  recorded_at timestamptz not null default now(),
  source text not null,
  actor_id text not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index consent_records_latest on consent_records (workspace_id, customer_id, purpose, recorded_at desc, id desc);

-- Who saw or changed what. Never holds the personal values themselves, only
-- the names of the fields. No foreign keys: the trail outlives what it names.
create table audit_log (
  workspace_id text not null,
  id text not null,
  occurred_at timestamptz not null default now(),
  actor_id text not null,
  role text not null,
  action text not null,
  customer_id text,
  fields jsonb not null default '[]'::jsonb,
  purpose text,
  request_id text not null,
  details jsonb not null default '{}'::jsonb,
  primary key (workspace_id, id)
);
create index audit_log_time on audit_log (workspace_id, occurred_at desc, id desc);
create index audit_log_customer on audit_log (workspace_id, customer_id, occurred_at desc) where customer_id is not null;
create index audit_log_actor on audit_log (workspace_id, actor_id, occurred_at desc);

-- Append-only: the database itself refuses to change or remove audit rows.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
