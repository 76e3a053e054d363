/**
 * A review's paragraph positions by id. The loader numbers an article's paragraphs p1, p2, ... in order (see
 * `paragraphIdAt`), so for such a list the position is read off the id itself: a map of 100,000 ids takes tens of
 * milliseconds to build and megabytes to hold, on every opening. Any other list (a review file written by hand or
 * by another tool) gets a map.
 */
import { paragraphIdAt } from '../model';

/** Paragraphs checked or indexed between two breaths. */
const PER_STEP = 10_000;

/** The number in a paragraph id of the form `p` and a number without leading zeros; -1 for any other id. */
function numberOf(id: string): number {
  if (id.length < 2 || id.length > 10 || id.charCodeAt(0) !== 0x70 || id.charCodeAt(1) === 0x30) return -1;
  let n = 0;
  for (let k = 1; k < id.length; k++) {
    const digit = id.charCodeAt(k) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** The positions of `count` paragraphs numbered p1 to p`count`, read off their ids. */
export class NumberedIndex implements ReadonlyMap<string, number> {
  constructor(readonly size: number) {}

  get(id: string): number | undefined {
    const n = numberOf(id);
    return n >= 1 && n <= this.size ? n - 1 : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(visit: (position: number, id: string, index: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.size; i++) visit.call(thisArg, i, paragraphIdAt(i), this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.size; i++) yield [paragraphIdAt(i), i];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield paragraphIdAt(i);
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.size; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/** True when paragraphs from..to-1 are numbered by their positions (p`i + 1` at position i). */
function numbered(paragraphs: readonly { readonly id: string }[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (numberOf(paragraphs[i]!.id) !== i + 1) return false;
  return true;
}

/** The paragraphs' positions by id, at once. */
export function paragraphIndexOf(paragraphs: readonly { readonly id: string }[]): ReadonlyMap<string, number> {
  if (numbered(paragraphs, 0, paragraphs.length)) return new NumberedIndex(paragraphs.length);
  const index = new Map<string, number>();
  paragraphs.forEach((p, i) => index.set(p.id, i));
  return index;
}

/** The same, a step at a time with the event loop free in between. */
export async function paragraphIndexInSteps(
  paragraphs: readonly { readonly id: string }[],
  breathe: () => Promise<void>,
): Promise<ReadonlyMap<string, number>> {
  let all = true;
  for (let from = 0; all && from < paragraphs.length; from += PER_STEP) {
    all = numbered(paragraphs, from, Math.min(paragraphs.length, from + PER_STEP));
    if (from + PER_STEP < paragraphs.length) await breathe();
  }
  if (all) return new NumberedIndex(paragraphs.length);
  const index = new Map<string, number>();
  for (let i = 0; i < paragraphs.length;) {
    const stop = Math.min(paragraphs.length, i + PER_STEP);
    for (; i < stop; i++) index.set(paragraphs[i]!.id, i);
    if (i < paragraphs.length) await breathe();
  }
  return index;
}
