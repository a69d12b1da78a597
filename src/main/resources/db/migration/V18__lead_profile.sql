-- Issue 19: WeCom's profile of the customer (name, company, follow users with their remarks), fetched by the action
-- worker and published as lead.profile-updated.v1 when profile_hash changes. Personal data: the retention and erasure
-- rules of the personal-data issue cover it.
alter table lead add column profile            jsonb,
                 add column profile_hash       text,
                 add column profile_updated_at timestamptz;
