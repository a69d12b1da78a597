-- Re-tag jobs: after a publish, revisit the messages of the last N days with the new rule version and emit
-- lead.intent-tagged.v1 for those whose intents changed. The job's messages are fixed at creation as an id range
-- (messages arriving later are tagged by the worker with the new version anyway); last_inbox_id is its cursor.
create table retag_job (
    id               bigint      generated always as identity primary key,
    tenant_id        text        not null,
    rule_set_version bigint      not null,
    days             integer     not null,
    window_from      timestamptz not null,
    window_to        timestamptz not null,
    first_inbox_id   bigint      not null,
    last_inbox_id    bigint      not null,
    cursor_inbox_id  bigint      not null,
    status           text        not null default 'queued'
                     check (status in ('queued', 'running', 'completed', 'cancelled', 'failed')),
    total            integer     not null,
    processed        integer     not null default 0,
    changed          integer     not null default 0,
    events_emitted   integer     not null default 0,
    requested_by     text        not null,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    error            text
);

-- One job at a time per tenant: a second one would re-tag the same messages in parallel.
create unique index retag_job_one_active_per_tenant on retag_job (tenant_id) where status in ('queued', 'running');
create index retag_job_by_tenant on retag_job (tenant_id, id);
