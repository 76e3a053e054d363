/**
 * Opening a long article: a generated 100,000-paragraph news article (about 66 MB: English with one paragraph in
 * ten in Chinese) loaded by the review service in a process of its own, beside the least any reader must do:
 * read the file and split it at blank lines (fs.readFile, then String.split), in a process of its own too.
 * An all-Chinese article of as many paragraphs is loaded once as well, and so is an XLIFF file of as many units
 * (the same English, some of it in inline markup, beside Chinese sources). The service runs built, as in the app.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { escapeXml, generateParagraphs, htmlPage, marked, wordDocument, writeArticle } from './article-generator';
import { builtChild } from './built-child';
import { median, type BenchSection, type Figure } from './report';

const PARAGRAPHS = 100_000;
const RUNS = 3;

function generate(path: string, language: 'mixed' | 'chinese'): void {
  writeArticle(path, { seed: language === 'mixed' ? 21 : 22, paragraphs: PARAGRAPHS, language });
}

/** An XLIFF 1.2 file: English targets, a quarter of them with their first word in inline markup, and Chinese sources. */
function generateXliff(path: string): void {
  const targets = generateParagraphs({ seed: 21, paragraphs: PARAGRAPHS, language: 'mixed' });
  const sources = generateParagraphs({ seed: 23, paragraphs: PARAGRAPHS, language: 'chinese' });
  const units = targets.map((t, i) => {
    const target = marked(t, i, '<g id="1">', '</g>');
    return `<trans-unit id="u${i + 1}">\n<source>${escapeXml(sources[i]!)}</source>\n<target state="translated">${target}</target>\n</trans-unit>\n`;
  });
  writeFileSync(
    path,
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
      `<file original="harbour.html" source-language="zh" target-language="en" datatype="html">\n<body>\n${units.join('')}</body>\n</file>\n</xliff>\n`,
  );
}

/** The mixed article as a news page (see htmlPage): a heading every thirty paragraphs, some words in emphasis. */
function generatePage(path: string, story: 'article' | 'div'): void {
  writeFileSync(path, htmlPage(generateParagraphs({ seed: 21, paragraphs: PARAGRAPHS, language: 'mixed' }), story));
}

/** The mixed article as a Word document (see wordDocument); answers the size of its main part unzipped. */
function generateWordDocument(path: string): number {
  const bytes = wordDocument(generateParagraphs({ seed: 21, paragraphs: PARAGRAPHS, language: 'mixed' }));
  writeFileSync(path, bytes);
  return unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!.length;
}

/** The naive reader, in a fresh process as the service is, timed from its first line to the split article. */
const NAIVE = `
const t0 = performance.now();
require('node:fs').readFile(process.argv[1], 'utf8', (err, text) => {
  if (err) throw err;
  const paragraphs = text.split(/\\n[ \\t]*\\n/).filter((p) => p.trim() !== '').length;
  console.log(JSON.stringify({ ms: performance.now() - t0, paragraphs }));
});`;

