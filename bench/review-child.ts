/**
 * Reviewing a long article through the review service, in a process of its own running the service built as the app
 * runs it (see review.bench.ts): opening its review file (new and existing), the
 * latency of durable actions (flag, edit), the review view, and the compare view, on a generated news article
 * of 100,000 paragraphs (see article-generator.ts) with 2,000 flags and 2,000 post-edited paragraphs, then
 * reopening it with 10,000 and 5,000; then a new review of an all-Chinese article. The review is to be ready
 * within half the load's time again (open to ready at most 1.5 times open to loaded), on any machine, so that
 * figure is a ratio to the load measured in the same run. Flags and edits are timed where the reviewer waits for them: at a client
 * of the browser host, from sending the request to holding the parsed answer, with the page's event stream
 * open as the page keeps it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReviewJournal } from '../electron/journal/review-journal';
import { startBrowserHost } from '../electron/host/browser-host';
import type { Annotation } from '../shared/model';
import { seededRandom } from '../shared/seeded-random';
import { articleText, generateParagraphs, postEditParagraph, writeArticle } from './article-generator';
import { median, percentile, type Figure } from './report';
import { benchServiceOptions, collectBenchGarbage, hostClient, longestBlock, must, openTimed, startedService } from './review-client';
import type { ExportArticleFormat } from '../shared/contract';

/** An opening's times (see openTimed). */
type OpenedTimed = Pick<Awaited<ReturnType<typeof openTimed>>, 'loadMs' | 'reviewMs' | 'blockMs'>;
type Timed = { readonly ms: number; readonly blockMs: number };

/** What the first review of the article measured: numbers only, so that nothing of its data outlives it. */
interface FirstReview {
  readonly opened: OpenedTimed;
  readonly reviewPath: string;
  readonly flagMs: number[];
  readonly flagBytes: number[];
  readonly editMs: number[];
  readonly viewMs: number;
  readonly compared: Timed;
  readonly windowMs: number;
  readonly saved: Timed;
  readonly exports: { format: ExportArticleFormat; how: string; ms: number; blockMs: number }[];
}

const PARAGRAPHS = 100_000;
const FLAGS = 2_000;
const EDITS = 2_000;
/** The review reopened at the end holds this many flags and edited paragraphs in all. */
const REOPEN_FLAGS = 10_000;
const REOPEN_EDITS = 5_000;
/** Formats the corrected article is exported in, timed with the longest block of the event loop meanwhile. */
const EXPORTS: readonly ExportArticleFormat[] = ['txt', 'docx', 'html', 'xliff-its', 'json', 'patch'];

/** Paragraph `p${k + 1}` is post-edited for the `k / EDIT_STEP`-th edit. */
const EDIT_STEP = 47;

/**
 * Writes the article and answers the texts of the paragraphs that will be edited, and only those: the benchmark runs
 * in the service's process, and the whole article held here as well (130 MB of strings) would be the benchmark's
 * memory that the service's garbage collection goes through, not the app's.
 */
function generate(path: string): string[] {
  const texts = generateParagraphs({ seed: 41, paragraphs: PARAGRAPHS });
  writeFileSync(path, articleText(texts));
  return Array.from({ length: EDITS }, (_, i) => texts[i * EDIT_STEP]!);
}

/** Open request to review ready, over open request to article loaded: the review may take half the load again. */
function readyRatio(r: OpenedTimed): number {
  return (r.loadMs + r.reviewMs) / r.loadMs;
}

/** An opening's three figures: the review ready after the load, that as a ratio to the load, the longest block. */
function openingFigures(r: OpenedTimed, names: { readonly ready: string; readonly ratio: string; readonly block: string }): Figure[] {
  return [
    { name: names.ready, value: r.reviewMs, unit: 'ms', note: `the load took ${r.loadMs.toFixed(0)} ms` },
    { name: names.ratio, value: readyRatio(r), unit: 'x', target: { op: '<=', value: 1.5 } },
    { name: names.block, value: r.blockMs, unit: 'ms', target: { op: '<=', value: 50 } },
  ];
}

/**
 * The review's first session: opened new, flagged and edited through the browser host, compared, a version saved,
 * exported. Each phase of the benchmark is a function of its own, which answers numbers: a suspended async function
 * keeps its temporaries (V8 saves its whole register file), and the answers of a phase (exports of the whole
 * article among them) would otherwise stay in memory through the next phase's measures.
 */
