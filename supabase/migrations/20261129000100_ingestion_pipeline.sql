-- The ingestion pipeline: uploads, audio parts, resumable stages, progress and ETA.

alter table videos
  add column transcript_source      text check (transcript_source in ('captions', 'transcription')),
  add column language               text,
  -- When the current pipeline run and its current stage began (for the ETA).
  add column processing_started_at  timestamptz,
  add column stage_started_at       timestamptz,
  -- An upload never completed by then is swept and its quota freed.
  add column upload_expires_at      timestamptz,
  -- Set when a worker takes the job; a job whose lease ran out is taken over (crash recovery).
  add column lease_expires_at       timestamptz;

-- Videos with work left, for resuming after a restart and sweeping abandoned uploads.
create index videos_unfinished_idx on videos (status, updated_at)
  where status in ('pending', 'transcribing', 'chunking', 'embedding');

-- The audio of a video, cut into parts under the transcription limit. Each part's
-- transcript is kept once it is had, so a crash or retry never pays for it twice.
create table video_audio_parts (
  video_id          uuid not null references videos (id) on delete cascade,
  creator_id        text not null references creators (id) on delete cascade,
  seq               integer not null check (seq >= 0),
  storage_key       text not null,
  offset_seconds    numeric(10, 3) not null check (offset_seconds >= 0),
  duration_seconds  numeric(10, 3) not null check (duration_seconds > 0),
  size_bytes        bigint not null check (size_bytes > 0),
  -- [{ "startSeconds", "endSeconds", "text" }] in video time, or null until transcribed.
  transcript        jsonb,
  language          text,
  transcribed_at    timestamptz,
  primary key (video_id, seq)
);
create index video_audio_parts_creator_idx on video_audio_parts (creator_id, video_id);

-- The run that holds the lease; a run that lost it (a takeover after a crash) can no longer write.
alter table videos add column lease_token uuid;
