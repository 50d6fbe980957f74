import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Viewer } from '../../../shared/schemas/viewer';
import { useRefreshChatSessions } from '../../features/chat/api/get-chat-sessions';
import { useStarterQuestions } from '../../features/chat/api/get-starter-questions';
import type { HeldSource } from '../../features/chat/chat-entry';
import { ChatEmptyState } from '../../features/chat/components/chat-empty-state';
import { Composer } from '../../features/chat/components/composer';
import { JumpToLatest } from '../../features/chat/components/jump-to-latest';
import { MessageList } from '../../features/chat/components/message-list';
import { SessionList } from '../../features/chat/components/session-list';
import { useChatStream } from '../../features/chat/use-chat-stream';
import { useFollowLatest } from '../../features/chat/use-follow-latest';
import { PlayerPlaceholder } from '../../features/player/components/player-placeholder';
import { SignOutButton } from '../../features/signin/components/sign-out-button';
import { LimitModal } from '../../features/usage/components/limit-modal';
import { LimitNotice } from '../../features/usage/components/limit-notice';
import { UsageCounter } from '../../features/usage/components/usage-counter';
import { useChatAllowance } from '../../features/usage/use-chat-allowance';
import { CreatorPreviewNote } from '../../features/viewer/components/creator-preview-note';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';
import { ErrorNotice } from '../../ui/error-notice';
import { HistoryToggle } from './history-toggle';
import { StudentNav } from './student-nav';
import './student-chat.css';

/*
 * Not on the first screen: the player opens from a citation, and its code is fetched then
 * (≈ 1 KB gzip less in the chat's first download, `npm run bench embed`). The limit modal stays:
 * splitting it out made the build share more chunks and saved nothing.
 */
const PlayerPanel = lazy(() =>
  import('../../features/player/components/player-panel').then((m) => ({ default: m.PlayerPanel })),
);

export const ANSWERING = 'Answering… Stop it to ask something else.';

/**
 * The course chat for a signed-in viewer. A creator sees what their students see.
 * The allowance and the chat meet here: the stream's `meta.usage` updates the counter, an
 * answer that did not arrive re-reads it (the server gave the question back), and errors go
 * to `allowance.handleChatError`, which opens the limit modal for `CHAT_LIMIT_EXCEEDED`.
 * Layout (student-chat.css): history | conversation | player on desktop; on phones the history
 * is a drawer and the player a sheet between the conversation and the composer.
 */
