/**
 * The per-paragraph counts a review needs when it opens: MQM words (for scores) and TER's words and characters
 * (for edit rates), counted once per paragraph of the machine translation. Counted as the article streams in
 * (see electron/service/background-counter.ts), so the review is ready soon after the last paragraph arrives
 * instead of after a second pass over the whole article.
 */
import { countTerInto } from '../diff/ter';
import { countAllInto, countWords, SEGMENTED_TEXT } from './word-count';

export interface ParagraphCounts {
  /** MQM word count of each paragraph's machine translation, by position. */
  readonly words: Uint32Array;
  /** TER's word count (white-space tokens), by position. */
  readonly terWords: Uint32Array;
  /** TER's character count (for Chinese and Japanese targets), by position. */
  readonly terChars: Uint32Array;
}

/** The three counts of a run of texts, in fresh arrays of exactly their length (they may be sent to another thread). */
export function countParagraphs(texts: readonly string[]): ParagraphCounts {
  const words = new Uint32Array(texts.length);
  const terWords = new Uint32Array(texts.length);
  const terChars = new Uint32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (countAllInto(text, i, words, terWords, terChars) !== SEGMENTED_TEXT) continue;
    words[i] = countWords(text);
    countTerInto(text, terWords, terChars, i);
  }
  return { words, terWords, terChars };
}

/**
 * Counts paragraphs by position into growing arrays: one at a time (`add`, `addAt`), or a run counted elsewhere
 * (`place`, e.g. by another thread), in any order.
 */
export class ParagraphCounter {
  private words: Uint32Array = new Uint32Array(1024);
  private terWords: Uint32Array = new Uint32Array(1024);
  private terChars: Uint32Array = new Uint32Array(1024);
  private n = 0;

  /** How many positions the counts cover (one past the highest position counted or placed). */
  get count(): number {
    return this.n;
  }

  /** Counts the paragraph after the last position. */
  add(text: string): void {
    this.addAt(this.n, text);
  }

  /** Counts the paragraph at `position`. */
  addAt(position: number, text: string): void {
    this.reserve(position + 1);
    this.words[position] = countWords(text);
    countTerInto(text, this.terWords, this.terChars, position);
  }

  /** Puts counts made elsewhere at positions `from`, `from + 1`, .... */
  place(from: number, counts: ParagraphCounts): void {
    this.reserve(from + counts.words.length);
    this.words.set(counts.words, from);
    this.terWords.set(counts.terWords, from);
    this.terChars.set(counts.terChars, from);
  }

  /** The counts so far (views, not copies). */
  result(): ParagraphCounts {
    return {
      words: this.words.subarray(0, this.n),
      terWords: this.terWords.subarray(0, this.n),
      terChars: this.terChars.subarray(0, this.n),
    };
  }

  private reserve(length: number): void {
    if (length > this.words.length) {
      const size = Math.max(length, this.words.length * 2);
      this.words = grow(this.words, size);
      this.terWords = grow(this.terWords, size);
      this.terChars = grow(this.terChars, size);
    }
    this.n = Math.max(this.n, length);
  }
}

function grow(a: Uint32Array, size: number): Uint32Array {
  const next = new Uint32Array(size);
  next.set(a);
  return next;
}
