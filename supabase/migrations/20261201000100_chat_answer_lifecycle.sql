-- An answer's row is written when its question is counted, before the stream starts,
-- with status 'streaming' and the chat_usage period the question was taken from.
-- Whatever ends the answer (done, failure, a stop, or the reconcile after a crash)
-- settles the row in the same statement that gives the question back, so a question
-- is given back at most once, and never lost when the process dies mid-stream.
alter table chat_messages drop constraint chat_messages_status_check;
alter table chat_messages
  add constraint chat_messages_status_check check (status in ('streaming', 'complete', 'failed', 'stopped'));

-- The period (chat_usage.period_start) this answer holds a question in; null when it
-- costs nothing (a creator asking, a question given back, or a user message).
alter table chat_messages add column quota_period date;

-- The reconcile looks for answers left streaming: few rows, so a small partial index.
create index chat_messages_streaming_idx on chat_messages (created_at) where status = 'streaming';
