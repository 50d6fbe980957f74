import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CourseOutlineEditor } from '../../../../embed/features/lessons/components/course-outline-editor';
import type { CourseOutline } from '../../../../shared/schemas/lessons';
import { errorBody, stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const outline: CourseOutline = {
  modules: [{ id: id(8), title: 'Basics' }],
  lessons: [
    { id: id(1), title: 'Welcome', moduleId: null, status: 'completed' },
    { id: id(2), title: 'Starter', moduleId: id(8), status: 'completed' },
    { id: id(3), title: 'Flour', moduleId: id(8), status: 'processing' },
  ],
};
const saved: CourseOutline = { ...outline, lessons: [outline.lessons[0]!, outline.lessons[2]!, outline.lessons[1]!] };

describe('CourseOutlineEditor', () => {
  it('moves a lesson with the keyboard-reachable arrows and saves the whole order', async () => {
    const { callsTo } = stubApi({
      'GET /api/course/outline': { body: outline },
      'PUT /api/course/outline': { body: saved },
    });
    render(<CourseOutlineEditor />);
    const basics = await screen.findByRole('list', { name: 'Lessons in Basics' });
    expect(within(basics).getByText('Processing')).toBeTruthy();
    const up = within(basics).getByRole('button', { name: 'Move Flour up' });
    up.focus();
    fireEvent.click(up);
    await waitFor(() => expect(screen.getByText('Flour moved up.')).toBeTruthy());
    expect(JSON.parse(String(callsTo('/api/course/outline').find((c) => c.method === 'PUT')?.init?.body))).toEqual({
      modules: [id(8)],
      lessons: [
        { videoId: id(1), moduleId: null },
        { videoId: id(3), moduleId: id(8) },
        { videoId: id(2), moduleId: id(8) },
      ],
    });
    expect(
      within(basics)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.startsWith('Flour') || li.textContent?.startsWith('Starter')),
    ).toEqual([true, true]);
    expect(within(basics).getAllByRole('listitem')[0]!.textContent).toMatch(/^Flour/);
    // The moved lesson's button keeps focus (the row is the same element, moved).
    expect(document.activeElement).toBe(up);
  });

  it('puts the saved order back and says so when saving fails', async () => {
    stubApi({
      'GET /api/course/outline': { body: outline },
      'PUT /api/course/outline': {
        status: 503,
        body: errorBody('SERVICE_UNAVAILABLE', 'Chronos is busy, try again.', 'req_o1'),
      },
    });
    render(<CourseOutlineEditor />);
    const select = await screen.findByLabelText('Module of Welcome');
    fireEvent.change(select, { target: { value: id(8) } });
    expect(await screen.findByText('The change was not saved')).toBeTruthy();
    expect((screen.getByLabelText('Module of Welcome') as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('list', { name: 'Lessons in Not in a module' })).toBeTruthy();
  });

  it('adds a module, then shows the outline as the server has it', async () => {
    const withModule: CourseOutline = { ...outline, modules: [...outline.modules, { id: id(9), title: 'Bread' }] };
    const { callsTo } = stubApi({
      'GET /api/course/outline': [{ body: outline }, { body: withModule }],
      'POST /api/course/modules': { status: 201, body: { id: id(9), title: 'Bread' } },
    });
    render(<CourseOutlineEditor />);
    fireEvent.change(await screen.findByLabelText('New module'), { target: { value: '  Bread ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add module' }));
    expect(await screen.findByRole('heading', { name: 'Bread' })).toBeTruthy();
    expect(JSON.parse(String(callsTo('/api/course/modules')[0]?.init?.body))).toEqual({ title: 'Bread' });
    expect(screen.getByText("No lessons in this module yet: choose it in a lesson's Module menu.")).toBeTruthy();
  });
});
