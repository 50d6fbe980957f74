import { describe, expect, it } from 'vitest';
import { mediaFileProblem, mediaTypeOf, sortFiles } from '../../../../embed/features/library/media-files';

const file = (name: string, type = '', size = 10) => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('media files', () => {
  it('takes the shared MIME types, and names a type from the extension when the browser gives none', () => {
    expect(mediaTypeOf(file('a.mp4', 'video/mp4'))).toBe('video/mp4');
    expect(mediaTypeOf(file('a.mkv'))).toBe('video/x-matroska');
    expect(mediaTypeOf(file('a.M4A'))).toBe('audio/x-m4a');
    expect(mediaTypeOf(file('a.avi', 'video/x-msvideo'))).toBeNull();
  });

  it('says what is wrong: type, empty, over 20 GB', () => {
    expect(mediaFileProblem(file('a.avi', 'video/x-msvideo'))).toMatch(
      /a\.avi is not a video or audio file we can take/,
    );
    expect(mediaFileProblem(file('a.mp4', 'video/mp4', 0))).toBe('a.mp4 is empty.');
    expect(mediaFileProblem(file('a.mp4', 'video/mp4', 21 * 1024 ** 3))).toBe(
      'a.mp4 is 21 GB; a file can be at most 20 GB.',
    );
    expect(mediaFileProblem(file('a.mp4', 'video/mp4', 20 * 1024 ** 3))).toBeNull();
  });

  it('pairs captions with the video of the same base name, whatever the case; others stay lessons of their own', () => {
    const sorted = sortFiles([
      file('Lesson 1.MP4', 'video/mp4'),
      file('lesson 1.vtt'),
      file('Lesson 2.srt'),
      file('notes.txt', 'text/plain'),
    ]);
    expect(sorted.media.map((m) => [m.file.name, m.title, m.captions?.name])).toEqual([
      ['Lesson 1.MP4', 'Lesson 1', 'lesson 1.vtt'],
    ]);
    expect(sorted.captions.map((c) => c.name)).toEqual(['Lesson 2.srt']);
    expect(sorted.rejected.map((r) => r.fileName)).toEqual(['notes.txt']);
    expect(sorted.batchProblem).toBeNull();
  });

  it('refuses a paired captions file over 10 MB but still uploads the video, to be transcribed', () => {
    const sorted = sortFiles([file('a.mp4', 'video/mp4'), file('a.vtt', '', 11 * 1024 * 1024)]);
    expect(sorted.media[0]?.captions).toBeNull();
    expect(sorted.rejected[0]?.problem).toBe('a.vtt is 11 MB; a captions file can be at most 10 MB.');
  });

  it('refuses more than 20 files at once', () => {
    const sorted = sortFiles(Array.from({ length: 21 }, (_, i) => file(`${i}.mp4`, 'video/mp4')));
    expect(sorted.media).toEqual([]);
    expect(sorted.batchProblem).toBe('You chose 21 files; add at most 20 at a time.');
  });
});
