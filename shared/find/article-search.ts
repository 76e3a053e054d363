/**
 * Finding a phrase in a whole article: counting its matches paragraph by paragraph in steps the caller bounds, and
 * stepping from one match to the next. Plain data and pure functions over an accessor of the article's texts, so
 * the service can run it in slices with its event loop free between them, over whatever text is current.
 *
 * Matches are ordered by paragraph, then side (the source before the translation, as they read left to right),
 * then offset. Each paragraph side is a "slot" (paragraph * 2, + 1 for the translation); once every slot is
 * counted, a match's ordinal is the matches in the slots before it plus its place in its own.
 */
import type { Side } from '../model';
import { countInText, findInText, type TextMatch, type TextMatcher } from './text-search';

/** Which texts a search looks in: the translation (the current draft where there is one), the source, or both. */
export type FindScope = 'target' | 'source' | 'both';
export const FIND_SCOPES: readonly FindScope[] = ['target', 'source', 'both'];

/** A place in the article: a paragraph (0-based), a side and an offset in that side's text. */
export interface FindPosition {
  readonly paragraph: number;
  readonly side: Side;
  readonly offset: number;
}

/** A match in the article. */
export interface ArticleMatch extends TextMatch {
  readonly paragraph: number;
  readonly side: Side;
}

/** The article's texts as a search reads them: the translation as it stands now (drafts included). */
export interface ArticleTexts {
  readonly paragraphs: number;
  text(paragraph: number, side: Side): string | undefined;
}

/** Whether to stop for now (the caller's time slice is over). */
export type ShouldStop = () => boolean;

const slotOf = (paragraph: number, side: Side): number => paragraph * 2 + (side === 'source' ? 0 : 1);
const sideOf = (slot: number): Side => (slot % 2 === 0 ? 'source' : 'target');
/** Slots between two looks at the clock: a slot takes microseconds, a look costs about as much. */
const CLOCK_EVERY = 8;

export class ArticleSearch {
  /** Matches per slot; valid below `counted`. */
  private readonly counts: Uint32Array;
  private counted = 0;
  private prefix: Float64Array | undefined;
  private sum = 0;
  /** Counted slots whose text changed since, to be counted again before the count is whole (see `recountLater`). */
  private readonly stale: Uint8Array;
  private staleQueue: number[] = [];

  constructor(
    private texts: ArticleTexts,
    readonly matcher: TextMatcher,
    readonly scope: FindScope,
  ) {
    this.counts = new Uint32Array(texts.paragraphs * 2);
    this.stale = new Uint8Array(texts.paragraphs * 2);
  }

  get slots(): number {
    return this.counts.length;
  }

  get done(): boolean {
    return this.counted >= this.counts.length && this.staleQueue.length === 0;
  }

  /** Matches counted so far (all of them once `done`). */
  get total(): number {
    return this.sum;
  }

  /** Slots counted so far, for progress. */
  get progress(): number {
    return this.counts.length === 0 ? 1 : this.counted / this.counts.length;
  }

  /** Paragraphs with at least one match (once `done`). */
  paragraphsWithMatches(): number {
    let n = 0;
    for (let p = 0; p < this.counts.length; p += 2) if (this.counts[p]! + this.counts[p + 1]! > 0) n += 1;
    return n;
  }

  /** Reads the article through another accessor from now on (the texts after an edit). */
  setTexts(texts: ArticleTexts): void {
    this.texts = texts;
  }

  /** Counts more slots (those to count again first) until `stop` says so or all are counted; returns `done`. */
  countSome(stop: ShouldStop): boolean {
    while (this.staleQueue.length > 0) {
      const limit = Math.max(0, this.staleQueue.length - CLOCK_EVERY);
      while (this.staleQueue.length > limit) {
        const slot = this.staleQueue.pop()!;
        this.stale[slot] = 0;
        this.countAgain(slot);
      }
      if (stop()) return this.done;
    }
    const end = this.counts.length;
    while (this.counted < end) {
      const limit = Math.min(end, this.counted + CLOCK_EVERY);
      for (; this.counted < limit; this.counted++) {
        const n = this.countSlot(this.counted);
        this.counts[this.counted] = n;
        this.sum += n;
      }
      if (stop()) break;
    }
    return this.done;
  }

  /** Counts a paragraph again after its text changed (slots not yet counted are counted when reached). */
  recount(paragraph: number): void {
    const slot = slotOf(paragraph, 'target');
    if (slot < this.counted && this.stale[slot] === 0) this.countAgain(slot);
  }

