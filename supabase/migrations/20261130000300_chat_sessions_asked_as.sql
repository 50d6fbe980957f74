-- Who asked: a student, or the creator trying their own course in the student view.
-- The creator's Questions tab shows what students ask; the creator's own trials stay
-- out of it (they still count in costs: they were paid for). Sessions from before
-- this column cannot be told apart and count as students'.
alter table chat_sessions
  add column asked_as text not null default 'student' check (asked_as in ('student', 'creator'));
