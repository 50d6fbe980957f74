import { useState } from 'react';
import type { Viewer } from '../../../shared/schemas/viewer';
import { ChatEmptyState } from '../../features/chat/components/chat-empty-state';
import { Composer } from '../../features/chat/components/composer';
import { StatusLine } from '../../features/system-status/components/status-line';
import { CreatorPreviewNote } from '../../features/viewer/components/creator-preview-note';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';

// There is nothing to answer from until the creator's videos are processed, and the chat
// endpoint does not exist yet: say so rather than fail on send.
export const CHAT_NOT_OPEN = 'Chat opens here once the course videos are processed.';

/** The course chat for a signed-in viewer. A creator sees what their students see. */
export function StudentChatScreen({ viewer }: { viewer: Viewer }) {
  const [draft, setDraft] = useState('');
  const disabledReason: string | undefined = CHAT_NOT_OPEN;

  return (
    <div className="chat-layout">
      <ViewerHeader viewer={viewer} />
      {viewer.role === 'creator' ? <CreatorPreviewNote /> : null}

      <main className="chat-layout__messages" aria-label="Conversation">
        <ChatEmptyState onPickQuestion={setDraft} disabled={disabledReason !== undefined} />
      </main>

      <div className="chat-layout__composer">
        <Composer
          value={draft}
          onValueChange={setDraft}
          onSend={() => undefined}
          {...(disabledReason ? { disabledReason } : {})}
        />
        <footer className="chat-layout__status">
          <StatusLine />
        </footer>
      </div>
    </div>
  );
}
