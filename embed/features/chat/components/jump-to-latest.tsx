/** Shown while the student reads older messages and the conversation has moved on below. */
export function JumpToLatest({ onJump, streaming }: { onJump: () => void; streaming: boolean }) {
  return (
    <button type="button" className="jump-to-latest" onClick={onJump}>
      <span aria-hidden="true">↓ </span>
      {streaming ? 'Jump to the answer' : 'Jump to latest'}
    </button>
  );
}
