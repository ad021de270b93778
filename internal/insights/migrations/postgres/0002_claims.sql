CREATE TABLE claims (key TEXT PRIMARY KEY, expires BIGINT NOT NULL);
CREATE INDEX claims_expires ON claims (expires);
