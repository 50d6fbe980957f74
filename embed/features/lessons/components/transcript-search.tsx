import { type FormEvent, useEffect, useState } from 'react';
import { formatTimestamp } from '../../../../shared/format';
import { MAX_SEARCH_CHARS, type SearchHit } from '../../../../shared/schemas/lessons';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Link } from '../../../ui/link';
import { useTranscriptSearch } from '../api/search-transcripts';
import '../lessons.css';

export interface TranscriptSearchProps {
  /** The search in the address (`?q=`), so a hit's page can go back to the results. */
  query: string;
  onSearch: (query: string) => void;
  /** Where a hit opens: its lesson at its second. */
  hitHref: (hit: SearchHit) => string;
}

/** Search across all the course's transcripts; each hit shows the matched words marked and opens the lesson there. */
export function TranscriptSearch({ query, onSearch, hitHref }: TranscriptSearchProps) {
  const [draft, setDraft] = useState(query);
  useEffect(() => setDraft(query), [query]);
  const { state, loadMore, retry } = useTranscriptSearch(query);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim());
  };

  return (
    <section className="transcript-search" aria-labelledby="transcript-search-title">
      <h2 id="transcript-search-title" className="lessons__heading">
        Search the transcripts
      </h2>
      <form role="search" className="transcript-search__form" onSubmit={submit}>
        <label htmlFor="transcript-search-input" className="visually-hidden">
          Search what the lessons say
        </label>
        <input
          id="transcript-search-input"
          className="transcript-search__input"
          type="search"
          value={draft}
          maxLength={MAX_SEARCH_CHARS}
          placeholder="Search what the lessons say, e.g. hydration"
          onChange={(event) => setDraft(event.target.value)}
        />
        <Button type="submit" variant="primary" disabled={draft.trim() === ''}>
          Search
        </Button>
      </form>
      <SearchOutcome query={query} state={state} hitHref={hitHref} onMore={loadMore} onRetry={retry} />
    </section>
  );
}

function SearchOutcome({
  query,
  state,
  hitHref,
  onMore,
  onRetry,
}: {
  query: string;
  state: ReturnType<typeof useTranscriptSearch>['state'];
  hitHref: (hit: SearchHit) => string;
  onMore: () => void;
  onRetry: () => void;
}) {
  if (state.status === 'idle') return null;
  const hits = state.hits;
  return (
    <div className="transcript-search__results">
      <p className="visually-hidden" role="status" aria-live="polite">
        {state.status === 'loading'
          ? 'Searching…'
          : state.status === 'success'
            ? `${hits.length} ${hits.length === 1 ? 'moment' : 'moments'} found.`
            : ''}
      </p>
      {state.status === 'success' && hits.length === 0 ? (
        <p className="transcript-search__none">No lesson says “{query}”. Try fewer or other words.</p>
      ) : null}
      {hits.length > 0 ? (
        <ol className="transcript-search__hits" aria-label={`Moments that say “${query}”`}>
          {hits.map((hit) => (
            <li key={`${hit.videoId}@${hit.startSeconds}`}>
              <Link href={hitHref(hit)} className="transcript-search__hit">
                <span className="transcript-search__where">
                  {hit.videoTitle} · {formatTimestamp(hit.startSeconds)}
                </span>
                <span className="transcript-search__snippet">
                  {hit.snippet.map((part, i) =>
                    part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      ) : null}
      {state.status === 'loading' ? <p className="transcript-search__none">Searching…</p> : null}
      {state.status === 'error' ? (
        <ErrorNotice error={state.error} title="The search failed" onRetry={onRetry} compact />
      ) : null}
      {state.status === 'success' && state.nextOffset !== null ? (
        <Button onClick={onMore} className="transcript-search__more">
          More moments
        </Button>
      ) : null}
    </div>
  );
}
