-- Issue 21, personal data: customer text and profile fields also live outside inbox_message.payload. The retention
-- purge (privacy/PersonalDataRetention, leadlistener.inbox.retention.*) and the per-contact erasure
-- (privacy/ContactErasure) remove them and stamp the row here, so a scrubbed row is not scrubbed twice and on-call can
-- see when it happened. Ids, types, counts, timings, intents and offsets stay. docs/privacy.md.

-- outbox_event.payload: message.text, matches[].text, matches[].parts[].text and the profile's personal fields
alter table outbox_event add column text_purged_at timestamptz;
-- wecom_action.payload (the alert's words) and .facts (customer, lines, matched words)
alter table wecom_action add column text_purged_at timestamptz;
-- lead.profile: only non-personal keys stay (type, source, followUsers[].userId/addWay/state/createdAt); a profile
-- stored again later (profile_updated_at after this) is purged again when it ages
alter table lead add column profile_purged_at timestamptz;
-- inbox_message.tagging: the spans the customer wrote (matches[].text, suppressed[].text, parts[].text), once the
-- row's payload is gone (text_purged_at, V1)
alter table inbox_message add column tagging_purged_at timestamptz;

-- One row per erasure call, whatever it found: who asked, when, and what it cleared per table.
create table personal_data_erasure (
    id           bigint      generated always as identity primary key,
    tenant_id    text        not null,
    -- the contact as the request named it (external:wm…, user:…, api:…): an id, kept like every other id
    contact_key  text        not null,
    requested_by text        not null,
    requested_at timestamptz not null default now(),
    cleared      jsonb       not null
);
create index personal_data_erasure_by_contact on personal_data_erasure (tenant_id, contact_key);

-- The purge walks rows not yet scrubbed, oldest first, and stops at the retention boundary.
create index outbox_event_text_held on outbox_event ("timestamp") where text_purged_at is null;
create index wecom_action_text_held on wecom_action (created_at) where text_purged_at is null;
create index lead_profile_held on lead (profile_updated_at) where profile is not null;
create index inbox_message_tagging_held on inbox_message (id)
    where tagging is not null and tagging_purged_at is null and text_purged_at is not null;