  /**
   * Marks a paragraph to be counted again by `countSome`, for a change of many paragraphs at once (a Replace all
   * changes 25,000: counting them again at once would hold the caller for hundreds of milliseconds). Until then the
   * count is not done, and the paragraph is never skipped as empty.
   */
  recountLater(paragraph: number): void {
    const slot = slotOf(paragraph, 'target');
    if (slot >= this.counted || this.stale[slot] === 1) return;
    this.stale[slot] = 1;
    this.staleQueue.push(slot);
  }

  /** The 1-based ordinal of a match among all of them; undefined until every slot is counted or for no match. */
  ordinalOf(match: ArticleMatch): number | undefined {
    if (!this.done) return undefined;
    const slot = slotOf(match.paragraph, match.side);
    const at = this.matchesIn(slot).findIndex((m) => m.start === match.start && m.end === match.end);
    if (at < 0) return undefined;
    return this.prefixSums()[slot]! + at + 1;
  }

  /**
   * Starts a walk to the match after `from` (direction 1) or before it (-1), wrapping around the article's ends;
   * `inclusive` also takes a match that starts right at `from`. Once counted, empty slots are skipped unread.
   */
  seek(from: FindPosition, direction: 1 | -1, inclusive: boolean): MatchSeek {
    return new MatchSeek(this, from, direction, inclusive);
  }

  /** The matches of one slot, or none when the slot is outside the scope or has no text. */
  matchesIn(slot: number): TextMatch[] {
    const text = this.slotText(slot);
    return text ? findInText(text, this.matcher) : [];
  }

  /** Whether a slot is known to hold no match (counted, and zero). */
  knownEmpty(slot: number): boolean {
    return slot < this.counted && this.counts[slot] === 0 && this.stale[slot] === 0;
  }

  private countAgain(slot: number): void {
    const n = this.countSlot(slot);
    this.sum += n - this.counts[slot]!;
    this.counts[slot] = n;
    this.prefix = undefined;
  }

  private countSlot(slot: number): number {
    const text = this.slotText(slot);
    return text ? countInText(text, this.matcher) : 0;
  }

  private slotText(slot: number): string | undefined {
    const side = sideOf(slot);
    if (this.scope !== 'both' && this.scope !== side) return undefined;
    return this.texts.text(slot >> 1, side);
  }

  private prefixSums(): Float64Array {
    if (this.prefix) return this.prefix;
    const prefix = new Float64Array(this.counts.length + 1);
    for (let i = 0; i < this.counts.length; i++) prefix[i + 1] = prefix[i]! + this.counts[i]!;
    this.prefix = prefix;
    return prefix;
  }
}

/** A walk from a position to the nearest match in one direction, resumable across time slices. */
export class MatchSeek {
  private slot: number;
  /** Slots still to visit; the starting slot is visited twice (after `from`, then, wrapped around, before it). */
  private remaining: number;
  private first = true;

  constructor(
    private readonly search: ArticleSearch,
    private readonly from: FindPosition,
    private readonly direction: 1 | -1,
    private readonly inclusive: boolean,
  ) {
    this.slot = slotOf(from.paragraph, from.side);
    this.remaining = search.slots + 1;
  }

  /** Walks on until `stop`: the match, `null` when the article holds none, `undefined` when stopped before either. */
  step(stop: ShouldStop): ArticleMatch | null | undefined {
    const slots = this.search.slots;
    if (slots === 0) return null;
    let sinceClock = 0;
    while (this.remaining > 0) {
      const slot = this.slot;
      const found = this.search.knownEmpty(slot) ? undefined : this.pick(slot);
      this.first = false;
      this.remaining -= 1;
      if (found) return { paragraph: slot >> 1, side: sideOf(slot), ...found };
      this.slot = (slot + this.direction + slots) % slots;
      if (++sinceClock >= CLOCK_EVERY) {
        sinceClock = 0;
        if (stop()) return undefined;
      }
    }
    return null;
  }

  private pick(slot: number): TextMatch | undefined {
    const matches = this.search.matchesIn(slot);
    if (!this.first) return this.direction === 1 ? matches[0] : matches.at(-1);
    const { offset } = this.from;
    if (this.direction === 1) return matches.find((m) => m.start > offset || (this.inclusive && m.start === offset));
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i]!;
      if (m.start < offset || (this.inclusive && m.start === offset)) return m;
    }
    return undefined;
  }
}
