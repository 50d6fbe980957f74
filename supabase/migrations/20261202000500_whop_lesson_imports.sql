-- Lessons imported from Whop Courses: which Chronos video holds which Whop lesson, and
-- where the lesson sits in its course (Whop's chapter and lesson order, kept explicit so
-- the lessons list can follow the creator's order). One row per creator and Whop lesson:
-- a re-import finds its row and updates it instead of adding a second video.
create table whop_lesson_imports (
  creator_id        text not null references creators (id) on delete cascade,
  whop_lesson_id    text not null check (length(whop_lesson_id) between 1 and 100),
  -- Null only while the first import of the lesson is writing its video (a claim).
  video_id          uuid references videos (id) on delete set null,
  course_id         text not null check (length(course_id) between 1 and 100),
  course_title      text not null check (length(course_title) <= 300),
  chapter_id        text not null check (length(chapter_id) between 1 and 100),
  chapter_title     text not null check (length(chapter_title) <= 300),
  chapter_order     integer not null,
  lesson_order      integer not null,
  lesson_title      text not null check (length(lesson_title) <= 300),
  -- Mux asset of the lesson: what the player streams (public or signed playback id).
  mux_asset_id      text,
  mux_playback_id   text,
  mux_playback_signed boolean not null default false,
  -- Hash of what the transcript came from (asset id, its update time, captions text):
  -- a different hash on re-import means the lesson is processed again.
  content_hash      text not null,
  transcript_from   text not null check (transcript_from in ('captions', 'audio')),
  -- Set when a re-import no longer finds the lesson in Whop (reported, never deleted silently).
  removed_at        timestamptz,
  imported_at       timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  primary key (creator_id, whop_lesson_id)
);

create index whop_lesson_imports_video_idx on whop_lesson_imports (creator_id, video_id);
create index whop_lesson_imports_course_idx on whop_lesson_imports (creator_id, course_id, chapter_order, lesson_order);
