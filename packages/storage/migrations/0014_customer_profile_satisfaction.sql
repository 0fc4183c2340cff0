-- The customer page in one round trip again: customer_profile() (0004) now
-- also returns the customer's row of customer_satisfaction (kept by the
-- triggers of 0009), which GET /api/customers/{id} read with a second query;
-- null satisfaction means no answers or tasks yet. Contacts and events are
-- built as arrays of json_build_object instead of json_agg over a subquery:
-- the same JSON values without an aggregate and a subquery scan to set up
-- on every call. The order summary is as before (cancellations and returns
-- subtract whatever sign their total was stored with).
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
      'orders', (select json_build_object(
          'order_count', count(*) filter (where status = 'completed'),
          'first_order_at', min(ordered_at) filter (where status = 'completed'),
          'last_order_at', max(ordered_at) filter (where status = 'completed'),
          'revenue', coalesce(sum(case when status = 'completed' then total
                                       when status in ('cancelled', 'returned') then -abs(total) end), 0)::text)
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
