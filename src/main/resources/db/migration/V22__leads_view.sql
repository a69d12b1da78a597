-- Issue 22: leads readable without Kafka (GET .../leads, .../leads/{id}, .../stats; docs/leads-api.md).

-- Newest-first keyset pages walk the order leads were inserted in: an identity never goes back, so a page boundary
-- stays where it was while new leads arrive (they sort above the first page). created_at is when the callback that
-- created the lead arrived, for the createdFrom/createdTo filters and the stats' hour.
alter table lead add column created_seq bigint generated always as identity;
alter table lead add column created_at timestamptz;
update lead set created_at = first_seen_at;
alter table lead alter column created_at set not null;
alter table lead alter column created_at set default now();
alter table lead add constraint lead_created_seq unique (created_seq);
-- The customer deleted the salesperson (lead.contact-removed.v1); cleared when a salesperson adds them again.
alter table lead add column contact_removed_at timestamptz;
-- What q searches: the customer's name and the remarks their salespeople gave them, lower-cased. Generated from the
-- profile, so the retention purge and the erasure (which rewrite the profile) clear it too.
alter table lead add column search_text text generated always as (
    lower(coalesce(profile ->> 'name', '') || ' ' || coalesce(profile ->> 'corpName', '') || ' '
          || coalesce(jsonb_path_query_array(profile, '$.followUsers[*].remark')::text, ''))) stored;

-- One index per single filter the list offers, each ending in the page order. None on last_seen_at or
-- intent_counts: both change with every message, and indexing them would turn each lead update into a non-HOT one;
-- those filters walk lead_newest instead (measured in docs/benchmarks.md).
create index lead_newest on lead (tenant_id, created_seq desc);
create index lead_by_owner on lead (tenant_id, owner_user_id, created_seq desc);
create index lead_by_pool on lead (tenant_id, pool, created_seq desc);
create index lead_by_channel on lead (tenant_id, channel, created_seq desc);
create index lead_by_created_at on lead (tenant_id, created_at);

-- A lead's timeline reads its tagged messages and contact events from the inbox (text from the payload while
-- retention keeps it, matched spans from tagging): only those rows are indexed, not every chat line.
create index inbox_message_timeline on inbox_message (tenant_id, contact_key, id)
    where cardinality(intents) > 0 or change_type is not null;
-- ... and the actions taken in WeCom about the lead.
create index wecom_action_by_lead on wecom_action (lead_id, seq);

-- Events as Kafka acknowledged them, written by the relay in the statement that marks them published: the outbox may
-- delete published rows (leadlistener.events.relay.published-retention) without the timeline losing them. No text.
create table lead_event_published (
    event_id     text        primary key,
    lead_id      text        not null,
    type         text        not null,
    event_time   timestamptz not null,
    published_at timestamptz not null
);
create index lead_event_published_by_lead on lead_event_published (lead_id, published_at);
insert into lead_event_published (event_id, lead_id, type, event_time, published_at)
select id, aggregateid, type, "timestamp", published_at from outbox_event where published_at is not null;

-- Which events measure capture latency (callback → published): the lead.intent-tagged.v1 of a message's first
-- processing. A re-tag's event carries the original callback's time and would count hours of waiting as latency.
alter table outbox_event add column first_capture boolean not null default false;

-- Hourly counters for GET .../stats, written in the transaction that did the counted thing (stats/HourlyCounters):
--   leads_created   ('' | intent | pool | channel)   the hour of lead.created_at
--   messages_tagged ('' | intent | pool | channel)   the hour the message's callback arrived (first processing only)
--   alerts_sent     ('')                             the hour WeCom accepted the alert
--   capture_latency (bucket: histogram bucket index) the hour the message's callback arrived
-- shard spreads concurrent writers (pg_backend_pid() % 16) over rows, so two workers' transactions seldom wait on
-- the same counter row; readers sum the shards.
create table lead_stats_hourly (
    tenant_id text     not null,
    hour      timestamptz not null,
    measure   text     not null,
    dimension text     not null,
    key       text     not null,
    shard     smallint not null,
    value     bigint   not null,
    primary key (tenant_id, hour, measure, dimension, key, shard)
);

-- What this service already did before the counters existed: leads and their tagged messages (pool and channel as
-- the lead has them now) and alerts sent. Latency is not reconstructed (re-tag events cannot be told apart).
insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value)
select tenant_id, date_trunc('hour', created_at, 'UTC'), 'leads_created', dimension, key, 0, count(*)
from lead
cross join lateral (values ('', ''), ('pool', pool), ('channel', channel)) as d(dimension, key)
where key is not null
group by 1, 2, 4, 5;

insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value)
select m.tenant_id, date_trunc('hour', m.received_at, 'UTC'), 'messages_tagged', d.dimension, d.key, 0, count(*)
from inbox_message m
join lead l on l.tenant_id = m.tenant_id
    and l.contact_kind = case when m.contact_key like 'user:%' then 'internal' else split_part(m.contact_key, ':', 1) end
    and l.contact_id = substr(m.contact_key, strpos(m.contact_key, ':') + 1)
cross join lateral (select '' as dimension, '' as key
                    union all select 'intent', unnest(m.intents)
                    union all select 'pool', l.pool
                    union all select 'channel', l.channel) as d
where cardinality(m.intents) > 0 and d.key is not null
group by 1, 2, 4, 5;

insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value)
select tenant_id, date_trunc('hour', done_at, 'UTC'), 'alerts_sent', '', '', 0, count(*)
from wecom_action
where done_at is not null and outcome is distinct from 'purged' and folded_into is null
  and (type in ('alert', 'contact-alert', 'digest') or type like 'robot-%')
group by 1, 2;
