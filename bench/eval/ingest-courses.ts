import type { InProcessJobQueue } from '../../server/adapters/queue/in-process-job-queue';
import type { Db } from '../../server/ports/db';
import type { VideoSummary } from '../../shared/schemas/videos';
import { COMPANY_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { signBenchToken } from '../support/bench-whop';
import { creatorIdOf } from '../support/course-corpus';
import type { Course } from './course-set';
import type { EvalHttp } from './eval-app';
import { adminIdOf } from './eval-app';

export interface IngestedCourse {
  course: Course;
  /** Index in the eval world: creator biz_benchNN, experience exp_benchNN. */
  index: number;
  creatorId: string;
  /** Lesson file name → video id, and back. */
  videoIdOf: Map<string, string>;
  fileOf: Map<string, string>;
  chunks: number;
}

/**
 * Each course becomes its own creator (tenant) on ENTERPRISE, so no plan limit
 * shapes the result. The tier is written directly, as a Whop plan webhook would
 * have set it: the eval is about answers, not billing.
 */
async function createCreator(db: Db, index: number, name: string): Promise<string> {
  const creatorId = creatorIdOf(index);
  await db.query(`insert into creators (id, name, tier, tier_updated_at) values ($1, $2, 'ENTERPRISE', now())`, [
    creatorId,
    name,
  ]);
  return creatorId;
}

/**
 * Uploads every lesson through POST /api/videos/captions as the course's admin,
 * lets the in-process queue run the real pipeline, then checks through
 * GET /api/videos that every lesson completed (a failed one stops the run: scores
 * over a half-ingested course would mislead).
 */
export async function ingestCourses(
  app: EvalHttp,
  db: Db,
  jobs: InProcessJobQueue,
  courses: Course[],
): Promise<IngestedCourse[]> {
  const out: IngestedCourse[] = [];
  for (const [index, course] of courses.entries()) {
    const creatorId = await createCreator(db, index, course.name);
    const headers = {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signBenchToken(adminIdOf(index)),
      [COMPANY_HEADER]: creatorId,
    };
    const videoIdOf = new Map<string, string>();
    for (const lesson of course.lessons) {
      const res = await app.request('/api/videos/captions', {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: lesson.title, fileName: lesson.fileName, text: lesson.text }),
      });
      if (res.status !== 201)
        throw new Error(`${course.name}/${lesson.fileName}: upload answered ${res.status} ${await res.text()}`);
      videoIdOf.set(lesson.fileName, ((await res.json()) as VideoSummary).id);
    }
    out.push({
      course,
      index,
      creatorId,
      videoIdOf,
      fileOf: new Map([...videoIdOf].map(([f, id]) => [id, f])),
      chunks: 0,
    });
  }
  await jobs.idle();
  for (const ingested of out) {
    const res = await app.request('/api/videos', {
      headers: {
        [USER_TOKEN_HEADER]: await signBenchToken(adminIdOf(ingested.index)),
        [COMPANY_HEADER]: ingested.creatorId,
      },
    });
    const { videos } = (await res.json()) as { videos: VideoSummary[] };
    const unfinished = videos.filter((v) => v.status !== 'completed');
    if (unfinished.length > 0 || videos.length !== ingested.videoIdOf.size) {
      const why = unfinished
        .map((v) => `${ingested.fileOf.get(v.id)}: ${v.status}${v.error ? ` (${v.error})` : ''}`)
        .join('; ');
      throw new Error(
        `${ingested.course.name}: not every lesson was processed: ${why || `${videos.length} of ${ingested.videoIdOf.size} listed`}`,
      );
    }
    ingested.chunks = videos.reduce((sum, v) => sum + v.chunkCount, 0);
  }
  return out;
}