export function StudentChatScreen({ viewer }: { viewer: Viewer }) {
  const [draft, setDraft] = useState('');
  // `request` counts openings, so a second click on the same citation seeks back to it.
  const [openSource, setOpenSource] = useState<
    { source: HeldSource & { videoId: string }; request: number } | undefined
  >(undefined);
  const [historyOpen, setHistoryOpen] = useState(false);
  const allowance = useChatAllowance();
  const refreshSessions = useRefreshChatSessions();
  const chat = useChatStream({
    onUsage: allowance.usage.replace,
    onError: allowance.handleChatError,
    onGivenBack: () => void allowance.usage.refetch(),
    onSettled: refreshSessions,
  });
  const busy = chat.streaming || chat.status === 'loading';
  const closeSource = useCallback(() => setOpenSource(undefined), []);
  const scroller = useRef<HTMLElement>(null);
  const latest = useFollowLatest(scroller, chat.entries);
  // Focus stays in the question box: after send (it is never disabled while answering), after
  // Stop (the composer puts it back), and after a starter or past conversation was picked.
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const newChatRef = useRef<HTMLButtonElement>(null);
  const historyToggleRef = useRef<HTMLButtonElement>(null);
  const starters = useStarterQuestions();
  const [focusWanted, setFocusWanted] = useState(false);
  const focusComposer = () => setFocusWanted(true);
  useEffect(() => {
    if (!focusWanted || chat.status === 'loading') return;
    (composerRef.current ?? newChatRef.current)?.focus();
    setFocusWanted(false);
  }, [focusWanted, chat.status]);
  // The drawer takes focus when it opens on a phone, so the keyboard lands in the list.
  useEffect(() => {
    if (historyOpen) newChatRef.current?.focus();
  }, [historyOpen]);
  const openCitation = useCallback((source: HeldSource) => {
    const { videoId } = source;
    // An unpinned creator's note has no moment to play: its marker shows the note's text instead.
    if (!videoId) return;
    setOpenSource((open) => ({ source: { ...source, videoId }, request: (open?.request ?? 0) + 1 }));
  }, []);

  /** Every way of asking goes through here: with none left, the limit modal says why instead. */
  const ask = (question: string) => {
    if (!allowance.tryToAsk()) return;
    latest.follow();
    void chat.ask(question);
  };
  const openConversation = (id: string) => {
    setHistoryOpen(false);
    latest.follow();
    void chat.openSession(id).then(focusComposer);
  };

  return (
    <div className="chat-screen">
      <ViewerHeader
        viewer={viewer}
        compact
        actions={
          <>
            <HistoryToggle
              buttonRef={historyToggleRef}
              open={historyOpen}
              onToggle={() => setHistoryOpen((open) => !open)}
            />
            <SignOutButton />
          </>
        }
      />
      {viewer.experience ? <StudentNav experienceId={viewer.experience.id} current="chat" /> : null}
      {viewer.role === 'creator' ? <CreatorPreviewNote /> : null}

      <div className={openSource ? 'chat-screen__body chat-screen__body--player' : 'chat-screen__body'}>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape inside the history drawer closes it; the handler listens to keys bubbling from its controls */}
        <div
          id="chat-history"
          className={historyOpen ? 'chat-screen__history chat-screen__history--open' : 'chat-screen__history'}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && historyOpen && !event.defaultPrevented) {
              // The drawer hides: focus goes back to the button that opened it, not to the page.
              event.preventDefault();
              setHistoryOpen(false);
              historyToggleRef.current?.focus();
            }
          }}
        >
          <SessionList
            activeSessionId={chat.sessionId}
            onOpen={openConversation}
            onNewChat={() => (setHistoryOpen(false), chat.newChat(), focusComposer())}
            onDeleted={(id) => (id === chat.sessionId ? chat.newChat() : undefined)}
            disabled={busy}
            newChatRef={newChatRef}
          />
        </div>

        <main ref={scroller} className="chat-screen__messages" aria-label="Conversation" onScroll={latest.onScroll}>
          {chat.loadError ? (
            <ErrorNotice
              error={chat.loadError}
              title="Could not open the conversation"
              onRetry={chat.sessionId ? () => openConversation(chat.sessionId!) : undefined}
            />
          ) : null}
          {chat.entries.length === 0 && !chat.loadError ? (
            <ChatEmptyState
              starters={starters}
              onPickQuestion={(question) => (ask(question), focusComposer())}
              disabled={busy}
            />
          ) : (
            <MessageList
              chat={chat}
              onOpenSource={openCitation}
              onRetry={(key) => allowance.tryToAsk() && (latest.follow(), chat.retry(key))}
            />
          )}
        </main>
        {!latest.following && chat.entries.length > 0 ? (
          <div className="chat-screen__jump">
            <JumpToLatest onJump={latest.follow} streaming={chat.streaming} />
          </div>
        ) : null}

        {openSource ? (
          <Suspense fallback={<PlayerPlaceholder title={openSource.source.videoTitle} docked />}>
            <PlayerPanel moment={openSource.source} seekRequest={openSource.request} onClose={closeSource} docked />
          </Suspense>
        ) : null}

        <div className="chat-screen__composer">
          {allowance.blockedReason && allowance.usage.data ? (
            <LimitNotice
              usage={allowance.usage.data}
              reason={allowance.blockedReason}
              creatorName={viewer.creator.name}
              role={viewer.role}
              onDetails={() => allowance.showLimit()}
            />
          ) : (
            <Composer
              inputRef={composerRef}
              value={draft}
              onValueChange={setDraft}
              onSend={ask}
              {...(busy ? { busy: { note: ANSWERING, onStop: chat.stop } } : {})}
              aside={<UsageCounter usage={allowance.usage} onShowLimit={() => allowance.showLimit()} />}
            />
          )}
        </div>
      </div>

      {allowance.limitOpen && allowance.usage.data ? (
        <LimitModal
          usage={allowance.usage.data}
          creatorName={viewer.creator.name}
          role={viewer.role}
          onClose={allowance.closeLimit}
        />
      ) : null}
    </div>
  );
}
