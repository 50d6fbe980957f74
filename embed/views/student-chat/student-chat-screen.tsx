import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatSource } from '../../../shared/schemas/chat';
import type { Viewer } from '../../../shared/schemas/viewer';
import { ChatEmptyState } from '../../features/chat/components/chat-empty-state';
import { useStarterQuestions } from '../../features/chat/api/get-starter-questions';
import { Composer } from '../../features/chat/components/composer';
import { MessageList } from '../../features/chat/components/message-list';
import { SessionList } from '../../features/chat/components/session-list';
import { useChatStream } from '../../features/chat/use-chat-stream';
import { PlaybackCache } from '../../features/player/api/get-video-playback';
import { PlayerPanel } from '../../features/player/components/player-panel';
import { StatusLine } from '../../features/system-status/components/status-line';
import { LimitModal } from '../../features/usage/components/limit-modal';
import { UsageCounter } from '../../features/usage/components/usage-counter';
import { useChatAllowance } from '../../features/usage/use-chat-allowance';
import { CreatorPreviewNote } from '../../features/viewer/components/creator-preview-note';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';
import { SignOutButton } from '../../features/signin/components/sign-out-button';
import { ErrorNotice } from '../../ui/error-notice';

export const ANSWERING = 'Answering… Stop it to ask something else.';

/**
 * The course chat for a signed-in viewer. A creator sees what their students see.
 * The allowance and the chat meet here: the stream's `meta.usage` updates the counter, and
 * its errors go to `allowance.handleChatError`, which opens the limit modal for `CHAT_LIMIT_EXCEEDED`.
 */
export function StudentChatScreen({ viewer }: { viewer: Viewer }) {
  const [draft, setDraft] = useState('');
  // `request` counts openings, so a second click on the same citation seeks back to it.
  const [openSource, setOpenSource] = useState<{ source: ChatSource; request: number } | undefined>(undefined);
  // Playback links per video for this screen's lifetime: reopening a video does not refetch it.
  const [playbackCache] = useState(() => new PlaybackCache());
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const allowance = useChatAllowance();
  const chat = useChatStream({
    onUsage: allowance.usage.replace,
    onError: allowance.handleChatError,
    onSettled: () => setSessionsVersion((n) => n + 1),
  });
  const busy = chat.streaming || chat.status === 'loading';
  // Out of questions says more than "wait", so it wins.
  const disabledReason: string | undefined = allowance.blockedReason ?? (busy ? ANSWERING : undefined);
  const closeSource = useCallback(() => setOpenSource(undefined), []);
  // The starter or session button that was clicked disappears; focus goes to the question box, not to
  // nowhere — once it is enabled again (it is disabled while an answer streams).
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const starters = useStarterQuestions();
  const [focusWanted, setFocusWanted] = useState(false);
  const focusComposer = () => setFocusWanted(true);
  useEffect(() => {
    if (!focusWanted || busy || !composerRef.current || composerRef.current.disabled) return;
    composerRef.current.focus();
    setFocusWanted(false);
  }, [focusWanted, busy]);
  const openCitation = useCallback((source: ChatSource) => setOpenSource((open) => ({ source, request: (open?.request ?? 0) + 1 })), []);

  return (
    <div className="chat-layout">
      <ViewerHeader viewer={viewer} actions={<SignOutButton />} />
      {viewer.role === 'creator' ? <CreatorPreviewNote /> : null}
      <SessionList version={sessionsVersion} activeSessionId={chat.sessionId} onOpen={(id) => void chat.openSession(id).then(focusComposer)} onNewChat={() => (chat.newChat(), focusComposer())} onDeleted={(id) => (id === chat.sessionId ? chat.newChat() : undefined)} disabled={busy} />

      <main className="chat-layout__messages" aria-label="Conversation">
        {chat.loadError ? <ErrorNotice error={chat.loadError} title="Could not open the conversation" /> : null}
        {chat.entries.length === 0 ? (
          <ChatEmptyState starters={starters} onPickQuestion={(question) => (void chat.ask(question), focusComposer())} disabled={disabledReason !== undefined} />
        ) : (
          <MessageList chat={chat} onOpenSource={openCitation} />
        )}
      </main>

      {openSource ? (
        <PlayerPanel moment={openSource.source} seekRequest={openSource.request} cache={playbackCache} onClose={closeSource} />
      ) : null}

      <div className="chat-layout__composer">
        <div className="chat-layout__allowance">
          <UsageCounter usage={allowance.usage} onShowLimit={() => allowance.showLimit()} />
        </div>
        <Composer
          inputRef={composerRef}
          value={draft}
          onValueChange={setDraft}
          onSend={(question) => void chat.ask(question)}
          {...(disabledReason ? { disabledReason } : {})}
        />
        <footer className="chat-layout__status">
          <StatusLine />
        </footer>
      </div>

      {allowance.limitOpen && allowance.usage.data ? (
        <LimitModal usage={allowance.usage.data} creatorName={viewer.creator.name} role={viewer.role} onClose={allowance.closeLimit} />
      ) : null}
    </div>
  );
}
