-- Due recovery follow-ups remind the case's owner once (docs/cases.md,
-- "Service recovery"): the recovery-follow-ups job sets this when it records
-- the reminder (case event recovery.follow_up_due and the customer's
-- timeline), so a reminder is raised once however often the job runs.
alter table case_recoveries add column follow_up_reminded_at timestamptz;
