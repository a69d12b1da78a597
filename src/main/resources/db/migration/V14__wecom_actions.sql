-- Actions the service takes in WeCom (alerts now; customer tags and profiles next): written in the transaction that
-- changes the lead, run by ActionWorker on any replica, one at a time per lead, oldest first. The id is name-based
-- (type, tenant, source message): a redelivered message enqueues nothing new. payload is the request body exactly as
-- it is sent, so a resend after a crash is identical and WeCom's duplicate check drops it.
create table wecom_action (
    seq             bigint      generated always as identity,
    id              text        primary key,
    tenant_id       text        not null,
    lead_id         text        not null,
    type            text        not null,
    payload         text        not null,
    created_at      timestamptz not null default now(),
    done_at         timestamptz,
    outcome         text,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    errcode         integer,
    parked_at       timestamptz,
    constraint wecom_action_seq unique (seq)
);

-- The worker looks for the oldest pending action of each lead, among the due ones.
create index wecom_action_pending on wecom_action (lead_id, seq) where done_at is null and parked_at is null;
