import type { ChatSource, ChatStreamEvent } from '../../../shared/schemas/chat';
import type { QuotedMoment } from '../../ports/answerer';
import { createCitationParser } from './citation-parser';
import { citedMoment, type MomentSegment, sentenceBeforeMarker } from './cited-moment';

/** One `[n]` of the answer and the moment it plays, as stored with the message. */
export interface CitedOccurrence {
  n: number;
  /** How many times `n` was cited before this one: the k-th `[n]` chip plays this moment. */
  occurrence: number;
  /** Null for an unpinned creator's note. */
  videoId: string | null;
  startSeconds: number;
}

export interface CitationContext {
  question: string;
  sources: readonly ChatSource[];
  /** Transcript segments inside each source's time range (index n-1). */
  sourceSegments: readonly (readonly MomentSegment[])[];
}

type CitationEvent = Extract<ChatStreamEvent, { type: 'citation' }>;

/**
 * Turns the streamed answer into citation events, one per `[n]`, each pinned to the
 * sentence it follows. An answerer that quoted the sentence says where it came from
 * (`moments`, exact); otherwise the sentence's words pick the segment of source n.
 */
export function createCitationCollector(context: CitationContext) {
  const parser = createCitationParser(context.sources.length);
  const cited: CitedOccurrence[] = [];
  /** Moments the answerer reported, per source, for its next markers in order (null: it does not know). */
  const quoted = new Map<number, (number | null)[]>();
  let answer = '';

  const toEvent = (mark: { n: number; occurrence: number; offset: number }): CitationEvent => {
    const source = context.sources[mark.n - 1]!;
    const segments = context.sourceSegments[mark.n - 1] ?? [];
    const known = quoted.get(mark.n)?.shift();
    // A creator's note plays the moment it is pinned to, whatever sentence of it was quoted.
    const startSeconds =
      source.kind === 'note'
        ? source.startSeconds
        : (known ??
          citedMoment(sentenceBeforeMarker(answer, mark.offset), segments, source.startSeconds, context.question));
    cited.push({ n: mark.n, occurrence: mark.occurrence, videoId: source.videoId, startSeconds });
    return {
      type: 'citation',
      n: mark.n,
      occurrence: mark.occurrence,
      videoId: source.videoId,
      videoTitle: source.videoTitle,
      startSeconds,
    };
  };

  return {
    /** Every citation so far, in reading order (stored with the message). */
    occurrences: cited as readonly CitedOccurrence[],
    /** The source numbers cited so far, once each, in order of first citation. */
    numbers: parser.cited,
    push(delta: string, moments: readonly QuotedMoment[] = []): CitationEvent[] {
      answer += delta;
      for (const moment of moments) quoted.set(moment.n, [...(quoted.get(moment.n) ?? []), moment.startSeconds]);
      return parser.push(delta).map(toEvent);
    },
    flush(): CitationEvent[] {
      return parser.flush().map(toEvent);
    },
  };
}
