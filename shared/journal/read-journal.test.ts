import { describe, expect, it } from 'vitest';
import { JOURNAL_FORMAT_VERSION, type EventBody } from './journal-event';
import { withChecksum } from './line-checksum';
import { eventLine, headerLine, headerLineInSteps, readJournal, readJournalInSteps, salvageJournal } from './read-journal';
import { currentText } from './review-state';
import { numbered, sampleAnnotation, sampleHeader } from './sample-review';

const header = sampleHeader(3);
const bodies: EventBody[] = [
  { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1') },
  { type: 'paragraph-edited', paragraphId: 'p2', text: 'Edited — ünïcödé 中文' },
  { type: 'annotation-added', annotation: sampleAnnotation('a2', 'p3') },
];
const lines = [headerLine(header), ...numbered(bodies).map(eventLine)];
const whole = lines.join('');

function read(text: string) {
  const r = readJournal(text, 'story.redline');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function failure(text: string) {
  const r = readJournal(text, 'story.redline');
  if (r.ok) throw new Error('expected the read to fail');
  return r.error;
}

describe('reading a review file', () => {
  it('a whole file folds into its state with no warnings', () => {
    const r = read(whole);
    expect([...r.state.annotations.keys()]).toEqual(['a1', 'a2']);
    expect(currentText(r.state, 'p2')).toBe('Edited — ünïcödé 中文');
    expect(r.warnings).toEqual([]);
    expect(r.torn).toBe(false);
    expect(r.goodLength).toBe(whole.length);
  });

  it('a last line cut mid-write is dropped and reported, keeping everything before it', () => {
    const cut = whole.slice(0, whole.length - 25);
    const r = read(cut);
    expect([...r.state.annotations.keys()]).toEqual(['a1']);
    expect(r.torn).toBe(true);
    expect(r.goodLength).toBe(lines[0]!.length + lines[1]!.length + lines[2]!.length);
    expect(r.warnings).toEqual(['story.redline line 4: the last event was cut short (the app stopped while saving it) and was dropped.']);
  });

  it('a last line of zeros (the file grew but its data never landed) is dropped as torn', () => {
    const r = read(`${whole}\0\0\0\0\0\0`);
    expect(r.torn).toBe(true);
    expect(r.state.lastSeq).toBe(3);
    expect(r.warnings[0]).toMatch(/line 5: the last event was cut short/);
  });

  it('a complete last line missing only its newline is still dropped: an event is committed by its newline', () => {
    const r = read(whole.slice(0, -1));
    expect(r.torn).toBe(true);
    expect(r.state.annotations.has('a2')).toBe(false);
  });

  it('damage before the last line is an error naming the line', () => {
    const damaged = lines[0]! + lines[1]! + '{"seq":2,"at":"x","ty\n' + lines[3]!;
    const e = failure(damaged);
    expect(e.code).toBe('parse-error');
    expect(e.message).toMatch(/^story\.redline line 3: the event has no checksum/);
  });

  it('a damaged last line that ends in its newline is damage, not a torn write', () => {
    const e = failure(lines[0]! + lines[1]! + lines[2]! + '{"seq":3,"at":"x","ty\n');
    expect(e.message).toMatch(/^story\.redline line 4: /);
  });

  it('a single changed byte in an event is found and named by its line, whichever byte it is', () => {
    const line = lines[2]!;
    for (let at = 0; at < line.length - 1; at++) {
      const code = line.charCodeAt(at);
      const changed = line.slice(0, at) + String.fromCharCode(code === 0x41 ? 0x42 : code ^ 0x01) + line.slice(at + 1);
      const r = readJournal(lines[0]! + lines[1]! + changed + lines[3]!, 'story.redline');
      expect(r.ok ? `byte ${at} changed unnoticed` : r.error.message).toMatch(/^story\.redline line 3: /);
    }
  });

  it('an unknown event type in the middle is an error naming the line', () => {
    const odd = lines[0]! + withChecksum('{"seq":1,"at":"x","type":"teleported"}') + '\n' + lines[2]!;
    expect(failure(odd).message).toMatch(/^story\.redline line 2: unknown event type "teleported"/);
  });

  it('a damaged line is named by its place, never quoted', () => {
    const v1 = [headerLine(header), 'private words of the reviewer\n', ...numbered(bodies).map(eventLine)]
      .map((l) => l.replace(/^\{"crc32":"[0-9a-f]{8}",/, '{').replace(`"formatVersion":${JOURNAL_FORMAT_VERSION}`, '"formatVersion":1'))
      .join('');
    const e = failure(v1);
    expect(e.message).toMatch(/^story\.redline line 2: not valid JSON/);
    expect(e.message).not.toContain('private');
  });

  it('a review written before checksums (format 1) still opens', () => {
    const v1 = [headerLine(header), ...numbered(bodies).map(eventLine)]
      .map((l) => l.replace(/^\{"crc32":"[0-9a-f]{8}",/, '{').replace(`"formatVersion":${JOURNAL_FORMAT_VERSION}`, '"formatVersion":1'))
      .join('');
    const r = read(v1);
    expect([...r.state.annotations.keys()]).toEqual(['a1', 'a2']);
    // Without checksums, damage is still found where the JSON breaks.
    expect(failure(v1.replace('"type":"paragraph-edited"', '"type":"paragraph-edited')).message).toMatch(/line 3: not valid JSON/);
  });

  it('a byte-order mark put in front by an editor is tolerated', () => {
    const r = read(`\ufeff${whole}`);
    expect([...r.state.annotations.keys()]).toEqual(['a1', 'a2']);
    expect(r.goodLength).toBe(whole.length + 1);
  });

  it('a damaged file gives back everything before the damage, and nothing when the header is damaged', () => {
    const damaged = lines[0]! + lines[1]! + lines[2]!.replace('Edited', 'Edited!') + lines[3]!;
    const salvage = salvageJournal(damaged, 'story.redline');
    expect(salvage?.line).toBe(3);
    expect(salvage?.problem).toMatch(/line 3: its checksum does not match/);
    expect(salvage?.recovered?.events).toBe(1);
    expect([...salvage!.recovered!.state.annotations.keys()]).toEqual(['a1']);
    expect(salvage?.recovered?.goodLength).toBe(lines[0]!.length + lines[1]!.length);
    expect(salvageJournal(whole, 'story.redline')).toBeUndefined();
    const badHeader = salvageJournal(whole.replace('story.txt', 'storz.txt'), 'story.redline');
    expect(badHeader).toMatchObject({ line: 1 });
    expect(badHeader?.recovered).toBeUndefined();
  });

  it('a first line that is not a review header is refused', () => {
    const e = failure('Once upon a time\nthere was a file\n');
    expect(e.code).toBe('parse-error');
    expect(e.message).toMatch(/line 1: not a Redline review file/);
    expect(failure('{"format":"something-else","formatVersion":1}\n').code).toBe('parse-error');
  });

  it('a newer format version is refused with a message, not guessed at', () => {
    const newer = whole.replace(`"formatVersion":${JOURNAL_FORMAT_VERSION}`, `"formatVersion":${JOURNAL_FORMAT_VERSION + 1}`);
    const e = failure(newer);
    expect(e.code).toBe('newer-format');
    expect(e.message).toContain(
      `newer Redline (review format ${JOURNAL_FORMAT_VERSION + 1}; this version reads up to ${JOURNAL_FORMAT_VERSION})`,
    );
  });

  it('an empty file is reported as empty', () => {
    expect(failure('').code).toBe('empty');
  });

  it('an event that does not fit the review is skipped with a warning naming its line', () => {
    const extra = eventLine({ type: 'annotation-removed', id: 'ghost', seq: 4, at: '2025-01-01T11:00:00.000Z' });
    const r = read(whole + extra);
    expect(r.warnings).toEqual(['story.redline line 5: event 4 was skipped (no annotation ghost).']);
  });
});

describe('reading a large review in steps', () => {
  const tricky = ['Quotes " and \\ backslashes', 'Commas, [brackets] and {braces}', '中文，标点；“引号”', 'Tabs\tand\nnewlines', ''];
  function bigReview(paragraphs: number): string {
    const h = sampleHeader(paragraphs);
    const withText = { ...h, paragraphs: h.paragraphs.map((p, i) => ({ ...p, target: `${tricky[i % tricky.length]} ${i}` })) };
    const events = numbered([
      { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p2') },
      { type: 'paragraph-edited', paragraphId: 'p3', text: 'an edit, with "quotes"' },
    ]).map(eventLine);
    return [headerLine(withText), ...events].join('');
  }

  it('gives the same review as a read in one go, with pauses in between', async () => {
    const text = bigReview(12_345);
    let pauses = 0;
    const stepped = await readJournalInSteps(text, 'big.redline', async () => {
      pauses++;
    });
    const whole = readJournal(text, 'big.redline');
    expect(stepped.ok && whole.ok).toBe(true);
    if (!stepped.ok || !whole.ok) return;
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(stepped.value.header).toEqual(whole.value.header);
    expect(stepped.value.state.paragraphs[6]!.target).toBe('Commas, [brackets] and {braces} 6');
    expect(currentText(stepped.value.state, 'p3')).toBe('an edit, with "quotes"');
    expect([...stepped.value.state.annotations.keys()]).toEqual(['a1']);
  });

  it('writes the header in steps exactly as in one go, and reads it back', async () => {
    const h = sampleHeader(12_345);
    const withText = { ...h, paragraphs: h.paragraphs.map((p, i) => ({ ...p, target: `${tricky[i % tricky.length]} ${i}` })) };
    let pauses = 0;
    const stepped = await headerLineInSteps(withText, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(stepped).toBe(`${withChecksum(JSON.stringify(withText))}\n`);
    const read = readJournal(stepped, 'h.redline');
    expect(read.ok && read.value.header).toEqual(withText);
  });

  it('refuses a newer format before parsing any paragraph', async () => {
    const text = bigReview(10).replace(`"formatVersion":${JOURNAL_FORMAT_VERSION}`, `"formatVersion":${JOURNAL_FORMAT_VERSION + 1}`);
    const r = await readJournalInSteps(text, 'new.redline', async () => undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'newer-format' } });
  });

  it('reports a damaged paragraph in the header as a read in one go does', async () => {
    const text = bigReview(20).replace('"id":"p7"', '"id":7');
    const stepped = await readJournalInSteps(text, 'bad.redline', async () => undefined);
    expect(stepped).toEqual(readJournal(text, 'bad.redline'));
    expect(stepped).toMatchObject({ ok: false, error: { code: 'parse-error', message: /line 1: paragraph 7 of the header is malformed/ } });
  });
});
