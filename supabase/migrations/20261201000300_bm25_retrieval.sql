-- Full text that ranks like BM25 and knows the lesson it is in.
--
-- 1. Each chunk is searched with its lesson's title (`context`): names, years and
--    topics often live only there ("1990 George Bush", "Programming FAQ"). The title
--    is a field of its own (weight A) in the same tsvector, so one GIN index and one
--    term count serve both. Ingestion writes it; renaming a lesson rewrites it.
-- 2. BM25 needs, per creator, the number of chunks and their average length
--    (distinct lexemes, `length(tsv)`) besides each term's document frequency
--    (course_terms). `course_stats` keeps both, exact, from the same statement
--    triggers that keep course_terms (see server/domain/chat/retrieval-sql.ts).

-- What a chunk is searched by, in one definition for the column and the triggers.
create function chunk_search_vector(context text, body text) returns tsvector
  language sql immutable parallel safe
  return setweight(to_tsvector('english', context), 'A') || to_tsvector('english', body);

-- Stored chunks get their lesson title without paying an HNSW insert per row: an
-- UPDATE writes new row versions into every index, and a vector index insert costs
-- far more than rebuilding the index once. So the vector and full-text indexes go,
-- the titles are written (the term-count trigger is off: the counts are rebuilt
-- below), the generated column comes back with its new expression, and both
-- indexes are built again in bulk.
drop index chunks_embedding_hnsw_idx;
alter table chunks drop column tsv, add column context text not null default '';
alter table chunks disable trigger chunks_course_terms_update;
update chunks c set context = v.title from videos v where v.id = c.video_id and v.creator_id = c.creator_id;
alter table chunks enable trigger chunks_course_terms_update;
alter table chunks add column tsv tsvector generated always as (chunk_search_vector(context, text)) stored;
create index chunks_tsv_gin_idx on chunks using gin (tsv);
create index chunks_embedding_hnsw_idx on chunks using hnsw (embedding vector_cosine_ops);

create table course_stats (
  creator_id  text primary key references creators (id) on delete cascade,
  chunks      integer not null check (chunks >= 0),
  lexemes     bigint not null check (lexemes >= 0)
);

-- The one trigger function now keeps both tables. Removed rows are taken away before
-- added ones are counted, so an update never drives a count through zero. It reads
-- chunk_search_vector(context, text), not the tsv column: with a dropped column in
-- the parent (the old tsv above), a partition's rows reach a statement trigger's
-- transition table converted to the parent's layout with generated columns null.
create or replace function course_terms_count() returns trigger
  language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    with gone as (
      select c.creator_id, t.lexeme, count(*)::int as chunks
        from removed_chunks c cross join lateral unnest(tsvector_to_array(chunk_search_vector(c.context, c.text))) as t(lexeme)
       group by c.creator_id, t.lexeme
    ), lowered as (
      update course_terms ct set chunks = ct.chunks - g.chunks
        from gone g
       where ct.creator_id = g.creator_id and ct.lexeme = g.lexeme and ct.chunks > g.chunks
    )
    delete from course_terms ct
     using gone g
     where ct.creator_id = g.creator_id and ct.lexeme = g.lexeme and ct.chunks <= g.chunks;
    update course_stats s
       set chunks = greatest(s.chunks - r.chunks, 0), lexemes = greatest(s.lexemes - r.lexemes, 0)
      from (select creator_id, count(*)::int as chunks, sum(length(chunk_search_vector(context, text)))::bigint as lexemes
              from removed_chunks group by creator_id) r
     where s.creator_id = r.creator_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    -- Sorted, so concurrent writers for one creator lock the rows in the same order.
    insert into course_terms (creator_id, lexeme, chunks)
    select c.creator_id, t.lexeme, count(*)
      from added_chunks c cross join lateral unnest(tsvector_to_array(chunk_search_vector(c.context, c.text))) as t(lexeme)
     group by c.creator_id, t.lexeme
     order by c.creator_id, t.lexeme
    on conflict (creator_id, lexeme) do update set chunks = course_terms.chunks + excluded.chunks;
    insert into course_stats (creator_id, chunks, lexemes)
    select creator_id, count(*), sum(length(chunk_search_vector(context, text))) from added_chunks group by creator_id order by creator_id
    on conflict (creator_id) do update
      set chunks = course_stats.chunks + excluded.chunks, lexemes = course_stats.lexemes + excluded.lexemes;
  end if;
  return null;
end $$;

-- Chunks already stored: both counts from scratch.
delete from course_terms;
insert into course_terms (creator_id, lexeme, chunks)
select c.creator_id, t.lexeme, count(*)
  from chunks c cross join lateral unnest(tsvector_to_array(c.tsv)) as t(lexeme)
 group by c.creator_id, t.lexeme;
delete from course_stats;
insert into course_stats (creator_id, chunks, lexemes)
select creator_id, count(*), sum(length(tsv)) from chunks group by creator_id;
