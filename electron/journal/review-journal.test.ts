import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FORMAT_VERSION, type EventBody } from '../../shared/journal/journal-event';
import { eventLine, headerLine } from '../../shared/journal/read-journal';
import { currentText, saveVersionBody, snapshotOf, versionTexts } from '../../shared/journal/review-state';
import { numbered, sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { ReviewJournal } from './review-journal';

const header = sampleHeader(5);
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-journal-'));
  file = join(dir, 'story.redline');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function created(): Promise<ReviewJournal> {
  const r = await ReviewJournal.create(file, header);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function reopened() {
  const r = await ReviewJournal.open(file);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function appendAll(journal: ReviewJournal, bodies: readonly EventBody[]): Promise<void> {
  for (const body of bodies) {
    const r = await journal.append(body);
    if (!r.ok) throw new Error(r.error.message);
  }
}

const flag = (id: string, paragraphId = 'p1'): EventBody => ({ type: 'annotation-added', annotation: sampleAnnotation(id, paragraphId) });

describe('review journal', () => {
  it('a Replace all over thousands of paragraphs is written as one line, ahead of what follows, and reopens as one undo step', async () => {
    const long = sampleHeader(6000);
    const r = await ReviewJournal.create(file, long);
    if (!r.ok) throw new Error(r.error.message);
    const journal = r.value;
    const edits = long.paragraphs.map((p) => ({ paragraphId: p.id, ranges: [[0, 3]] as const }));
    const replaced = journal.append({ type: 'text-replaced', find: 'The', replacement: 'A', all: true, edits });
    const flagged = journal.append(flag('f1'));
    expect((await replaced).ok).toBe(true);
    expect((await flagged).ok).toBe(true);
    await journal.close();
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(4);
    const { state, warnings } = await reopened();
    expect(warnings).toEqual([]);
    expect(state.drafts.size).toBe(6000);
    expect(state.undo.toArray().map((step) => step.label)).toEqual(['replace all', 'flag']);
    expect(snapshotOf(state)).toEqual(snapshotOf(journal.state));
  });

  it('a new review starts with just its header and reopens empty', async () => {
    const journal = await created();
    await journal.close();
    expect(readFileSync(file, 'utf8')).toBe(headerLine(header));
    const { state, warnings } = await reopened();
    expect(state.paragraphs).toEqual(header.paragraphs);
    expect(state.lastSeq).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('creating over an existing review is refused', async () => {
    await (await created()).close();
    const again = await ReviewJournal.create(file, header);
    expect(again.ok ? 'created' : again.error.code).toBe('conflict');
  });

  it('an acknowledged event is on disk: reopening shows it', async () => {
    const journal = await created();
    const r = await journal.append(flag('a1'));
    expect(r.ok && r.value.seq).toBe(1);
    // Read back while the journal is still open: the acknowledgement came after the flush.
    const { state } = await reopened();
    expect([...state.annotations.keys()]).toEqual(['a1']);
    await journal.close();
  });

  it('a burst of appends made without waiting is written in order and each is acknowledged', async () => {
    const journal = await created();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        journal.append({ type: 'paragraph-edited', paragraphId: 'p2', text: `draft ${i}`, group: 'g' }),
      ),
    );
    expect(results.map((r) => r.ok && r.value.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const { state } = await reopened();
    expect(currentText(state, 'p2')).toBe('draft 199');
    expect(state.undo).toHaveLength(1);
    await journal.close();
  });

  it('an event that does not fit the review is refused and nothing is written', async () => {
    const journal = await created();
    const before = readFileSync(file);
    const r = await journal.append({ type: 'annotation-removed', id: 'ghost' });
    expect(r.ok ? 'written' : r.error.code).toBe('conflict');
    expect(readFileSync(file)).toEqual(before);
    expect(journal.state.lastSeq).toBe(0);
    await journal.close();
  });

  it('a torn last line is dropped and reported on open, and cut off only when appending resumes', async () => {
    const journal = await created();
    await appendAll(journal, [flag('a1'), flag('a2')]);
    await journal.close();
    const torn = readFileSync(file, 'utf8') + eventLine(numbered([flag('a3')], 3)[0]!).slice(0, 40);
    writeFileSync(file, torn);

    const { journal: again, state, warnings } = await reopened();
    expect([...state.annotations.keys()]).toEqual(['a1', 'a2']);
    expect(warnings).toEqual(['story.redline line 4: the last event was cut short (the app stopped while saving it) and was dropped.']);
    expect(readFileSync(file, 'utf8')).toBe(torn);

    await appendAll(again, [flag('a4')]);
    await again.close();
    const repaired = await reopened();
    expect([...repaired.state.annotations.keys()]).toEqual(['a1', 'a2', 'a4']);
    expect(repaired.warnings).toEqual([]);
  });

  it('a failed load leaves the file byte for byte and untouched in time', async () => {
    const journal = await created();
    await appendAll(journal, [flag('a1'), flag('a2'), flag('a3')]);
    await journal.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    const cases = {
      damaged: [lines[0], lines[1], '{"seq": 2, oops', lines[3], ''].join('\n'),
      newer: lines.join('\n').replace(`"formatVersion":${JOURNAL_FORMAT_VERSION}`, `"formatVersion":${JOURNAL_FORMAT_VERSION + 1}`),
    };
    for (const [name, text] of Object.entries(cases)) {
      writeFileSync(file, text);
      const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
      const r = await ReviewJournal.open(file);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(name === 'newer' ? 'newer-format' : 'parse-error');
      if (!r.ok && name === 'damaged') expect(r.error.message).toMatch(/^story\.redline line 3: /);
      expect(readFileSync(file)).toEqual(before.bytes);
      expect(statSync(file).mtimeMs).toBe(before.mtime);
    }
    expect(readdirSync(dir)).toEqual(['story.redline']);
  });

  it('a save the disk refuses is reported, and the review goes back to what is on disk', async () => {
    const journal = await created();
    await appendAll(journal, [flag('a1')]);
    await journal.close();
    const { journal: again } = await reopened();
    // The review file is replaced by a folder behind the app's back: the next write cannot happen.
    rmSync(file);
    mkdirSync(file);
    const results = await Promise.all([again.append(flag('a2')), again.append(flag('a3'))]);
    expect(results.map((r) => (r.ok ? 'saved' : r.error.code))).toEqual(['io-error', 'io-error']);
    expect([...again.state.annotations.keys()]).toEqual(['a1']);
    const later = await again.append(flag('a4'));
    expect(later.ok ? 'saved' : later.error.message).toMatch(/^Could not save to the review file .*Reopen the review\.$/);
    await again.close();
  });

  it('a missing review file is reported as not found', async () => {
    const r = await ReviewJournal.open(join(dir, 'none.redline'));
    expect(r.ok ? 'opened' : r.error.code).toBe('not-found');
  });

  it('compaction keeps the state, shrinks the file, and later appends continue from it', async () => {
    const journal = await created();
    await appendAll(journal, [{ type: 'rater-set', rater: 'Ana' }, flag('a1'), flag('a2', 'p2')]);
    for (let i = 0; i < 50; i++)
      await appendAll(journal, [{ type: 'paragraph-edited', paragraphId: 'p3', text: `typing ${i}`, group: 'burst' }]);
    await appendAll(journal, [saveVersionBody(journal.state, 'First pass'), { type: 'annotation-removed', id: 'a1' }, { type: 'undo' }]);
    const before = journal.state;
    const sizeBefore = statSync(file).size;

    const compacted = await journal.compact();
    expect(compacted.ok).toBe(true);
    expect(statSync(file).size).toBeLessThan(sizeBefore);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    expect(readdirSync(dir)).toEqual(['story.redline']);
    const after = await reopened();
    expect(snapshotOf(after.state)).toEqual(snapshotOf(before));
    expect(after.state.lastSeq).toBe(before.lastSeq);

    await appendAll(journal, [{ type: 'redo' }, flag('a3')]);
    await journal.close();
    const later = (await reopened()).state;
    expect([...later.annotations.keys()]).toEqual(['a2', 'a3']);
    expect(versionTexts(later, 1)![2]).toBe('typing 49');
    expect(later.lastSeq).toBe(before.lastSeq + 2);
  });

  it('events appended while compacting are kept', async () => {
    const journal = await created();
    await appendAll(journal, [flag('a1')]);
    const pending = [journal.append(flag('a2')), journal.compact(), journal.append(flag('a3')), journal.append(flag('a4'))];
    const results = await Promise.all(pending);
    expect(results.every((r) => r.ok)).toBe(true);
    await journal.close();
    expect([...(await reopened()).state.annotations.keys()]).toEqual(['a1', 'a2', 'a3', 'a4']);
  });
});
