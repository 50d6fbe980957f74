import { HttpResponse, http } from 'msw';
import { WHOP_API, world } from './whop-world';

/**
 * Whop Courses and Mux in their wire formats, for creator A: a course of two chapters
 * (Whop REST v1: `{ data, page_info }` lists, snake_case lessons with `video_asset`),
 * and Mux's stream.mux.com (an HLS master playlist with a SUBTITLES rendition, its
 * segmented WebVTT, a static audio rendition). Tests change `coursesWorld` to play a
 * creator editing the course in Whop.
 */
export const MUX = 'https://stream.mux.com';

export interface WorldLesson {
  id: string;
  title: string;
  order: number;
  lesson_type: string;
  video: null | {
    id: string;
    playback_id: string | null;
    signed_playback_id?: string | null;
    updated_at: string;
    captions: string[] | null;
    audio?: Uint8Array;
  };
}

const cue = (from: number, to: number, text: string) =>
  `${new Date(from * 1000).toISOString().slice(11, 23)} --> ${new Date(to * 1000).toISOString().slice(11, 23)}\n${text}`;
/** Segmented WebVTT as Mux serves it: each segment its own file, a cue crossing a boundary in both. */
export const segmentedCaptions = (lines: string[]) =>
  lines.map((line, i) => {
    const next = lines[i + 1];
    const cues = [
      cue(i * 5, i * 5 + 4.5, line),
      ...(next ? [cue(i * 5 + 4.5, i * 5 + 6, `${next.split(' ')[0]}…`)] : []),
    ];
    return `WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\n${cues.join('\n\n')}\n`;
  });

export function freshCoursesWorld() {
  return {
    courses: [
      { id: 'cors_alphabread', title: 'Bread school' },
      { id: 'cors_alphapastry', title: 'Pastry school' },
    ],
    /** How many courses one page holds (Whop pages with `first`/`after`). */
    pageSize: 1,
    chapters: {
      cors_alphabread: [
        {
          id: 'chap_alphaone',
          title: 'Basics',
          order: 0,
          lessons: [
            { id: 'lesn_alphawelcome', title: 'Welcome', order: 0, lesson_type: 'text', video: null },
            {
              id: 'lesn_alphastarter',
              title: 'The starter',
              order: 1,
              lesson_type: 'video',
              video: {
                id: 'mux_alphastarter',
                playback_id: 'pbstarter',
                updated_at: '2026-11-01T00:00:00.000Z',
                captions: segmentedCaptions([
                  'A levain is a starter built for one bake.',
                  'Feed the levain the night before baking.',
                ]),
              },
            },
          ],
        },
        {
          id: 'chap_alphatwo',
          title: 'Bake',
          order: 1,
          lessons: [
            {
              id: 'lesn_alphaoven',
              title: 'The oven',
              order: 0,
              lesson_type: 'video',
              video: {
                id: 'mux_alphaoven',
                playback_id: null,
                signed_playback_id: 'pbovensigned',
                updated_at: '2026-11-01T00:00:00.000Z',
                captions: null,
                audio: new Uint8Array(2048).fill(1),
              },
            },
          ],
        },
      ],
      cors_alphapastry: [],
    } as Record<string, { id: string; title: string; order: number; lessons: WorldLesson[] }[]>,
    calls: [] as string[],
  };
}

export let coursesWorld = freshCoursesWorld();
export const resetCoursesWorld = () => (coursesWorld = freshCoursesWorld());

const lessonBody = (l: WorldLesson, full: boolean) => ({
  id: l.id,
  title: l.title,
  order: l.order,
  lesson_type: l.lesson_type,
  visibility: 'visible',
  thumbnail: null,
  video_asset: l.video && {
    duration_seconds: 12,
    signed_playback_id: l.video.signed_playback_id ?? null,
    signed_thumbnail_playback_token: null,
    // The course tree leaves out what only the lesson itself carries.
    ...(full
      ? {
          id: l.video.id,
          asset_id: `asset_${l.video.id}`,
          playback_id: l.video.playback_id,
          status: 'ready',
          audio_only: false,
          signed_video_playback_token: l.video.signed_playback_id ? `tok-${Date.now()}` : null,
          created_at: '2026-10-01T00:00:00.000Z',
          updated_at: l.video.updated_at,
        }
      : {}),
  },
});

