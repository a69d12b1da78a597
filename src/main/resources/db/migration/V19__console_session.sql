-- Console sessions live here, not only in the cookie, so that signing out, or a change of the credential's token,
-- ends a session on every replica at once. The cookie carries a random id; only its SHA-256 is stored.
create table console_session (
    id_hash         bytea       primary key,
    credential_name text        not null,
    -- HMAC (session key) of the credential's token digest when the session began: a new token ends the session
    token_check     bytea       not null,
    created_at      timestamptz not null default clock_timestamp(),
    expires_at      timestamptz not null,
    ended_at        timestamptz
);

create index console_session_expires_at on console_session (expires_at);
