-- Lessons in the creator's order, grouped into modules.
--
-- A lesson is a video (completed ones are what students see). `videos.position`
-- orders lessons (null: never placed, so it follows the placed ones in upload
-- order); `videos.module_id` groups them (null: not in a module). Modules have
-- their own position. Kept deliberately plain: an import from Whop Courses maps
-- chapters onto course_modules and lessons onto position/module_id.

create table course_modules (
  id          uuid primary key default gen_random_uuid(),
  creator_id  text not null references creators (id) on delete cascade,
  title       text not null check (length(title) between 1 and 120),
  position    integer not null default 0 check (position >= 0),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  -- The target of videos' composite key: a lesson can only join its own creator's module.
  unique (id, creator_id)
);
create index course_modules_creator_position_idx on course_modules (creator_id, position);

alter table videos add column position integer check (position is null or position >= 0);
alter table videos add column module_id uuid;
-- Deleting a module leaves its lessons ungrouped (only module_id is cleared, creator_id stays).
alter table videos add constraint videos_module_fk
  foreign key (module_id, creator_id) references course_modules (id, creator_id) on delete set null (module_id);
create index videos_creator_position_idx on videos (creator_id, position);
