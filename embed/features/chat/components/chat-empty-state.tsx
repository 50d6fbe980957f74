import { EmptyState } from '../../../ui/empty-state';

/** Starter questions; they fit the demo course (sourdough) and read well for any course. */
export const exampleQuestions = [
  'How do I know my starter is ready?',
  'What is 70% hydration?',
  'How long should bulk fermentation take?',
];

export interface ChatEmptyStateProps {
  /** Asks the example right away. */
  onPickQuestion: (question: string) => void;
  /** Examples cannot be picked while the composer cannot be used. */
  disabled: boolean;
}

export function ChatEmptyState({ onPickQuestion, disabled }: ChatEmptyStateProps) {
  return (
    <EmptyState
      icon={<QuestionIcon />}
      title="Ask about the course videos"
      description="Chronos answers from this course's video transcripts and links each answer to the exact moment in the video."
    >
      <ul className="chip-list" aria-label="Example questions">
        {exampleQuestions.map((question) => (
          <li key={question}>
            <button type="button" className="chip" disabled={disabled} onClick={() => onPickQuestion(question)}>
              {question}
            </button>
          </li>
        ))}
      </ul>
    </EmptyState>
  );
}

function QuestionIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l.9-4.6A8 8 0 1 1 21 12Z" />
      <path d="M9.8 9.5a2.3 2.3 0 0 1 4.4.8c0 1.5-2.2 2-2.2 3.2M12 16.5h.01" />
    </svg>
  );
}
