/**
 * Just enough WAV (RIFF, PCM s16le) to join espeak-ng's sentences with silences
 * of known length in memory, so each sentence's timing is exact in samples.
 */
export interface Pcm {
  sampleRate: number;
  channels: number;
  /** Interleaved signed 16-bit samples. */
  data: Buffer;
}

export function readWav(file: Buffer): Pcm {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('Not a WAV file');
  let sampleRate = 0;
  let channels = 0;
  for (let at = 12; at + 8 <= file.length; ) {
    const id = file.toString('ascii', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      if (file.readUInt16LE(at + 8) !== 1 || file.readUInt16LE(at + 22) !== 16)
        throw new Error('Only 16-bit PCM WAV is supported');
      channels = file.readUInt16LE(at + 10);
      sampleRate = file.readUInt32LE(at + 12);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data before its format chunk');
      // Streaming writers leave the size at its maximum: the data runs to the end.
      return { sampleRate, channels, data: file.subarray(at + 8, Math.min(file.length, at + 8 + size)) };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk');
}

export function writeWav(pcm: Pcm): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(pcm.channels, 22);
  header.writeUInt32LE(pcm.sampleRate, 24);
  header.writeUInt32LE(pcm.sampleRate * pcm.channels * 2, 28);
  header.writeUInt16LE(pcm.channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.data.length, 40);
  return Buffer.concat([header, pcm.data]);
}

export const pcmSeconds = (pcm: Pcm) => pcm.data.length / (pcm.sampleRate * pcm.channels * 2);

export const silence = (pcm: Pick<Pcm, 'sampleRate' | 'channels'>, seconds: number) =>
  Buffer.alloc(Math.round(seconds * pcm.sampleRate) * pcm.channels * 2);
