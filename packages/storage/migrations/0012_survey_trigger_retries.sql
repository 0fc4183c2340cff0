-- A survey trigger whose send failed (mail server refused or down) is tried
-- again: `attempts` counts the tries, `retry_at` says when the next one is
-- due (null: not failed, or given up after the last try).
alter table survey_trigger_runs add column attempts integer not null default 1 check (attempts >= 1);
alter table survey_trigger_runs add column retry_at timestamptz;
create index survey_trigger_runs_retry on survey_trigger_runs (workspace_id, retry_at) where outcome = 'failed' and retry_at is not null;
