-- Issue 24: the relay's head test ("no earlier unpublished, unparked event of this lead") must look in the lead's own
-- events. Its index, outbox_event_pending_by_aggregate, had the same predicate as outbox_event_pending_seq, and
-- PostgreSQL could serve the test with either; with the plan made while few events were pending it chose the
-- latter: a walk of every pending event with a smaller seq for each event claimed. Behind a backlog the relay then
-- published ~1,000 events/s instead of ~3,000 (docs/benchmarks.md). The test now excludes parked events in a form no
-- index predicate is proved from, and this index holds every unpublished event, parked or not, so it is the only
-- partial index whose predicate the test implies — the same way as inbox_message_open_by_contact (V24).
create index outbox_event_open_by_aggregate on outbox_event (aggregateid, seq) where published_at is null;
drop index outbox_event_pending_by_aggregate;
