import { describe, expect, it } from 'vitest';
import {
  moveLesson,
  moveModule,
  type Outline,
  setLessonModule,
  toOutlineRequest,
} from '../../../../embed/features/lessons/outline-order';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const outline: Outline = {
  modules: [
    { id: id(8), title: 'Basics' },
    { id: id(9), title: 'Bread' },
  ],
  lessons: [
    { id: id(1), title: 'Welcome', moduleId: null, status: 'completed' },
    { id: id(2), title: 'Starter', moduleId: id(8), status: 'completed' },
    { id: id(3), title: 'Flour', moduleId: id(8), status: 'completed' },
    { id: id(4), title: 'Shaping', moduleId: id(9), status: 'processing' },
  ],
};
const titles = (o: Outline) => o.lessons.map((l) => l.title);

describe('outline moves', () => {
  it('moves a lesson inside its group, and not past its ends', () => {
    expect(titles(moveLesson(outline, id(3), -1))).toEqual(['Welcome', 'Flour', 'Starter', 'Shaping']);
    expect(titles(moveLesson(outline, id(2), -1))).toEqual(['Welcome', 'Starter', 'Flour', 'Shaping']);
    expect(titles(moveLesson(outline, id(4), 1))).toEqual(['Welcome', 'Starter', 'Flour', 'Shaping']);
  });

  it('puts a lesson at the end of another module, or outside any', () => {
    const moved = setLessonModule(outline, id(1), id(9));
    expect(moved.lessons.map((l) => [l.title, l.moduleId])).toEqual([
      ['Starter', id(8)],
      ['Flour', id(8)],
      ['Shaping', id(9)],
      ['Welcome', id(9)],
    ]);
    expect(titles(setLessonModule(outline, id(4), null))).toEqual(['Welcome', 'Shaping', 'Starter', 'Flour']);
  });

  it('moves a module with its lessons, and saves exactly what is shown', () => {
    const moved = moveModule(outline, id(9), -1);
    expect(moved.modules.map((m) => m.title)).toEqual(['Bread', 'Basics']);
    expect(toOutlineRequest(moved)).toEqual({
      modules: [id(9), id(8)],
      lessons: [
        { videoId: id(1), moduleId: null },
        { videoId: id(4), moduleId: id(9) },
        { videoId: id(2), moduleId: id(8) },
        { videoId: id(3), moduleId: id(8) },
      ],
    });
  });
});
