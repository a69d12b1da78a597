-- Durable inbox: every accepted callback is stored here before WeCom gets its 200.
create table inbox_message (
    id               bigint generated always as identity primary key,
    tenant_id        text        not null,
    -- '' for the tenant's app callback, else the name of the configured callback (contacts, kf, ...)
    callback_name    text        not null default '',
    source           text        not null,
    -- WeCom retries a callback up to 3 times; this key (see docs/wecom-protocol.md) makes a retry a no-op.
    dedupe_key       text        not null,
    -- Rows of one contact are processed one at a time, in id order.
    contact_key      text        not null,
    msg_type         text        not null,
    event            text,
    change_type      text,
    from_user        text,
    msg_id           text,
    created_at_source timestamptz,
    content_length   integer     not null default 0,
    -- The decrypted inner XML: customer chat text, personal data. Cleared by the retention purge.
    payload          text,
    received_at      timestamptz not null default now(),
    status           text        not null default 'pending'
                     check (status in ('pending', 'done', 'parked')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    processed_at     timestamptz,
    parked_at        timestamptz,
    outcome          text,
    text_purged_at   timestamptz,
    constraint inbox_message_dedupe unique (tenant_id, dedupe_key)
);

-- The worker looks for the oldest pending row of each contact.
create index inbox_message_pending_by_contact
    on inbox_message (tenant_id, contact_key, id) where status = 'pending';
create index inbox_message_pending_due
    on inbox_message (next_attempt_at, id) where status = 'pending';
-- The retention purge walks rows that still hold text.
create index inbox_message_text_held
    on inbox_message (received_at) where payload is not null;
