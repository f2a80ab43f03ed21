-- API keys may belong to one brand of their business, and remember when they were last used.
ALTER TABLE api_keys ADD COLUMN brand_id VARCHAR(64);
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
