-- Lead routing rules per tenant: one row per published version, each a full snapshot, so any version can be shown,
-- compared or rolled back to. Version 0 is implicit: the configured defaults (leadlistener.routing.*), in force
-- until a tenant's first edit.
create table routing_rule_version (
    tenant_id      text        not null,
    version        bigint      not null check (version > 0),
    pools          jsonb       not null,
    precedence     text[]      not null,
    default_pool   text        not null,
    published_at   timestamptz not null,
    published_by   text        not null,
    origin         text        not null check (origin in ('edit', 'rollback')),
    rolled_back_to bigint,
    -- What changed against the version before: {"pools": {"<intent>": [old, new]}, "precedence": [old, new], ...}
    changes        jsonb       not null,
    note           text,
    primary key (tenant_id, version)
);
