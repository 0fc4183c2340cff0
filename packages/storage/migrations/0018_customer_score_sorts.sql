-- The customers list sorted by CLV or P(alive) (then id) reads these in order
-- (search-customers-by-score.ts). The new CLV index also serves the value
-- ranking that used customer_scores_clv (a backward scan is its DESC order).
drop index if exists customer_scores_clv;
create index customer_scores_clv_id on customer_scores (workspace_id, clv, customer_id);
create index customer_scores_p_alive_id on customer_scores (workspace_id, p_alive, customer_id);
