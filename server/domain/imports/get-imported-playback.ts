import type { Db } from '../../ports/db';
import { askWhop, type WhopImportSource } from './import-ports';

/** Mux signs playback tokens for a while; the player asks again when one has expired. */
const SIGNED_TTL_SECONDS = 60 * 60;

/**
 * The Whop lesson's own HLS stream for an imported video, or null when the video
 * was not imported or its Mux asset cannot be played. A signed playback id needs a
 * fresh token, which only Whop hands out: the lesson is read again for it.
 */
export async function getImportedPlayback(
  ports: { db: Db; source: WhopImportSource; now: Date },
  input: { creatorId: string; videoId: string },
): Promise<{ url: string; expiresAt: string | null } | null> {
  const row = await ports.db.tables.whopLessonImports.findPlayback(input);
  if (!row?.mux_playback_id) return null;
  if (!row.mux_playback_signed) {
    const url = ports.source.media.streamUrl({
      id: row.mux_asset_id ?? '',
      playbackId: row.mux_playback_id,
      signedPlaybackId: null,
      playbackToken: null,
      durationSeconds: null,
      updatedAt: null,
      status: null,
    });
    return url ? { url, expiresAt: null } : null;
  }
  const lesson = await askWhop(() => ports.source.courses.getLesson(row.whop_lesson_id)).catch(() => null);
  const url = lesson?.video ? ports.source.media.streamUrl(lesson.video) : null;
  return url ? { url, expiresAt: new Date(ports.now.getTime() + SIGNED_TTL_SECONDS * 1000).toISOString() } : null;
}
