import type { VideoAudioPartRow } from '../db-schema/tables';
import type { TranscribedSegment } from '../transcriber';
import type { VideoKey } from './videos-table';

/** An audio part as stored: its object, its place in the video's time, its size. */
export interface NewAudioPart extends VideoKey {
  seq: number;
  storageKey: string;
  offsetSeconds: number;
  durationSeconds: number;
  sizeBytes: number;
}

/** The `video_audio_parts` table: a video's audio cut under the transcription limit, each part's transcript kept. */
export interface VideoAudioPartsTable {
  /** The named columns of the video's parts, in order. */
  list<K extends keyof VideoAudioPartRow>(key: VideoKey, columns: readonly K[]): Promise<Pick<VideoAudioPartRow, K>[]>;
  add(part: NewAudioPart): Promise<void>;
  /** Adds the part unless the video has one at that seq (kept from an earlier try); whether it added. */
  addIfAbsent(part: NewAudioPart): Promise<boolean>;
  setTranscript(
    key: VideoKey & { seq: number; segments: readonly TranscribedSegment[]; language: string | null },
  ): Promise<void>;
  /** Forgets every part's transcript (a reprocess transcribes again). */
  clearTranscripts(key: VideoKey): Promise<void>;
  removeAll(key: VideoKey): Promise<void>;
}
