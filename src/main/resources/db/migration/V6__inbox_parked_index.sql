-- Parked rows are few and looked at often (wellness check, admin list): a partial index keeps counting them cheap
-- however many processed rows the table holds.
create index inbox_message_parked on inbox_message (tenant_id, id) where status = 'parked';
