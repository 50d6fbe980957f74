import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeBenchDatabase } from './support/bench-database';
import { closeBenchPostgresDatabase } from './support/bench-postgres-database';

/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` (or those whose file name
 * contains one of the names) and prints its figures; the README quotes them.
 * Each file exports one or more `bench…` functions returning `{ name, figures }`.
 */
interface BenchResult {
  name: string;
  figures: Record<string, string | number>;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

console.log(`Chronos benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
for (const file of files) {
  const module = (await import(pathToFileURL(`${dir}/${file}`).href)) as Record<string, unknown>;
  for (const [exportName, fn] of Object.entries(module)) {
    if (!exportName.startsWith('bench') || typeof fn !== 'function') continue;
    const result = (await (fn as () => Promise<BenchResult>)()) as BenchResult;
    console.log(result.name);
    for (const [key, value] of Object.entries(result.figures)) console.log(`  ${key.padEnd(22)} ${value}`);
    console.log();
  }
}

// The shared bench corpora stay open across benches; close them, then end even if a
// library left a timer or socket behind (the figures are printed by now).
await closeBenchDatabase();
await closeBenchPostgresDatabase(); // stops the bench cluster, keeping its data for the next run
process.exit(0);
