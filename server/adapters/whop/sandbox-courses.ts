import type { LessonMediaSource, WhopCoursesApi, WhopCourseTree, WhopLesson } from '../../ports/whop-courses';

/**
 * The sandbox's Whop Courses: the demo baking school's course as Whop would list it
 * (two chapters, four video lessons and a text lesson), each video lesson a Mux-like
 * asset whose captions are the demo course's WebVTT files. "Meet your starter" also has
 * a playback id and an HLS stream the sandbox serves as Mux would (`SandboxStreams`, cut
 * from the demo video by ffmpeg at start); without ffmpeg it is captions-only like the
 * others (Mux assets without a playback id).
 */
const video = (id: string, captionsFile: string, durationSeconds: number) => ({
  id: `mux_sandbox${id}`,
  playbackId: null as string | null,
  signedPlaybackId: null,
  playbackToken: null,
  durationSeconds,
  updatedAt: '2026-11-30T09:00:00.000Z',
  status: 'ready',
  captionsFile,
});

type SandboxLesson = Omit<WhopLesson, 'video'> & { video: ReturnType<typeof video> | null };

const course: {
  id: string;
  title: string;
  companyId: string;
  chapters: { id: string; title: string; order: number; lessons: SandboxLesson[] }[];
} = {
  id: 'cors_sandboxsourdough',
  title: 'Sourdough Foundations (Whop course)',
  companyId: 'biz_crumbdemo',
  chapters: [
    {
      id: 'chap_sandboxstart',
      title: 'Getting started',
      order: 0,
      lessons: [
        { id: 'lesn_sandboxwelcome', title: 'Welcome and kit list', order: 0, lessonType: 'text', video: null },
        {
          id: 'lesn_sandboxstarter',
          title: 'Meet your starter',
          order: 1,
          lessonType: 'video',
          video: video('starter', '01-meet-your-starter.vtt', 60),
        },
        {
          id: 'lesn_sandboxpercent',
          title: 'Baker’s percentages',
          order: 2,
          lessonType: 'video',
          video: video('percent', '02-bakers-percentages.vtt', 60),
        },
      ],
    },
    {
      id: 'chap_sandboxbake',
      title: 'Bake day',
      order: 1,
      lessons: [
        {
          id: 'lesn_sandboxbulk',
          title: 'Bulk fermentation',
          order: 0,
          lessonType: 'video',
          video: video('bulk', '03-bulk-fermentation.vtt', 50),
        },
        {
          id: 'lesn_sandboxshape',
          title: 'Shaping and baking',
          order: 1,
          lessonType: 'video',
          video: video('shape', '04-shaping-and-baking.vtt', 55),
        },
      ],
    },
  ],
};

/** The lesson as Whop's API shows it (the captions file name stays sandbox-side). */
function publicLesson(l: SandboxLesson): WhopLesson {
  if (!l.video) return { ...l, video: null };
  const { captionsFile: _file, ...asset } = l.video;
  return { ...l, video: asset };
}

/** The sandbox's Mux: the HLS streams it serves (at `SANDBOX_STREAM_PATH`), by playback id. */
export interface SandboxStreams {
  playbackIds: ReadonlySet<string>;
  /** One file of a stream (`index.m3u8`, `init.mp4`, `segN.m4s`), or null. */
  read(playbackId: string, file: string): Promise<Uint8Array | null>;
}

/** Playback ids of the lessons that have a stream, and the demo video each is cut from. */
export const SANDBOX_STREAM_SOURCES: Record<string, string> = { sandboxstarterplay: '01-meet-your-starter.webm' };
/** Where the sandbox serves a stream: same origin, so the CSP's `'self'` covers it as `*.mux.com` covers Mux. */
export const sandboxStreamUrl = (playbackId: string) => `/api/sandbox/mux/${playbackId}/index.m3u8`;

/** `readCaptions` reads a demo captions file by name (the Node entry passes a disk reader). */
export function createSandboxCourses(
  readCaptions: (fileName: string) => Promise<string>,
  streams: SandboxStreams | null = null,
): { api: WhopCoursesApi; media: LessonMediaSource } {
  const lessons = course.chapters
    .flatMap((c) => c.lessons)
    .map((l) => {
      const playbackId =
        l.video && Object.keys(SANDBOX_STREAM_SOURCES).find((p) => p === `${l.video!.id.replace('mux_', '')}play`);
      return playbackId && streams?.playbackIds.has(playbackId) ? { ...l, video: { ...l.video!, playbackId } } : l;
    });
  const tree = (): WhopCourseTree => ({
    course: { id: course.id, title: course.title },
    chapters: course.chapters.map((c) => ({
      id: c.id,
      title: c.title,
      order: c.order,
      lessons: c.lessons.map((l) => publicLesson(lessons.find((x) => x.id === l.id)!)),
    })),
  });
  return {
    api: {
      async listCourses(companyId) {
        return companyId === course.companyId ? [{ id: course.id, title: course.title }] : [];
      },
      async getCourseTree(courseId) {
        return courseId === course.id ? tree() : null;
      },
      async getLesson(lessonId) {
        const found = lessons.find((l) => l.id === lessonId);
        return found ? publicLesson(found) : null;
      },
    },
    media: {
      async fetchCaptions(asset) {
        const file = lessons.find((l) => l.video?.id === asset.id)?.video?.captionsFile;
        return file ? readCaptions(file) : null;
      },
      async fetchAudio() {
        return null;
      },
      streamUrl(asset) {
        return asset.playbackId && streams?.playbackIds.has(asset.playbackId)
          ? sandboxStreamUrl(asset.playbackId)
          : null;
      },
    },
  };
}
