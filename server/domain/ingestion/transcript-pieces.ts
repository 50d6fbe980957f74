/**
 * Pieces are what the chunker groups: transcript segments cut at sentence ends,
 * and cut further into runs of words when a sentence is too long, so a chunk can
 * start and end where a thought does. Times inside a cut segment are interpolated by character offset:
 * speech rate is roughly even within one segment, and a citation a few seconds
 * early is harmless (the player shows the lead-in).
 */
export interface TranscriptSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface TranscriptPiece extends TranscriptSegment {
  tokens: number;
  /** The text ends a sentence, so a chunk may end here without cutting a thought in half. */
  sentenceEnd: boolean;
}

/**
 * Token estimate without a tokenizer (domain code must run anywhere and stay cheap):
 * words × 1.3 fits English prose (OpenAI's rule of thumb: ~0.75 words per token);
 * characters ÷ 4 catches text with few spaces (URLs, code, numbers). The larger of the
 * two errs towards smaller chunks. It undercounts scripts without spaces (CJK).
 */
export function estimateTokens(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.ceil(Math.max(words * 1.3, text.length / 4));
}

const SENTENCE_END = /[.!?…。！？]["'”’)\]]*$/;
const SENTENCE_BREAK = /(?<=[.!?…。！？]["'”’)\]]*)\s+/;

export const endsSentence = (text: string) => SENTENCE_END.test(text);

export interface PieceLimits {
  maxSeconds: number;
  maxTokens: number;
}

/** Sorted by start, whitespace collapsed, empty and timeless segments dropped, long ones cut. */
export function toPieces(segments: readonly TranscriptSegment[], limits: PieceLimits): TranscriptPiece[] {
  return cleanSegments(segments).flatMap((s) => splitSegment(s, limits));
}

/** The segments `toPieces` cuts: sorted by start, whitespace collapsed, empty and timeless ones dropped. */
export function cleanSegments(segments: readonly TranscriptSegment[]): TranscriptSegment[] {
  return segments
    .map((s) => ({ startSeconds: s.startSeconds, endSeconds: s.endSeconds, text: s.text.replace(/\s+/g, ' ').trim() }))
    .filter((s) => s.text !== '' && Number.isFinite(s.startSeconds) && Number.isFinite(s.endSeconds))
    .map((s) => ({
      ...s,
      startSeconds: Math.max(0, s.startSeconds),
      endSeconds: Math.max(s.startSeconds, s.endSeconds),
    }))
    .sort((a, b) => a.startSeconds - b.startSeconds || a.endSeconds - b.endSeconds);
}

/** One clean segment as pieces: cut at every sentence end, and into runs of words when still too long. */
export function splitSegment(segment: TranscriptSegment, limits: PieceLimits): TranscriptPiece[] {
  const duration = segment.endSeconds - segment.startSeconds;
  const secondsPerChar = duration / segment.text.length;
  // Cut at every sentence end, not only in long segments: captions often end one sentence and start the
  // next in the same cue, and a chunk (or its overlap) should be able to begin with that next sentence.
  const parts = segment.text
    .split(SENTENCE_BREAK)
    .flatMap((sentence) => splitWords(sentence, limits.maxTokens, Math.max(1, limits.maxSeconds / secondsPerChar)));
  if (parts.length === 1)
    return [{ ...segment, tokens: estimateTokens(segment.text), sentenceEnd: endsSentence(segment.text) }];

  let offset = 0;
  return parts.map((text, i) => {
    const startChar = offset;
    offset += text.length + 1; // the space that joined it to the next part
    const last = i === parts.length - 1;
    return {
      startSeconds: segment.startSeconds + startChar * secondsPerChar,
      endSeconds: last ? segment.endSeconds : segment.startSeconds + (offset - 1) * secondsPerChar,
      text,
      tokens: estimateTokens(text),
      sentenceEnd: endsSentence(text),
    };
  });
}

/** A sentence that is still too long becomes runs of whole words within the limits. */
function splitWords(sentence: string, maxTokens: number, maxChars: number): string[] {
  if (estimateTokens(sentence) <= maxTokens && sentence.length <= maxChars) return [sentence];
  const runs: string[] = [];
  let run = '';
  for (const word of sentence.split(' ')) {
    const candidate = run ? `${run} ${word}` : word;
    if (run && (estimateTokens(candidate) > maxTokens || candidate.length > maxChars)) {
      runs.push(run);
      run = word;
    } else {
      run = candidate;
    }
  }
  if (run) runs.push(run);
  return runs;
}
