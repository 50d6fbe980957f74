import { pct } from './score-rules';
import type { CourseSummary, RetrievalSummary } from './summarise';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const share = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(100 * x)}%`);
const mrr = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));
const ms = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x)}`);
const of = (part: number, whole: number) => (whole === 0 ? '–' : `${part}/${whole}`);
const retrievalCells = (r: RetrievalSummary) => [share(r.r1), share(r.r5), share(r.r10), mrr(r.mrr)];

/** The end-to-end table: what a student gets from the chat route. */
export function answersTable(rows: CourseSummary[]): string {
  return table(
    [
      'course',
      'asked',
      'answered',
      'cit.prec',
      'false refusals',
      'off-topic refused',
      'leaks',
      'p50 ms',
      'p95 ms',
      'errors',
    ],
    rows.map((r) => [
      r.course,
      String(r.questions),
      `${pct(r.answered, r.questions)} (${r.answered})`,
      `${pct(r.correctCitations, r.citations)} (${r.correctCitations}/${r.citations})`,
      of(r.falseRefusals, r.questions),
      r.offTopicAsks ? `${pct(r.offTopicRefused, r.offTopicAsks)} (${r.offTopicRefused}/${r.offTopicAsks})` : '–',
      of(r.leaks, r.probes),
      ms(r.p50Ms),
      ms(r.p95Ms),
      String(r.errors),
    ]),
  );
}

/** Where the unanswered questions were lost: the floor, the answerer, its citations, or retrieval. */
export function missesTable(rows: CourseSummary[]): string {
  return table(
    [
      'course',
      'not answered',
      'refused: no source cleared the floor',
      'refused by the answerer',
      'cited wrong, right source served',
      'right source not served',
    ],
    rows.map((r) => [
      r.course,
      String(r.questions - r.answered - r.errors),
      String(r.misses.floorRefused),
      String(r.misses.answererDeclined),
      String(r.misses.citedElsewhereWithRightSource),
      String(r.misses.rightSourceNotServed),
    ]),
  );
}

/** Retrieval alone, Chronos beside each baseline, scored by the same rule. */
export function retrievalTable(rows: CourseSummary[]): string {
  const groups = ['chronos', 'no floor', 'bm25', 'bm25+title', 'exact-vec'];
  const header = ['course', ...groups.flatMap((g) => [`${g} @1`, '@5', '@10', 'MRR'])];
  return table(
    header,
    rows.map((r) => [
      r.course,
      ...retrievalCells(r.chronos),
      ...retrievalCells(r.chronosNoFloor),
      ...retrievalCells(r.bm25),
      ...retrievalCells(r.bm25Title),
      ...retrievalCells(r.exactVector),
    ]),
  );
}

/** The served lists' near misses: the passage is inside a source that starts too early to count. */
export function overlapNote(rows: CourseSummary[]): string {
  return `served sources overlapping the expected range but starting outside ±30 s of it (no served source counted): ${rows
    .map((r) => `${r.course} ${of(r.servedOverlapOnly, r.questions)}`)
    .join(', ')}`;
}

export const RETRIEVAL_NOTES = [
  "chronos @1/@5/MRR: the meta event's sources in rank order (what the answerer saw); @10: retrieveSources(limit 10), the same code with a deeper list.",
  'no floor: retrieveSources(limit 10) with the cosine floor at -1 (every candidate passes): the fused ranking apart from the refusal decision.',
  'bm25: minisearch defaults over fixed 60-s windows (window start = its first cue); bm25+title: the lesson title prepended to each window.',
  'exact-vec: cosine over every stored chunk of the creator with the same embedder, no index, no floor. Baselines never refuse; MRR over their top 10.',
  'A ranked item counts when its lesson is the expected one and its start second is within [start-30, end+30].',
].join('\n');
