-- A PATCH writes activations_limit, disabled and expires_at. With no index on those columns an
-- update touches only its row: PostgreSQL can update it in place (a HOT update) and H2 rewrites
-- one page instead of three. The status filter reads disabled and expires_at while it walks
-- license_keys_list in list order, which a page of results needs anyway.
DROP INDEX license_keys_by_status;
