CREATE TABLE claims (key TEXT PRIMARY KEY, expires INTEGER NOT NULL);
CREATE INDEX claims_expires ON claims (expires);
