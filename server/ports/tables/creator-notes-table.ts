import type { CreatorNoteRow } from '../db-schema/tables';

export interface NoteKey {
  creatorId: string;
  noteId: string;
}

/** A note as the API shows it: its pinned lesson's title beside it, times as ISO text (UTC, milliseconds). */
export type NoteViewRow = Pick<
  CreatorNoteRow,
  'id' | 'message_id' | 'question' | 'body' | 'video_id' | 'start_seconds'
> & {
  video_title: string | null;
  created_at: string;
  updated_at: string;
};

/** What a note holds besides its owner: the text, the pin, and its vector (pgvector text, or null). */
export interface NoteContent {
  question: string;
  body: string;
  videoId: string | null;
  startSeconds: number | null;
  embedding: string | null;
  embeddingModel: string;
}

/** The `creator_notes` table: the creator's corrections, sources for later questions. */
export interface CreatorNotesTable {
  find(key: NoteKey): Promise<NoteViewRow | null>;
  /** Last edited first. */
  list(input: { creatorId: string; limit: number }): Promise<NoteViewRow[]>;
  /** A new note unless the creator has `max` already (one statement); its id, or null. */
  createWithinCap(
    note: NoteContent & { creatorId: string; messageId: string | null; max: number },
  ): Promise<string | null>;
  /** False when there is no such note. */
  update(key: NoteKey & NoteContent): Promise<boolean>;
  remove(key: NoteKey): Promise<boolean>;
}
