-- The worker's and the relay's claims read pending rows in id (seq) order and stop at their limit. With an index on
-- (next_attempt_at, id) beside it, PostgreSQL chose a bitmap scan over "next_attempt_at <= now()" instead: that scan
-- reads every index entry of rows that were pending until vacuum removes them (it never marks them dead), and under
-- load each claim read ~1,300 pages and took ~17 ms to find a few dozen rows. Without it, the claims walk
-- inbox_message_pending_id / outbox_event_pending_seq from the oldest id; an ordinary index scan marks the entries of
-- finished rows dead as it passes them, so later claims skip them.
drop index inbox_message_pending_due;
drop index outbox_event_pending_due;

-- Queue tables: a row is written twice (pending, then done or published), so dead tuples pile up at the rate of
-- traffic. Vacuum them after a fixed number instead of a fifth of the table (the default), which on a table of
-- millions of processed rows would let the pending-only indexes carry hundreds of thousands of dead entries. Analyze
-- them as often: the claims' plans depend on how many rows are pending, which changes within minutes (a backlog after
-- a broker or database outage) while the table's size hardly does.
alter table inbox_message set (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 20000,
                               autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 10000,
                               autovacuum_vacuum_insert_scale_factor = 0.0,
                               autovacuum_vacuum_insert_threshold = 20000);
alter table outbox_event set (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 20000,
                              autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 10000,
                              autovacuum_vacuum_insert_scale_factor = 0.0,
                              autovacuum_vacuum_insert_threshold = 20000);
