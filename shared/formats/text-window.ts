/**
 * A long text from a given offset on, in the pieces it came in: what a reader that parses a file a piece at a time
 * may still need of it (the source of what it has not finished reading), and no more. Offsets count from the start
 * of the whole text.
 */
import { ownString } from '../own-string';

export class TextWindow {
  private readonly pieces: { readonly at: number; readonly text: string }[] = [];
  private length = 0;

  add(text: string): void {
    if (text.length === 0) return;
    this.pieces.push({ at: this.length, text });
    this.length += text.length;
  }

  /** The text between two offsets, a string of its own; undefined when it is no longer (or not yet) kept. */
  slice(from: number, to: number): string | undefined {
    if (from > to || to > this.length || (this.pieces.length > 0 ? from < this.pieces[0]!.at : from < this.length)) return undefined;
    let out = '';
    for (const { at, text } of this.pieces) {
      if (at + text.length <= from) continue;
      if (at >= to) break;
      out += text.slice(Math.max(0, from - at), to - at);
    }
    return ownString(out);
  }

  /** The offset of the last `char` at or before `before` that is kept; -1 when there is none. */
  lastIndexOf(char: string, before: number): number {
    for (let k = this.pieces.length - 1; k >= 0; k--) {
      const { at, text } = this.pieces[k]!;
      if (at > before) continue;
      const found = text.lastIndexOf(char, before - at);
      if (found >= 0) return at + found;
    }
    return -1;
  }

  /** Lets go of the pieces that end before `offset` (the last piece is always kept). */
  dropBefore(offset: number): void {
    let n = 0;
    while (n < this.pieces.length - 1 && this.pieces[n]!.at + this.pieces[n]!.text.length <= offset) n++;
    if (n > 0) this.pieces.splice(0, n);
  }
}
