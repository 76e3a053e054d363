/**
 * XLIFF in and out at the size of a long job: a generated XLIFF 1.2 file of 10,000 units (about 5 MB, with inline
 * codes, notes and a quality issue in one unit of ten) read by the streaming loader, timed to its first paragraph
 * (beside a plain-text article of the same paragraphs) and to its end; then written back with one unit in ten
 * corrected, and written as XLIFF 2.1 with quality issues.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamArticle } from '../electron/loader/article-stream';
import { offsetMapper } from '../shared/formats/xliff/offset-map';
import { readXliff } from '../shared/formats/xliff/xliff-reader';
import { reviseXliff, writeXliff21, type UnitRevision } from '../shared/formats/xliff/xliff-writer';
import { median, type BenchSection, type Figure } from './report';

const UNITS = 10_000;
const RUNS = 3;

const WORDS =
  'the council said harbour ferry bridge river passengers service bank month year old new boat repair costs will replace until then east west market town news report city residents morning evening weather storm road closed open station train delay'.split(
    ' ',
  );

/** Paragraphs of generated news-like words (about 50 words each), the same for every run. */
function generateParagraphs(count: number): string[] {
  let seed = 31;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    const n = 40 + Math.floor(next() * 20);
    for (let k = 0; k < n; k++) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
    out.push(`${words.join(' ')} & more.`);
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An XLIFF 1.2 document whose targets are generated news paragraphs, each with a code pair and a placeholder. */
function xliffText(paragraphs: readonly string[]): string {
  const units = paragraphs.map((p, i) => {
    const words = escape(p).split(' ');
    const cut = Math.min(3, words.length);
    const rest = words.slice(cut);
    if (i % 10 === 0)
      rest[1] = `<mrk mtype="x-its" its:locQualityIssueType="mistranslation" its:locQualityIssueSeverity="60">${rest[1]}</mrk>`;
    const marked = `<g id="1">${words.slice(0, cut).join(' ')}</g> ${rest.join(' ')}<x id="2"/>`;
    return `   <trans-unit id="t${i + 1}">\n    <source>Source of paragraph ${i + 1}: ${escape(p.slice(0, 120))}<x id="2"/></source>\n    <target state="translated">${marked}</target>\n${i % 5 === 0 ? '    <note>Checked against the wire copy.</note>\n' : ''}   </trans-unit>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:its="http://www.w3.org/2005/11/its">\n <file original="news.html" source-language="en" target-language="en-GB" datatype="html">\n  <body>\n${units.join('')}  </body>\n </file>\n</xliff>\n`;
}

async function timeLoad(path: string): Promise<{ first: number; total: number; paragraphs: number }> {
  const t0 = performance.now();
  let first = NaN;
  let paragraphs = 0;
  const r = await streamArticle(path, {
    onBlocks: (blocks) => {
      if (paragraphs === 0) first = performance.now() - t0;
      paragraphs += blocks.length;
    },
  });
  if (!r.ok) throw new Error(r.error.message);
  return { first, total: performance.now() - t0, paragraphs };
}

export const section: BenchSection = {
  title: `XLIFF: a ${UNITS.toLocaleString('en')}-unit file read, written back and written as XLIFF 2.1`,
  async run(): Promise<readonly Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'redline-xliff-bench-'));
    try {
      const paragraphs = generateParagraphs(UNITS);
      const xlf = join(dir, 'news.xlf');
      const txt = join(dir, 'news.txt');
      const xml = xliffText(paragraphs);
      writeFileSync(xlf, xml);
      writeFileSync(txt, `${paragraphs.join('\n\n')}\n`);
      const loads: { first: number; total: number; paragraphs: number }[] = [];
      const textFirst: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        loads.push(await timeLoad(xlf));
        textFirst.push((await timeLoad(txt)).first);
      }
      if (loads[0]!.paragraphs !== UNITS) throw new Error(`read ${loads[0]!.paragraphs} units of ${UNITS}`);

      const read = readXliff('news.xlf', xml);
      const revisions: UnitRevision[] = read.units.map((u, i) => {
        const text = i % 10 === 3 ? `${u.target} Corrected.` : u.target;
        const map = offsetMapper(u.target, text);
        return { text, map, flags: u.flags.filter((f) => f.side === 'target') };
      });
      const writes: number[] = [];
      const its: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let t0 = performance.now();
        const revised = reviseXliff('news.xlf', xml, revisions);
        writes.push(performance.now() - t0);
        if (!revised.ok || revised.value.changedUnits !== UNITS / 10) throw new Error('the corrected units were not all written');
        t0 = performance.now();
        writeXliff21(
          { original: 'news.xlf', srcLang: 'en', trgLang: 'en-GB' },
          read.units.map((u, k) => ({
            id: `p${k + 1}`,
            ref: u.id,
            source: u.source,
            sourceCodes: u.sourceCodes,
            target: revisions[k]!.text,
            codes: u.codes,
            notes: u.notes,
            changed: revisions[k]!.text !== u.target,
            targetFlags: revisions[k]!.flags,
            sourceFlags: [],
          })),
        );
        its.push(performance.now() - t0);
      }
      const mb = statSync(xlf).size / 1024 / 1024;
      return [
        { name: 'file size', value: mb, unit: 'MB' },
        {
          name: 'first paragraph of the XLIFF file',
          value: median(loads.map((l) => l.first)),
          unit: 'ms',
          target: { op: '<=', value: Math.max(50, 2 * median(textFirst)) },
          note: `plain text of the same paragraphs: ${median(textFirst).toFixed(1)} ms`,
        },
        { name: 'whole XLIFF file read', value: median(loads.map((l) => l.total)), unit: 'ms', target: { op: '<=', value: 1000 } },
        { name: 'written back with 1,000 units corrected', value: median(writes), unit: 'ms', target: { op: '<=', value: 1000 } },
        { name: 'written as XLIFF 2.1 with quality issues', value: median(its), unit: 'ms', target: { op: '<=', value: 1000 } },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
