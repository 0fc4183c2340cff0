-- The SLA recompute's bulk writes (docs/cases.md, "State, warnings and
-- escalation").
--
-- 1. case_sla and sla_alerts check their case once per statement instead of
--    once per row, as order lines do (decisions/0007): the first recompute of
--    100,000 open cases inserts 230,000 clocks and ~143,000 alerts, and the
--    two foreign keys spent ~2 s in per-row lookups. The triggers keep what
--    the keys guaranteed: a row names a case of its workspace (checked, with
--    the case locked FOR KEY SHARE as the key did), deleting a case deletes
--    its clocks and alerts, and a case's id cannot change under them.
-- 2. case_sla_unsettled was never used (the primary key serves lookups by case).
-- 3. case_sla_settled_empty: resolved or closed cases whose computation gave
--    no clock (no policy matched), so the recompute does not read them again
--    on every run; resolved_at is the end the case had then (a reopen and a
--    new resolution change it, and the case is read again).

alter table case_sla drop constraint if exists case_sla_workspace_id_case_id_fkey;
alter table sla_alerts drop constraint if exists sla_alerts_workspace_id_case_id_fkey;
drop index if exists case_sla_unsettled;

create function sla_rows_check_cases() returns trigger language plpgsql as $$
declare
  wanted bigint;
  found bigint;
begin
  select count(*) into wanted from (select distinct n.workspace_id, n.case_id from new_rows n) k;
  select count(*) into found from (
    select 1 from cases c
      join (select distinct n.workspace_id, n.case_id from new_rows n) k on c.workspace_id = k.workspace_id and c.id = k.case_id
       for key share of c) f;
  if found < wanted then
    raise exception 'a row of % names a case that does not exist', tg_table_name
      using errcode = '23503', table = tg_table_name,
            detail = (select format('Key (workspace_id, case_id)=(%s, %s) is not present in table "cases".', n.workspace_id, n.case_id)
                        from new_rows n where not exists (select 1 from cases c where c.workspace_id = n.workspace_id and c.id = n.case_id) limit 1);
  end if;
  return null;
end $$;

create trigger case_sla_cases_exist_on_insert after insert on case_sla
  referencing new table as new_rows for each statement execute function sla_rows_check_cases();
create trigger case_sla_cases_exist_on_update after update on case_sla
  referencing new table as new_rows for each statement execute function sla_rows_check_cases();
create trigger sla_alerts_cases_exist_on_insert after insert on sla_alerts
  referencing new table as new_rows for each statement execute function sla_rows_check_cases();
create trigger sla_alerts_cases_exist_on_update after update on sla_alerts
  referencing new table as new_rows for each statement execute function sla_rows_check_cases();

create table case_sla_settled_empty (
  workspace_id text not null,
  case_id text not null,
  resolved_at timestamptz not null,
  primary key (workspace_id, case_id),
  foreign key (workspace_id, case_id) references cases (workspace_id, id) on delete cascade
);

create function cases_delete_sla_rows() returns trigger language plpgsql as $$
begin
  delete from case_sla s using old_cases o where s.workspace_id = o.workspace_id and s.case_id = o.id;
  delete from sla_alerts a using old_cases o where a.workspace_id = o.workspace_id and a.case_id = o.id;
  return null;
end $$;

create trigger cases_delete_sla_rows after delete on cases
  referencing old table as old_cases for each statement execute function cases_delete_sla_rows();

create function cases_keep_id_of_sla_rows() returns trigger language plpgsql as $$
begin
  if exists (select 1 from case_sla s where s.workspace_id = old.workspace_id and s.case_id = old.id)
     or exists (select 1 from sla_alerts a where a.workspace_id = old.workspace_id and a.case_id = old.id) then
    raise exception 'case % has SLA clocks or alerts: its id and workspace cannot change', old.id using errcode = '23503', table = 'cases';
  end if;
  return new;
end $$;

create trigger cases_keep_id_of_sla_rows before update of id, workspace_id on cases
  for each row when (old.id is distinct from new.id or old.workspace_id is distinct from new.workspace_id)
  execute function cases_keep_id_of_sla_rows();
