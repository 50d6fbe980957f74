-- Each creator's chunks in a partition of their own (list partitioning on creator_id).
--
-- Every search is for one creator. In one shared table a creator is a small slice
-- (2% of the rows with 50 creators, far less with thousands), and a filtered HNSW
-- walk has to visit ~1/selectivity times more of the graph to find enough of that
-- creator's rows, while an exact scan of the slice reads every 6 KB vector out of
-- TOAST. Partitioning gives each creator their own HNSW graph and GIN index:
-- `where creator_id = $1` prunes to that partition and the search walks only that
-- creator's graph (pgvector's README suggests list partitioning for this kind of
-- filter). It is also isolation in depth: another creator's vectors are not in the
-- index a search reads. Figures: bench/retrieval-recall.bench.ts and the README.
--
-- Partitions are created with the creator (trigger below) and dropped with them.
-- There is deliberately no DEFAULT partition: a chunk with no creator partition is
-- an error, never a row in a shared bucket.

alter table chunks rename to chunks_unpartitioned;
alter sequence chunks_id_seq rename to chunks_unpartitioned_id_seq;
alter index chunks_pkey rename to chunks_unpartitioned_pkey;
alter index chunks_video_id_seq_key rename to chunks_unpartitioned_video_id_seq_key;
drop index chunks_creator_video_idx;
drop index chunks_embedding_hnsw_idx;
drop index chunks_tsv_gin_idx;

create table chunks (
  id               bigint generated always as identity,
  creator_id       text not null references creators (id) on delete cascade,
  video_id         uuid not null references videos (id) on delete cascade,
  seq              integer not null check (seq >= 0),
  start_seconds    numeric(10, 3) not null check (start_seconds >= 0),
  end_seconds      numeric(10, 3) not null check (end_seconds >= start_seconds),
  text             text not null,
  token_count      integer not null default 0,
  tsv              tsvector generated always as (to_tsvector('english', text)) stored,
  embedding        vector(1536),
  embedding_model  text,
  created_at       timestamptz not null default now(),
  -- A partitioned table's unique keys must contain the partition key.
  primary key (id, creator_id),
  constraint chunks_creator_video_seq_key unique (creator_id, video_id, seq)
) partition by list (creator_id);

/** The partition holding one creator's chunks: a fixed-length name whatever the id. */
create function chunk_partition_name(creator_id text) returns text
  language sql immutable strict
  return 'chunks_' || md5(creator_id);

-- SECURITY DEFINER: creating a table needs the schema owner's rights, which the
-- app's role (which inserts creators) should not have in general.
create function create_chunk_partition() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  execute format('create table if not exists %I partition of chunks for values in (%L)',
                 chunk_partition_name(new.id), new.id);
  return null;
end $$;

-- BEFORE the creator row goes: dropping the partition removes the chunks in one
-- step, before the foreign-key cascades run (they then find no chunks to delete).
create function drop_chunk_partition() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  execute format('drop table if exists %I', chunk_partition_name(old.id));
  return old;
end $$;

create trigger creators_chunk_partition_create after insert on creators
  for each row execute function create_chunk_partition();
create trigger creators_chunk_partition_drop before delete on creators
  for each row execute function drop_chunk_partition();

do $$
declare creator record;
begin
  for creator in select id from creators loop
    execute format('create table %I partition of chunks for values in (%L)', chunk_partition_name(creator.id), creator.id);
  end loop;
end $$;

insert into chunks (id, creator_id, video_id, seq, start_seconds, end_seconds, text, token_count, embedding, embedding_model, created_at)
  overriding system value
  select id, creator_id, video_id, seq, start_seconds, end_seconds, text, token_count, embedding, embedding_model, created_at
    from chunks_unpartitioned;
select setval(pg_get_serial_sequence('chunks', 'id'), coalesce((select max(id) from chunks), 0) + 1, false);
drop table chunks_unpartitioned;

-- Defined on the parent, so every partition (present and future) gets its own.
create index chunks_embedding_hnsw_idx on chunks using hnsw (embedding vector_cosine_ops);
create index chunks_tsv_gin_idx on chunks using gin (tsv);
