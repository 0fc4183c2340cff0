-- customer_satisfaction (0009) was kept by an insert trigger only: an answer
-- rescored by a re-import, moved to another customer, or deleted left the
-- customer's latest NPS/CSAT/CES and ACSI sums wrong. These statement-level
-- triggers recompute the answer part of the summary of every customer an
-- updated or deleted answer belonged to, from that customer's stored answers,
-- in the same transaction. Customers being deleted (a cascade) are skipped.
create function customer_satisfaction_recompute(p_workspaces text[], p_customers text[]) returns void language sql as $$
  insert into customer_satisfaction as cs (workspace_id, customer_id, nps, nps_at, csat, csat_at, ces, ces_at, acsi_n, acsi_sum1, acsi_sum2, acsi_sum3)
  select k.workspace_id, k.customer_id,
    (array_agg(r.nps order by r.responded_at desc, r.id desc) filter (where r.nps is not null))[1],
    max(r.responded_at) filter (where r.nps is not null),
    (array_agg(r.csat order by r.responded_at desc, r.id desc) filter (where r.csat is not null))[1],
    max(r.responded_at) filter (where r.csat is not null),
    (array_agg(r.ces order by r.responded_at desc, r.id desc) filter (where r.ces is not null))[1],
    max(r.responded_at) filter (where r.ces is not null),
    count(r.id) filter (where r.acsi_overall is not null and r.acsi_expectations is not null and r.acsi_ideal is not null),
    coalesce(sum(r.acsi_overall) filter (where r.acsi_overall is not null and r.acsi_expectations is not null and r.acsi_ideal is not null), 0),
    coalesce(sum(r.acsi_expectations) filter (where r.acsi_overall is not null and r.acsi_expectations is not null and r.acsi_ideal is not null), 0),
    coalesce(sum(r.acsi_ideal) filter (where r.acsi_overall is not null and r.acsi_expectations is not null and r.acsi_ideal is not null), 0)
  from (select distinct w as workspace_id, c as customer_id from unnest(p_workspaces, p_customers) as t(w, c)) k
  join customers cu on cu.workspace_id = k.workspace_id and cu.id = k.customer_id
  left join survey_responses r on r.workspace_id = k.workspace_id and r.customer_id = k.customer_id
  group by k.workspace_id, k.customer_id
  on conflict (workspace_id, customer_id) do update set
    nps = excluded.nps, nps_at = excluded.nps_at, csat = excluded.csat, csat_at = excluded.csat_at,
    ces = excluded.ces, ces_at = excluded.ces_at, acsi_n = excluded.acsi_n,
    acsi_sum1 = excluded.acsi_sum1, acsi_sum2 = excluded.acsi_sum2, acsi_sum3 = excluded.acsi_sum3
$$;

create function customer_satisfaction_refresh_updated() returns trigger language plpgsql as $$
begin
  perform customer_satisfaction_recompute(array_agg(workspace_id), array_agg(customer_id))
  from (select workspace_id, customer_id from old_rows union select workspace_id, customer_id from new_rows) t
  where customer_id is not null
  having count(*) > 0;
  return null;
end
$$;
create trigger survey_responses_customer_satisfaction_update after update on survey_responses
  referencing old table as old_rows new table as new_rows for each statement execute function customer_satisfaction_refresh_updated();

create function customer_satisfaction_refresh_deleted() returns trigger language plpgsql as $$
begin
  perform customer_satisfaction_recompute(array_agg(workspace_id), array_agg(customer_id))
  from (select distinct workspace_id, customer_id from old_rows) t
  where customer_id is not null
  having count(*) > 0;
  return null;
end
$$;
create trigger survey_responses_customer_satisfaction_delete after delete on survey_responses
  referencing old table as old_rows for each statement execute function customer_satisfaction_refresh_deleted();

-- Summaries already made wrong by an update or delete before this migration.
select customer_satisfaction_recompute(array_agg(workspace_id), array_agg(customer_id))
from (select distinct workspace_id, customer_id from customer_satisfaction) t
having count(*) > 0;
