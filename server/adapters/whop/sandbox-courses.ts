import type { LessonMediaSource, WhopCourseTree, WhopCoursesApi, WhopLesson } from '../../ports/whop-courses';

/**
 * The sandbox's Whop Courses: the demo baking school's course as Whop would list it
 * (two chapters, four video lessons and a text lesson), each video lesson a Mux-like
 * asset whose captions are the demo course's WebVTT files. No HLS stream: the sandbox
 * has no video to serve, so imported lessons are captions-only (as Mux assets without
 * a playback id would be).
 */
const video = (id: string, captionsFile: string, durationSeconds: number) => ({
  id: `mux_sandbox${id}`,
  playbackId: null,
  signedPlaybackId: null,
  playbackToken: null,
  durationSeconds,
  updatedAt: '2026-11-30T09:00:00.000Z',
  status: 'ready',
  captionsFile,
});

type SandboxLesson = Omit<WhopLesson, 'video'> & { video: (ReturnType<typeof video>) | null };

const course: { id: string; title: string; companyId: string; chapters: { id: string; title: string; order: number; lessons: SandboxLesson[] }[] } = {
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
        { id: 'lesn_sandboxstarter', title: 'Meet your starter', order: 1, lessonType: 'video', video: video('starter', '01-meet-your-starter.vtt', 60) },
        { id: 'lesn_sandboxpercent', title: 'Baker’s percentages', order: 2, lessonType: 'video', video: video('percent', '02-bakers-percentages.vtt', 60) },
      ],
    },
    {
      id: 'chap_sandboxbake',
      title: 'Bake day',
      order: 1,
      lessons: [
        { id: 'lesn_sandboxbulk', title: 'Bulk fermentation', order: 0, lessonType: 'video', video: video('bulk', '03-bulk-fermentation.vtt', 50) },
        { id: 'lesn_sandboxshape', title: 'Shaping and baking', order: 1, lessonType: 'video', video: video('shape', '04-shaping-and-baking.vtt', 55) },
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

/** `readCaptions` reads a demo captions file by name (the Node entry passes a disk reader). */
export function createSandboxCourses(readCaptions: (fileName: string) => Promise<string>): { api: WhopCoursesApi; media: LessonMediaSource } {
  const lessons = course.chapters.flatMap((c) => c.lessons);
  const tree = (): WhopCourseTree => ({
    course: { id: course.id, title: course.title },
    chapters: course.chapters.map((c) => ({ id: c.id, title: c.title, order: c.order, lessons: c.lessons.map(publicLesson) })),
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
      streamUrl() {
        return null;
      },
    },
  };
}
