import { describe, expect, it } from 'vitest';
import { stitchTranscripts, type TranscriptPart } from '../../../server/ports/transcriber';

const seg = (startSeconds: number, endSeconds: number, text: string) => ({ startSeconds, endSeconds, text });
const part = (
  offsetSeconds: number,
  durationSeconds: number,
  segments: ReturnType<typeof seg>[],
  language: string | null = 'english',
): TranscriptPart => ({
  offsetSeconds,
  durationSeconds,
  segments,
  language,
});

describe('stitchTranscripts', () => {
  it('puts parts back in offset order, whatever order they finished in', () => {
    const stitched = stitchTranscripts([
      part(1200, 600, [seg(1200, 1210, 'third'), seg(1790, 1800, 'end')]),
      part(0, 600, [seg(0, 5, 'first')]),
      part(600, 600, [seg(600, 612, 'second')]),
    ]);
    expect(stitched).toEqual({
      segments: [seg(0, 5, 'first'), seg(600, 612, 'second'), seg(1200, 1210, 'third'), seg(1790, 1800, 'end')],
      durationSeconds: 1800,
      language: 'english',
    });
  });

  it('trims texts and drops empty ones', () => {
    const stitched = stitchTranscripts([
      part(0, 20, [seg(0, 4, '  hello '), seg(4, 8, '   '), seg(8, 9, ''), seg(9, 12, ' world')]),
    ]);
    expect(stitched.segments).toEqual([seg(0, 4, 'hello'), seg(9, 12, 'world')]);
  });

  it('clamps an earlier part at the next offset and drops what the next part transcribed again', () => {
    const stitched = stitchTranscripts([
      part(0, 605, [seg(590, 603, 'runs past the cut'), seg(601, 605, 'heard twice')]),
      part(600, 300, [seg(600, 606, 'heard twice, kept here'), seg(606, 610, 'next')]),
    ]);
    expect(stitched.segments).toEqual([
      seg(590, 600, 'runs past the cut'),
      seg(600, 606, 'heard twice, kept here'),
      seg(606, 610, 'next'),
    ]);
    expect(stitched.durationSeconds).toBe(900);
  });

  it('never lets time go backwards across a boundary or a segment end before its start', () => {
    const stitched = stitchTranscripts([
      part(0, 10, [seg(2, 9, 'a')]),
      part(5, 10, [seg(4, 4.5, 'b'), seg(6, 8, 'c')]),
    ]);
    expect(stitched.segments).toEqual([seg(2, 5, 'a'), seg(5, 5, 'b'), seg(6, 8, 'c')]);
    for (const s of stitched.segments) expect(s.endSeconds).toBeGreaterThanOrEqual(s.startSeconds);
  });

  it('takes the first language any part reports, and copes with nothing', () => {
    expect(stitchTranscripts([part(0, 10, [], null), part(10, 10, [seg(10, 11, 'hi')], 'english')]).language).toBe(
      'english',
    );
    expect(stitchTranscripts([])).toEqual({ segments: [], durationSeconds: 0, language: null });
  });

  it('does not change the parts it is given', () => {
    const parts = [part(600, 10, [seg(600, 601, ' b ')]), part(0, 605, [seg(601, 604, 'a')])];
    const copy = structuredClone(parts);
    stitchTranscripts(parts);
    expect(parts).toEqual(copy);
  });
});
