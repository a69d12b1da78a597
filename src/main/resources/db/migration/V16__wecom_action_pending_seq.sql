-- The action worker claims the oldest due head of each lead in seq order (ActionClaims), like the inbox worker and the
-- outbox relay (V9). Without an index over pending rows in seq order, PostgreSQL either walked the seq constraint's
-- index from the oldest row through every done action on each claim (cost growing with the table), or — on a table not
-- yet analyzed, e.g. the first minute after the first alerts — estimated one pending row and anti-joined every pending
-- row against every other: ~2.4 s per claim at 3,000 pending rows, so under 100 messages/s the backlog fed itself
-- until autovacuum analyzed the table (docs/benchmarks.md, "Message → WeCom alert"). With it, a claim reads its 20
-- heads from the front of this index and looks each one's predecessors up in wecom_action_pending.
create index wecom_action_pending_seq on wecom_action (seq) where done_at is null and parked_at is null;
