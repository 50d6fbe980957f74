-- In how many of a creator's chunks each search term (english lexeme) occurs.
--
-- Full-text retrieval ORs a question's terms and ranks the matches. Postgres'
-- ts_rank knows nothing of how common a term is, and a word found in most of a
-- course's passages ("trade" in a trading course) matches, and makes Postgres rank,
-- nearly every chunk while telling none of them apart. Retrieval keeps only the
-- question's terms that are rare enough in this creator's course (an inverse
-- document frequency cut, as BM25 would weigh them near zero); see
-- server/domain/chat/retrieval-sql.ts. Kept exact by statement triggers on chunks,
-- whatever writes them (ingestion, reprocessing, deletes and their cascades).

create table course_terms (
  creator_id  text not null references creators (id) on delete cascade,
  lexeme      text not null,
  chunks      integer not null check (chunks > 0),
  primary key (creator_id, lexeme)
);

-- One function for the three triggers: a delete takes its chunks' terms away, an
-- insert adds them, an update (text rewritten in place; ingestion replaces chunks
-- instead) does both. Taking away first never drives a count through zero: a term's
-- row is lowered while other chunks still hold it, and deleted once none does.
create function course_terms_count() returns trigger
  language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    with gone as (
      select c.creator_id, t.lexeme, count(*)::int as chunks
        from removed_chunks c cross join lateral unnest(tsvector_to_array(c.tsv)) as t(lexeme)
       group by c.creator_id, t.lexeme
    ), lowered as (
      update course_terms ct set chunks = ct.chunks - g.chunks
        from gone g
       where ct.creator_id = g.creator_id and ct.lexeme = g.lexeme and ct.chunks > g.chunks
    )
    delete from course_terms ct
     using gone g
     where ct.creator_id = g.creator_id and ct.lexeme = g.lexeme and ct.chunks <= g.chunks;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    -- Sorted, so concurrent writers for one creator lock the rows in the same order.
    insert into course_terms (creator_id, lexeme, chunks)
    select c.creator_id, t.lexeme, count(*)
      from added_chunks c cross join lateral unnest(tsvector_to_array(c.tsv)) as t(lexeme)
     group by c.creator_id, t.lexeme
     order by c.creator_id, t.lexeme
    on conflict (creator_id, lexeme) do update set chunks = course_terms.chunks + excluded.chunks;
  end if;
  return null;
end $$;

create trigger chunks_course_terms_insert after insert on chunks
  referencing new table as added_chunks
  for each statement execute function course_terms_count();
create trigger chunks_course_terms_delete after delete on chunks
  referencing old table as removed_chunks
  for each statement execute function course_terms_count();
create trigger chunks_course_terms_update after update on chunks
  referencing old table as removed_chunks new table as added_chunks
  for each statement execute function course_terms_count();

-- Chunks already stored.
insert into course_terms (creator_id, lexeme, chunks)
select c.creator_id, t.lexeme, count(*)
  from chunks c cross join lateral unnest(tsvector_to_array(c.tsv)) as t(lexeme)
 group by c.creator_id, t.lexeme;
