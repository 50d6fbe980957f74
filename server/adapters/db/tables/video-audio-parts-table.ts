import type { Db } from '../../../ports/db';
import { type VideoAudioPartRow, videoAudioParts } from '../../../ports/db-schema/tables';
import type { NewAudioPart, VideoAudioPartsTable } from '../../../ports/tables/video-audio-parts-table';
import type { VideoKey } from '../../../ports/tables/videos-table';
import { selectList } from '../select-list';

/** The `video_audio_parts` table's statements, on whichever connection or transaction `db` is. */
export function videoAudioPartsTable(db: Pick<Db, 'query'>): VideoAudioPartsTable {
  const byKey = (key: VideoKey) => [key.videoId, key.creatorId];
  const values = (p: NewAudioPart) => [
    p.videoId,
    p.creatorId,
    p.seq,
    p.storageKey,
    p.offsetSeconds,
    p.durationSeconds,
    p.sizeBytes,
  ];
  const insert = `insert into video_audio_parts (video_id, creator_id, seq, storage_key, offset_seconds, duration_seconds, size_bytes)
                  values ($1, $2, $3, $4, $5, $6, $7)`;
  return {
    list: <K extends keyof VideoAudioPartRow>(key: VideoKey, columns: readonly K[]) =>
      db.query<Pick<VideoAudioPartRow, K>>(
        `select ${selectList(videoAudioParts, columns)} from video_audio_parts where video_id = $1 and creator_id = $2 order by seq`,
        byKey(key),
      ),
    async add(part) {
      await db.query(insert, values(part));
    },
    async addIfAbsent(part) {
      const added = await db.query(`${insert} on conflict (video_id, seq) do nothing returning seq`, values(part));
      return added.length > 0;
    },
    async setTranscript(key) {
      await db.query(
        `update video_audio_parts set transcript = $4::jsonb, language = $5, transcribed_at = now()
          where video_id = $1 and creator_id = $2 and seq = $3`,
        [...byKey(key), key.seq, JSON.stringify(key.segments), key.language],
      );
    },
    async clearTranscripts(key) {
      await db.query(
        `update video_audio_parts set transcript = null, language = null, transcribed_at = null where video_id = $1 and creator_id = $2`,
        byKey(key),
      );
    },
    async removeAll(key) {
      await db.query(`delete from video_audio_parts where video_id = $1 and creator_id = $2`, byKey(key));
    },
  };
}
