-- Intent rules are business data, edited at runtime by sales ops. Rule sets: 'default' (the shipped dictionary,
-- layered under every tenant) and one per tenant. See docs/intent-rules.md.

-- One number line for every published version of every rule set, so a tenant's effective version
-- (max of its own and default's) grows whenever either changes.
create sequence intent_rule_version_seq;
create sequence intent_rule_id_seq;

create table intent_definition (
    rule_set    text        not null,
    name        text        not null,
    label       text        not null default '',
    description text        not null default '',
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    primary key (rule_set, name)
);

-- The working copy of a rule set's own rules; published as a whole into a new version.
create table intent_rule_draft (
    rule_set   text        not null,
    rule_id    bigint      not null default nextval('intent_rule_id_seq'),
    intent     text        not null,
    kind       text        not null,
    keyword    text        not null,
    enabled    boolean     not null default true,
    note       text        not null default '',
    updated_at timestamptz not null default now(),
    updated_by text        not null,
    primary key (rule_set, rule_id),
    constraint intent_rule_draft_unique unique (rule_set, intent, kind, keyword)
);

-- A rule set whose draft has been initialised from its latest version.
create table intent_rule_set (
    rule_set   text        primary key,
    created_at timestamptz not null default now()
);

create table intent_rule_version (
    version      bigint      primary key,
    rule_set     text        not null,
    published_at timestamptz not null default now(),
    published_by text        not null,
    origin       text        not null check (origin in ('seed', 'publish', 'rollback')),
    rolled_back_to bigint,
    rule_count   integer     not null
);
create index intent_rule_version_by_set on intent_rule_version (rule_set, version desc);

-- Full snapshot of the rules of each published version: history, diff and rollback read it directly.
create table intent_rule_version_rule (
    version bigint  not null references intent_rule_version (version),
    rule_id bigint  not null,
    intent  text    not null,
    kind    text    not null,
    keyword text    not null,
    enabled boolean not null,
    note    text    not null,
    primary key (version, rule_id)
);

create table intent_rule_audit (
    id        bigint      generated always as identity primary key,
    rule_set  text        not null,
    version   bigint,
    actor     text        not null,
    at        timestamptz not null default now(),
    action    text        not null,
    changes   text        not null
);
create index intent_rule_audit_by_set on intent_rule_audit (rule_set, id desc);

-- What the worker found in each message: kept after the retention purge (tags, not text).
alter table inbox_message add column intents text[];
alter table inbox_message add column rule_set_version bigint;
alter table inbox_message add column tagging text;