const allLessons = () => Object.values(coursesWorld.chapters).flatMap((chs) => chs.flatMap((c) => c.lessons));
const byPlayback = (id: string) =>
  allLessons().find((l) => l.video && (l.video.playback_id === id || l.video.signed_playback_id === id));

export const coursesHandlers = [
  http.get(`${WHOP_API}/courses`, ({ request }) => {
    const url = new URL(request.url);
    coursesWorld.calls.push(`courses ${url.searchParams.get('company_id')} after=${url.searchParams.get('after')}`);
    const mine = url.searchParams.get('company_id') === world.A.companyId ? coursesWorld.courses : [];
    const start = Number(url.searchParams.get('after') ?? 0);
    const page = mine.slice(start, start + coursesWorld.pageSize);
    const more = start + coursesWorld.pageSize < mine.length;
    return HttpResponse.json({
      data: page.map((c) => ({
        ...c,
        experience: { id: world.A.experienceId },
        created_at: '2026-10-01T00:00:00.000Z',
      })),
      page_info: {
        end_cursor: more ? String(start + coursesWorld.pageSize) : null,
        start_cursor: String(start),
        has_next_page: more,
        has_previous_page: start > 0,
      },
    });
  }),
  http.get(`${WHOP_API}/courses/:id`, ({ params }) => {
    const course = coursesWorld.courses.find((c) => c.id === params.id);
    const chapters = coursesWorld.chapters[String(params.id)];
    if (!course || !chapters) return HttpResponse.json({ error: { message: 'Not found' } }, { status: 404 });
    return HttpResponse.json({
      ...course,
      chapters: chapters.map((c) => ({ ...c, lessons: c.lessons.map((l) => lessonBody(l, false)) })),
    });
  }),
  http.get(`${WHOP_API}/course_lessons/:id`, ({ params }) => {
    coursesWorld.calls.push(`lesson ${params.id}`);
    const lesson = allLessons().find((l) => l.id === params.id);
    return lesson
      ? HttpResponse.json(lessonBody(lesson, true))
      : HttpResponse.json({ error: { message: 'Not found' } }, { status: 404 });
  }),
  http.get(`${MUX}/:file`, ({ params, request }) => {
    const id = String(params.file).replace(/\.m3u8$/, '');
    const lesson = byPlayback(id);
    if (!lesson?.video) return new HttpResponse('Not found', { status: 404 });
    if (lesson.video.signed_playback_id === id && !new URL(request.url).searchParams.get('token'))
      return new HttpResponse('Forbidden', { status: 403 });
    const subs = lesson.video.captions
      ? `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English (generated)",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,URI="https://manifest.mux.com/${id}/subtitles.m3u8"\n`
      : '';
    return new HttpResponse(
      `#EXTM3U\n#EXT-X-VERSION:5\n${subs}#EXT-X-STREAM-INF:BANDWIDTH=2000000,RESOLUTION=1280x720,CODECS="avc1.640020,mp4a.40.2"${subs ? ',SUBTITLES="subs"' : ''}\nhttps://manifest.mux.com/${id}/rendition.m3u8\n`,
      { headers: { 'content-type': 'application/vnd.apple.mpegurl' } },
    );
  }),
  http.get('https://manifest.mux.com/:id/subtitles.m3u8', ({ params }) => {
    const captions = byPlayback(String(params.id))?.video?.captions ?? [];
    const segments = captions.map((_, i) => `#EXTINF:5.0,\nhttps://chunk.mux.com/${params.id}/sub-${i}.vtt`).join('\n');
    return new HttpResponse(
      `#EXTM3U\n#EXT-X-TARGETDURATION:5\n#EXT-X-PLAYLIST-TYPE:VOD\n${segments}\n#EXT-X-ENDLIST\n`,
    );
  }),
  http.get('https://chunk.mux.com/:id/:segment', ({ params }) => {
    const i = Number(/sub-(\d+)\.vtt/.exec(String(params.segment))?.[1]);
    const text = byPlayback(String(params.id))?.video?.captions?.[i];
    return text === undefined
      ? new HttpResponse('Not found', { status: 404 })
      : new HttpResponse(text, { headers: { 'content-type': 'text/vtt' } });
  }),
  http.get(`${MUX}/:id/audio.m4a`, ({ params }) => {
    const audio = byPlayback(String(params.id))?.video?.audio;
    return audio
      ? new HttpResponse(audio, {
          headers: { 'content-type': 'audio/mp4', 'content-length': String(audio.byteLength) },
        })
      : new HttpResponse('Not found', { status: 404 });
  }),
];
