import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFfmpegAudioExtractor } from '../../../../server/adapters/audio/ffmpeg-audio-extractor';
import { NOT_MEDIA_REASON } from '../../../../server/adapters/audio/media-formats';
import { AudioExtractionError } from '../../../../server/ports/audio-extractor';
import { requireMediaTools, runTool } from '../../../support/media/media-tools';

// The red team's attack: an "mp4" upload whose bytes are a playlist or list naming
// another creator's stored audio by a path relative to the upload. ffmpeg, left to
// detect the format, opens what the list names. The store is laid out as the disk
// blob store lays it out: <root>/<creator>/<video>/<name>.
let root: string;
let scratch: string;
const VICTIM = 'biz_victim0/11111111-1111-4111-8111-111111111111';
const ATTACKER = 'biz_attacker0/22222222-2222-4222-8222-222222222222';
const victimAudio = () => join(root, VICTIM, 'audio-000.mp3');
const victimVideo = () => join(root, VICTIM, 'media.mp4');
const extractor = () => createFfmpegAudioExtractor({ tempDir: scratch });

beforeAll(async () => {
  await requireMediaTools();
  root = await mkdtemp(join(tmpdir(), 'chronos-hostile-'));
  scratch = join(root, 'scratch');
  await Promise.all([
    mkdir(scratch),
    mkdir(join(root, VICTIM), { recursive: true }),
    mkdir(join(root, ATTACKER), { recursive: true }),
  ]);
  // The victim's files: a 16 kHz mono MP3 part (as the browser uploads it) and an MP4 with sound.
  await runTool('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=3',
    '-ar',
    '16000',
    '-ac',
    '1',
    '-b:a',
    '32k',
    victimAudio(),
  ]);
  await runTool('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=330:duration=3',
    '-f',
    'lavfi',
    '-i',
    'color=size=64x64:duration=3',
    '-shortest',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    victimVideo(),
  ]);
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Stores the attacker's upload where the disk store would, as `media.mp4`. */
async function plant(name: string, content: string): Promise<string> {
  const dir = join(
    root,
    ATTACKER.replace(/2222(?=-)/, name.length.toString(16).padStart(4, '0')) + name.replace(/[^a-z]/g, ''),
  );
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'media.mp4');
  await writeFile(path, content);
  return path;
}

const hls = (target: string) =>
  `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:3.0,\n${target}\n#EXT-X-ENDLIST\n`;
const dash = (target: string) => `<?xml version="1.0" encoding="UTF-8"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT3S" minBufferTime="PT1S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
  <Period><AdaptationSet mimeType="audio/mp4"><Representation id="a" bandwidth="64000"><BaseURL>${target}</BaseURL></Representation></AdaptationSet></Period>
</MPD>
`;

describe('an upload is opened only as media', () => {
  it.each([
    [
      'an HLS playlist naming another creator’s audio by relative path',
      'hls',
      () => hls(`../../${VICTIM}/audio-000.mp3`),
    ],
    ['an HLS playlist naming it by absolute path', 'hlsabs', () => hls(victimAudio())],
    ['an HLS playlist naming it as a file: URL', 'hlsurl', () => hls(`file:${victimAudio()}`)],
    ['a DASH manifest naming another creator’s video', 'dash', () => dash(`../../${VICTIM}/media.mp4`)],
    ['a DASH manifest naming it by absolute path', 'dashabs', () => dash(victimVideo())],
    ['an ffconcat list', 'ffconcat', () => `ffconcat version 1.0\nfile ../../${VICTIM}/audio-000.mp3\n`],
    ['a concat demuxer list', 'concat', () => `file '../../${VICTIM}/audio-000.mp3'\nfile '${victimAudio()}'\n`],
  ])('refuses %s, reading nothing it names', async (_label, name, content) => {
    const upload = await plant(name, content());
    const failure = extractor().extract({ path: upload });
    // Before the fix, the first five came back as audio parts: the victim's tone, ready to transcribe.
    await expect(failure).rejects.toBeInstanceOf(AudioExtractionError);
    await expect(failure).rejects.toThrow(NOT_MEDIA_REASON);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('refuses an upload that is a symlink to another creator’s audio', async () => {
    const dir = join(root, 'biz_attacker0', '33333333-3333-4333-8333-333333333333');
    await mkdir(dir, { recursive: true });
    const upload = join(dir, 'media.mp4');
    await symlink(`../../${VICTIM}/audio-000.mp3`, upload);
    expect((await readFile(upload)).byteLength).toBeGreaterThan(1000); // the link does lead to the victim's MP3
    const failure = extractor().extract({ path: upload });
    await expect(failure).rejects.toThrow(new AudioExtractionError(NOT_MEDIA_REASON));
    expect(await readdir(scratch)).toEqual([]);
  });

  it('still extracts a real MP4 and a real MP3, each from its own working folder', async () => {
    for (const path of [victimVideo(), victimAudio()]) {
      const result = await extractor().extract({ path });
      expect(result.parts).toHaveLength(1);
      expect(result.durationSeconds).toBeGreaterThan(2.5);
      expect(result.parts[0]!.bytes.byteLength).toBeGreaterThan(8000);
    }
    expect(await readdir(scratch)).toEqual([]);
  });
});

describe('audio parts from the browser are checked as MP3 before transcription', () => {
  it('accepts an MP3 part', async () => {
    await expect(extractor().checkAudioPart!(await readFile(victimAudio()))).resolves.toBeUndefined();
  });

  it.each([
    ['an HLS playlist', () => hls(`../../${VICTIM}/audio-000.mp3`)],
    ['a DASH manifest', () => dash(victimVideo())],
    ['an ffconcat list', () => `ffconcat version 1.0\nfile ${victimAudio()}\n`],
    ['text', () => 'these are my notes\n'.repeat(100)],
  ])('refuses %s', async (_label, content) => {
    await expect(extractor().checkAudioPart!(new TextEncoder().encode(content()))).rejects.toThrow(
      new AudioExtractionError(NOT_MEDIA_REASON),
    );
    expect(await readdir(scratch)).toEqual([]);
  });

  it('refuses media that is not MP3 (an MP4 with AAC sound)', async () => {
    await expect(extractor().checkAudioPart!(await readFile(victimVideo()))).rejects.toThrow(
      new AudioExtractionError(NOT_MEDIA_REASON),
    );
  });
});
