-- 微信客服: the kf/sync_msg cursor of each 客服账号 (open_kfid), advanced in the transaction that stores the
-- page of messages it was returned with: a restart resumes after the last stored page, never before or beyond it.
create table kf_cursor (
    tenant_id   text        not null,
    open_kfid   text        not null,
    cursor      text        not null,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, open_kfid)
);
