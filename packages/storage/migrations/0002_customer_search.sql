-- Indexes behind the customer list (GET /api/customers) and the timeline.
-- pg_trgm is not available on PGlite, so name search is a prefix match on
-- lower(name) (customers_name from 0001, text_pattern_ops) and e-mail and
-- external id are exact, case-insensitive matches.

-- Sort by name: NULL names sort as '' and byte order ("C") keeps the order
-- the same on both engines; id breaks ties so keyset pages are stable.
create index customers_name_sort on customers (workspace_id, (coalesce(lower(name), '') collate "C"), id);
create index customers_updated on customers (workspace_id, updated_at, id);
create index customers_external_lower on customers (workspace_id, lower(external_id)) where external_id is not null;
-- attr.key=value filters are jsonb containment (@>).
create index customers_attributes on customers using gin (attributes jsonb_path_ops);
-- Timeline filtered by event type.
create index events_customer_type_time on events (workspace_id, customer_id, type, occurred_at desc, id desc);
