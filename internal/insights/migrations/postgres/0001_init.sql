CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reply_counts (
  day TEXT NOT NULL, surface TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
  section TEXT NOT NULL, version TEXT NOT NULL, n BIGINT NOT NULL,
  PRIMARY KEY (day, surface, kind, reason, section, version)
);
CREATE TABLE replies (
  id TEXT PRIMARY KEY, section TEXT NOT NULL, version TEXT NOT NULL, at BIGINT NOT NULL
);
CREATE INDEX replies_at ON replies (at);
CREATE TABLE feedback (
  reply_id TEXT NOT NULL, asker TEXT NOT NULL, section TEXT NOT NULL, version TEXT NOT NULL,
  helpful BIGINT NOT NULL, at BIGINT NOT NULL,
  PRIMARY KEY (reply_id, asker)
);
CREATE INDEX feedback_at ON feedback (at);
CREATE TABLE unanswered (
  id TEXT PRIMARY KEY, text TEXT NOT NULL, count BIGINT NOT NULL,
  first_at BIGINT NOT NULL, last_at BIGINT NOT NULL
);
CREATE TABLE unanswered_askers (
  group_id TEXT NOT NULL, asker TEXT NOT NULL, at BIGINT NOT NULL,
  PRIMARY KEY (group_id, asker)
);