function naiveLoad(file: string): number {
  const r = spawnSync(process.execPath, ['-e', NAIVE, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`naive reader failed: ${r.stderr}`);
  const { ms, paragraphs } = JSON.parse(r.stdout) as { ms: number; paragraphs: number };
  if (paragraphs !== PARAGRAPHS) throw new Error(`naive reader found ${paragraphs} paragraphs, expected ${PARAGRAPHS}`);
  return ms;
}

function serviceLoad(child: string, file: string): ChildFigures {
  const run = spawnSync(process.execPath, [child, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`load child failed: ${run.stderr}`);
  const figures = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildFigures;
  if (figures.paragraphs !== PARAGRAPHS) throw new Error(`loaded ${figures.paragraphs} paragraphs, expected ${PARAGRAPHS}`);
  return figures;
}

interface ChildFigures {
  readonly firstMs: number;
  readonly wholeMs: number;
  /** Open request to the new review ready. */
  readonly readyMs: number;
  readonly maxBlockMs: number;
  readonly peakRss: number;
  readonly paragraphs: number;
}

/** A file's load (indented under its line): the longest block of the event loop meanwhile. */
function blockFigure(run: ChildFigures): Figure {
  return { name: '  longest block of the event loop while loading it', value: run.maxBlockMs, unit: 'ms', target: { op: '<=', value: 50 } };
}

/** A file's load (indented under its line): its new review ready, as a ratio of open-to-ready to the load. */
function readyFigure(run: ChildFigures): Figure {
  return {
    name: '  its new review ready, ratio of open-to-ready to the load',
    value: run.readyMs / run.wholeMs,
    unit: 'x',
    target: { op: '<=', value: 1.5 },
  };
}

/** A file's load (indented under its line): the service's peak memory until the review is ready, against 5x the file. */
function peakFigure(run: ChildFigures, bytes: number): Figure {
  return {
    name: '  peak memory of the service until its review is ready (whole process RSS)',
    value: run.peakRss / 1e6,
    unit: 'MB',
    target: { op: '<=', value: (5 * bytes) / 1e6 },
    note: `${(run.peakRss / bytes).toFixed(1)}x the file's size; target 5x`,
  };
}

export const section: BenchSection = {
  title: 'Opening a long article (100,000 paragraphs)',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'redline-bench-load-'));
    const file = join(dir, 'long.txt');
    const chinese = join(dir, 'chinese.txt');
    const xliff = join(dir, 'long.xlf');
    const page = join(dir, 'long.html');
    const unmarked = join(dir, 'unmarked.html');
    const word = join(dir, 'long.docx');
    try {
      const child = await builtChild('load-child');
      generate(file, 'mixed');
      generate(chinese, 'chinese');
      generateXliff(xliff);
      generatePage(page, 'article');
      generatePage(unmarked, 'div');
      const wordXmlBytes = generateWordDocument(word);
      const bytes = statSync(file).size;
      const runs: ChildFigures[] = [];
      const naiveMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        naiveMs.push(naiveLoad(file));
        runs.push(serviceLoad(child, file));
      }
      const chineseRun = serviceLoad(child, chinese);
      const chineseMb = statSync(chinese).size / 1e6;
      const xliffRun = serviceLoad(child, xliff);
      const xliffBytes = statSync(xliff).size;
      const pageRun = serviceLoad(child, page);
      const pageBytes = statSync(page).size;
      const unmarkedRun = serviceLoad(child, unmarked);
      const wordRun = serviceLoad(child, word);
      const whole = median(runs.map((r) => r.wholeMs));
      const naive = median(naiveMs);
      const mb = bytes / 1e6;
      const peak = Math.max(...runs.map((r) => r.peakRss));
      return [
        {
          name: 'first 50 paragraphs available after the open request',
          value: median(runs.map((r) => r.firstMs)),
          unit: 'ms',
          target: { op: '<=', value: 150 },
        },
        { name: `whole article loaded (${mb.toFixed(1)} MB)`, value: whole, unit: 'ms', target: { op: '<=', value: 1500 } },
        {
          name: 'whole article loaded, ratio to naive read-and-split',
          value: whole / naive,
          unit: 'x',
          note: `fs.readFile and split at blank lines: ${naive.toFixed(0)} ms, ${(mb / (naive / 1000)).toFixed(0)} MB/s; the service reads ${(mb / (whole / 1000)).toFixed(0)} MB/s`,
        },
        {
          name: `whole all-Chinese article loaded (${chineseMb.toFixed(1)} MB)`,
          value: chineseRun.wholeMs,
          unit: 'ms',
          target: { op: '<=', value: 1500 },
        },
        {
          name: 'longest block of the event loop while loading',
          value: Math.max(...runs.map((r) => r.maxBlockMs), chineseRun.maxBlockMs),
          unit: 'ms',
          target: { op: '<=', value: 50 },
        },
        {
          name: 'peak memory of the service until its review is ready (whole process RSS)',
          value: peak / 1e6,
          unit: 'MB',
          target: { op: '<=', value: (5 * bytes) / 1e6 },
          note: `${(peak / bytes).toFixed(1)}x the file's size; target 5x, the service's whole budget with the review`,
        },
        {
          name: `whole XLIFF file of 100,000 units loaded (${(xliffBytes / 1e6).toFixed(0)} MB)`,
          value: xliffRun.wholeMs,
          unit: 'ms',
          note: 'English targets beside Chinese sources, a quarter with inline markup',
        },
        blockFigure(xliffRun),
        readyFigure(xliffRun),
        peakFigure(xliffRun, xliffBytes),
        {
          name: `whole HTML page of 100,000 paragraphs loaded (${(pageBytes / 1e6).toFixed(0)} MB)`,
          value: pageRun.wholeMs,
          unit: 'ms',
          note: 'parsed in a thread of its own as it is read; a heading every thirty paragraphs, a quarter with emphasis',
        },
        {
          name: '  its first 50 paragraphs available after the open request',
          value: pageRun.firstMs,
          unit: 'ms',
          note: 'the page marks its article: its paragraphs come as they are parsed',
        },
        blockFigure(pageRun),
        readyFigure(pageRun),
        peakFigure(pageRun, pageBytes),
        {
          name: 'the same page marking no article (its story in a <div>) loaded',
          value: unmarkedRun.wholeMs,
          unit: 'ms',
          note: 'its paragraphs held until the page ends: an article might open later',
        },
        blockFigure(unmarkedRun),
        readyFigure(unmarkedRun),
        peakFigure(unmarkedRun, statSync(unmarked).size),
        {
          name: `whole Word document of 100,000 paragraphs loaded (${(statSync(word).size / 1e6).toFixed(0)} MB)`,
          value: wordRun.wholeMs,
          unit: 'ms',
          note: `its main part unzips to ${(wordXmlBytes / 1e6).toFixed(0)} MB, read a piece at a time in a thread of its own`,
        },
        { name: '  its first 50 paragraphs available after the open request', value: wordRun.firstMs, unit: 'ms' },
        blockFigure(wordRun),
        readyFigure(wordRun),
        {
          name: '  peak memory of the service until its review is ready (whole process RSS)',
          value: wordRun.peakRss / 1e6,
          unit: 'MB',
          target: { op: '<=', value: (5 * wordXmlBytes) / 1e6 },
          note: `${(wordRun.peakRss / wordXmlBytes).toFixed(1)}x its main part unzipped (the file is compressed); target 5x`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
