-- A lead is one (tenant, contact). See docs/events/README.md for the identity rules.
create table lead (
    lead_id          text        primary key,
    tenant_id        text        not null,
    contact_kind     text        not null check (contact_kind in ('external', 'internal', 'api')),
    contact_id       text        not null,
    channel          text        not null,
    channel_state    text,
    owner_user_id    text,
    pool             text,
    routing_intent   text,
    routing_version  bigint,
    intent_counts    jsonb       not null default '{}'::jsonb,
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null
);
-- lead_id is a name-based UUID of (tenant, kind, contact), so the primary key is what keeps a contact to one lead;
-- a second unique constraint on the same columns would make racing first sightings fail instead of merge.
create index lead_by_contact on lead (tenant_id, contact_kind, contact_id);

-- Transactional outbox, Debezium-compatible columns (id, aggregatetype, aggregateid, type, timestamp, payload).
-- Written in the same transaction as the lead change and the inbox row's completion; relayed to Kafka later.
create table outbox_event (
    seq             bigint      generated always as identity,
    -- The deterministic CloudEvents id: a replayed message inserts nothing new.
    id              text        primary key,
    aggregatetype   text        not null,
    aggregateid     text        not null,
    type            text        not null,
    "timestamp"     timestamptz not null,
    payload         text        not null,
    published_at    timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    parked_at       timestamptz,
    constraint outbox_event_seq unique (seq)
);

-- The relay looks for the oldest unpublished, unparked event of each lead.
create index outbox_event_pending_by_aggregate
    on outbox_event (aggregateid, seq) where published_at is null and parked_at is null;
create index outbox_event_pending_due
    on outbox_event (next_attempt_at, seq) where published_at is null and parked_at is null;
create index outbox_event_published
    on outbox_event (published_at) where published_at is not null;
