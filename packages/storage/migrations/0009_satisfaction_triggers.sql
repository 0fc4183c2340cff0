-- Satisfaction, second part: feedback sources as the API names them,
-- automatic survey triggers (idempotent per trigger), follow-up re-surveys,
-- and a per-customer satisfaction summary kept by triggers so the customer
-- page reads it with one primary-key lookup. See docs/satisfaction.md.

-- Feedback sources: survey comments, complaints, contact-centre notes, social posts, other.
alter table feedback_items drop constraint feedback_items_source_check;
update feedback_items set source = 'contact_centre' where source = 'note';
alter table feedback_items add constraint feedback_items_source_check
  check (source in ('survey','complaint','contact_centre','social','other'));
create index feedback_items_customer on feedback_items (workspace_id, customer_id, occurred_at desc) where customer_id is not null;

-- Automatic triggers: what sent an invitation, and the case it follows.
alter table survey_invitations add column trigger_kind text
  check (trigger_kind in ('case_resolved','relationship','onboarding','exit','follow_up'));
alter table survey_invitations add column case_id text;

-- One row per trigger ever evaluated, sent or skipped: the key makes a
-- trigger fire once (e.g. 'case_resolved:<case id>', 'relationship:<customer>:<window>').
create table survey_trigger_runs (
  workspace_id text not null references workspaces(id) on delete cascade,
  trigger_key text not null,
  trigger_kind text not null check (trigger_kind in ('case_resolved','relationship','onboarding','exit')),
  customer_id text not null,
  case_id text,
  outcome text not null check (outcome in ('sent','skipped','failed')),
  reason text,
  invitation_id text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, trigger_key),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index survey_trigger_runs_customer on survey_trigger_runs (workspace_id, customer_id, trigger_kind, created_at desc);

-- Per-workspace trigger settings; a workspace without a row has triggers off.
create table survey_trigger_settings (
  workspace_id text primary key references workspaces(id) on delete cascade,
  enabled boolean not null default false,
  channel text not null default 'email' check (channel in ('email','in_app')),
  relationship_days integer not null default 90 check (relationship_days between 7 and 3650),
  onboarding_days integer not null default 30 check (onboarding_days between 1 and 3650),
  exit_p_alive double precision not null default 0.3 check (exit_p_alive > 0 and exit_p_alive < 1),
  updated_at timestamptz not null default now()
);

-- Follow-ups: when they changed, and the one re-survey that may skip the frequency cap.
alter table follow_up_tasks add column updated_at timestamptz;
alter table follow_up_tasks add column resurvey_invitation_id text;
create index follow_up_tasks_customer on follow_up_tasks (workspace_id, customer_id) where status in ('open','in_progress');

-- The customer's own satisfaction, for GET /api/customers/{id}: the latest
-- NPS, CSAT and CES answers, ACSI sums (the customer's CSI) and open
-- follow-ups. Kept by the triggers below in the same transaction as the
-- answers and tasks, so it is never stale and costs one lookup to read.
create table customer_satisfaction (
  workspace_id text not null,
  customer_id text not null,
  nps smallint,
  nps_at timestamptz,
  csat smallint,
  csat_at timestamptz,
  ces smallint,
  ces_at timestamptz,
  acsi_n integer not null default 0,
  acsi_sum1 integer not null default 0,
  acsi_sum2 integer not null default 0,
  acsi_sum3 integer not null default 0,
  open_follow_ups integer not null default 0,
  primary key (workspace_id, customer_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);

-- Statement-level: a bulk insert (import, demo COPY) is one aggregate, not a trigger per row.
create function customer_satisfaction_add_responses() returns trigger language plpgsql as $$
begin
  insert into customer_satisfaction as cs (workspace_id, customer_id, nps, nps_at, csat, csat_at, ces, ces_at, acsi_n, acsi_sum1, acsi_sum2, acsi_sum3)
  select workspace_id, customer_id,
    (array_agg(nps order by responded_at desc, id desc) filter (where nps is not null))[1],
    max(responded_at) filter (where nps is not null),
    (array_agg(csat order by responded_at desc, id desc) filter (where csat is not null))[1],
    max(responded_at) filter (where csat is not null),
    (array_agg(ces order by responded_at desc, id desc) filter (where ces is not null))[1],
    max(responded_at) filter (where ces is not null),
    count(*) filter (where acsi_overall is not null and acsi_expectations is not null and acsi_ideal is not null),
    coalesce(sum(acsi_overall) filter (where acsi_overall is not null and acsi_expectations is not null and acsi_ideal is not null), 0),
    coalesce(sum(acsi_expectations) filter (where acsi_overall is not null and acsi_expectations is not null and acsi_ideal is not null), 0),
    coalesce(sum(acsi_ideal) filter (where acsi_overall is not null and acsi_expectations is not null and acsi_ideal is not null), 0)
  from new_rows where customer_id is not null
  group by workspace_id, customer_id
  on conflict (workspace_id, customer_id) do update set
    nps = case when excluded.nps_at >= coalesce(cs.nps_at, excluded.nps_at) then excluded.nps else cs.nps end,
    nps_at = greatest(cs.nps_at, excluded.nps_at),
    csat = case when excluded.csat_at >= coalesce(cs.csat_at, excluded.csat_at) then excluded.csat else cs.csat end,
    csat_at = greatest(cs.csat_at, excluded.csat_at),
    ces = case when excluded.ces_at >= coalesce(cs.ces_at, excluded.ces_at) then excluded.ces else cs.ces end,
    ces_at = greatest(cs.ces_at, excluded.ces_at),
    acsi_n = cs.acsi_n + excluded.acsi_n,
    acsi_sum1 = cs.acsi_sum1 + excluded.acsi_sum1,
    acsi_sum2 = cs.acsi_sum2 + excluded.acsi_sum2,
    acsi_sum3 = cs.acsi_sum3 + excluded.acsi_sum3;
  return null;
end
$$;
create trigger survey_responses_customer_satisfaction after insert on survey_responses
  referencing new table as new_rows for each statement execute function customer_satisfaction_add_responses();

create function customer_satisfaction_count_follow_ups() returns trigger language plpgsql as $$
begin
  insert into customer_satisfaction as cs (workspace_id, customer_id, open_follow_ups)
  values (new.workspace_id, new.customer_id, (select count(*) from follow_up_tasks f
    where f.workspace_id = new.workspace_id and f.customer_id = new.customer_id and f.status in ('open','in_progress')))
  on conflict (workspace_id, customer_id) do update set open_follow_ups = excluded.open_follow_ups;
  return null;
end
$$;
create trigger follow_up_tasks_customer_satisfaction after insert or update of status on follow_up_tasks
  for each row execute function customer_satisfaction_count_follow_ups();

-- Answers and tasks stored before this migration: rewriting them in one
-- statement fires the triggers above once (upgrades only; a new database is empty).
with moved as (delete from survey_responses returning *)
insert into survey_responses select * from moved;
update follow_up_tasks set status = status where status in ('open','in_progress');
