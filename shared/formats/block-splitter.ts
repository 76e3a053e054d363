/**
 * A streaming format parser: text goes in chunk by chunk, finished blocks (paragraphs) come out as soon as they
 * are complete, so the first screen of a long article shows before the rest of the file has been read.
 * Each format that the loader reads provides one; the loader knows nothing of formats beyond this interface.
 */
import type { ArticleFormat, Block } from '../model';
import { assertNever, type Failure } from '../result';
import { createMarkdownSplitter } from './markdown';
import { createPlainTextSplitter } from './plain-text';
import { createHtmlSplitter } from './html/html-reader';
import { createDocxTextSplitter, createTableSplitter } from './whole-text-splitter';
import { createXliffSplitter } from './xliff/xliff-splitter';

export interface BlockSplitter {
  /** Feeds the next piece of decoded text; returns the blocks it completed. */
  push(text: string): Block[];
  /** Signals the end of the text; returns the remaining blocks. */
  end(): Block[];
  /** Set by a splitter that can fail (a structured format) once it stopped on a parse failure. */
  readonly failure?: Failure | undefined;
}

/** The splitter for a format; `name` names the file in a structured format's parse failures. */
export function createSplitter(format: ArticleFormat, name?: string): BlockSplitter {
  switch (format) {
    case 'txt':
      return createPlainTextSplitter();
    case 'md':
      return createMarkdownSplitter();
    case 'xliff':
      return createXliffSplitter(name);
    case 'html':
      return createHtmlSplitter(name);
    case 'tsv':
      return createTableSplitter(name);
    case 'docx':
      return createDocxTextSplitter(name);
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
  if (/\.(xlf|xliff|sdlxliff|mqxliff)$/i.test(name)) return 'xliff';
  if (/\.(html?|xhtml)$/i.test(name)) return 'html';
  if (/\.(tsv|csv|tab)$/i.test(name)) return 'tsv';
  if (/\.docx$/i.test(name)) return 'docx';
  return /\.(md|markdown|mdown|mkd)$/i.test(name) ? 'md' : 'txt';
}

/** Any line ending; CR alone is one too (old Mac files). */
const LINE_END = /\r\n|\n|\r/g;

/**
 * Hands out complete lines from text that arrives in arbitrary chunks. Line endings (LF, CRLF, CR) are
 * normalised away; the last, unterminated line is kept until more text or the end arrives.
 *
 * Each chunk is scanned once, and the unfinished line is kept as a list of pieces joined only when its line
 * ends: re-scanning (or re-concatenating) the pending line at every chunk made a file that is one long line
 * load in time growing with the square of its size.
 */
export class LineBuffer {
  private carry: string[] = [];
  private pendingCr = false;

  /** Complete lines in `text` (together with what was carried over). */
  lines(text: string): string[] {
    const out: string[] = [];
    if (text.length === 0) return out;
    let lineStart = 0;
    // A chunk that ended in CR may have been half of a CRLF pair: the LF that follows ends no second line.
    if (this.pendingCr && text.charCodeAt(0) === 10) lineStart = 1;
    this.pendingCr = false;
    LINE_END.lastIndex = lineStart;
    for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
      const piece = text.slice(lineStart, m.index);
      if (this.carry.length > 0) {
        this.carry.push(piece);
        out.push(this.carry.join(''));
        this.carry = [];
      } else {
        out.push(piece);
      }
      lineStart = LINE_END.lastIndex;
    }
    if (lineStart < text.length) this.carry.push(text.slice(lineStart));
    else if (text.charCodeAt(text.length - 1) === 13) this.pendingCr = true;
    return out;
  }

  /** The last line, if the text did not end with a line ending. */
  rest(): string[] {
    const last = this.carry.join('');
    this.carry = [];
    return last.length > 0 ? [last] : [];
  }
}
