import '../player.css';

/**
 * Where the player goes while its code loads (the chat fetches it with the first citation
 * opened): the same docked panel and label, announced as loading, so the layout does not jump.
 */
export function PlayerPlaceholder({ docked = false }: { docked?: boolean }) {
  return (
    <aside className={docked ? 'player-panel player-panel--docked' : 'player-panel'} aria-label="Video source" aria-busy="true">
      <p className="player-panel__note" role="status">
        Loading the video…
      </p>
    </aside>
  );
}
