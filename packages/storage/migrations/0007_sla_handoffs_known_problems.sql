-- SLAs, warm handoff and known problems (on top of 0006_cases).
-- See docs/cases.md, sections "SLAs", "Warm handoff" and "Known problems".

-- When a team works. A null time_zone takes the zone of the case's team
-- (teams.time_zone), so one calendar serves teams in several zones. A team
-- has at most one calendar; the workspace at most one default.
create table business_calendars (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  name text not null,
  time_zone text,
  team_id text,
  is_default boolean not null default false,
  -- {"mon":[{"start":"09:00","end":"17:00"}], ..., "sun":[]}
  hours jsonb not null,
  -- local dates on which nobody works
  holidays text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete set null (team_id)
);
create unique index business_calendars_team on business_calendars (workspace_id, team_id) where team_id is not null;
create unique index business_calendars_default on business_calendars (workspace_id) where is_default;

-- Targets in business minutes by priority (null: any) and customer segment
-- (null: every customer; {"customerKind","sizeBands","attribute":{"key","value"}}).
create table sla_policies (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  name text not null,
  priority text check (priority in ('low','normal','high','urgent')),
  segment jsonb,
  first_response_minutes integer check (first_response_minutes > 0),
  next_response_minutes integer check (next_response_minutes > 0),
  resolution_minutes integer check (resolution_minutes > 0),
  warn_at_percent smallint not null default 80 check (warn_at_percent between 1 and 99),
  pause_on_hold boolean not null default false,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

-- One SLA clock of one case, as the last recompute left it. settled: the
-- case was resolved or closed then, so the clock is final and the recompute
-- skips the case until it reopens.
create table case_sla (
  workspace_id text not null,
  case_id text not null,
  metric text not null check (metric in ('first_response','next_response','resolution')),
  policy_id text not null,
  target_minutes integer not null,
  started_at timestamptz not null,
  stopped_at timestamptz,
  due_at timestamptz,
  -- business minutes counted and paused, once the clock has stopped (a
  -- running clock's change every minute; GET /api/cases/{id}/sla computes them)
  elapsed_minutes integer,
  paused_minutes integer,
  state text not null check (state in ('running','paused','met','breached')),
  warned_at timestamptz,
  breached_at timestamptz,
  settled boolean not null default false,
  computed_at timestamptz not null,
  primary key (workspace_id, case_id, metric),
  foreign key (workspace_id, case_id) references cases (workspace_id, id) on delete cascade
);
create index case_sla_unsettled on case_sla (workspace_id, case_id) where not settled;
create index case_sla_started on case_sla (workspace_id, started_at) include (metric, state);

-- Warnings before a breach and breaches (escalations), once per clock run;
-- notify_user_ids: the owner and the leads of the case's team.
create table sla_alerts (
  workspace_id text not null,
  id text not null,
  case_id text not null,
  metric text not null check (metric in ('first_response','next_response','resolution')),
  kind text not null check (kind in ('warning','breach')),
  started_at timestamptz not null,
  occurred_at timestamptz not null,
  due_at timestamptz,
  team_id text,
  owner_user_id text,
  notify_user_ids text[] not null default '{}',
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, case_id, metric, kind, started_at),
  foreign key (workspace_id, case_id) references cases (workspace_id, id) on delete cascade
);
create index sla_alerts_recent on sla_alerts (workspace_id, occurred_at desc);

-- The responsibility map: who knows which categories (skills), products and
-- languages, in which team; lead = told of the team's SLA breaches.
create table responsibility_entries (
  workspace_id text not null,
  id text not null,
  user_id text not null,
  team_id text,
  skills text[] not null default '{}',
  product_ids text[] not null default '{}',
  languages text[] not null default '{}',
  lead boolean not null default false,
  max_open_cases integer check (max_open_cases > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references users (workspace_id, id) on delete cascade,
  foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete set null (team_id)
);
create index responsibility_entries_team on responsibility_entries (workspace_id, team_id) where lead;

-- Warm handoffs with their brief; at most one pending per case.
create table handoffs (
  workspace_id text not null,
  id text not null,
  case_id text not null,
  from_user_id text,
  to_user_id text not null,
  to_team_id text,
  problem text not null,
  tried text not null,
  customer_mood text not null,
  promised text not null,
  status text not null default 'pending' check (status in ('pending','accepted','cancelled')),
  requested_by text not null,
  requested_at timestamptz not null,
  decided_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, case_id) references cases (workspace_id, id) on delete cascade,
  foreign key (workspace_id, to_user_id) references users (workspace_id, id)
);
create unique index handoffs_one_pending on handoffs (workspace_id, case_id) where status = 'pending';
create index handoffs_inbox on handoffs (workspace_id, to_user_id, requested_at) where status = 'pending';
create index handoffs_case on handoffs (workspace_id, case_id, requested_at);

-- Product problems the company knows of; cases link to them.
create table known_problems (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  product_id text,
  title text not null,
  description text not null,
  workaround text,
  fix_status text not null default 'open' check (fix_status in ('open','investigating','fix_planned','fixed')),
  fixed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, product_id) references products (workspace_id, id) on delete set null (product_id)
);
create index known_problems_product on known_problems (workspace_id, product_id);

alter table cases add constraint cases_known_problem_fk
  foreign key (workspace_id, known_problem_id) references known_problems (workspace_id, id) on delete set null (known_problem_id);

-- SLA attainment for the service metrics: one row per decided clock
-- (met or breached), joinable to cases for team, owner, product and period.
create view case_sla_outcomes as
  select workspace_id, case_id, metric, policy_id, started_at, due_at, stopped_at, state = 'met' as met
  from case_sla
  where state in ('met','breached');
