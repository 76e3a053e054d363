// Thousands of damaged review files, each made from a fixed seed: reading one either gives the review or refuses
// it with a typed failure naming the line, quickly; it never throws. A failure prints its seed (replay it with
// `fuzzInput(seed, samples)`) and the first bytes of the input. The files are written with the journal's own
// writers, so they follow whatever the current format is.
import { describe, expect, it } from 'vitest';
import { describeFailure, fuzz, fuzzSummary } from '../fuzz/fuzz-inputs';
import { seededRandom } from '../seeded-random';
import type { EventBody, JournalEvent } from './journal-event';
import { eventLine, headerLine, readJournal } from './read-journal';
import { numbered, sampleAnnotation, sampleHeader } from './sample-review';

/** Inputs per test: enough to reach the odd corners, few enough for the suite to stay quick on two cores. */
const INPUTS = 2000;
/** Longest one read may take: a hundred times a normal read, far below a frozen window. */
const LIMIT_MS = 1000;
const CODES = ['empty', 'parse-error', 'newer-format'];

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Decoded as the journal decodes a file: UTF-8, undecodable bytes replaced. */
const asText = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

const BODIES: readonly EventBody[] = [
  { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1', { comment: 'wrong "term"\there' }) },
  { type: 'paragraph-edited', paragraphId: 'p2', text: 'Rain is expected across the north.', group: 'g1' },
  { type: 'paragraph-edited', paragraphId: 'p2', text: 'Rain is expected in the north, 港口.', group: 'g1' },
  { type: 'annotation-changed', id: 'a1', changes: { severity: 'minor' } },
  { type: 'undo' },
  { type: 'redo' },
  { type: 'version-saved', number: 1, message: 'First pass', author: 'Ana', texts: { p2: 'Rain is expected in the north.' } },
  { type: 'annotation-added', annotation: sampleAnnotation('a2', 'p3', { start: 0, end: 0, side: 'source' }) },
  { type: 'annotation-removed', id: 'a2' },
  { type: 'rater-set', rater: 'Bo' },
  { type: 'paragraph-reverted', paragraphId: 'p2', version: 0 },
];
const EVENTS: readonly JournalEvent[] = numbered(BODIES);
const HEADER = headerLine(sampleHeader(4, 'fuzz.txt'));
const REVIEWS = [HEADER + EVENTS.map(eventLine).join(''), HEADER + EVENTS.slice(0, 3).map(eventLine).join(''), HEADER].map(utf8);
const LINES = EVENTS.map((e) => utf8(eventLine(e)));

function read(bytes: Uint8Array) {
  return readJournal(asText(bytes), 'fuzz.redline');
}

/** JSON values that do not belong where they are put. */
const ODD_VALUES: readonly unknown[] = [
  null,
  -1,
  0,
  1.5,
  1e308,
  '',
  'p999',
  'x'.repeat(5000),
  [],
  {},
  [1, 'a'],
  { a: { b: null } },
  true,
  'snapshot',
];

/** An event with one field (perhaps nested one level) set to an odd value, or removed. */
function oddEvent(seed: number): JournalEvent {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const event = JSON.parse(JSON.stringify(pick(EVENTS))) as Record<string, unknown>;
  let target = event;
  const nested = Object.entries(event).filter(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v));
  if (nested.length > 0 && random() < 0.5) target = pick(nested)[1] as Record<string, unknown>;
  const keys = Object.keys(target);
  const key = random() < 0.9 && keys.length > 0 ? pick(keys) : 'extra';
  if (random() < 0.15) delete target[key];
  else target[key] = pick(ODD_VALUES);
  return event as unknown as JournalEvent;
}

describe('reading damaged review files', () => {
  it(`${INPUTS} damaged review files each give the review or a failure naming the line`, async () => {
    const report = await fuzz({
      firstSeed: 400_000,
      count: INPUTS,
      samples: REVIEWS,
      fragments: LINES,
      codes: CODES,
      limitMs: LIMIT_MS,
      now: () => performance.now(),
      importer: (bytes) => {
        const r = read(bytes);
        if (!r.ok && r.error.code === 'parse-error' && !/^fuzz\.redline line \d+/.test(r.error.message)) {
          throw new Error(`a parse error that names no line: ${r.error.message}`);
        }
        return r;
      },
    });
    console.log(fuzzSummary('review files', report));
    expect(report.failures.map(describeFailure)).toEqual([]);
  });

  it(`${INPUTS} well-formed lines holding events with odd fields are read or refused, never thrown`, async () => {
    // Each line is intact (its checksum, if the format has one, matches), so the reader's shape checks and the
    // fold are what is tried here, not the line checks.
    const report = await fuzz({
      firstSeed: 500_000,
      count: INPUTS,
      samples: [],
      make: (seed) => {
        const random = seededRandom(seed);
        const events = EVENTS.map((e, i) => (random() < 0.3 ? oddEvent(seed * 31 + i) : e));
        return utf8(HEADER + events.map(eventLine).join(''));
      },
      codes: CODES,
      limitMs: LIMIT_MS,
      now: () => performance.now(),
      importer: read,
    });
    console.log(fuzzSummary('review events with odd fields', report));
    expect(report.failures.map(describeFailure)).toEqual([]);
  });
});
