import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';
import { readCourseSet } from './course-set';
import { parseEvalOptions, USAGE, UsageError } from './eval-options';
import { buildEvalProviders, MissingProviderConfig } from './eval-providers';
import { evaluate } from './evaluate';
import { answersTable, missesTable, overlapNote, RETRIEVAL_NOTES, retrievalTable } from './print-table';
import { scoreDistributions } from './score-distributions';
import { summarise } from './summarise';

/**
 * `npm run eval`: rightness on caption courses with question files (see
 * ../shared/eval-dev/README.md). Exit 0 after a run, 2 when the arguments or the
 * chosen providers' keys are missing or wrong, 1 when the run itself failed.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (p: string) => (isAbsolute(p) ? p : resolve(ROOT, p));

async function main(): Promise<number> {
  let options;
  let providers;
  try {
    options = parseEvalOptions(process.argv.slice(2));
    providers = buildEvalProviders(options, process.env);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof MissingProviderConfig) {
      console.error(
        `Cannot build the chosen providers. Missing or invalid:\n${err.missing.map((m) => `  - ${m}`).join('\n')}`,
      );
      return 2;
    }
    throw err;
  }
  const set = await readCourseSet(fromRoot(options.data));
  const out = fromRoot(options.out);
  await mkdir(out, { recursive: true });
  const log = (line: string) => console.error(line);
  log(
    `eval: ${set.courses.map((c) => `${c.name} (${c.questions.length} questions)`).join(', ')}, ${set.outside.length} outside; embedder ${providers.embedder.model}, answerer ${providers.answerer.name}`,
  );

  const started = performance.now();
  // A fresh database every run: nothing from an earlier run (chunks, sessions, usage) can shape this one.
  const dbDir = join(out, 'pgdata');
  await rm(dbDir, { recursive: true, force: true });
  await mkdir(dbDir, { recursive: true });
  const db = await openPgliteDb(dbDir);
  let report;
  try {
    await applyMigrations(db, await readMigrationFiles());
    report = await evaluate(set, providers, db, log);
  } finally {
    await db.close();
  }
  const rows = summarise(report);
  const stamp = report.createdAt.replace(/[:.]/g, '-');
  const path = join(out, `eval-${stamp}.json`);
  const json = `${JSON.stringify({ ...report, summary: rows }, null, 2)}\n`;
  await writeFile(path, json);
  // A fixed name too, so a script comparing runs can always read the newest.
  await writeFile(join(out, 'eval-latest.json'), json);

  console.log(
    `\nChronos eval — ${set.dir}, embedder ${report.providers.embedder}, answerer ${report.providers.answerer}, ${new Date().toISOString()}\n`,
  );
  console.log(answersTable(rows));
  console.log('\nwhy answerable questions were not answered\n');
  console.log(missesTable(rows));
  console.log('\nretrieval (recall@k, MRR) — Chronos beside the baselines\n');
  console.log(retrievalTable(rows));
  console.log(`\n${RETRIEVAL_NOTES}\n${overlapNote(rows)}\n`);
  console.log(scoreDistributions(report, providers.embedder.model));
  console.log(
    `\nreport: ${path}  (whole run ${((performance.now() - started) / 1000).toFixed(0)} s, ingest ${(report.ingestMs / 1000).toFixed(0)} s)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
