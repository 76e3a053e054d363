import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../shared/formats/docx/test-support/make-docx';
import { exportParagraph } from '../../shared/formats/export-paragraph';
import { rewriteHtml } from '../../shared/formats/html/html-writer';
import { offsetMapper } from '../../shared/formats/xliff/offset-map';
import { reviseXliff } from '../../shared/formats/xliff/xliff-writer';
import { makeHeader, type EventBody } from '../../shared/journal/journal-event';
import { foldEvents } from '../../shared/journal/review-reducer';
import { annotationList, type ReviewState } from '../../shared/journal/review-state';
import { paragraphFromBlocks } from '../../shared/model';
import type { Result } from '../../shared/result';
import { numbered, sampleAnnotation } from '../../shared/journal/sample-review';
import { seededRandom } from '../../shared/seeded-random';
import { readArticle } from '../loader/read-article';
import { breathe } from '../breathe';
import { renderExport, renderExportInSteps, type ExportFormat, type RenderedInSteps } from './export-formats';
import { writeBackInThread } from './write-back-thread';
import { exportText, exportVersion } from './export-article';

/** Paragraphs of the generated articles: enough that the paragraphs go to the export's thread in several batches. */
const PARAGRAPHS = 1200;
const NOW = '2025-03-01T12:00:00.000Z';

const SUBJECTS = ['The council', 'The harbour master', 'A spokeswoman', 'The ferry company', 'Local traders', 'The weather office'];
const VERBS = ['said', 'confirmed', 'warned', 'announced', 'denied', 'expected'];
const ENDS = ['that the quay would reopen in May', 'that prices would rise', 'a storm on Tuesday', 'the new timetable', 'more delays'];

function sentence(rand: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(ENDS)}.`;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-write-back-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A news page: headings, paragraphs with emphasis and links, list items, escaped characters. */
function htmlPage(rand: () => number, count = PARAGRAPHS): string {
  const body: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 25 === 0) body.push(`  <h2>Part ${i / 25 + 1} &amp; more</h2>`);
    else if (i % 9 === 4) body.push(`  <ul><li>${sentence(rand)} <em>Item ${i}</em></li></ul>`);
    else
      body.push(
        `  <p>${sentence(rand)} It was <a href="https://example.org/${i}">reported</a> at <strong>${i}</strong> &lt;local&gt; time.</p>`,
      );
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Harbour</title></head>\n<body>\n<article>\n${body.join('\n')}\n</article>\n</body></html>\n`;
}

