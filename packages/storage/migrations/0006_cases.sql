-- Cases (docs/cases.md): support teams, the case itself and its event log,
-- which is also its status history. SLAs, handoffs, known problems (0007) and
-- service recovery (0008) build on these tables.

create table teams (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  name text not null,
  time_zone text not null default 'UTC',
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

create table cases (
  workspace_id text not null,
  id text not null,
  external_id text,
  customer_id text not null,
  contact_id text,
  subject text not null,
  description text,
  channel text not null default 'email' check (channel in ('email','phone','chat','web','social','in_person','api')),
  category text,
  product_id text,
  priority text not null default 'normal' check (priority in ('low','normal','high','urgent')),
  -- urgent first: the queue sorts by this rank, then by age
  priority_rank smallint generated always as (
    case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end
  ) stored,
  status text not null default 'new' check (status in ('new','open','pending_customer','on_hold','resolved','closed')),
  -- the queue's first split: open work (new, open, pending_customer, on_hold) or done
  is_open boolean generated always as (status in ('new','open','pending_customer','on_hold')) stored,
  owner_user_id text,
  team_id text,
  -- no foreign key here: the known problems table (0007) adds it
  known_problem_id text,
  is_company_failure boolean not null default false,
  resolution_note text,
  version integer not null default 1,
  opened_at timestamptz not null,
  first_response_at timestamptz,
  last_customer_update_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  reopen_count integer not null default 0,
  handoff_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade,
  foreign key (workspace_id, team_id) references teams (workspace_id, id),
  foreign key (workspace_id, owner_user_id) references users (workspace_id, id)
);
create unique index cases_external on cases (workspace_id, external_id) where external_id is not null;
-- Queue: (open or not) + a team / owner / status / nothing, then priority and
-- age; id breaks ties so keyset pages are stable. The count of a filtered
-- queue is an index-only range scan of the same index.
create index cases_queue_team on cases (workspace_id, is_open, team_id, priority_rank, opened_at, id) include (status);
create index cases_queue_owner on cases (workspace_id, is_open, owner_user_id, priority_rank, opened_at, id) include (status);
create index cases_queue_status on cases (workspace_id, status, priority_rank, opened_at, id);
create index cases_queue_all on cases (workspace_id, is_open, priority_rank, opened_at, id) include (status);
-- Sort by age alone (newest or oldest first) and the service metrics by period.
create index cases_opened on cases (workspace_id, opened_at, id);
create index cases_customer on cases (workspace_id, customer_id, opened_at desc);
-- The agent row rule: customers with an open or recent case the agent owns.
create index cases_owner_customer on cases (workspace_id, owner_user_id, customer_id, resolved_at) where owner_user_id is not null;
create index cases_known_problem on cases (workspace_id, known_problem_id) where known_problem_id is not null;
create index cases_resolved on cases (workspace_id, resolved_at) where resolved_at is not null;

-- What happened to a case: created, status_changed, comment, response,
-- assigned, handoff_requested, handoff_accepted, linked_problem,
-- failure_marked, ... Rows with from_status/to_status are its status history.
create table case_events (
  workspace_id text not null,
  id text not null,
  case_id text not null,
  kind text not null,
  from_status text,
  to_status text,
  actor_user_id text,
  body text,
  data jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, case_id) references cases (workspace_id, id) on delete cascade
);
create index case_events_case_time on case_events (workspace_id, case_id, occurred_at, id);
