/**
 * Exporting a long article back into the file it came from, through the review service built as the app runs it (see
 * review-write-back.bench.ts): a 100,000-paragraph news article (see article-generator.ts) that came as an HTML
 * page, as an XLIFF file and as a Word document, each reviewed with 2,000 flags and 2,000 post-edited paragraphs,
 * then exported in its own format, saved as a file as the desktop app saves it. The figure that matters is the
 * longest the service's event loop went without a turn meanwhile; the time taken is for scale. (A download through
 * the browser host is the same rendering, its text or base64 then sent in steps as any other download is.)
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportArticleFormat } from '../shared/contract';
import { seededRandom } from '../shared/seeded-random';
import { escapeXml, generateParagraphs, htmlPage, marked, postEditParagraph, wordDocument } from './article-generator';
import type { Figure } from './report';
import { benchServiceOptions, collectBenchGarbage, longestBlock, must, openTimed, startedService } from './review-client';

const PARAGRAPHS = 100_000;
const FLAGS = 2_000;
const EDITS = 2_000;

/** An XLIFF 1.2 file: each paragraph a unit, its source a paragraph of another article (its length is what counts). */
function xliffFile(texts: readonly string[], sources: readonly string[]): string {
  const units = texts.map(
    (t, i) =>
      `<trans-unit id="u${i + 1}">\n<source>${escapeXml(sources[i]!)}</source>\n<target state="translated">${marked(t, i, '<g id="1">', '</g>')}</target>\n</trans-unit>\n`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
    `<file original="harbour.html" source-language="en" target-language="en-GB" datatype="html">\n<body>\n${units.join('')}</body>\n</file>\n</xliff>\n`
  );
}

interface Measured {
  readonly format: ExportArticleFormat;
  /** The original file's size. */
  readonly bytes: number;
  readonly ms: number;
  readonly blockMs: number;
  /** The opening: the load, the review ready after it, and the longest block of the event loop meanwhile. */
  readonly loadMs: number;
  readonly reviewMs: number;
  readonly openBlockMs: number;
}

/** Opens the article, flags and edits it, then exports it in its own format, saved as a file. */
async function reviewAndExport(dir: string, file: string, format: ExportArticleFormat): Promise<Measured> {
  const service = await startedService(benchServiceOptions(dir));
  try {
    const opened = await openTimed(service, file);
    const { reviewId } = opened.view;
    const rand = seededRandom(42);
    const changes: Promise<unknown>[] = [];
    for (let i = 0; i < FLAGS; i++) {
      const request = {
        reviewId,
        paragraphId: `p${1 + i * 50}`,
        side: 'target' as const,
        start: 0,
        end: 3,
        category: 'Accuracy/Mistranslation',
        severity: i % 3 === 0 ? ('major' as const) : ('minor' as const),
        comment: i % 5 === 0 ? 'A better word exists.' : '',
      };
      changes.push(service.addAnnotation(request).then(must));
    }
    for (let i = 0; i < EDITS; i++) {
      const k = i * 47;
      const target = must(await service.readParagraphs({ reviewId, start: k, end: k + 1 })).paragraphs[0]!.target;
      // A paragraph with markup keeps it: a sentence is added at its end; the others are post-edited.
      const text = /[\uE000-\uF8FF]/.test(target) ? `${target} The figures were revised on Friday.` : postEditParagraph(rand, target);
      changes.push(service.editParagraph({ reviewId, paragraphId: `p${k + 1}`, text }).then(must));
    }
    await Promise.all(changes);
    const path = join(dir, `exported-${format}`);
    const saved = await longestBlock(async () => must(await service.exportArticle({ reviewId, format, path, overwrite: true })));
    if (saved.value.paragraphs !== PARAGRAPHS) throw new Error(`the ${format} export wrote ${saved.value.paragraphs} paragraphs`);
    return {
      format,
      bytes: statSync(file).size,
      ms: saved.ms,
      blockMs: saved.blockMs,
      loadMs: opened.loadMs,
      reviewMs: opened.reviewMs,
      openBlockMs: opened.blockMs,
    };
  } finally {
    await service.close();
  }
}

/** How a figure names the file written into. */
const ORIGINAL: Readonly<Record<string, string>> = { html: 'HTML page', xliff: 'XLIFF file', docx: 'Word document' };

/**
 * Writes the three originals, and lets go of the generated texts before any is opened: the benchmark runs in the
 * service's process, and the texts held here (130 MB of strings) would be the benchmark's memory that the service's
 * garbage collection goes through, not the app's.
 */
function writeOriginals(dir: string): [ExportArticleFormat, string][] {
  const texts = generateParagraphs({ seed: 41, paragraphs: PARAGRAPHS });
  const page = join(dir, 'harbour.html');
  writeFileSync(page, htmlPage(texts));
  const xliff = join(dir, 'harbour.xlf');
  writeFileSync(xliff, xliffFile(texts, generateParagraphs({ seed: 44, paragraphs: PARAGRAPHS })));
  const word = join(dir, 'harbour.docx');
  writeFileSync(word, wordDocument(texts));
  return [
    ['html', page],
    ['xliff', xliff],
    ['docx', word],
  ];
}

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-bench-write-back-'));
  try {
    const files = writeOriginals(dir);
    collectBenchGarbage();
    const measured: Measured[] = [];
    for (const [format, file] of files) measured.push(await reviewAndExport(dir, file, format));
    return measured.flatMap((m) => [
      {
        name: `the ${ORIGINAL[m.format]} opened until its review is ready: longest block`,
        value: m.openBlockMs,
        unit: 'ms',
        target: { op: '<=' as const, value: 50 },
        note: `loaded in ${m.loadMs.toFixed(0)} ms, the review ready ${m.reviewMs.toFixed(0)} ms later; the file is ${(m.bytes / 1e6).toFixed(0)} MB`,
      },
      {
        name: `  export into it, saved as a file: longest block`,
        value: m.blockMs,
        unit: 'ms',
        target: { op: '<=' as const, value: 50 },
        note: `the export took ${m.ms.toFixed(0)} ms`,
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The figures go to the benchmark as one JSON line.
console.log(JSON.stringify(await measure()));
process.exit(0);
