import type { Db } from '../../server/ports/db';
import { signBenchToken } from '../support/bench-whop';
import { studentIdOf } from '../support/course-corpus';
import { askCourse, isRefusal } from './ask-course';
import { createBm25Baseline } from './baselines/bm25-windows';
import { createExactVectorScan, memoEmbed } from './baselines/exact-vector-scan';
import type { CourseSet } from './course-set';
import { createEvalApp } from './eval-app';
import type { EvalProviders } from './eval-providers';
import type { AnswerRecord, EvalReport, OutsideRecord, RetrievalRanks } from './eval-report';
import { type IngestedCourse, ingestCourses } from './ingest-courses';
import { createLeakDetector } from './leak-check';
import type { ChatAnswer } from './read-chat-answer';
import { cachedEmbedder, readRetrievalSignals } from './retrieval-signals';
import { firstCorrectRank, isCorrectMoment, type Moment } from './score-rules';

/** Deepest rank scored (recall@10). */
const DEPTH = 10;

function servedOf(answer: ChatAnswer, course: IngestedCourse) {
  return answer.sources.map((s) => ({
    n: s.n,
    file: course.fileOf.get(s.videoId ?? '') ?? null,
    startSeconds: s.startSeconds,
    endSeconds: s.endSeconds,
    score: s.score,
  }));
}

/**
 * One whole run over an empty, migrated database: every course ingested through
 * the real upload route and pipeline, every question asked through the real chat
 * route, and the baselines ranked over the same courses, side by side.
 */
export async function evaluate(
  set: CourseSet,
  providers: EvalProviders,
  db: Db,
  log: (line: string) => void,
): Promise<EvalReport> {
  const { app, jobs } = await createEvalApp(db, providers);
  const t0 = performance.now();
  const ingested = await ingestCourses(app, db, jobs, set.courses);
  const ingestMs = performance.now() - t0;
  log(
    `ingested ${ingested.map((c) => `${c.course.name} (${c.course.lessons.length} lessons, ${c.chunks} chunks)`).join(', ')} in ${(ingestMs / 1000).toFixed(1)} s`,
  );

  const embedOne = memoEmbed(providers.embedder);
  const harnessPorts = { db, embedder: cachedEmbedder(providers.embedder, embedOne) };
  const byName = new Map(ingested.map((c) => [c.course.name, c]));
  const answers: AnswerRecord[] = [];
  const outside: OutsideRecord[] = [];
  const detectors = new Map<string, ReturnType<typeof createLeakDetector>>();

  for (const course of ingested) {
    const token = await signBenchToken(studentIdOf(course.index, 0));
    const bm25 = await createBm25Baseline(course.course, false);
    const bm25Title = await createBm25Baseline(course.course, true);
    const exact = await createExactVectorScan(db, course.creatorId, providers.embedder.model, course.fileOf);
    const signalsOf = async (question: string, answer: ChatAnswer) => {
      const signals = await readRetrievalSignals(harnessPorts, {
        creatorId: course.creatorId,
        question,
        fileOf: course.fileOf,
      });
      const vector = exact.rank(await embedOne(question), DEPTH);
      return {
        signals,
        vector,
        scores: {
          topFused: answer.sources[0]?.score ?? null,
          topSimilarity: vector.topSimilarity,
          topCoverage: signals.topCoverage,
        },
      };
    };

    for (const q of course.course.questions) {
      const answer = await askCourse(app, course, token, q.question);
      const served = servedOf(answer, course);
      const { signals, vector, scores } = await signalsOf(q.question, answer);
      const rank = (ranked: readonly Moment[]) => firstCorrectRank(q, ranked);
      const ranks: RetrievalRanks = {
        chronosServed: rank(served),
        chronos10: rank(signals.ranked10),
        chronosNoFloor: rank(signals.unfloored10),
        bm25: rank(bm25.search(q.question, DEPTH)),
        bm25Title: rank(bm25Title.search(q.question, DEPTH)),
        exactVector: rank(vector.ranked),
      };
      const citations = answer.citations.map((c) => {
        const moment = { file: course.fileOf.get(c.videoId ?? '') ?? null, startSeconds: c.startSeconds };
        return { ...c, file: moment.file, correct: isCorrectMoment(q, moment) };
      });
      answers.push({
        id: q.id,
        course: course.course.name,
        question: q.question,
        expected: { video: q.video, start: q.start, end: q.end },
        sources: served,
        ranked10: signals.ranked10,
        unfloored10: signals.unfloored10,
        citations,
        answer: answer.text,
        refused: isRefusal(answer),
        noAnswer: answer.done?.noAnswer ?? null,
        answered: citations.some((c) => c.correct),
        error: answer.error,
        latencyMs: answer.totalMs,
        ranks,
        scores,
      });
    }

    for (const q of set.outside.filter((o) => o.askIn.includes(course.course.name))) {
      const answer = await askCourse(app, course, token, q.question);
      const served = servedOf(answer, course);
      const { scores } = await signalsOf(q.question, answer);
      let leak: OutsideRecord['leak'] = null;
      const other = q.answeredIn ? byName.get(q.answeredIn.course) : undefined;
      if (q.type === 'cross_tenant' && other) {
        const key = `${course.course.name}→${other.course.name}`;
        if (!detectors.has(key)) detectors.set(key, createLeakDetector(course.course, other.course));
        const detect = await detectors.get(key)!;
        const foreignIds = [...answer.citations.map((c) => c.videoId), ...answer.sources.map((s) => s.videoId)].filter(
          (id): id is string => id !== null && !course.fileOf.has(id),
        );
        const text = detect([answer.text, ...answer.sources.map((s) => s.text)].join('\n'));
        leak = {
          foreignVideoIds: [...new Set(foreignIds)],
          foreignText: text,
          leaked: foreignIds.length > 0 || text !== null,
        };
      }
      outside.push({
        id: q.id,
        type: q.type,
        course: course.course.name,
        question: q.question,
        sources: served,
        citations: answer.citations.map((c) => ({ ...c, file: course.fileOf.get(c.videoId ?? '') ?? null })),
        answer: answer.text,
        refused: isRefusal(answer),
        noAnswer: answer.done?.noAnswer ?? null,
        error: answer.error,
        latencyMs: answer.totalMs,
        leak,
        scores,
      });
    }
    log(
      `asked ${course.course.name}: ${answers.filter((a) => a.course === course.course.name).length} course questions, ${outside.filter((o) => o.course === course.course.name).length} outside`,
    );
  }
  await jobs.stop();
  return {
    createdAt: new Date().toISOString(),
    data: set.dir,
    providers: {
      embedder: providers.embedder.model,
      answerer: `${providers.answerer.name} (${providers.answerer.mode})`,
    },
    courses: ingested.map((c) => ({
      name: c.course.name,
      lessons: c.course.lessons.map((l) => ({ file: l.fileName, title: l.title })),
      chunks: c.chunks,
    })),
    ingestMs,
    answers,
    outside,
  };
}
