/**
 * A streaming format parser: text goes in chunk by chunk, finished blocks (paragraphs) come out as soon as they
 * are complete, so the first screen of a long article shows before the rest of the file has been read.
 * Each format that the loader reads provides one; the loader knows nothing of formats beyond this interface.
 */
import type { ArticleFormat, Block } from '../model';
import { assertNever } from '../result';
import { createMarkdownSplitter } from './markdown';
import { createPlainTextSplitter } from './plain-text';

export interface BlockSplitter {
  /** Feeds the next piece of decoded text; returns the blocks it completed. */
  push(text: string): Block[];
  /** Signals the end of the text; returns the remaining blocks. */
  end(): Block[];
}

/** The splitter for a format. */
export function createSplitter(format: ArticleFormat): BlockSplitter {
  switch (format) {
    case 'txt':
      return createPlainTextSplitter();
    case 'md':
      return createMarkdownSplitter();
    default:
      return assertNever(format, 'format');
  }
}

/** Splits a whole text at once (for small inputs and tests). */
export function splitBlocks(format: ArticleFormat, text: string): Block[] {
  const splitter = createSplitter(format);
  return [...splitter.push(text), ...splitter.end()];
}

/** The format an article's file name implies; plain text when the extension is unknown. */
export function formatForFileName(name: string): ArticleFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(name) ? 'md' : 'txt';
}

/**
 * Hands out complete lines from text that arrives in arbitrary chunks. Line endings (LF, CRLF, CR) are
 * normalised away; the last, unterminated line is kept until more text or the end arrives.
 */
export class LineBuffer {
  private carry = '';
  private pendingCr = false;

  /** Complete lines in `text` (together with what was carried over). */
  lines(text: string): string[] {
    let chunk = this.carry + text;
    if (this.pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCr = false;
    const parts = chunk.split(/\r\n|\n|\r/);
    this.carry = parts.pop() ?? '';
    // A chunk that ends in CR may be half of a CRLF pair: the LF that follows belongs to the same ending.
    if (chunk.endsWith('\r')) this.pendingCr = true;
    return parts;
  }

  /** The last line, if the text did not end with a line ending. */
  rest(): string[] {
    const last = this.carry;
    this.carry = '';
    return last.length > 0 ? [last] : [];
  }
}
