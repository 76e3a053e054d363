/**
 * Plain text: paragraphs are separated by blank lines. A file with no blank line at all is one paragraph per
 * line (subtitles, one-sentence-per-line corpora).
 *
 * Streaming forces a decision before the end of the file is seen: the mode is chosen from the first piece of text
 * that holds a blank line or enough lines to judge (LINE_MODE_PROBE_LINES); a short file is judged whole.
 */
import type { Block } from '../model';
import { LineBuffer, type BlockSplitter } from './block-splitter';

/** Lines without a blank one after which a streamed file is taken to be one paragraph per line. */
export const LINE_MODE_PROBE_LINES = 200;

// Any white space, as trimEnd() removes it: a line of form feeds or no-break spaces would otherwise become an
// empty paragraph.
const BLANK = /^\s*$/;

/** Whether a blank line stands between two lines of text (leading and trailing blank lines do not count). */
function separatesText(lines: readonly string[]): boolean {
  let seenText = false;
  let blankAfterText = false;
  for (const line of lines) {
    if (BLANK.test(line)) {
      if (seenText) blankAfterText = true;
    } else {
      if (blankAfterText) return true;
      seenText = true;
    }
  }
  return false;
}

export function createPlainTextSplitter(): BlockSplitter {
  const buffer = new LineBuffer();
  let mode: 'undecided' | 'blank' | 'line' = 'undecided';
  let held: string[] = []; // lines seen while the mode is undecided
  let current: string[] = []; // lines of the paragraph being built (blank-line mode)

  const block = (text: string): Block => ({ kind: 'text', text });

  function feed(lines: readonly string[], out: Block[]): void {
    for (const line of lines) {
      if (mode === 'line') {
        if (!BLANK.test(line)) out.push(block(line.trimEnd()));
        continue;
      }
      if (BLANK.test(line)) {
        if (current.length > 0) {
          out.push(block(current.join('\n')));
          current = [];
        }
      } else {
        current.push(line.trimEnd());
      }
    }
  }

  function decide(blank: boolean, out: Block[]): void {
    mode = blank ? 'blank' : 'line';
    const lines = held;
    held = [];
    feed(lines, out);
  }

  return {
    push(text) {
      const out: Block[] = [];
      const lines = buffer.lines(text);
      if (mode !== 'undecided') {
        feed(lines, out);
        return out;
      }
      // One at a time: a chunk of half a million empty lines is more arguments than a call may take.
      for (const line of lines) held.push(line);
      if (separatesText(held)) decide(true, out);
      else if (held.length >= LINE_MODE_PROBE_LINES) decide(false, out);
      return out;
    },
    end() {
      const out: Block[] = [];
      const rest = buffer.rest();
      if (mode === 'undecided') {
        for (const line of rest) held.push(line);
        decide(separatesText(held), out);
      } else {
        feed(rest, out);
      }
      if (current.length > 0) out.push(block(current.join('\n')));
      current = [];
      return out;
    },
  };
}
