-- A customer's revenue added up orders in different currencies. The order
-- summary of customer_profile() (0004, 0014) now sums per currency:
-- `revenue_by_currency` lists every currency's revenue, the currency of most
-- of the customer's completed orders first (ties: alphabetical); the API's
-- `currency` and `revenue` are that first entry. The index the summary
-- reads now carries the currency, so it stays an index-only scan. The rest
-- of the function is as in 0014.
drop index if exists orders_customer_totals;
create index orders_customer_totals on orders (workspace_id, customer_id) include (status, total, ordered_at, currency);

-- The order summary per currency, the currency of most completed orders
-- first (ties: alphabetical); customer_profile() calls it only for a
-- customer whose orders are in more than one currency.
create function customer_orders_by_currency(p_workspace_id text, p_customer_id text) returns json
language sql stable as $$
  select json_build_object(
      'order_count', sum(completed),
      'first_order_at', min(first_at),
      'last_order_at', max(last_at),
      'revenue_by_currency', json_agg(json_build_object('currency', currency, 'revenue', revenue::text) order by completed desc, currency))
  from (select currency,
      count(*) filter (where status = 'completed') as completed,
      min(ordered_at) filter (where status = 'completed') as first_at,
      max(ordered_at) filter (where status = 'completed') as last_at,
      coalesce(sum(case when status = 'completed' then total when status in ('cancelled', 'returned') then -abs(total) end), 0) as revenue
    from orders where workspace_id = p_workspace_id and customer_id = p_customer_id
    group by currency) per_currency
$$;

create or replace function customer_profile(p_workspace_id text, p_customer_id text, p_recent_events integer) returns json
language plpgsql stable as $$
begin
  return (
    select json_build_object(
      'customer', row_to_json(c),
      'contacts', array_to_json(array(
          select json_build_object('id', id, 'customer_id', customer_id, 'external_id', external_id, 'name', name,
                                   'email', email, 'phone', phone, 'title', title, 'role', role, 'locale', locale, 'is_primary', is_primary)
          from contacts where workspace_id = p_workspace_id and customer_id = p_customer_id
          order by is_primary desc, name, id limit 200)),
      -- One pass when all orders share a currency (the usual case); amounts in
      -- different currencies are never added: then the per-currency function.
      'orders', (select case when min(currency) is distinct from max(currency) then customer_orders_by_currency(p_workspace_id, p_customer_id)
          else json_build_object(
            'order_count', count(*) filter (where status = 'completed'),
            'first_order_at', min(ordered_at) filter (where status = 'completed'),
            'last_order_at', max(ordered_at) filter (where status = 'completed'),
            'revenue_by_currency', case when min(currency) is null then '[]'::json else json_build_array(json_build_object('currency', min(currency),
                'revenue', coalesce(sum(case when status = 'completed' then total when status in ('cancelled', 'returned') then -abs(total) end), 0)::text)) end)
          end
        from orders where workspace_id = p_workspace_id and customer_id = p_customer_id),
      'events', array_to_json(array(
          select json_build_object('id', id, 'customer_id', customer_id, 'type', type, 'occurred_at', occurred_at,
                                   'source', source, 'summary', summary, 'properties', properties)
          from events where workspace_id = p_workspace_id and customer_id = p_customer_id
          order by occurred_at desc, id desc limit p_recent_events)),
      'scores', (select json_build_object('fit_id', fit_id, 'frequency', frequency, 'recency', recency, 'age', age,
          'monetary', monetary::text, 'p_alive', p_alive, 'expected_purchases_90', expected_purchases_90,
          'expected_purchases_365', expected_purchases_365, 'expected_spend', expected_spend::text,
          'clv', clv::text, 'computed_at', computed_at)
        from customer_scores where workspace_id = p_workspace_id and customer_id = p_customer_id),
      'satisfaction', (select json_build_object('nps', nps, 'nps_at', nps_at, 'csat', csat, 'csat_at', csat_at,
          'ces', ces, 'ces_at', ces_at, 'acsi_n', acsi_n, 'acsi_sum1', acsi_sum1, 'acsi_sum2', acsi_sum2,
          'acsi_sum3', acsi_sum3, 'open_follow_ups', open_follow_ups)
        from customer_satisfaction where workspace_id = p_workspace_id and customer_id = p_customer_id))
    from customers c
    where c.workspace_id = p_workspace_id and c.id = p_customer_id);
end
$$;
