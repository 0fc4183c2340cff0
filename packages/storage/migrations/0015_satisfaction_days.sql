-- The satisfaction metrics' sufficient statistics per workspace and UTC day
-- (answers by the day of responded_at, invitations by the day of sent_at), so
-- GET /api/analytics/satisfaction without a segment reads a row a day instead
-- of every answer. Kept exact in the same transaction by statement-level
-- triggers on every insert, update, delete and truncate of the two tables.
-- See docs/satisfaction.md and docs/decisions/0009-satisfaction-day-rollup.md.
create table satisfaction_days (
  workspace_id text not null references workspaces(id) on delete cascade,
  day date not null,
  responses bigint not null default 0,
  promoters bigint not null default 0,
  passives bigint not null default 0,
  detractors bigint not null default 0,
  csat_satisfied bigint not null default 0,
  csat_responses bigint not null default 0,
  ces_sum bigint not null default 0,
  ces_responses bigint not null default 0,
  -- complete ACSI answers (all three items): count, sums, cross-product sums
  acsi_n bigint not null default 0,
  s1 bigint not null default 0,
  s2 bigint not null default 0,
  s3 bigint not null default 0,
  c11 bigint not null default 0,
  c12 bigint not null default 0,
  c13 bigint not null default 0,
  c22 bigint not null default 0,
  c23 bigint not null default 0,
  c33 bigint not null default 0,
  sent bigint not null default 0,
  answered bigint not null default 0,
  primary key (workspace_id, day)
);

-- The statement adding the rows of `changed` (a query over rows of `source`
-- with a column s: +1 for a row that arrives, −1 for one that leaves) to
-- their days. Days are locked in key order, so concurrent writers queue
-- instead of deadlocking. A day whose rows all left keeps a row of zeros.
create function satisfaction_days_statement(source text, changed text) returns text language sql as $$
  select case source
    when 'survey_responses' then format($q$
      insert into satisfaction_days as d (workspace_id, day, responses, promoters, passives, detractors, csat_satisfied, csat_responses,
        ces_sum, ces_responses, acsi_n, s1, s2, s3, c11, c12, c13, c22, c23, c33)
      select workspace_id, day, sum(s),
        sum(case when nps >= 9 then s else 0 end), sum(case when nps between 7 and 8 then s else 0 end), sum(case when nps <= 6 then s else 0 end),
        sum(case when csat >= 4 then s else 0 end), sum(case when csat is not null then s else 0 end),
        sum(s * coalesce(ces, 0)), sum(case when ces is not null then s else 0 end),
        sum(case when a1 > 0 then s else 0 end), sum(s * a1), sum(s * a2), sum(s * a3),
        sum(s * a1 * a1), sum(s * a1 * a2), sum(s * a1 * a3), sum(s * a2 * a2), sum(s * a2 * a3), sum(s * a3 * a3)
      from (
        -- a1..a3: the ACSI items of a complete answer, else 0 (the items are 1–10, so a1 > 0 means complete)
        select workspace_id, (responded_at at time zone 'UTC')::date as day, s, nps, csat, ces,
          case when complete then acsi_overall else 0 end as a1,
          case when complete then acsi_expectations else 0 end as a2,
          case when complete then acsi_ideal else 0 end as a3
        from (select r.*, r.acsi_overall is not null and r.acsi_expectations is not null and r.acsi_ideal is not null as complete from (%s) r) r
      ) c
      group by workspace_id, day order by workspace_id, day
      on conflict (workspace_id, day) do update set
        responses = d.responses + excluded.responses, promoters = d.promoters + excluded.promoters,
        passives = d.passives + excluded.passives, detractors = d.detractors + excluded.detractors,
        csat_satisfied = d.csat_satisfied + excluded.csat_satisfied, csat_responses = d.csat_responses + excluded.csat_responses,
        ces_sum = d.ces_sum + excluded.ces_sum, ces_responses = d.ces_responses + excluded.ces_responses,
        acsi_n = d.acsi_n + excluded.acsi_n, s1 = d.s1 + excluded.s1, s2 = d.s2 + excluded.s2, s3 = d.s3 + excluded.s3,
        c11 = d.c11 + excluded.c11, c12 = d.c12 + excluded.c12, c13 = d.c13 + excluded.c13,
        c22 = d.c22 + excluded.c22, c23 = d.c23 + excluded.c23, c33 = d.c33 + excluded.c33
      $q$, changed)
    when 'survey_invitations' then format($q$
      insert into satisfaction_days as d (workspace_id, day, sent, answered)
      select workspace_id, (sent_at at time zone 'UTC')::date, sum(s), sum(case when used_at is not null then s else 0 end)
      from (%s) c
      group by 1, 2 order by 1, 2
      on conflict (workspace_id, day) do update set sent = d.sent + excluded.sent, answered = d.answered + excluded.answered
      $q$, changed)
  end
$$;

-- Every day recomputed from the two tables.
create function satisfaction_days_rebuild() returns void language plpgsql as $$
begin
  delete from satisfaction_days;
  execute satisfaction_days_statement('survey_responses', 'select t.*, 1 as s from survey_responses t');
  execute satisfaction_days_statement('survey_invitations', 'select t.*, 1 as s from survey_invitations t');
end
$$;

-- One trigger function for both tables and every statement. Transition tables
-- are visible only to statements run by the trigger function itself, hence
-- the statement text and EXECUTE. Rows leaving with their workspace (a
-- workspace delete cascades here too) are skipped: their days go with it.
create function satisfaction_days_count() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    perform satisfaction_days_rebuild();
    return null;
  end if;
  execute satisfaction_days_statement(tg_table_name, case tg_op
    when 'INSERT' then 'select n.*, 1 as s from new_rows n'
    when 'DELETE' then 'select o.*, -1 as s from old_rows o where o.workspace_id in (select id from workspaces)'
    else 'select n.*, 1 as s from new_rows n union all select o.*, -1 as s from old_rows o'
  end);
  return null;
end
$$;

-- Transition tables allow one event per trigger: three triggers a table, and one for truncate.
do $$
declare
  t text;
begin
  foreach t in array array['survey_responses', 'survey_invitations'] loop
    execute format('create trigger %1$s_days_insert after insert on %1$I
      referencing new table as new_rows for each statement execute function satisfaction_days_count()', t);
    execute format('create trigger %1$s_days_update after update on %1$I
      referencing old table as old_rows new table as new_rows for each statement execute function satisfaction_days_count()', t);
    execute format('create trigger %1$s_days_delete after delete on %1$I
      referencing old table as old_rows for each statement execute function satisfaction_days_count()', t);
    execute format('create trigger %1$s_days_truncate after truncate on %1$I
      for each statement execute function satisfaction_days_count()', t);
  end loop;
end
$$;

-- Answers and invitations stored before this migration.
select satisfaction_days_rebuild();
