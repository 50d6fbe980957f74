-- Lessons imported from Whop Courses take their place in the creator's outline: each Whop
-- chapter becomes a module (found again by its chapter id on re-import), each lesson its
-- chapter's position. Only lessons the creator has never placed are moved
-- (place-imported-lessons.ts), so a creator's own arrangement survives a re-import.
alter table course_modules add column whop_chapter_id text check (whop_chapter_id is null or length(whop_chapter_id) between 1 and 100);
create unique index course_modules_whop_chapter_idx on course_modules (creator_id, whop_chapter_id) where whop_chapter_id is not null;
