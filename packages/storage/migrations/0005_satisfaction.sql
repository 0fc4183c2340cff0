-- Satisfaction: surveys, one invitation (signed link) per customer and survey,
-- answers, closed-loop follow-up tasks, and feedback themes.
-- See docs/satisfaction.md.

-- A survey: its kind (which standard metric it measures), the consent purpose
-- it is sent under, and its questions (domain type SurveyQuestion[]).
create table surveys (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  name text not null,
  kind text not null check (kind in ('nps','csat','ces','acsi','custom')),
  purpose text not null default 'service' check (purpose in ('service','sales','marketing','analytics','billing')),
  questions jsonb not null,
  created_at timestamptz not null default now(),
  archived_at timestamptz,
  primary key (workspace_id, id)
);

-- One signed link per customer and survey. The link carries the invitation id
-- and its expiry signed with the server secret; only used_at makes it single-use.
create table survey_invitations (
  workspace_id text not null,
  id text not null,
  survey_id text not null,
  customer_id text not null,
  locale text not null,
  channel text not null check (channel in ('email','in_app')),
  sent_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, survey_id) references surveys (workspace_id, id) on delete cascade,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
-- the frequency cap reads the latest invitation of a customer
create index survey_invitations_customer on survey_invitations (workspace_id, customer_id, sent_at desc);
create index survey_invitations_survey on survey_invitations (workspace_id, survey_id, sent_at);

-- One answered survey. The standard items are copied out of `answers` into
-- small integer columns so the metrics are one scan of a covering index.
create table survey_responses (
  workspace_id text not null,
  id text not null,
  survey_id text not null,
  customer_id text,
  invitation_id text,
  external_id text,
  source text not null check (source in ('link','in_app','import')),
  responded_at timestamptz not null,
  locale text,
  nps smallint check (nps between 0 and 10),
  csat smallint check (csat between 1 and 5),
  ces smallint check (ces between 1 and 7),
  acsi_overall smallint check (acsi_overall between 1 and 10),
  acsi_expectations smallint check (acsi_expectations between 1 and 10),
  acsi_ideal smallint check (acsi_ideal between 1 and 10),
  comment text,
  answers jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, survey_id) references surveys (workspace_id, id) on delete cascade,
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
-- double submission of one link is idempotent: one response per invitation
create unique index survey_responses_invitation on survey_responses (workspace_id, invitation_id) where invitation_id is not null;
-- re-importing the same CSV does not count answers twice
create unique index survey_responses_external on survey_responses (workspace_id, survey_id, external_id) where external_id is not null;
create index survey_responses_time on survey_responses (workspace_id, responded_at)
  include (customer_id, nps, csat, ces, acsi_overall, acsi_expectations, acsi_ideal);
create index survey_responses_customer on survey_responses (workspace_id, customer_id, responded_at desc);

-- Closed loop: an unhappy answer opens a task for the customer's owner.
create table follow_up_tasks (
  workspace_id text not null,
  id text not null,
  customer_id text not null,
  response_id text not null,
  owner_user_id text,
  reason text not null check (reason in ('detractor','low_csat','high_effort')),
  status text not null default 'open' check (status in ('open','in_progress','done','cancelled')),
  outcome text,
  due_at timestamptz not null,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, response_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index follow_up_tasks_due on follow_up_tasks (workspace_id, due_at) where status in ('open','in_progress');
create index follow_up_tasks_owner on follow_up_tasks (workspace_id, owner_user_id, status);

-- Free-text feedback from surveys, complaints, contact-centre notes and social
-- posts, tagged with themes and a lexicon sentiment score (-1 … 1).
create table feedback_items (
  workspace_id text not null,
  id text not null,
  customer_id text,
  source text not null check (source in ('survey','complaint','note','social')),
  external_id text,
  language text not null,
  body text not null,
  themes text[] not null default '{}',
  sentiment double precision not null default 0,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create unique index feedback_items_external on feedback_items (workspace_id, source, external_id) where external_id is not null;
create index feedback_items_time on feedback_items (workspace_id, occurred_at) include (themes, sentiment);

-- A workspace's own theme dictionary for one language, replacing the default.
create table feedback_dictionaries (
  workspace_id text not null references workspaces(id) on delete cascade,
  language text not null,
  themes jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, language)
);
