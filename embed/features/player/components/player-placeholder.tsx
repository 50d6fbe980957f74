import '../player.css';

/**
 * Where the player goes while its code loads (the chat fetches it with the first citation
 * opened): the same docked panel, label and title, announced as loading, so the layout does
 * not jump and the student sees at once which lesson is coming.
 */
export function PlayerPlaceholder({ title, docked = false }: { title: string; docked?: boolean }) {
  return (
    <aside
      className={docked ? 'player-panel player-panel--docked' : 'player-panel'}
      aria-label="Video source"
      aria-busy="true"
    >
      <div className="player-panel__header">
        <h2 className="player-panel__title">{title}</h2>
      </div>
      <p className="player-panel__note" role="status">
        Loading the video…
      </p>
    </aside>
  );
}
