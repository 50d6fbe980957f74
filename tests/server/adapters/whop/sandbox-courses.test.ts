import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxCommunities } from '../../../../server/adapters/whop/sandbox-community';
import { createSandboxCourses } from '../../../../server/adapters/whop/sandbox-courses';
import { parseCaptions } from '../../../../server/domain/ingestion/parse-captions';

const demo = resolve(__dirname, '../../../../server/entry/demo-course');
const sandbox = createSandboxCourses((file) => readFile(join(demo, file), 'utf8'));

describe('sandbox Whop course', () => {
  it('offers the demo school one course of two chapters, and nothing to the other school', async () => {
    const [crumb, peak] = sandboxCommunities;
    const courses = await sandbox.api.listCourses(crumb!.companyId);
    expect(courses).toHaveLength(1);
    expect(await sandbox.api.listCourses(peak!.companyId)).toEqual([]);
    const tree = await sandbox.api.getCourseTree(courses[0]!.id);
    expect(tree?.chapters.map((c) => c.lessons.map((l) => l.lessonType))).toEqual([
      ['text', 'video', 'video'],
      ['video', 'video'],
    ]);
  });

  it('serves each video lesson’s captions from the demo course, parseable as WebVTT', async () => {
    const lesson = await sandbox.api.getLesson('lesn_sandboxbulk');
    const text = await sandbox.media.fetchCaptions(lesson!.video!);
    expect((await parseCaptions(text!, 'vtt')).segments.length).toBeGreaterThan(3);
    expect(sandbox.media.streamUrl(lesson!.video!)).toBeNull();
    expect(JSON.stringify(lesson)).not.toContain('.vtt');
  });
});
