import { describe, expect, it } from 'vitest';
import { JOURNAL_FORMAT_VERSION, type EventBody } from './journal-event';
import { eventLine, headerLine, readJournal } from './read-journal';
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
    expect(r.warnings).toEqual([
      'story.redline line 4: the last event was cut short (the app stopped while saving it) and was dropped.',
    ]);
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
    expect(e.message).toMatch(/^story\.redline line 3: not valid JSON/);
  });

  it('an unknown event type in the middle is an error naming the line', () => {
    const odd = lines[0]! + '{"seq":1,"at":"x","type":"teleported"}\n' + lines[2]!;
    expect(failure(odd).message).toMatch(/^story\.redline line 2: unknown event type "teleported"/);
  });

  it('a first line that is not a review header is refused', () => {
    const e = failure('Once upon a time\nthere was a file\n');
    expect(e.code).toBe('parse-error');
    expect(e.message).toMatch(/line 1: not a Redline review file/);
    expect(failure('{"format":"something-else","formatVersion":1}\n').code).toBe('parse-error');
  });

  it('a newer format version is refused with a message, not guessed at', () => {
    const newer = headerLine({ ...header, formatVersion: JOURNAL_FORMAT_VERSION + 1 }) + lines.slice(1).join('');
    const e = failure(newer);
    expect(e.code).toBe('newer-format');
    expect(e.message).toMatch(/newer Redline \(review format 2; this version reads up to 1\)/);
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
