-- The cited moment of each source is found by time within one video, on every question.
create index transcript_segments_video_time_idx on transcript_segments (video_id, start_seconds);
