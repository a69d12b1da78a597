-- The inbox worker and the outbox relay claim the oldest due heads in id (seq) order. Without an index over pending
-- rows alone, PostgreSQL walked the primary key (the seq constraint) from the oldest row, through every processed
-- one, on each claim: the cost grew with the table.
create index inbox_message_pending_id on inbox_message (id) where status = 'pending';
create index outbox_event_pending_seq on outbox_event (seq) where published_at is null and parked_at is null;
