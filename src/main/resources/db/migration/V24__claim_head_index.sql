-- Issue 24: the worker's head test ("no earlier pending row of this contact") must look in the contact's own rows.
-- Its old index had the same predicate as inbox_message_pending_id (status = 'pending'), and with statistics taken
-- while few rows were pending PostgreSQL chose that one for the test: a walk of every pending row with a smaller id,
-- for each candidate — a claim ran for seconds under a burst (auto_explain in docs/benchmarks.md). The test now names
-- the statuses it excludes, which implies only this index's predicate, so no other index can serve it.
create index inbox_message_open_by_contact on inbox_message (tenant_id, contact_key, id)
    where status <> 'done' and status <> 'parked';
drop index inbox_message_pending_by_contact;
