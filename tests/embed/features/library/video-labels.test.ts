import { describe, expect, it } from 'vitest';
import { captionsFileProblem, titleFromFileName } from '../../../../embed/features/library/captions-file';
import { formatCost, formatDuration, formatEta, isFinal } from '../../../../embed/features/library/video-labels';

describe('library labels', () => {
  it('formats durations as m:ss and h:mm:ss, unknown as a dash', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('—');
  });

  it('formats costs to the cent', () => {
    expect(formatCost(0)).toBe('$0.00');
    expect(formatCost(0.0042)).toBe('$0.00');
    expect(formatCost(1.5)).toBe('$1.50');
  });

  it('treats only completed and failed as final', () => {
    expect(isFinal('completed')).toBe(true);
    expect(isFinal('failed')).toBe(true);
    expect(isFinal('embedding')).toBe(false);
    expect(isFinal('pending')).toBe(false);
  });

  it('checks a captions file before sending it', () => {
    expect(captionsFileProblem({ name: 'a.VTT', size: 10 })).toBeNull();
    expect(captionsFileProblem({ name: 'a.srt', size: 10 * 1024 * 1024 })).toBeNull();
    expect(captionsFileProblem({ name: 'a.mp4', size: 10 })).toMatch(/not a captions file/);
    expect(captionsFileProblem({ name: 'a.srt', size: 0 })).toBe('a.srt is empty.');
    expect(captionsFileProblem({ name: 'a.srt', size: 10 * 1024 * 1024 + 1 })).toMatch(/at most 10 MB/);
  });

  it('titles a file after its name without the extension', () => {
    expect(titleFromFileName('Lesson 1.vtt')).toBe('Lesson 1');
    expect(titleFromFileName('notes.final.srt')).toBe('notes.final');
  });
});

describe('formatEta', () => {
  it('reads like a person would say it', () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta(20)).toBe('less than a minute left');
    expect(formatEta(130)).toBe('about 2 min left');
    expect(formatEta(3600)).toBe('about 1 h left');
    expect(formatEta(3900)).toBe('about 1 h 5 min left');
  });
});
