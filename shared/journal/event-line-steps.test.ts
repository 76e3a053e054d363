import { describe, expect, it } from 'vitest';
import type { EventBody, JournalEvent } from './journal-event';
import { eventLineSteps, isLongEvent } from './event-line-steps';
import { eventLine, readJournal, headerLine } from './read-journal';
import { numbered, sampleAnnotation, sampleHeader } from './sample-review';

/** The line made in steps, and how many pauses it took. */
function inSteps(event: JournalEvent): { line: string; pauses: number } {
  const steps = eventLineSteps(event);
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { line: next.value, pauses };
    pauses++;
  }
}

const replaceAll: EventBody = {
  type: 'text-replaced',
  find: 'the "sea" wall',
  replacement: 'the new sea wall — ✓',
  all: true,
  edits: Array.from({ length: 9000 }, (_, i) => ({
    paragraphId: `p${i + 1}`,
    ranges: [
      [0, 3 + (i % 2)],
      [20, 24],
    ] as const,
  })),
};

const texts: Record<string, string | undefined> = { '10': 'ten', '2': 'two', a: 'line\nbreak "quoted" 雨' };
for (let i = 0; i < 5000; i++) texts[`p${i}`] = `Corrected text ${i} \u{1F600}`;
texts['gone'] = undefined;
const version = { type: 'version-saved', number: 1, message: 'v1', author: 'Ana', texts } as EventBody;

const flags: EventBody = {
  type: 'annotations-added',
  annotations: Array.from({ length: 4500 }, (_, i) => sampleAnnotation(`a${i}`, `p${i + 1}`, { comment: `note ${i}` })),
};

describe("a long event's line made in steps", () => {
  it('is the very line written at once, checksum included, for lists, records and short events', () => {
    const events = numbered([replaceAll, version, flags, { type: 'undo' }, { type: 'rater-set', rater: 'Zoë' }]);
    for (const event of events) expect(inSteps(event).line).toBe(eventLine(event));
  });

  it('pauses between pieces of a long list or record, and reads back as the same event', () => {
    const [replaced, saved] = numbered([replaceAll, version]) as [JournalEvent, JournalEvent];
    expect(inSteps(replaced).pauses).toBeGreaterThanOrEqual(4);
    expect(inSteps(saved).pauses).toBeGreaterThanOrEqual(2);
    const read = readJournal(headerLine(sampleHeader(9000)) + inSteps(replaced).line, 'r.redline');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.state.undo.top?.changes).toHaveLength(9000);
  });

  it('takes only events holding a long list or record to be long', () => {
    const [replaced, saved, many, undo] = numbered([replaceAll, version, flags, { type: 'undo' }]) as JournalEvent[];
    expect([replaced, saved, many, undo].map((e) => isLongEvent(e!))).toEqual([true, true, true, false]);
  });
});
