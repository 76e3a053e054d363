/**
 * The quality report of a long review: a generated news article of 100,000 paragraphs (10 million words) with
 * 10,000 flags by two raters and a saved version that changed 1,000 paragraphs. The targets are on the report's
 * own work, from a review held in memory to the HTML file written: as the app makes it (word counts from loading)
 * and with the 10 million words counted afresh, as the command does. `redline report` from the file on disk is
 * shown beside them with its parts, since reading the review file is the journal's cost. The file must stay small
 * enough to mail.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFile } from 'node:fs/promises';
import { reportCommand } from '../electron/cli/report-command';
import { ReviewJournal } from '../electron/journal/review-journal';
import { readReviewFile } from '../electron/service/read-review';
import { editRateUnitOf, VersionFigures } from '../electron/service/version-figures';
import { makeHeader, type EventBody } from '../shared/journal/journal-event';
import { paragraphIdAt, type Annotation, type Paragraph, type Severity } from '../shared/model';
import { buildReport, reportReviewOf } from '../shared/report/build-report';
import { renderReportHtml } from '../shared/report/report-html';
import { seededRandom } from '../shared/seeded-random';
import { countWords } from '../shared/scoring/word-count';
import { MQM_CORE } from '../shared/typology/mqm-core';
import { generateParagraphs, postEditParagraph } from './article-generator';
import type { BenchSection } from './report';

const PARAGRAPHS = 100_000;
const FLAGS = 10_000;
const EDITED = 1_000;
const SEVERITIES: readonly Severity[] = ['minor', 'minor', 'major', 'critical', 'neutral'];
const CATEGORIES = [
  'Accuracy/Mistranslation',
  'Accuracy/Omission',
  'Linguistic conventions/Grammar',
  'Style/Awkward style',
  'Terminology/Wrong term',
  'Linguistic conventions/Punctuation',
];

async function makeReview(path: string): Promise<void> {
  const texts = generateParagraphs({ seed: 7, paragraphs: PARAGRAPHS });
  const paragraphs: Paragraph[] = texts.map((target, index) => ({ id: paragraphIdAt(index), index, kind: 'text', target }));
  const rand = seededRandom(11);
  const annotations: Annotation[] = [];
  for (let i = 0; i < FLAGS; i++) {
    const index = Math.floor(rand() * PARAGRAPHS);
    const text = texts[index]!;
    const start = Math.floor(rand() * Math.max(1, text.length - 12));
    annotations.push({
      id: `f${i}`,
      paragraphId: paragraphIdAt(index),
      side: 'target',
      start,
      end: Math.min(text.length, start + 4 + Math.floor(rand() * 20)),
      category: CATEGORIES[i % CATEGORIES.length]!,
      severity: SEVERITIES[i % SEVERITIES.length]!,
      comment: i % 7 === 0 ? 'Reads oddly here.' : '',
      rater: i % 2 === 0 ? 'Ana' : 'Ben',
      origin: { kind: 'person' },
      status: i % 50 === 0 ? 'dismissed' : 'open',
      created: '2025-01-01T09:00:00.000Z',
    });
  }
  const changed: Record<string, string> = {};
  for (let k = 0; k < EDITED; k++) {
    const index = k * Math.floor(PARAGRAPHS / EDITED);
    changed[paragraphIdAt(index)] = postEditParagraph(rand, texts[index]!);
  }
  const header = makeHeader(
    { path: join(path, '..', 'long.txt'), name: 'long.txt', format: 'txt', encoding: 'utf-8', bytes: 0 },
    paragraphs,
    '2025-01-01T09:00:00.000Z',
  );
  const journal = await ReviewJournal.create(path, header);
  if (!journal.ok) throw new Error(journal.error.message);
  // Appends made together are written in groups (one flush each), so setting up 11,000 events takes seconds.
  const bodies: EventBody[] = [
    { type: 'rater-set', rater: 'Ana' },
    ...annotations.map((annotation): EventBody => ({ type: 'annotation-added', annotation })),
    ...Object.entries(changed).map(([paragraphId, text]): EventBody => ({ type: 'paragraph-edited', paragraphId, text })),
    { type: 'version-saved', number: 1, message: 'First pass', author: 'Ana', texts: changed },
  ];
  const results = await Promise.all(bodies.map((body) => journal.value.append(body)));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) throw new Error(failed.error.message);
  await journal.value.close();
}

export const section: BenchSection = {
  title: 'Quality report: 100,000 paragraphs, 10,000 flags',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'redline-bench-report-'));
    try {
      const review = join(dir, 'long.redline');
      await makeReview(review);

      const out = join(dir, 'long.report.html');
      const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
      const t0 = performance.now();
      const status = await reportCommand.run([review, '--out', out], io);
      const cli = performance.now() - t0;
      if (status !== 0) throw new Error(`redline report exited ${status}`);
      const bytes = statSync(out).size;

      // Where the command's time goes: reading the review, and the edit rates of the saved version.
      const tr = performance.now();
      const read = await readReviewFile(review);
      if (!read.ok) throw new Error(read.error.message);
      const readMs = performance.now() - tr;
      const { state } = read.value;
      const tv = performance.now();
      const figures = new VersionFigures(state, editRateUnitOf(state.paragraphs));
      const versions = figures.summaries(state);
      const versionMs = performance.now() - tv;

      // As the app makes it: from the review it holds, whose words and edit rates were counted when it opened.
      const words = Uint32Array.from(state.paragraphs, (p) => countWords(p.target));
      const options = { article: 'long.txt', profile: 'mqm-core', typology: MQM_CORE, threshold: 95 } as const;
      const t1 = performance.now();
      const model = buildReport([reportReviewOf(state, 'long.redline', versions)], {
        ...options,
        words,
        generated: new Date().toISOString(),
      });
      if (!model.ok) throw new Error(model.error.message);
      const built = performance.now() - t1;
      await writeFile(join(dir, 'app.report.html'), renderReportHtml(model.value));
      const app = performance.now() - t1;
      const json = JSON.stringify(model.value).length;

      // As the command makes it: the words counted afresh (10 million of them).
      const t2 = performance.now();
      const fresh = buildReport([reportReviewOf(state, 'long.redline', versions)], { ...options, generated: new Date().toISOString() });
      if (!fresh.ok) throw new Error(fresh.error.message);
      await writeFile(join(dir, 'fresh.report.html'), renderReportHtml(fresh.value));
      const counted = performance.now() - t2;

      return [
        // The command reads the whole review file first (the journal's own cost, measured in its bench): shown for
        // scale; the report's own work is the figure with the target below.
        {
          name: 'redline report: review file -> HTML report written',
          value: cli,
          unit: 'ms',
          note: 'reading the review and its edit rates included',
        },
        { name: '  of which reading the review file', value: readMs, unit: 'ms' },
        { name: '  of which edit rates of the saved version (1,000 paragraphs)', value: versionMs, unit: 'ms' },
        {
          name: 'report of an open review -> HTML file written',
          value: app,
          unit: 'ms',
          target: { op: '<=', value: 2000 },
          note: 'as the app makes it',
        },
        { name: '  of which the report model', value: built, unit: 'ms' },
        {
          name: 'the same with the words counted afresh',
          value: counted,
          unit: 'ms',
          target: { op: '<=', value: 2000 },
          note: 'as redline report does',
        },
        { name: 'HTML report size', value: bytes / 1e6, unit: 'MB', target: { op: '<=', value: 5 } },
        { name: 'report model as JSON (what the report view receives)', value: json / 1e3, unit: 'kB' },
        { name: 'strip cells', value: model.value.strip.cells.length, unit: 'cells', target: { op: '<=', value: 400 } },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
