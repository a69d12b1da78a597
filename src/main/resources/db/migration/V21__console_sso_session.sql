-- Single sign-on sessions carry their role and tenants from the ID token's claims (there is no configured credential
-- to look them up in, and no token whose change could end them); token-credential sessions leave both null.
alter table console_session alter column token_check drop not null,
                            add column role    text,
                            add column tenants text,
                            add constraint console_session_kind check ((role is null) <> (token_check is null));
