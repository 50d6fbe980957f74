import type { ApiError } from '../../../shared/api-error';
import type { ChatSource } from '../../../shared/schemas/chat';
import type { ChatMessage } from '../../../shared/schemas/chat-history';

/**
 * A source as the chat holds it: `startSeconds` may be moved to the cited moment, so the
 * passage's own start is kept beside it (the player marks the cited sentence with both).
 */
export type HeldSource = ChatSource & { passageStartSeconds?: number };

/** The source moved to a cited second, remembering where its passage starts. */
export function atMoment(source: HeldSource, startSeconds: number): HeldSource {
  return { ...source, passageStartSeconds: source.passageStartSeconds ?? source.startSeconds, startSeconds };
}

export type AnswerStatus = 'streaming' | 'complete' | 'stopped' | 'failed';

/** Where one `[n]` of the answer plays: the `occurrence`-th marker of source `n`. */
export interface CitedMoment {
  n: number;
  occurrence: number;
  startSeconds: number;
}

export interface UserEntry {
  kind: 'user';
  key: string;
  text: string;
}

export interface AssistantEntry {
  kind: 'assistant';
  key: string;
  /** The server's message id, once `meta` names it (needed for feedback). */
  messageId: string | undefined;
  /** The question it answers, for Retry. */
  question: string;
  text: string;
  sources: HeldSource[];
  /** Source numbers the server confirmed as cited, in order. */
  cited: number[];
  /** Every citation the server pinned, one per marker: an answer may cite several moments of one source. */
  moments: CitedMoment[];
  status: AnswerStatus;
  noAnswer: boolean;
  offline: boolean;
  error: ApiError | undefined;
  feedback: 1 | -1 | null;
}

export type ChatEntry = UserEntry | AssistantEntry;

let counter = 0;
/** A key for React lists; server ids are not known until `meta`. */
export function entryKey(): string {
  counter += 1;
  return `entry-${counter}`;
}

export function pendingAnswer(question: string): AssistantEntry {
  return {
    kind: 'assistant',
    key: entryKey(),
    messageId: undefined,
    question,
    text: '',
    sources: [],
    cited: [],
    moments: [],
    status: 'streaming',
    noAnswer: false,
    offline: false,
    error: undefined,
    feedback: null,
  };
}

/** A stored conversation, as the entries the message list shows. */
export function entriesFromHistory(messages: ChatMessage[]): ChatEntry[] {
  let lastQuestion = '';
  return messages.map((message): ChatEntry => {
    if (message.role === 'user') {
      lastQuestion = message.content;
      return { kind: 'user', key: message.id, text: message.content };
    }
    return {
      ...pendingAnswer(lastQuestion),
      key: message.id,
      messageId: message.id,
      text: message.content,
      sources: message.sources.map((source) => {
        const cited = message.citations.find((c) => c.n === source.n);
        return cited ? atMoment(source, cited.startSeconds) : source;
      }),
      cited: [...new Set(message.citations.map((citation) => citation.n))],
      moments: momentsOf(message.citations),
      status: message.status,
      feedback: message.feedback,
    };
  });
}

/** Stored citations as moments; answers stored before occurrences were counted cite each source once. */
function momentsOf(citations: ChatMessage['citations']): CitedMoment[] {
  const seen = new Map<number, number>();
  return citations.map((c) => {
    const occurrence = c.occurrence ?? seen.get(c.n) ?? 0;
    seen.set(c.n, occurrence + 1);
    return { n: c.n, occurrence, startSeconds: c.startSeconds };
  });
}
