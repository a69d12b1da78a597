-- Issue 24: room on each page for the next version of a row, so that updates which change no indexed column are HOT
-- (heap-only: no new entry in any index, and the old version is pruned from the page without a vacuum).
-- - lead: every tagged message updates its lead's last_seen_at and intent_counts, neither indexed (V22 keeps them
--   unindexed for this reason), while the lead carries six indexes.
-- - lead_stats_hourly: the counters' upserts change only value, many times an hour per row.
-- Applies to pages written from now on; existing pages gain the room as they are rewritten.
alter table lead set (fillfactor = 80);
alter table lead_stats_hourly set (fillfactor = 50);