async function firstReview(dir: string, file: string, toEdit: readonly string[]): Promise<FirstReview> {
  const options = benchServiceOptions(dir);
  const first = await startedService(options);
  const created = await openTimed(first, file);
  const reviewId = created.view.reviewId;
  const paragraphs = must(await first.readParagraphs({ reviewId, start: 0, end: 1 })).paragraphs;
  const host = await startBrowserHost({ service: first, staticDir: dir, port: 0 });
  const client = hostClient(host);
  const flagMs: number[] = [];
  const flagBytes: number[] = [];
  for (let i = 0; i < FLAGS; i++) {
    const r = await client.call('addAnnotation', {
      reviewId,
      paragraphId: `p${1 + i * 50}`,
      side: 'target',
      start: 0,
      end: 3,
      category: 'Accuracy/Mistranslation',
      severity: i % 3 === 0 ? 'major' : 'minor',
      comment: '',
    });
    flagMs.push(r.ms);
    flagBytes.push(r.bytes);
  }
  const rand = seededRandom(42);
  const editMs: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const r = await client.call('editParagraph', {
      reviewId,
      paragraphId: `p${i * EDIT_STEP + 1}`,
      text: postEditParagraph(rand, toEdit[i]!),
    });
    editMs.push(r.ms);
  }
  await client.close();
  await host.close();
  let t = performance.now();
  must(await first.getReview({ reviewId }));
  const viewMs = performance.now() - t;
  const compared = await longestBlock(async () =>
    must(await first.compare({ reviewId, left: 0, right: 'current', level: 'word', start: 0, end: 200 })),
  );
  t = performance.now();
  must(await first.compare({ reviewId, left: 0, right: 'current', level: 'word', start: 50_000, end: 50_200 }));
  const windowMs = performance.now() - t;
  const saved = await longestBlock(async () => must(await first.saveVersion({ reviewId, message: 'bench' })));
  const afterSave = saved.value;
  // Exports of the corrected article, each in a format a reviewer hands on (plain text, Word, a web page, XLIFF
  // with its quality issues, the whole review as JSON, the patch from the machine translation): saved as a file, as the desktop app saves it, and
  // downloaded through the browser host, as the page downloads it.
  const exports: { format: ExportArticleFormat; how: string; ms: number; blockMs: number }[] = [];
  const downloadHost = await startBrowserHost({ service: first, staticDir: dir, port: 0 });
  const downloads = hostClient(downloadHost);
  for (const format of EXPORTS) {
    const path = join(dir, `exported.${format}`);
    const saved = await longestBlock(async () => must(await first.exportArticle({ reviewId, format, path, overwrite: true })));
    exports.push({ format, how: 'saved as a file', ms: saved.ms, blockMs: saved.blockMs });
    const given = await longestBlock(() => downloads.fetchBytes('exportText', { reviewId, format }));
    const answer = JSON.parse(Buffer.concat(given.value).toString('utf8')) as { ok: boolean; value?: { paragraphs: number } };
    if (!answer.ok || answer.value?.paragraphs !== PARAGRAPHS) throw new Error(`the ${format} download failed`);
    exports.push({ format, how: 'downloaded through the browser host', ms: given.ms, blockMs: given.blockMs });
  }
  await downloads.close();
  await downloadHost.close();
  await first.close();
  if (paragraphs.length !== 1 || afterSave.versions?.length !== 2) throw new Error('the review did not come back whole');
  return {
    opened: { loadMs: created.loadMs, reviewMs: created.reviewMs, blockMs: created.blockMs },
    reviewPath: created.view.reviewPath,
    flagMs,
    flagBytes,
    editMs,
    viewMs,
    compared: { ms: compared.ms, blockMs: compared.blockMs },
    windowMs,
    saved: { ms: saved.ms, blockMs: saved.blockMs },
    exports,
  };
}

/**
 * Brings the review to 10,000 flags and 5,000 edits straight through its journal (through the service each flag
 * would answer with the whole review view, which makes building a large review slow, not reopening it). A function
 * of its own: the journal holds the whole review read, which must not stay in memory while the reopening is measured.
 */
async function growReview(reviewPath: string): Promise<void> {
  const journal = must(await ReviewJournal.open(reviewPath)).journal;
  const pending: Promise<unknown>[] = [];
  for (let i = FLAGS; i < REOPEN_FLAGS; i++) {
    const annotation: Annotation = {
      id: `bench-${i}`,
      paragraphId: `p${1 + ((i * 7) % PARAGRAPHS)}`,
      side: 'target',
      start: 0,
      end: 3,
      category: 'Linguistic conventions/Grammar',
      severity: 'minor',
      comment: '',
      rater: 'bench',
      origin: { kind: 'person' },
      status: 'open',
      created: new Date().toISOString(),
    };
    pending.push(journal.append({ type: 'annotation-added', annotation }));
  }
  for (let i = EDITS; i < REOPEN_EDITS; i++) {
    pending.push(journal.append({ type: 'paragraph-edited', paragraphId: `p${2 + i * 19}`, text: `${i}. another edited paragraph.` }));
  }
  await Promise.all(pending);
  await journal.close();
}

