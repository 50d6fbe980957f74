import { describe, expect, it } from 'vitest';
import { CaptionsError, detectCaptionsFormat, parseCaptions } from '../../../server/domain/ingestion/parse-captions';
import { makeCaptionCues, makeCaptions } from '../../support/fixtures/make-captions';

const vtt = (...cues: string[]) => `WEBVTT\n\n${cues.join('\n\n')}\n`;
const texts = async (file: string) => (await parseCaptions(file)).segments.map((s) => s.text);

describe('parseCaptions', () => {
  it('reads WebVTT with cue identifiers, settings, NOTE and STYLE blocks', async () => {
    const file = [
      'WEBVTT - Lesson 1',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'NOTE This is a comment',
      'that spans two lines',
      '',
      'intro',
      '00:00:01.000 --> 00:00:04.500 align:start position:10%',
      'Welcome to the course.',
      '',
      '00:00:05.000 --> 00:00:08.000 line:0',
      "Let's begin.",
    ].join('\n');
    const parsed = await parseCaptions(file);
    expect(parsed.format).toBe('vtt');
    expect(parsed.segments).toEqual([
      { startSeconds: 1, endSeconds: 4.5, text: 'Welcome to the course.' },
      { startSeconds: 5, endSeconds: 8, text: "Let's begin." },
    ]);
    expect(parsed.durationSeconds).toBe(8);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads SRT with commas, dots, CRLF, a BOM and no final newline', async () => {
    const file =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nFirst line\r\nsecond line\r\n\r\n2\r\n00:00:03.250 --> 00:00:04.000\r\nDots work too';
    const parsed = await parseCaptions(file);
    expect(parsed.format).toBe('srt');
    expect(parsed.segments).toEqual([
      { startSeconds: 1, endSeconds: 2.5, text: 'First line second line' },
      { startSeconds: 3.25, endSeconds: 4, text: 'Dots work too' },
    ]);
  });

  it('tolerates indentation and separator lines holding only spaces', async () => {
    const file = '1\n  00:00:01,000 --> 00:00:02,000  \nOne\n   \n2\n00:00:03,000 --> 00:00:04,000\n\tTwo\t\n';
    expect(await texts(file)).toEqual(['One', 'Two']);
  });

  it('reads a WebVTT with a BOM, CRLF and hours omitted', async () => {
    const parsed = await parseCaptions('\uFEFF\r\nWEBVTT\r\n\r\n01:02.500 --> 01:04.000\r\nShort form\r\n');
    expect(parsed.format).toBe('vtt');
    expect(parsed.segments).toEqual([{ startSeconds: 62.5, endSeconds: 64, text: 'Short form' }]);
  });

  it('strips markup, decodes entities, joins lines and collapses whitespace', async () => {
    const file = vtt(
      '00:01.000 --> 00:02.000\n<v Dr. Lee><i>Risk</i> &amp; <b>return</b></v>\n   are   &lt;linked&gt; &#8212; &#x263A;',
      '00:03.000 --> 00:04.000\n<c.loud>Karaoke</c> <00:03.500>style &quot;cue&quot;&nbsp;here',
    );
    expect(await texts(file)).toEqual(['Risk & return are <linked> — ☺', 'Karaoke style "cue" here']);
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ff0">Top</font> text\n\n2\n00:00:03,000 --> 00:00:04,000\nIf a < b and c > d';
    expect(await texts(srt)).toEqual(['Top text', 'If a < b and c > d']);
  });

  it('keeps unicode, normalised to NFC', async () => {
    const file = vtt('00:01.000 --> 00:02.000\nCafe\u0301 · 東京 · Ελληνικά 🚀');
    expect(await texts(file)).toEqual(['Café · 東京 · Ελληνικά 🚀']);
  });

  it('reads timestamps past 24 hours', async () => {
    const parsed = await parseCaptions(vtt('25:00:00.000 --> 25:00:02.000\nLate night'));
    expect(parsed.segments[0]).toMatchObject({ startSeconds: 90_000, endSeconds: 90_002 });
    expect(parsed.durationSeconds).toBe(90_002);
  });

  it('drops empty and zero-length cues and says how many were skipped', async () => {
    const file = vtt(
      '00:01.000 --> 00:02.000\n<i> </i>',
      '00:03.000 --> 00:03.000\nZero',
      '00:04.000 --> 00:05.000\nKept',
      'xx:yy --> 00:07.000\nBad',
    );
    const parsed = await parseCaptions(file);
    expect(parsed.segments.map((s) => s.text)).toEqual(['Kept']);
    expect(parsed.warnings).toEqual(['2 captions were skipped: unreadable or zero-length times.']);
  });

  it('sorts cues, trims overlaps, joins cues that start together and merges repeats', async () => {
    const file = vtt(
      '00:10.000 --> 00:12.000\nThird',
      '00:01.000 --> 00:05.000\nFirst',
      '00:03.000 --> 00:06.000\nSecond',
      '00:10.000 --> 00:11.000\nalso third',
      '00:11.500 --> 00:13.000\nalso third',
    );
    const parsed = await parseCaptions(file);
    expect(parsed.segments).toEqual([
      { startSeconds: 1, endSeconds: 3, text: 'First' },
      { startSeconds: 3, endSeconds: 6, text: 'Second' },
      { startSeconds: 10, endSeconds: 11.5, text: 'Third also third' },
      { startSeconds: 11.5, endSeconds: 13, text: 'also third' },
    ]);
    expect(parsed.durationSeconds).toBe(13);
    expect(parsed.warnings).toEqual(['3 overlapping captions were trimmed or merged so each moment has one caption.']);
    const repeats = await parseCaptions(
      vtt('00:01.000 --> 00:03.000\nSame line', '00:02.000 --> 00:04.000\nSame line'),
    );
    expect(repeats.segments).toEqual([{ startSeconds: 1, endSeconds: 4, text: 'Same line' }]);
  });

  it('detects the format, and reads a mislabelled file as what it is', async () => {
    expect(detectCaptionsFormat('\uFEFF\nWEBVTT\n')).toBe('vtt');
    expect(detectCaptionsFormat('1\n00:00:01,000 --> 00:00:02,000\nHi')).toBe('srt');
    expect(detectCaptionsFormat('Dear diary, today -> nothing')).toBeNull();
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello';
    const parsed = await parseCaptions(srt, 'vtt');
    expect(parsed.format).toBe('srt');
    expect(parsed.segments.map((s) => s.text)).toEqual(['Hello']);
    expect(parsed.warnings).toEqual(['This file is SRT, not VTT; it was read as SRT.']);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n\r\n  '],
    ['prose', 'This is a blog post, not captions.'],
    ['a header without cues', 'WEBVTT\n\nNOTE nothing here\n'],
    ['binary noise', '\u0000\u0001PK\u0003\u0004\uFFFD'],
    ['timings that never parse', '1\nabc --> def\nText'],
  ])('refuses %s input with a message for the creator', async (_name, input) => {
    const err = await parseCaptions(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptionsError);
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'This file has no captions we can read (expected WebVTT or SRT).',
    });
  });

  it('refuses files over the size and cue limits', async () => {
    const big = `WEBVTT\n\n${'x'.repeat(10 * 1024 * 1024)}`;
    await expect(parseCaptions(big)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('10 MB'),
    });
    // Multi-byte text counts in bytes, as the upload does.
    await expect(parseCaptions('é'.repeat(600), undefined, { maxBytes: 1000 })).rejects.toBeInstanceOf(CaptionsError);
    const many = vtt(
      ...Array.from(
        { length: 11 },
        (_, i) => `00:${String(i).padStart(2, '0')}.000 --> 00:${String(i).padStart(2, '0')}.500\nCue ${i}`,
      ),
    );
    await expect(parseCaptions(many, undefined, { maxCues: 10 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'This captions file has more than 10 captions; split it into shorter files.',
    });
    expect((await parseCaptions(many, undefined, { maxCues: 11 })).segments).toHaveLength(11);
  });

  it('reads a generated one-hour lecture cue for cue', async () => {
    const parsed = await parseCaptions(makeCaptions());
    const cues = makeCaptionCues();
    expect(parsed.segments).toHaveLength(cues.length);
    expect(parsed.segments[1]).toEqual({ ...cues[1], text: cues[1]!.text.replace('&amp;', '&') });
    expect(parsed.durationSeconds).toBeGreaterThan(3590);
    expect(parsed.warnings).toEqual([]);
  });

  it('stays linear on a file at the cue limit', async () => {
    const stamp = (s: number) =>
      `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    const file = vtt(...Array.from({ length: 100_000 }, (_, i) => `${stamp(i)} --> ${stamp(i + 1)}\nword ${i}`));
    const started = performance.now();
    const parsed = await parseCaptions(file);
    expect(parsed.segments).toHaveLength(100_000);
    // media-captions' parseText takes about a minute here (quadratic queue); the pull stream takes ~1 s.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
