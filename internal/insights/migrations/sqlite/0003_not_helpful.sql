-- An answer marked Not helpful is kept apart from the questions that got
-- no answer: source is 'no_match' or 'not_helpful', and section is the
-- section that answered (empty for no_match).
ALTER TABLE unanswered ADD COLUMN source TEXT NOT NULL DEFAULT 'no_match';
ALTER TABLE unanswered ADD COLUMN section TEXT NOT NULL DEFAULT '';