/** An XLIFF 1.2 file whose units have paired and standalone codes. */
function xliffFile(rand: () => number, count = PARAGRAPHS): string {
  const units: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = sentence(rand);
    units.push(
      `      <trans-unit id="u${i + 1}">\n        <source>${s}</source>\n        <target state="translated">${s} It came <g id="1">at ${i}</g> o'clock<x id="2"/> &amp; later.</target>\n      </trans-unit>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
    '  <file original="harbour.html" source-language="en" target-language="en-GB" datatype="html">\n    <body>\n' +
    `${units.join('\n')}\n    </body>\n  </file>\n</xliff>\n`
  );
}

/** A Word document whose paragraphs have bold runs. */
function wordDocument(rand: () => number): Uint8Array {
  const body: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    body.push(
      `<w:p><w:r><w:t xml:space="preserve">${sentence(rand)} Seen at </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${i}</w:t></w:r><w:r><w:t xml:space="preserve"> hours.</w:t></w:r></w:p>`,
    );
  }
  return makeDocx({ body: body.join('') });
}

/**
 * The review of an article as the app makes it, with the reviewer's edits (every seventh paragraph, codes kept)
 * and flags (every eleventh, some dismissed and some on text the edit moved).
 */
async function reviewOf(path: string): Promise<ReviewState> {
  const read = await readArticle(path);
  if (!read.ok) throw new Error(read.error.message);
  const paragraphs = read.value.blocks.map((b, i) => paragraphFromBlocks(i, b, undefined, false));
  const header = makeHeader(read.value.info, paragraphs, '2025-03-01T09:00:00.000Z');
  const bodies: EventBody[] = [];
  paragraphs.forEach((p, i) => {
    if (i % 7 === 3)
      bodies.push({
        type: 'paragraph-edited',
        paragraphId: p.id,
        text: `Indeed, ${p.target.replace(' said ', ' told reporters ')} Nobody objected.`,
      });
    if (i % 11 === 5) {
      const status = i % 3 === 0 ? 'dismissed' : 'open';
      bodies.push({
        type: 'annotation-added',
        annotation: sampleAnnotation(`f${i}`, p.id, { start: 2, end: 9, status, comment: `flag ${i}`, created: NOW }),
      });
    }
  });
  return foldEvents(header, numbered(bodies)).state;
}

function content(made: Result<RenderedInSteps>): string | Uint8Array {
  if (!made.ok) throw new Error(made.error.message);
  const c = made.value.content;
  if (typeof c === 'string' || c instanceof Uint8Array) return c;
  return c.length === 0 || typeof c[0] === 'string' ? (c as readonly string[]).join('') : Buffer.concat(c as readonly Uint8Array[]);
}

/** The export written back in the export's thread, as the app makes it, and in this thread, as the command line does. */
async function bothWays(
  state: ReviewState,
  format: ExportFormat,
): Promise<{ offThread: Result<RenderedInSteps>; here: Result<RenderedInSteps> }> {
  const offThread = await renderExportInSteps(state, 'current', format, { now: NOW }, breathe);
  const here = await renderExport(state, 'current', format, { now: NOW });
  return { offThread, here };
}

describe('writing a version back into the original file in the export’s thread', () => {
  it('writes an HTML page byte for byte as the page is written in one thread', async () => {
    const path = join(dir, 'harbour.html');
    writeFileSync(path, htmlPage(seededRandom(1)));
    const state = await reviewOf(path);
    const { offThread, here } = await bothWays(state, 'html');
    const page = content(offThread) as string;
    expect(page).toBe(content(here));
    expect(offThread.ok && offThread.value.warnings).toEqual([]);
    expect(offThread.ok && offThread.value.paragraphs).toBe(state.paragraphs.length);
    // As the shared writer writes it from the review's texts.
    const direct = rewriteHtml(
      readFileSync(path, 'utf8'),
      state.paragraphs.map((p) => exportParagraph(p, state.drafts.get(p.id) ?? p.target)),
      'harbour.html',
    );
    expect(direct.ok && direct.value).toBe(page);
    expect(page).toContain('Indeed, ');
  });

  it('writes an XLIFF file byte for byte as it is written in one thread, edits and flags moved onto the new text', async () => {
    const path = join(dir, 'harbour.xlf');
    writeFileSync(path, xliffFile(seededRandom(2)));
    const state = await reviewOf(path);
    const { offThread, here } = await bothWays(state, 'xliff');
    const bytes = content(offThread) as Uint8Array;
    expect(Buffer.from(bytes).equals(Buffer.from(content(here) as Uint8Array))).toBe(true);
    // As the shared writer writes it, each flag's span carried through the edit.
    const flags = annotationList(state);
    const direct = reviseXliff(
      'harbour.xlf',
      readFileSync(path, 'utf8'),
      state.paragraphs.map((p) => {
        const text = state.drafts.get(p.id) ?? p.target;
        const map = offsetMapper(p.target, text);
        const mine = flags.filter((a) => a.paragraphId === p.id && a.side === 'target');
        return {
          text,
          map,
          flags: mine.map((a) => {
            const start = map(a.start, 'right');
            return { ...a, start, end: Math.max(start, map(a.end, 'left')) };
          }),
        };
      }),
    );
    expect(direct.ok && direct.value.text).toBe(Buffer.from(bytes).toString('utf8'));
    expect(Buffer.from(bytes).toString('utf8')).toContain('locQualityIssueComment="flag 5"');
  });

  it('writes a Word document part for part as it is written in one thread, with tracked changes and comments', async () => {
    const path = join(dir, 'harbour.docx');
    writeFileSync(path, wordDocument(seededRandom(3)));
    const state = await reviewOf(path);
    const { offThread, here } = await bothWays(state, 'docx');
    // The same parts, byte for byte; the archives themselves differ only in the times of their entries.
    const parts = unzipSync(content(offThread) as Uint8Array);
    expect(parts).toEqual(unzipSync(content(here) as Uint8Array));
    expect(strFromU8(parts['word/document.xml']!)).toContain('<w:ins ');
    expect(strFromU8(parts['word/comments.xml']!)).toContain('flag 5');
    expect(offThread.ok && offThread.value.warnings).toEqual([]);
    expect(offThread.ok && offThread.value.paragraphs).toBe(PARAGRAPHS);
  });

  it('saves a file written back, handed over and written a piece at a time, exactly as it is made at once', async () => {
    // A shorter article than the other tests': this one writes each file back four times.
    const count = 600;
    for (const [path, format, file] of [
      [join(dir, 'pieces.xlf'), 'xliff', xliffFile(seededRandom(7), count)],
      [join(dir, 'pieces.html'), 'html', htmlPage(seededRandom(8), count)],
    ] as const) {
      writeFileSync(path, file);
      const state = await reviewOf(path);
      const whole = content(await renderExport(state, 'current', format, { now: NOW }));
      // Pieces of 16 KB, so that a file of a hundred kilobytes comes in several, each written as it comes.
      const pieces: Uint8Array[] = [];
      const made = await renderExportInSteps(
        state,
        'current',
        format,
        { now: NOW },
        breathe,
        async (piece) => void pieces.push(typeof piece === 'string' ? Buffer.from(piece) : piece),
        (job, batches, pause) => writeBackInThread(job, batches, pause, undefined, 16 << 10),
      );
      expect(made).toMatchObject({ ok: true, value: { paragraphs: count } });
      expect(pieces.length, format).toBeGreaterThan(2);
      expect(Buffer.concat(pieces).equals(Buffer.from(whole)), format).toBe(true);
      // Saved as a file and downloaded, the same bytes.
      const saved = join(dir, `saved-${format}`);
      expect(await exportVersion(state, 'current', format, saved, join(dir, 'pieces.redline'))).toMatchObject({ ok: true });
      expect(readFileSync(saved).equals(Buffer.from(whole)), format).toBe(true);
      const download = await exportText(state, 'current', format, join(dir, 'pieces.redline'));
      if (!download.ok) throw new Error(download.error.message);
      expect(
        download.value.encoding === 'base64'
          ? Buffer.from(download.value.text, 'base64').equals(Buffer.from(whole))
          : download.value.text === whole,
      ).toBe(true);
    }
  });

  it('refuses to write into an XLIFF file that changed since the review began, and names a file that is gone', async () => {
    const path = join(dir, 'changed.xlf');
    const original = xliffFile(seededRandom(4));
    writeFileSync(path, original);
    const state = await reviewOf(path);
    writeFileSync(path, original.replace(/\s*<trans-unit id="u17">[\s\S]*?<\/trans-unit>/, ''));
    const changed = await renderExportInSteps(state, 'current', 'xliff', {}, breathe);
    expect(changed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!changed.ok && changed.error.message).toContain(`now has ${PARAGRAPHS - 1} translation units, the review ${PARAGRAPHS}`);
    unlinkSync(path);
    const gone = await renderExportInSteps(state, 'current', 'xliff', {}, breathe);
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('changed.xlf cannot be read any more (ENOENT)') },
    });
  });

  it('writes a new page or document, and says so, when the original changed or is gone', async () => {
    const page = join(dir, 'moved.html');
    const html = htmlPage(seededRandom(5));
    writeFileSync(page, html);
    const pageReview = await reviewOf(page);
    writeFileSync(page, html.replace('<strong>1</strong>', '<strong>one</strong>'));
    const changed = await renderExportInSteps(pageReview, 'current', 'html', {}, breathe);
    expect(changed.ok && changed.value.warnings).toEqual([
      'moved.html has changed since the review began, so the review cannot be written into it. A new page was written instead.',
    ]);
    expect(content(changed)).toMatch(/^<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>moved<\/title>/);
    unlinkSync(page);
    const gone = await renderExportInSteps(pageReview, 'current', 'html', {}, breathe);
    expect(gone.ok && gone.value.warnings).toEqual([`${page} could not be read, so a new page was written instead.`]);
    expect(content(gone)).toBe(content(changed));

    const word = join(dir, 'moved.docx');
    writeFileSync(word, wordDocument(seededRandom(6)));
    const wordReview = await reviewOf(word);
    writeFileSync(word, makeDocx({ body: '<w:p><w:r><w:t>Something else</w:t></w:r></w:p>' }));
    const other = await renderExportInSteps(wordReview, 'current', 'docx', {}, breathe);
    expect(other.ok && other.value.warnings[0]).toMatch(
      /^moved\.docx has changed since the review began .* A new Word document was written instead/,
    );
    unlinkSync(word);
    const lost = await renderExportInSteps(wordReview, 'current', 'docx', {}, breathe);
    expect(lost.ok && lost.value.warnings).toEqual([
      `${word} could not be read, so a new Word document was written without the original's layout.`,
    ]);
  });
});

describe('the export’s thread failing', () => {
  const job = { format: 'xliff', path: join(tmpdir(), 'none.xlf'), name: 'none.xlf' } as const;

  it('fails the export with a clear message when the thread cannot start', async () => {
    const r = await writeBackInThread(job, [], breathe, () => undefined);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'Redline could not start the thread that writes into none.xlf; nothing was written.' },
    });
  });

  it('fails the export with a clear message when the thread stops or fails half way', async () => {
    const exits = await writeBackInThread(job, [[]], breathe, () => new Worker('process.exit(3)', { eval: true }));
    expect(exits).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^The thread writing into none\.xlf stopped before it was done \(it ended with code 3\)/),
      },
    });
    const throws = await writeBackInThread(
      job,
      [[]],
      breathe,
      () =>
        new Worker("require('node:worker_threads').parentPort.on('message', () => { throw new Error('out of paper'); });", { eval: true }),
    );
    expect(throws).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('(out of paper)') } });
  });
});
