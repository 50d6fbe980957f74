#!/usr/bin/env node
/**
 * Makes the demo course's videos from its captions, once; the output is committed
 * (server/entry/demo-course/*.webm) so `npm start` never needs these tools.
 *
 *   node scripts/generate-demo-videos.mjs            # every lesson
 *   node scripts/generate-demo-videos.mjs 02         # lessons whose file starts with 02
 *
 * Each cue is spoken by espeak-ng (offline TTS) and placed at the cue's start, so the
 * captions say what the video says; the picture is a slide with the lesson title and the
 * current cue (ffmpeg drawtext). WebM (VP9 + Opus): every Chromium build plays it, and a
 * mostly still slide at 5 fps with 20 kbit/s mono speech keeps all four lessons near 3 MB.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COURSE_DIR = fileURLToPath(new URL('../server/entry/demo-course/', import.meta.url));
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const WIDTH = 480;
const HEIGHT = 270;
const FPS = 5;
const VOICE_RATE = 165; // words per minute; raised per cue when a cue is too short for it
const MAX_RATE = 260;
const WRAP_COLUMNS = 40;

const MISSING_HELP = {
  'espeak-ng': 'apt-get install -y espeak-ng (Debian/Ubuntu), brew install espeak-ng (macOS)',
  ffmpeg: 'apt-get install -y ffmpeg (with libvpx, libopus, libfreetype), brew install ffmpeg (macOS)',
  ffprobe: 'comes with ffmpeg',
};

function run(tool, args, { capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) =>
      reject(e.code === 'ENOENT' ? new Error(`${tool} is not installed: ${MISSING_HELP[tool] ?? 'install it'}`) : e),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${tool} exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

async function requireTools() {
  for (const [tool, args] of [
    ['espeak-ng', ['--version']],
    ['ffmpeg', ['-version']],
    ['ffprobe', ['-version']],
  ])
    await run(tool, args);
  for (const font of [FONT, FONT_BOLD]) {
    await stat(font).catch(() => {
      throw new Error(`${font} is missing: apt-get install -y fonts-dejavu-core`);
    });
  }
}

/** `HH:MM:SS.mmm` or `MM:SS.mmm` → seconds. */
function toSeconds(stamp) {
  const parts = stamp.trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function parseVtt(text) {
  const title = /^NOTE (.+?) —/m.exec(text)?.[1];
  const cues = [];
  for (const block of text.replace(/\r/g, '').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [start, end] = lines[at].split('-->').map((s) => toSeconds(s.split(/\s+/).filter(Boolean)[0] ?? s));
    cues.push({
      start,
      end,
      text: lines
        .slice(at + 1)
        .join(' ')
        .trim(),
    });
  }
  if (!title || cues.length === 0) throw new Error('a demo lesson needs a "NOTE <title> —" line and cues');
  return { title, cues };
}

/** espeak-ng's WAV: 16-bit mono PCM; returns its sample rate and samples. */
function readWav(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    let size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') sampleRate = view.getUint32(offset + 12, true);
    if (id === 'data') {
      // espeak-ng writing to a file may leave the size as 0x7fffffff (streamed header).
      size = Math.min(size, bytes.length - offset - 8);
      return { sampleRate, samples: new Int16Array(bytes.slice(offset + 8, offset + 8 + (size & ~1)).buffer) };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk in the WAV espeak-ng wrote');
}

function writeWav({ sampleRate, samples }) {
  const header = new DataView(new ArrayBuffer(44));
  const put = (at, text) => {
    for (let i = 0; i < text.length; i++) header.setUint8(at + i, text.charCodeAt(i));
  };
  put(0, 'RIFF');
  header.setUint32(4, 36 + samples.byteLength, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate * 2, true);
  header.setUint16(32, 2, true);
  header.setUint16(34, 16, true);
  put(36, 'data');
  header.setUint32(40, samples.byteLength, true);
  return Buffer.concat([
    Buffer.from(header.buffer),
    Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength),
  ]);
}

/** Speaks one cue, faster when needed so it ends before `slotSeconds` (the next cue's start). */
async function speak(dir, index, text, slotSeconds) {
  const path = join(dir, `cue-${index}.wav`);
  let rate = VOICE_RATE;
  for (;;) {
    await run('espeak-ng', ['-v', 'en-us', '-s', String(rate), '-w', path, text]);
    const wav = readWav(await readFile(path));
    const seconds = wav.samples.length / wav.sampleRate;
    if (seconds <= slotSeconds || rate >= MAX_RATE) return wav;
    rate = Math.min(MAX_RATE, Math.ceil(rate * (seconds / slotSeconds) * 1.03));
  }
}

function wrap(text, columns) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

async function makeLesson(file) {
  const { title, cues } = parseVtt(await readFile(join(COURSE_DIR, file), 'utf8'));
  const dir = await mkdtemp(join(tmpdir(), 'chronos-demo-video-'));
  try {
    const duration = cues.at(-1).end + 1.5;
    let track = null;
    for (const [i, cue] of cues.entries()) {
      const slot = (cues[i + 1]?.start ?? duration) - cue.start - 0.1;
      const wav = await speak(dir, i, cue.text, slot);
      track ??= { sampleRate: wav.sampleRate, samples: new Int16Array(Math.ceil(duration * wav.sampleRate)) };
      // Placed at the cue's own start, so the captions and the voice agree.
      const at = Math.round(cue.start * track.sampleRate);
      track.samples.set(wav.samples.subarray(0, Math.max(0, track.samples.length - at)), at);
    }
    const wavPath = join(dir, 'speech.wav');
    await writeFile(wavPath, writeWav(track));

    await writeFile(join(dir, 'title.txt'), wrap(title, 34));
    const filters = [
      `drawbox=x=0:y=0:w=iw:h=6:color=0xe0a96d:t=fill`,
      `drawtext=fontfile=${FONT_BOLD}:textfile=${join(dir, 'title.txt')}:fontcolor=0xf7efe3:fontsize=22:x=28:y=30:line_spacing=4`,
    ];
    for (const [i, cue] of cues.entries()) {
      const cuePath = join(dir, `cue-${i}.txt`);
      await writeFile(cuePath, wrap(cue.text, WRAP_COLUMNS));
      const until = cues[i + 1]?.start ?? duration;
      filters.push(
        `drawtext=fontfile=${FONT}:textfile=${cuePath}:fontcolor=0xffffff:fontsize=18:x=28:y=104:line_spacing=6:enable='between(t,${cue.start.toFixed(3)},${until.toFixed(3)})'`,
      );
    }
    filters.push(`drawtext=fontfile=${FONT}:text='Chronos demo course':fontcolor=0xb9c4d0:fontsize=12:x=28:y=h-28`);
    const output = join(COURSE_DIR, file.replace(/\.vtt$/, '.webm'));
    // prettier-ignore
    await run('ffmpeg', [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x1f3a5f:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${duration.toFixed(3)}`,
      '-i',
      wavPath,
      '-filter_complex',
      `[0:v]${filters.join(',')}[v]`,
      '-map',
      '[v]',
      '-map',
      '1:a',
      // A keyframe every 5 s: a citation seeks without decoding long runs of frames.
      '-c:v',
      'libvpx-vp9',
      '-b:v',
      '0',
      '-crf',
      '45',
      '-g',
      String(FPS * 5),
      '-row-mt',
      '1',
      '-deadline',
      'good',
      '-cpu-used',
      '4',
      '-c:a',
      'libopus',
      '-b:a',
      '20k',
      '-ac',
      '1',
      '-application',
      'voip',
      '-shortest',
      output,
    ]);
    const probed = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', output], {
      capture: true,
    });
    const { size } = await stat(output);
    console.log(
      `${file} → ${output.slice(COURSE_DIR.length)}: ${Number(probed).toFixed(1)} s, ${(size / 1024).toFixed(0)} KB`,
    );
    return size;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await requireTools();
const only = process.argv[2];
const files = (await readdir(COURSE_DIR)).filter((f) => f.endsWith('.vtt') && (!only || f.startsWith(only))).sort();
let total = 0;
for (const file of files) total += await makeLesson(file);
console.log(`${files.length} videos, ${(total / 1024 / 1024).toFixed(2)} MB in all`);
