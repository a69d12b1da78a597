-- Issue 18, alerts: who gets a lead without an owner, per-tenant alert settings, folding and the per-member throttle.

-- Per pool, who is alerted about a lead without an owner: {"sales": {"users": ["zhangsan"], "departments": [2]}}.
-- Routing data: versioned with the pools (version 0, the configured defaults, lives in leadlistener.routing.*).
alter table routing_rule_version add column recipients jsonb not null default '{}';

-- Alert settings per tenant, one row per published version (a full snapshot), like routing_rule_version. Version 0 is
-- the configured defaults (leadlistener.actions.alerts.*), in force until a tenant's first edit.
create table alert_settings_version (
    tenant_id      text        not null,
    version        bigint      not null check (version > 0),
    settings       jsonb       not null,
    published_at   timestamptz not null,
    published_by   text        not null,
    origin         text        not null check (origin in ('edit', 'rollback')),
    rolled_back_to bigint,
    changes        jsonb       not null,
    note           text,
    primary key (tenant_id, version)
);

-- recipients: the userids an app message goes to (the per-member throttle counts them); facts: what an alert says,
-- kept structured so a later message of the same customer can be folded into a scheduled alert (the payload is then
-- rewritten — only while no attempt was made, so every resend stays identical); folded_into: the alert that carries
-- this message's intents; not_before: when the alert was due to go (the start of the customer's next window).
alter table wecom_action add column recipients text[]      not null default '{}',
                         add column facts      jsonb,
                         add column folded_into text,
                         add column not_before timestamptz not null default now();

-- The last alert of a customer (lead), for the per-customer window.
create index wecom_action_lead_alerts on wecom_action (lead_id, type, not_before) where folded_into is null;

-- One row per member per app message sent, so every replica sees how many a member got in the last minute (WeCom
-- silently drops more than about 30 per member per minute per app). Rows older than a few minutes are deleted.
create table wecom_recipient_send (
    tenant_id text        not null,
    user_id   text        not null,
    sent_at   timestamptz not null default clock_timestamp()
);
create index wecom_recipient_send_recent on wecom_recipient_send (tenant_id, user_id, sent_at);
