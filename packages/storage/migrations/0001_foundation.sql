-- Tenure foundation schema. Every table carries workspace_id and leads its
-- primary key with it, so every lookup is scoped by workspace and the tables
-- could be distributed by workspace (Citus-style co-location).
-- Money is numeric(18,4) with an ISO 4217 currency column; never a float.

create table workspaces (
  id text primary key,
  name text not null,
  slug text not null unique,
  default_currency char(3) not null default 'USD',
  default_locale text not null default 'en',
  time_zone text not null default 'UTC',
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

-- Staff who sign in (roles and passwords are completed by the security issue).
create table users (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  email text not null,
  name text not null,
  role text not null check (role in ('admin','manager','rep','agent','analyst')),
  title text,
  locale text not null default 'en',
  password_hash text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, email)
);

-- API tokens and ingestion write keys; only a SHA-256 hash of the secret is kept.
create table api_tokens (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  kind text not null check (kind in ('api','write_key')),
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  role text not null default 'admin' check (role in ('admin','manager','rep','agent','analyst')),
  user_id text,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index api_tokens_workspace on api_tokens (workspace_id, kind);

-- A customer is an organisation (B2B account) or a person (B2C buyer).
create table customers (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  external_id text,
  kind text not null check (kind in ('person','organization')),
  name text,
  email text,
  phone text,
  country char(2),
  time_zone text,
  locale text,
  -- organisation fields
  account_type text,
  industry text,
  size_band text,
  owner_user_id text,
  -- a person may belong to an organisation
  parent_customer_id text,
  attributes jsonb not null default '{}'::jsonb,
  first_seen_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  erased_at timestamptz,
  version integer not null default 1,
  primary key (workspace_id, id)
);
create unique index customers_external on customers (workspace_id, external_id) where external_id is not null;
create index customers_email on customers (workspace_id, lower(email)) where email is not null;
create index customers_name on customers (workspace_id, lower(name) text_pattern_ops);
create index customers_owner on customers (workspace_id, owner_user_id) where owner_user_id is not null;
create index customers_created on customers (workspace_id, created_at, id);

-- People at an organisation customer.
create table contacts (
  workspace_id text not null,
  id text not null,
  customer_id text not null,
  external_id text,
  name text,
  email text,
  phone text,
  title text,
  role text,
  locale text,
  is_primary boolean not null default false,
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create unique index contacts_external on contacts (workspace_id, external_id) where external_id is not null;
create index contacts_customer on contacts (workspace_id, customer_id);

create table products (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  external_id text not null,
  name text not null,
  category text,
  price numeric(18,4),
  unit_cost numeric(18,4),
  currency char(3) not null default 'USD',
  is_service boolean not null default false,
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, external_id)
);

-- Orders; customer_id is null for anonymous orders (kept for revenue totals,
-- never used in per-customer models). Cancellations and returns are orders
-- (status cancelled/returned) whose lines carry negative quantities.
create table orders (
  workspace_id text not null,
  id text not null,
  external_id text not null,
  customer_id text,
  ordered_at timestamptz not null,
  currency char(3) not null,
  status text not null default 'completed' check (status in ('completed','cancelled','returned','pending')),
  total numeric(18,4) not null default 0,
  line_count integer not null default 0,
  source text not null default 'api',
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, external_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id)
);
create index orders_customer on orders (workspace_id, customer_id, ordered_at);
create index orders_time on orders (workspace_id, ordered_at);

create table order_lines (
  workspace_id text not null,
  order_id text not null,
  line_no integer not null,
  product_id text,
  sku text,
  description text,
  quantity numeric(18,4) not null,
  unit_price numeric(18,4) not null,
  amount numeric(18,4) not null,
  discount numeric(18,4) not null default 0,
  primary key (workspace_id, order_id, line_no),
  foreign key (workspace_id, order_id) references orders (workspace_id, id) on delete cascade
);
create index order_lines_product on order_lines (workspace_id, product_id);

-- Contracts (B2B): terms, price, discount, renewal date, promotions.
create table contracts (
  workspace_id text not null,
  id text not null,
  external_id text,
  customer_id text not null,
  name text not null,
  status text not null default 'active' check (status in ('draft','active','renewing','expired','cancelled')),
  starts_on date not null,
  ends_on date,
  renewal_on date,
  auto_renew boolean not null default false,
  annual_value numeric(18,4) not null default 0,
  currency char(3) not null,
  discount_percent numeric(6,3) not null default 0,
  promotion_ends_on date,
  terms text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create unique index contracts_external on contracts (workspace_id, external_id) where external_id is not null;
create index contracts_renewal on contracts (workspace_id, renewal_on);
create index contracts_customer on contracts (workspace_id, customer_id);

create table invoices (
  workspace_id text not null,
  id text not null,
  external_id text,
  customer_id text not null,
  order_id text,
  contract_id text,
  issued_on date not null,
  due_on date not null,
  amount numeric(18,4) not null,
  currency char(3) not null,
  status text not null default 'open' check (status in ('open','paid','disputed','void')),
  paid_on date,
  disputed_at timestamptz,
  dispute_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create unique index invoices_external on invoices (workspace_id, external_id) where external_id is not null;
create index invoices_customer on invoices (workspace_id, customer_id, due_on);

create table payments (
  workspace_id text not null,
  id text not null,
  external_id text,
  customer_id text not null,
  invoice_id text,
  paid_at timestamptz not null,
  amount numeric(18,4) not null,
  currency char(3) not null,
  method text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create unique index payments_external on payments (workspace_id, external_id) where external_id is not null;
create index payments_customer on payments (workspace_id, customer_id, paid_at);

-- The customer timeline: everything that happened, from any source.
-- message_id makes ingestion idempotent (Segment messageId, import row key).
create table events (
  workspace_id text not null,
  id text not null,
  customer_id text,
  type text not null,
  occurred_at timestamptz not null,
  source text not null,
  message_id text,
  summary text,
  properties jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index events_message on events (workspace_id, message_id) where message_id is not null;
create index events_customer_time on events (workspace_id, customer_id, occurred_at desc, id desc);

-- Idempotency ledger of ingestion messages (identify, group, order events).
create table ingested_messages (
  workspace_id text not null,
  message_id text not null,
  type text not null,
  received_at timestamptz not null default now(),
  primary key (workspace_id, message_id)
);

-- Model outputs: the latest fit per workspace and model, and per-customer scores.
create table clv_fits (
  workspace_id text not null,
  id text not null,
  model text not null,
  params jsonb not null,
  standard_errors jsonb not null,
  log_likelihood double precision not null,
  converged boolean not null,
  customers integer not null,
  rows integer not null,
  report jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index clv_fits_latest on clv_fits (workspace_id, created_at desc);

create table customer_scores (
  workspace_id text not null,
  customer_id text not null,
  fit_id text not null,
  frequency integer not null,
  recency double precision not null,
  age double precision not null,
  monetary numeric(18,4),
  p_alive double precision not null,
  expected_purchases_90 double precision not null,
  expected_purchases_365 double precision not null,
  expected_spend numeric(18,4),
  clv numeric(18,4),
  computed_at timestamptz not null default now(),
  primary key (workspace_id, customer_id),
  foreign key (workspace_id, customer_id) references customers (workspace_id, id) on delete cascade
);
create index customer_scores_clv on customer_scores (workspace_id, clv desc);
