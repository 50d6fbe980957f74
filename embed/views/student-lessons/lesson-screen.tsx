import { useCallback, useRef, useState } from 'react';
import type { ChatSource } from '../../../shared/schemas/chat';
import type { LessonDetail } from '../../../shared/schemas/lessons';
import type { Viewer } from '../../../shared/schemas/viewer';
import { MessageList } from '../../features/chat/components/message-list';
import { useChatStream } from '../../features/chat/use-chat-stream';
import { useLesson } from '../../features/lessons/api/get-lesson';
import { AskAboutMoment } from '../../features/lessons/components/ask-about-moment';
import { SignOutButton } from '../../features/signin/components/sign-out-button';
import { SyncedTranscript } from '../../features/transcript/synced-transcript';
import { LimitModal } from '../../features/usage/components/limit-modal';
import { useChatAllowance } from '../../features/usage/use-chat-allowance';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';
import { navigate } from '../../lib/history';
import { lessonPath, lessonsPath } from '../../lib/routes';
import { ErrorNotice } from '../../ui/error-notice';
import { Link } from '../../ui/link';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { StudentNav } from '../student-chat/student-nav';
import { LessonPlayback } from './lesson-playback';

export const ANSWERING_MOMENT = 'Answering… Stop it to ask something else.';

interface LessonScreenProps {
  viewer: Viewer;
  experienceId: string;
  videoId: string;
  /** Where the page opens (`?t=`: a search hit or a citation). */
  startSeconds: number;
}

/** A lesson's page: its video, its transcript following playback, and questions about the moment being watched. */
export function LessonScreen({ viewer, experienceId, videoId, startSeconds }: LessonScreenProps) {
  const lesson = useLesson(videoId);
  return (
    <div className="lessons-layout">
      <ViewerHeader viewer={viewer} compact courseAsHeading={false} actions={<SignOutButton />} />
      <StudentNav experienceId={experienceId} current="lessons" />
      <main className="lessons-layout__main">
        <p className="lesson-page__back">
          <Link href={lessonsPath(experienceId)}>← All lessons</Link>
        </p>
        {lesson.status === 'error' ? (
          lesson.error.code === 'NOT_FOUND' ? (
            <>
              <h1 className="lessons__title">Lesson not found</h1>
              <p>This lesson is not in the course (it may have been removed, or it is still being prepared).</p>
            </>
          ) : (
            <ErrorNotice error={lesson.error} title="Could not open the lesson" onRetry={() => void lesson.refetch()} />
          )
        ) : null}
        {lesson.isPending ? <Skeleton lines={6} label="Loading the lesson" /> : null}
        {lesson.status === 'success' ? (
          <LessonPage viewer={viewer} experienceId={experienceId} lesson={lesson.data} startSeconds={startSeconds} />
        ) : null}
      </main>
    </div>
  );
}

function LessonPage({
  viewer,
  experienceId,
  lesson,
  startSeconds,
}: {
  viewer: Viewer;
  experienceId: string;
  lesson: LessonDetail;
  startSeconds: number;
}) {
  const [time, setTime] = useState(startSeconds);
  // `request` counts seeks, so picking the same line twice seeks back to it; opening the page does not autoplay.
  const [seek, setSeek] = useState({ seconds: startSeconds, request: 0, play: false });
  const [cited, setCited] = useState<{ startSeconds: number; endSeconds: number } | undefined>(undefined);
  const askRef = useRef<HTMLTextAreaElement>(null);
  const allowance = useChatAllowance();
  const chat = useChatStream({ onUsage: allowance.usage.replace, onError: allowance.handleChatError });
  const busy = chat.streaming || chat.status === 'loading';
  const disabledReason = allowance.blockedReason ?? (busy ? ANSWERING_MOMENT : undefined);

  const seekTo = useCallback((seconds: number) => {
    setTime(seconds);
    setSeek((previous) => ({ seconds, request: previous.request + 1, play: true }));
  }, []);

  const openSource = useCallback(
    (source: ChatSource) => {
      // An unpinned creator's note has no moment to play: its marker shows the note's text instead.
      if (!source.videoId) return;
      if (source.videoId !== lesson.id) return navigate(lessonPath(experienceId, source.videoId, source.startSeconds));
      setCited({ startSeconds: source.startSeconds, endSeconds: source.endSeconds });
      seekTo(source.startSeconds);
    },
    [experienceId, lesson.id, seekTo],
  );

  return (
    <article className="lesson-page" aria-labelledby="lesson-title">
      <header className="lesson-page__header">
        <p className="lesson-page__eyebrow">
          Lesson {lesson.number}
          {lesson.moduleTitle ? ` · ${lesson.moduleTitle}` : ''}
        </p>
        <h1 id="lesson-title" className="lessons__title">
          {lesson.title}
        </h1>
      </header>
      <div className="lesson-page__body">
        <div className="lesson-page__watch">
          {lesson.hasMedia ? (
            <LessonPlayback lesson={lesson} seek={seek} onTime={setTime} />
          ) : (
            <Notice title="This lesson has no video file">
              Read its transcript: pick a line to ask about that moment.
            </Notice>
          )}
          <AskAboutMoment
            seconds={Math.floor(time)}
            inputRef={askRef}
            onAsk={(question) => void chat.ask(question, { moment: { videoId: lesson.id, seconds: Math.floor(time) } })}
            {...(disabledReason ? { disabledReason } : {})}
          />
          {chat.entries.length > 0 ? (
            <section className="lesson-page__answers" aria-label="Answers about this lesson">
              <MessageList chat={chat} onOpenSource={openSource} />
            </section>
          ) : null}
        </div>
        <section className="lesson-page__transcript" aria-labelledby="lesson-transcript-title">
          <h2 id="lesson-transcript-title" className="lessons__heading">
            Transcript
          </h2>
          <SyncedTranscript
            cues={lesson.transcript}
            currentTime={time}
            onSeek={seekTo}
            label={`Transcript of ${lesson.title}`}
            {...(cited ? { highlight: cited } : {})}
          />
        </section>
      </div>
      {allowance.limitOpen && allowance.usage.data ? (
        <LimitModal
          usage={allowance.usage.data}
          creatorName={viewer.creator.name}
          role={viewer.role}
          onClose={allowance.closeLimit}
        />
      ) : null}
    </article>
  );
}
