/**
 * The per-paragraph counts a review needs when it opens: MQM words (for scores) and TER's words and characters
 * (for edit rates), counted once per paragraph of the machine translation. Counted as the article streams in
 * (see electron/service/background-counter.ts), so the review is ready soon after the last paragraph arrives
 * instead of after a second pass over the whole article.
 */
import { countTerChars, countTerWords } from '../diff/ter';
import { countWords } from './word-count';

export interface ParagraphCounts {
  /** MQM word count of each paragraph's machine translation, by position. */
  readonly words: Uint32Array;
  /** TER's word count (white-space tokens), by position. */
  readonly terWords: Uint32Array;
  /** TER's character count (for Chinese and Japanese targets), by position. */
  readonly terChars: Uint32Array;
}

/** Counts paragraphs one at a time into growing arrays. */
export class ParagraphCounter {
  private words: Uint32Array = new Uint32Array(1024);
  private terWords: Uint32Array = new Uint32Array(1024);
  private terChars: Uint32Array = new Uint32Array(1024);
  private n = 0;

  /** How many paragraphs were counted. */
  get count(): number {
    return this.n;
  }

  add(text: string): void {
    if (this.n === this.words.length) {
      this.words = grow(this.words);
      this.terWords = grow(this.terWords);
      this.terChars = grow(this.terChars);
    }
    this.words[this.n] = countWords(text);
    this.terWords[this.n] = countTerWords(text);
    this.terChars[this.n] = countTerChars(text);
    this.n++;
  }

  /** The counts so far (views, not copies). */
  result(): ParagraphCounts {
    return { words: this.words.subarray(0, this.n), terWords: this.terWords.subarray(0, this.n), terChars: this.terChars.subarray(0, this.n) };
  }
}

function grow(a: Uint32Array): Uint32Array {
  const next = new Uint32Array(a.length * 2);
  next.set(a);
  return next;
}
