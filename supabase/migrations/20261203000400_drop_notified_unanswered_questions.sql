-- The "unanswered N times" notification was replaced by content-gap notices
-- (20261203000300_content_gap_checks): nothing reads or writes this table since.
drop table if exists notified_unanswered_questions;
