import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WhopImportPanel } from '../../../../embed/features/whop-import/components/whop-import-panel';
import { errorBody, stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';

const VIDEO_ID = '7f6b7b9e-2f1c-4d4e-9a55-3b1f0c2d9e11';
const tree = {
  courses: [
    {
      id: 'cors_bread',
      title: 'Bread school',
      chapters: [
        {
          id: 'chap_one',
          title: 'Basics',
          lessons: [
            {
              id: 'lesn_welcome',
              title: 'Welcome',
              lessonType: 'text',
              importable: false,
              state: 'new',
              videoId: null,
            },
            {
              id: 'lesn_starter',
              title: 'The starter',
              lessonType: 'video',
              importable: true,
              state: 'new',
              videoId: null,
            },
            {
              id: 'lesn_oven',
              title: 'The oven',
              lessonType: 'video',
              importable: true,
              state: 'changed',
              videoId: VIDEO_ID,
            },
          ],
        },
      ],
    },
  ],
  removed: [{ whopLessonId: 'lesn_old', title: 'Old lesson', courseTitle: 'Bread school', videoId: VIDEO_ID }],
};

describe('WhopImportPanel', () => {
  it('asks Whop only when opened, then imports the lessons picked in the tree and reports each', async () => {
    const api = stubApi({
      'GET /api/whop-import/courses': { body: tree },
      'POST /api/whop-import': {
        body: {
          results: [
            {
              whopLessonId: 'lesn_starter',
              title: 'The starter',
              outcome: 'created',
              videoId: VIDEO_ID,
              transcriptFrom: 'captions',
              message: null,
            },
            {
              whopLessonId: 'lesn_oven',
              title: 'The oven',
              outcome: 'skipped',
              videoId: null,
              transcriptFrom: null,
              message: 'This lesson is still being processed.',
            },
          ],
          removed: [],
        },
      },
    });
    render(<WhopImportPanel />);
    expect(api.calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Choose lessons' }));
    expect(await screen.findByText('Changed in Whop')).toBeTruthy();
    expect(screen.getByText('Old lesson')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /Welcome/ }) as HTMLInputElement).disabled).toBe(true);

    // The course checkbox picks every video lesson (not the text one).
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bread school' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 lessons' }));
    expect(await screen.findByText('1 of 2 lessons imported')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(JSON.parse(String(post?.init?.body))).toEqual({
      courseId: 'cors_bread',
      lessonIds: ['lesn_starter', 'lesn_oven'],
    });
    expect(screen.getByText(/This lesson is still being processed/)).toBeTruthy();
  });

  it('says what Whop refused, with a retry', async () => {
    stubApi({
      'GET /api/whop-import/courses': {
        status: 403,
        body: errorBody('FORBIDDEN', 'Whop did not let Chronos read your courses.', 'req_1'),
      },
    });
    render(<WhopImportPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose lessons' }));
    expect(await screen.findByText(/Whop did not let Chronos read your courses/)).toBeTruthy();
  });
});
