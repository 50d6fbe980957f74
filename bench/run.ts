import { benchIngestCaptions } from './ingest-captions.bench';

/** `npm run bench`: runs each benchmark and prints its figures (the README quotes them). */
const benches = [benchIngestCaptions];

console.log(`Chronos benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
for (const bench of benches) {
  const result = await bench();
  console.log(result.name);
  for (const [key, value] of Object.entries(result.figures)) console.log(`  ${key.padEnd(14)} ${value}`);
  console.log();
}
