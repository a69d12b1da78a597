-- Issue 19: the corporate tags the service asked WeCom to mark on a customer, per follow user and intent — written in
-- the transaction that enqueues the mark_tag action, so a customer is never marked twice for an intent (a
-- redelivered message or a later message with the same intent enqueues nothing new).
create table lead_customer_tag (
    lead_id     text        not null,
    follow_user text        not null,
    intent      text        not null,
    action_id   text        not null,
    enqueued_at timestamptz not null default now(),
    primary key (lead_id, follow_user, intent)
);
