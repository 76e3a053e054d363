/**
 * Small builders of review data for tests and benchmarks: an article header of any size and annotations with
 * sensible defaults. The text is our own.
 */
import { paragraphIdAt, type Annotation, type Paragraph } from '../model';
import { makeHeader, type JournalEvent, type JournalHeader, type EventBody } from './journal-event';
import { applyEvent } from './review-reducer';
import type { ReviewState } from './review-state';

const SENTENCES = [
  'The council approved the new budget after a long debate.',
  'Rain is expected across the north of the country tomorrow.',
  'The museum will reopen its east wing in the spring.',
  'Local farmers say the harvest came two weeks early this year.',
];

/** A header for an article of `count` paragraphs (`p1`, `p2`, ...), each with a source and a machine translation. */
export function sampleHeader(count: number, name = 'story.txt'): JournalHeader {
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < count; i++) {
    const text = SENTENCES[i % SENTENCES.length]!;
    paragraphs.push({ id: paragraphIdAt(i), index: i, kind: 'text', target: text, source: `[src] ${text}`, alignment: 'paired' });
  }
  const article = { path: `/articles/${name}`, name, format: 'txt', encoding: 'utf-8', bytes: count * 60 } as const;
  return makeHeader(article, paragraphs, '2025-01-01T09:00:00.000Z');
}

/** An open annotation by a person on the target side; override any field. */
export function sampleAnnotation(id: string, paragraphId: string, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id,
    paragraphId,
    side: 'target',
    start: 4,
    end: 11,
    category: 'Accuracy/Mistranslation',
    severity: 'major',
    comment: '',
    rater: 'Ana',
    origin: { kind: 'person' },
    status: 'open',
    created: '2025-01-01T09:05:00.000Z',
    ...overrides,
  };
}

/** Numbers event bodies 1, 2, 3, ... with a fixed time, as the journal would. */
export function numbered(bodies: readonly EventBody[], firstSeq = 1): JournalEvent[] {
  return bodies.map(
    (b, i) => ({ ...b, seq: firstSeq + i, at: `2025-01-01T10:00:${String(i % 60).padStart(2, '0')}.000Z` }) as JournalEvent,
  );
}

/** The state after `bodies`, numbered on from `from`'s last event, are applied to `from`; a refused event throws. */
export function playEvents(bodies: readonly EventBody[], from: ReviewState): ReviewState {
  let state = from;
  for (const event of numbered(bodies, from.lastSeq + 1)) {
    const next = applyEvent(state, event);
    if (!next.ok) throw new Error(next.error.message);
    state = next.value;
  }
  return state;
}