/** Reopens the review grown by `growReview`; answers the opening's times. */
async function reopenedReview(dir: string, file: string, reviewPath: string): Promise<OpenedTimed> {
  await growReview(reviewPath);
  collectBenchGarbage();
  const second = await startedService(benchServiceOptions(dir));
  const reopened = await openTimed(second, file);
  await second.close();
  if (reopened.view.annotations.length !== REOPEN_FLAGS) throw new Error('the review did not come back whole');
  return { loadMs: reopened.loadMs, reviewMs: reopened.reviewMs, blockMs: reopened.blockMs };
}

/** A new review of an article all in Chinese, whose words are counted by dictionary segmentation. */
async function chineseReview(dir: string): Promise<OpenedTimed> {
  const chinese = join(dir, 'chinese.txt');
  writeArticle(chinese, { seed: 43, paragraphs: PARAGRAPHS, language: 'chinese' });
  collectBenchGarbage();
  const third = await startedService(benchServiceOptions(dir));
  const opened = await openTimed(third, chinese);
  await third.close();
  return { loadMs: opened.loadMs, reviewMs: opened.reviewMs, blockMs: opened.blockMs };
}

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-bench-review-'));
  const file = join(dir, 'long.txt');
  try {
    const first = await firstReview(dir, file, generate(file));
    const reopened = await reopenedReview(dir, file, first.reviewPath);
    const chinese = await chineseReview(dir);
    const { flagMs, flagBytes, editMs, viewMs, compared, windowMs, saved, exports } = first;
    flagMs.sort((a, b) => a - b);
    editMs.sort((a, b) => a - b);
    return [
      ...openingFigures(first.opened, {
        ready: 'new review file ready after the article loaded',
        ratio: 'new review ready, ratio of open-to-ready to the load',
        block: 'longest event-loop block, open to new review ready',
      }),
      {
        name: 'new review of an all-Chinese article, ratio to the load',
        value: readyRatio(chinese),
        unit: 'x',
        target: { op: '<=', value: 1.5 },
        note: `loaded in ${chinese.loadMs.toFixed(0)} ms, review ready ${chinese.reviewMs.toFixed(0)} ms later`,
      },
      {
        name: '  longest event-loop block, open to its review ready',
        value: chinese.blockMs,
        unit: 'ms',
        target: { op: '<=', value: 50 },
      },
      ...openingFigures(reopened, {
        ready: `reopen with ${REOPEN_FLAGS.toLocaleString('en')} flags, ${REOPEN_EDITS.toLocaleString('en')} edits: review ready after loading`,
        ratio: 'reopened review ready, ratio of open-to-ready to the load',
        block: 'longest event-loop block, open to reopened review ready',
      }),
      { name: 'flag acknowledged (on disk) at the client, median', value: median(flagMs), unit: 'ms', target: { op: '<=', value: 20 } },
      { name: 'flag acknowledged, 95th percentile', value: percentile(flagMs, 95), unit: 'ms', target: { op: '<=', value: 50 } },
      {
        name: 'flag answer size, median',
        value: median(flagBytes) / 1000,
        unit: 'kB',
        note: `largest ${(Math.max(...flagBytes) / 1000).toFixed(1)} kB`,
      },
      { name: 'paragraph edit acknowledged at the client, median', value: median(editMs), unit: 'ms', target: { op: '<=', value: 20 } },
      { name: 'review view with every flag and draft', value: viewMs, unit: 'ms', target: { op: '<=', value: 50 } },
      { name: 'save version 1, answered with its figures (article TER)', value: saved.ms, unit: 'ms', target: { op: '<=', value: 500 } },
      { name: '  longest event-loop block meanwhile', value: saved.blockMs, unit: 'ms', target: { op: '<=', value: 50 } },
      {
        name: 'compare machine translation with current text, first window',
        value: compared.ms,
        unit: 'ms',
        target: { op: '<=', value: 1000 },
      },
      { name: '  longest event-loop block meanwhile', value: compared.blockMs, unit: 'ms', target: { op: '<=', value: 50 } },
      { name: 'another window of the same comparison', value: windowMs, unit: 'ms', target: { op: '<=', value: 20 } },
      ...exports.map((e) => ({
        name: `export as ${e.format}, ${e.how}: longest block`,
        value: e.blockMs,
        unit: 'ms',
        target: { op: '<=' as const, value: 50 },
        note: `the export took ${e.ms.toFixed(0)} ms`,
      })),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The figures go to the benchmark as one JSON line.
console.log(JSON.stringify(await measure()));
process.exit(0);
