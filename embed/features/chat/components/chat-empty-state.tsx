import type { UseQueryResult } from '@tanstack/react-query';
import { DEFAULT_ASSISTANT_NAME } from '../../../../shared/assistant-name';
import type { StarterQuestions } from '../../../../shared/schemas/chat-starters';
import { EmptyState } from '../../../ui/empty-state';
import { Skeleton } from '../../../ui/skeleton';
import '../chat.css';

export interface ChatEmptyStateProps {
  /** Asks the starter question right away. */
  onPickQuestion: (question: string) => void;
  /** Starters cannot be picked while the composer cannot be used. */
  disabled: boolean;
  /** The course's starter questions, fetched once by the view (the empty state comes back with every new chat). */
  starters: UseQueryResult<StarterQuestions>;
}

const description = (name: string) =>
  `${name} answers from this course's video transcripts and links each answer to the exact moment in the video.`;

/**
 * The conversation before the first question: the assistant as the creator named it,
 * their greeting, what it does, and starter questions (the creator's own first, then
 * ones drawn from this course's lessons). Without lessons there is
 * nothing to ask about yet, and it says so; if starters cannot load, the
 * composer still works, so the failure stays quiet.
 */
export function ChatEmptyState({ onPickQuestion, disabled, starters }: ChatEmptyStateProps) {
  const list = starters.data?.starters;
  const name = starters.data?.assistant?.name ?? DEFAULT_ASSISTANT_NAME;
  const greeting = starters.data?.assistant?.greeting ?? '';
  const title = name === DEFAULT_ASSISTANT_NAME ? 'Ask about the course videos' : `Ask ${name} about the course videos`;

  return (
    <EmptyState icon={<QuestionIcon />} title={title} description={description(name)}>
      {greeting ? <p className="chat-greeting">{greeting}</p> : null}
      {starters.isPending ? <Skeleton lines={2} label="Loading suggested questions" /> : null}
      {list !== undefined && list.length > 0 ? (
        <ul className="chip-list" aria-label="Example questions">
          {list.map((starter) => (
            <li key={starter.question}>
              <button
                type="button"
                className="chip"
                disabled={disabled}
                {...(starter.videoTitle ? { title: `From ${starter.videoTitle}` } : {})}
                onClick={() => onPickQuestion(starter.question)}
              >
                {starter.question}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {list !== undefined && list.length === 0 ? (
        <p className="empty-state__hint">
          This course has no processed lessons yet, so there is nothing to suggest. You can still ask, and {name} will
          say if the videos do not cover it.
        </p>
      ) : null}
    </EmptyState>
  );
}

function QuestionIcon() {
  return (
    <svg
      aria-hidden="true"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l.9-4.6A8 8 0 1 1 21 12Z" />
      <path d="M9.8 9.5a2.3 2.3 0 0 1 4.4.8c0 1.5-2.2 2-2.2 3.2M12 16.5h.01" />
    </svg>
  );
}
