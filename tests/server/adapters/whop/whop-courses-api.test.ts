import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWhopCoursesApi } from '../../../../server/adapters/whop/whop-courses-api';
import { WhopUnavailableError } from '../../../../server/ports/whop';
import { WhopCoursesDeniedError } from '../../../../server/ports/whop-courses';
import { coursesHandlers, coursesWorld, resetCoursesWorld } from '../../../support/whop-courses-world';
import { installWhopWorld, WHOP_API, whopServer, world } from '../../../support/whop-world';

installWhopWorld();
beforeEach(() => {
  resetCoursesWorld();
  whopServer.use(...coursesHandlers);
});
const api = () => createWhopCoursesApi({ apiKey: 'whop_key_abcdef', maxRetries: 1 });

describe('Whop Courses adapter (@whop/sdk over Whop REST v1 wire format)', () => {
  it('follows the cursor through every page of the company’s courses', async () => {
    expect(await api().listCourses(world.A.companyId)).toEqual([
      { id: 'cors_alphabread', title: 'Bread school' },
      { id: 'cors_alphapastry', title: 'Pastry school' },
    ]);
    expect(coursesWorld.calls).toEqual([
      `courses ${world.A.companyId} after=null`,
      `courses ${world.A.companyId} after=1`,
    ]);
    expect(await api().listCourses(world.B.companyId)).toEqual([]);
  });

  it('reads the course tree in Whop’s chapter and lesson order, whatever order the body lists them in', async () => {
    coursesWorld.chapters['cors_alphabread']!.reverse();
    coursesWorld.chapters['cors_alphabread']![1]!.lessons.reverse();
    const tree = await api().getCourseTree('cors_alphabread');
    expect(tree?.chapters.map((c) => [c.title, c.lessons.map((l) => [l.title, l.lessonType])])).toEqual([
      [
        'Basics',
        [
          ['Welcome', 'text'],
          ['The starter', 'video'],
        ],
      ],
      ['Bake', [['The oven', 'video']]],
    ]);
    expect(await api().getCourseTree('cors_missing')).toBeNull();
  });

  it('reads a lesson’s Mux asset: public playback id, or signed id with its token', async () => {
    const starter = await api().getLesson('lesn_alphastarter');
    expect(starter?.video).toMatchObject({
      id: 'mux_alphastarter',
      playbackId: 'pbstarter',
      signedPlaybackId: null,
      playbackToken: null,
      durationSeconds: 12,
    });
    const oven = await api().getLesson('lesn_alphaoven');
    expect(oven?.video).toMatchObject({
      playbackId: null,
      signedPlaybackId: 'pbovensigned',
      playbackToken: expect.stringMatching(/^tok-/),
    });
    expect((await api().getLesson('lesn_alphawelcome'))?.video).toBeNull();
    expect(await api().getLesson('lesn_gone')).toBeNull();
  });

  it('says when Whop refuses the courses (no courses:read) apart from Whop being down', async () => {
    whopServer.use(
      http.get(`${WHOP_API}/courses`, () => HttpResponse.json({ error: { message: 'Forbidden' } }, { status: 403 })),
    );
    await expect(api().listCourses(world.A.companyId)).rejects.toBeInstanceOf(WhopCoursesDeniedError);
    let calls = 0;
    // Bodiless: the SDK cancels a retried response's body, which msw's interceptor never settles.
    whopServer.use(http.get(`${WHOP_API}/courses/:id`, () => (calls++, new HttpResponse(null, { status: 503 }))));
    await expect(api().getCourseTree('cors_alphabread')).rejects.toBeInstanceOf(WhopUnavailableError);
    expect(calls).toBeGreaterThan(1);
  });

  it('sends the API key as a bearer token', async () => {
    let auth: string | null = null;
    whopServer.use(
      http.get(`${WHOP_API}/course_lessons/:id`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({}, { status: 404 });
      }),
    );
    await api().getLesson('lesn_x');
    expect(auth).toBe('Bearer whop_key_abcdef');
  });

  it('refuses a body that is not Whop’s shape instead of importing garbage', async () => {
    whopServer.use(
      http.get(`${WHOP_API}/course_lessons/:id`, () => HttpResponse.json({ id: 'lesn_x', name: 'no order or type' })),
    );
    await expect(api().getLesson('lesn_x')).rejects.toBeInstanceOf(WhopUnavailableError);
  });
});
