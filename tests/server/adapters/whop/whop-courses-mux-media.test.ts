import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createMuxMediaSource,
  joinVttSegments,
  MediaHostRefusedError,
} from '../../../../server/adapters/whop/whop-courses-mux-media';
import { parseCaptions } from '../../../../server/domain/ingestion/parse-captions';
import { LessonMediaTooLargeError, type WhopVideoAsset } from '../../../../server/ports/whop-courses';
import { coursesHandlers, MUX, resetCoursesWorld, segmentedCaptions } from '../../../support/whop-courses-world';
import { installWhopWorld, whopServer } from '../../../support/whop-world';

installWhopWorld();
beforeEach(() => {
  resetCoursesWorld();
  whopServer.use(...coursesHandlers);
});
const asset = (over: Partial<WhopVideoAsset>): WhopVideoAsset => ({
  id: 'mux_x',
  playbackId: null,
  signedPlaybackId: null,
  playbackToken: null,
  durationSeconds: 12,
  updatedAt: null,
  status: 'ready',
  ...over,
});
const mux = createMuxMediaSource();

describe('Mux media (stream.mux.com wire format)', () => {
  it('reads captions from the HLS subtitles rendition, segments joined, repeated cues once', async () => {
    const text = await mux.fetchCaptions(asset({ playbackId: 'pbstarter' }));
    const parsed = await parseCaptions(text!, 'vtt');
    expect(parsed.segments.map((s) => s.text)).toEqual([
      'A levain is a starter built for one bake.',
      'Feed…',
      'Feed the levain the night before baking.',
    ]);
    expect(parsed.segments[2]!.startSeconds).toBe(5);
  });

  it('answers null when the asset has no captions track (the audio path then applies)', async () => {
    expect(await mux.fetchCaptions(asset({ signedPlaybackId: 'pbovensigned', playbackToken: 'tok-1' }))).toBeNull();
    expect(await mux.fetchCaptions(asset({}))).toBeNull();
  });

  it('plays a public id as is and a signed id with its token', () => {
    expect(mux.streamUrl(asset({ playbackId: 'pbstarter' }))).toBe(`${MUX}/pbstarter.m3u8`);
    expect(mux.streamUrl(asset({ signedPlaybackId: 'pbsigned', playbackToken: 'a.b.c' }))).toBe(
      `${MUX}/pbsigned.m3u8?token=a.b.c`,
    );
    expect(mux.streamUrl(asset({ signedPlaybackId: 'pbsigned' }))).toBeNull();
  });

  it('downloads the audio rendition within the cap, and refuses more', async () => {
    const oven = asset({ signedPlaybackId: 'pbovensigned', playbackToken: 'tok-1' });
    expect((await mux.fetchAudio(oven, { maxBytes: 4096 }))?.bytes.byteLength).toBe(2048);
    await expect(mux.fetchAudio(oven, { maxBytes: 1000 })).rejects.toBeInstanceOf(LessonMediaTooLargeError);
    expect(await mux.fetchAudio(asset({ playbackId: 'pbstarter' }), { maxBytes: 4096 })).toBeNull();
  });

  it('never follows a playlist or redirect off the allowlisted hosts', async () => {
    whopServer.use(
      http.get(
        `${MUX}/:file`,
        () =>
          new HttpResponse(
            '#EXTM3U\n#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="s",DEFAULT=YES,URI="http://169.254.169.254/latest/meta-data.vtt"\n',
          ),
      ),
    );
    await expect(mux.fetchCaptions(asset({ playbackId: 'pbstarter' }))).rejects.toBeInstanceOf(MediaHostRefusedError);
    whopServer.use(
      http.get(
        `${MUX}/:id/audio.m4a`,
        () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.example/audio.m4a' } }),
      ),
    );
    await expect(mux.fetchAudio(asset({ playbackId: 'pbstarter' }), { maxBytes: 4096 })).rejects.toBeInstanceOf(
      MediaHostRefusedError,
    );
  });

  it('joins segments: headers and timestamp maps dropped, cue ids ignored when deduplicating', () => {
    const [a, b] = segmentedCaptions(['one two', 'three four']);
    expect(joinVttSegments([a!, b!]).match(/-->/g)).toHaveLength(3);
    expect(
      joinVttSegments([
        'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nhi',
        'WEBVTT\n\n7\n00:00:01.000 --> 00:00:02.000\nhi',
      ]),
    ).toBe('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nhi\n');
    expect(joinVttSegments(['WEBVTT\n\n'])).toBe('');
  });
});
