import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from './media-tools';
import { type Pcm, pcmSeconds, readWav, silence } from './wav';

export interface SpokenSentence {
  text: string;
  /** Where espeak-ng's clip for this sentence starts and ends in the generated audio. */
  startSeconds: number;
  endSeconds: number;
}

export interface SpeakOptions {
  dir: string;
  sentences: readonly string[];
  /** Silence before the first sentence. */
  leadInSeconds?: number;
  silenceBetween?: number;
  /** Pad the end with silence up to this length (never cuts speech). */
  minSeconds?: number;
  /** espeak-ng words per minute (its default is 175). */
  wordsPerMinute?: number;
}

/** Splits prose into sentences at ., ! or ? followed by a space. */
export const splitSentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Real synthetic speech: each sentence spoken by espeak-ng, joined in memory with
 * silences of known length, so the timings returned are exact to the sample.
 */
export async function speakSentences(options: SpeakOptions): Promise<{ pcm: Pcm; sentences: SpokenSentence[] }> {
  if (options.sentences.length === 0) throw new Error('speakSentences needs at least one sentence');
  const clips = await Promise.all(
    options.sentences.map(async (text, i) => {
      const file = join(options.dir, `sentence-${i}.wav`);
      await runTool('espeak-ng', ['-v', 'en-us', '-s', String(options.wordsPerMinute ?? 175), '-w', file, text]);
      return readWav(await readFile(file));
    }),
  );
  const format = { sampleRate: clips[0]!.sampleRate, channels: clips[0]!.channels };
  const pieces: Buffer[] = [silence(format, options.leadInSeconds ?? 0.5)];
  const at = () => pcmSeconds({ ...format, data: Buffer.concat(pieces) });
  const sentences: SpokenSentence[] = [];
  clips.forEach((clip, i) => {
    if (clip.sampleRate !== format.sampleRate || clip.channels !== format.channels)
      throw new Error('espeak-ng clips differ in format');
    if (i > 0) pieces.push(silence(format, options.silenceBetween ?? 0.6));
    const startSeconds = at();
    pieces.push(clip.data);
    sentences.push({ text: options.sentences[i]!, startSeconds, endSeconds: startSeconds + pcmSeconds(clip) });
  });
  const speechEnd = at();
  pieces.push(silence(format, Math.max(0.5, (options.minSeconds ?? 0) - speechEnd)));
  return { pcm: { ...format, data: Buffer.concat(pieces) }, sentences };
}
