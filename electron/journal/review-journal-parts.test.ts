// A long review is read from its bytes in parts (its header never built as one string). It must give exactly what
// reading the whole text gives, and leave every kind of damage to the whole-text reader, which names it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventLine,
  headerLine,
  parseEventLines,
  readJournal,
  readJournalPartsInSteps,
  type JournalParts,
} from '../../shared/journal/read-journal';
import { annotationList, currentText } from '../../shared/journal/review-state';
import { numbered, sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { partsOf, ReviewJournal } from './review-journal';

const tricky = [
  'Quotes " and \\ backslashes',
  '},{"id":"p9" inside a paragraph',
  '中文，标点；“引号”',
  'Tabs\tand\nnewlines',
  'emoji 😀 and é',
  '',
];
const base = sampleHeader(40_000, 'long.txt');
const header = { ...base, paragraphs: base.paragraphs.map((p, i) => ({ ...p, target: `${tricky[i % tricky.length]} ${i}` })) };
const events = numbered([
  { type: 'rater-set', rater: 'Ana' },
  { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p2') },
  { type: 'paragraph-edited', paragraphId: 'p3', text: 'an edit, with "quotes" and 中文' },
  { type: 'annotation-added', annotation: sampleAnnotation('a2', 'p39999') },
]).map(eventLine);
const whole = headerLine(header) + events.join('');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-parts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function both(text: string) {
  const path = join(dir, `r${n++}.redline`);
  writeFileSync(path, text);
  expect(Buffer.byteLength(text)).toBeGreaterThan(4 << 20);
  const opened = await ReviewJournal.open(path);
  const read = readJournal(text, path.split('/').pop()!);
  return { opened, read, path };
}

/** Runs a parts' checksum to the end: whether it matches. */
function checksumOf(parts: JournalParts): boolean {
  const steps = parts.checksum!();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

describe('reading a long review in parts', () => {
  it('cuts the file at the header and between paragraphs, and reads it without building the header as one string', async () => {
    const split = partsOf(Buffer.from(whole));
    expect(split).toBeDefined();
    const batches = [...split!.parts.batches()];
    expect(batches.length).toBeGreaterThan(20);
    expect(checksumOf(split!.parts)).toBe(true);
    expect(split!.parts.events.join('')).toBe(events.join(''));
    const read = await readJournalPartsInSteps(split!.parts, 'long.redline', async () => undefined);
    expect(read?.ok && read.value.state.paragraphs).toEqual(header.paragraphs);
    expect(checksumOf(partsOf(Buffer.from(whole.replace('backslashes 6', 'backslashez 6')))!.parts)).toBe(false);
  });

  it('gives the same review as reading its whole text', async () => {
    const { opened, read } = await both(whole);
    expect(opened.ok && read.ok).toBe(true);
    if (!opened.ok || !read.ok) return;
    expect(opened.value.state.paragraphs).toEqual(read.value.state.paragraphs);
    expect(annotationList(opened.value.state)).toEqual(annotationList(read.value.state));
    expect(currentText(opened.value.state, 'p3')).toBe('an edit, with "quotes" and 中文');
    expect(opened.value.state.rater).toBe('Ana');
    expect(opened.value.events).toBe(4);
    await opened.value.journal.close();
  });

  it('with a byte-order mark, and with a torn last line that is cut off exactly when appending resumes', async () => {
    const { opened, path } = await both(`\ufeff${whole}{"crc32":"1234`);
    expect(opened.ok && opened.value.warnings).toEqual([expect.stringMatching(/line 6: the last event was cut short/)]);
    if (!opened.ok) return;
    const r = await opened.value.journal.append({ type: 'annotation-removed', id: 'a1' });
    expect(r.ok).toBe(true);
    await opened.value.journal.close();
    expect(readFileSync(path, 'utf8')).toBe(`\ufeff${whole}${eventLine({ ...(r.ok ? r.value : ({} as never)) })}`);
  });

  it('leaves damage to the whole-text reader, which names its line', async () => {
    for (const damaged of [
      whole.replace('backslashes 6', 'backslashez 6'),
      whole.replace('"p3"', '"p4"'),
      whole.replace('"formatVersion":2', '"formatVersion":9'),
    ]) {
      const { opened, read } = await both(damaged);
      expect(opened.ok).toBe(false);
      expect(opened).toEqual(read);
    }
  });
});

describe('a long review’s events parsed while its article loads', () => {
  const noPause = async () => undefined;
  const readWith = async (text: string) => {
    const parts = partsOf(Buffer.from(text))!.parts;
    return readJournalPartsInSteps({ ...parts, parsedEvents: await parseEventLines(parts.events, noPause) }, 'long.redline', noPause);
  };

  it('make the same review as events parsed as it is read', async () => {
    const ahead = await readWith(whole);
    const plain = await readJournalPartsInSteps(partsOf(Buffer.from(whole))!.parts, 'long.redline', noPause);
    expect(ahead?.ok && plain?.ok).toBe(true);
    if (!ahead?.ok || !plain?.ok) return;
    expect(annotationList(ahead.value.state)).toEqual(annotationList(plain.value.state));
    expect(currentText(ahead.value.state, 'p3')).toBe('an edit, with "quotes" and 中文');
    expect(ahead.value.events).toBe(4);
  });

  it('still refuse a changed event, or one without its checksum, leaving them to the reader that names the line', async () => {
    const changed = whole.replace('an edit, with', 'an edit, wiht');
    const unchecked = headerLine(header) + events[0] + JSON.stringify({ seq: 2, type: 'rater-set', rater: 'Bo' }) + '\n';
    for (const damaged of [changed, unchecked]) expect(await readWith(damaged)).toBeUndefined();
    expect(await readJournalPartsInSteps(partsOf(Buffer.from(unchecked))!.parts, 'long.redline', noPause)).toBeUndefined();
  });
});

describe('reading a long review in parts, step by step', () => {
  it('indexes the paragraphs as it parses them, as a review read at once indexes them', async () => {
    const split = partsOf(Buffer.from(whole))!;
    const read = await readJournalPartsInSteps(split.parts, 'long.redline', async () => undefined);
    const once = readJournal(whole, 'long.redline');
    expect(read?.ok && once.ok).toBe(true);
    if (!read?.ok || !once.ok) return;
    expect(read.value.state.paragraphIndex.size).toBe(40_000);
    expect([...read.value.state.paragraphIndex]).toEqual([...once.value.state.paragraphIndex]);
  });

  it('leaves a header that names a paragraph twice to the whole-text read, which names the damage', async () => {
    const twice = { ...header, paragraphs: header.paragraphs.map((p, i) => (i === 30_000 ? { ...p, id: 'p7' } : p)) };
    const text = headerLine(twice) + events.join('');
    expect(await readJournalPartsInSteps(partsOf(Buffer.from(text))!.parts, 'long.redline', async () => undefined)).toBeUndefined();
    const path = join(dir, 'twice.redline');
    writeFileSync(path, text);
    const opened = await ReviewJournal.open(path);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.message).toContain('p7 appears twice');
  });

  it('checks the checksum of a long header in pieces, pausing between them', async () => {
    const big = { ...header, paragraphs: header.paragraphs.map((p) => ({ ...p, target: `${p.target} ${'padding '.repeat(30)}` })) };
    const text = headerLine(big) + events.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(9 << 20);
    const steps = partsOf(Buffer.from(text))!.parts.checksum!();
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    expect(next.value).toBe(true);
    expect(pauses).toBeGreaterThan(0);
  });
});

describe('starting a long review', () => {
  it('indexes its paragraphs in steps, as the review read back indexes them', async () => {
    const path = join(dir, 'new-long.redline');
    const created = await ReviewJournal.create(path, header);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const index = created.value.state.paragraphIndex;
    expect(index.size).toBe(40_000);
    expect(index.get('p1')).toBe(0);
    expect(index.get('p40000')).toBe(39_999);
    await created.value.close();
    const reopened = await ReviewJournal.open(path);
    expect(reopened.ok && [...reopened.value.state.paragraphIndex]).toEqual([...index]);
    if (reopened.ok) await reopened.value.journal.close();
  });
});
