-- Saved views of the web app's list pages (issue 7): a user's named filter
-- and sort of e.g. the customers list. Private to the user; names unique per
-- user and page.
create table saved_views (
  workspace_id text not null,
  id text not null,
  user_id text not null,
  page text not null check (page ~ '^[a-z][a-z0-9-]{0,39}$'),
  name text not null check (length(name) between 1 and 100),
  query jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references users (workspace_id, id) on delete cascade
);
create unique index saved_views_name on saved_views (workspace_id, user_id, page, lower(name));
