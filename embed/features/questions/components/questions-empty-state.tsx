import { EmptyState } from '../../../ui/empty-state';

export function QuestionsEmptyState() {
  return (
    <EmptyState
      icon={<InboxIcon />}
      title="No student questions yet"
      description="When students ask about your videos, their questions show up here with the moments Chronos cited, so you can see what your course leaves unclear."
    />
  );
}

function InboxIcon() {
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
      <path d="M3 13h5l1.5 3h5L16 13h5" />
      <path d="M5.5 5h13L21 13v5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18v-5Z" />
    </svg>
  );
}
