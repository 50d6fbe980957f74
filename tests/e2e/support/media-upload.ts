import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { type GeneratedVideo, generateSpeechVideo, requireMediaTools } from '../../support/media/generate-speech-video';

/** What the generated lesson says; the fake transcription server answers with the same sentences. */
export const SPOKEN = [
  'Knead the dough until it feels smooth and springy.',
  'Then let it rest for ten minutes before shaping.',
];

export interface UploadFixtures {
  video: GeneratedVideo;
  captionsPath: string;
  captionsText: string;
}

/**
 * The creator's files, made for this run: a few seconds of real speech (espeak-ng) in an
 * H.264/AAC MP4, and a WebVTT file for a second lesson.
 */
export async function makeUploadFixtures(dir: string): Promise<UploadFixtures> {
  await requireMediaTools();
  const video = await generateSpeechVideo({ dir, sentences: SPOKEN, format: 'mp4', fileName: 'Kneading basics.mp4' });
  const captionsText = [
    'WEBVTT',
    '',
    '00:00:00.000 --> 00:00:04.000',
    'Score the loaf with one confident stroke.',
    '',
    '00:00:04.000 --> 00:00:09.000',
    'A shallow angle gives the crust an ear.',
    '',
  ].join('\n');
  const captionsPath = join(dir, 'Scoring the loaf.vtt');
  await writeFile(captionsPath, captionsText);
  return { video, captionsPath, captionsText };
}

/** The library table's row for a title (the title is a button that opens the video page). */
export function libraryRow(frame: Frame, title: string) {
  return frame
    .locator('table.video-table tbody tr')
    .filter({ has: frame.getByRole('button', { name: title, exact: true }) });
}

/** The status badge's text of a row: "Queued", "Transcribing", …, "Ready", "Failed". */
export async function rowStatus(frame: Frame, title: string): Promise<string | null> {
  const row = libraryRow(frame, title);
  if ((await row.count()) === 0) return null;
  return row.locator('.video-status .badge').first().textContent();
}
