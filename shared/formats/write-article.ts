/**
 * Writes an article's text back out: plain text (paragraphs separated by blank lines) or Markdown (each
 * paragraph with the markup it was read with). Pure: text in, text out; the caller writes the file.
 *
 * Markdown round trip: a paragraph read from Markdown keeps its `prefix`/`suffix` (`## `, `- `, a fence), so
 * writing `prefix + text + suffix` gives back the block as it was, with the reviewer's corrected text. A
 * paragraph without recorded markup (an article read as plain text) gets the markup of its kind. Consecutive
 * list items are written on consecutive lines so they stay one list; every other block is followed by a
 * blank line.
 */
import type { ParagraphKind } from '../model';
import { assertNever } from '../result';

/** One paragraph to write: its shape in the article and the text of the chosen version. */
export interface ArticleTextBlock {
  readonly kind: ParagraphKind;
  readonly level?: number;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly text: string;
}

export type WriteFormat = 'txt' | 'md';

/** The article as text in the format asked for; ends with one newline (empty for no paragraphs). */
export function writeArticle(blocks: readonly ArticleTextBlock[], format: WriteFormat): string {
  switch (format) {
    case 'txt':
      return writePlainText(blocks);
    case 'md':
      return writeMarkdown(blocks);
    default:
      return assertNever(format, 'export format');
  }
}

/** Paragraph texts separated by blank lines, without any markup. */
export function writePlainText(blocks: readonly ArticleTextBlock[]): string {
  if (blocks.length === 0) return '';
  return `${blocks.map((b) => b.text).join('\n\n')}\n`;
}

/** Markdown: each block with its markup; list items on consecutive lines, other blocks apart by a blank line. */
export function writeMarkdown(blocks: readonly ArticleTextBlock[]): string {
  return [...articlePieces(blocks, 'md', blocks.length)].join('');
}

/**
 * The article as `writeArticle` writes it, in pieces of `perPiece` blocks each: a caller that works in steps (the
 * app exporting a long article) makes one piece a step and writes the pieces one after another.
 */
export function* articlePieces(blocks: readonly ArticleTextBlock[], format: WriteFormat, perPiece: number): Generator<string> {
  for (let from = 0; from < blocks.length; from += perPiece) {
    let out = '';
    const to = Math.min(blocks.length, from + perPiece);
    for (let i = from; i < to; i++) {
      const block = blocks[i]!;
      out += format === 'md' ? markdownBlock(block) : block.text;
      const next = blocks[i + 1];
      if (next === undefined) out += '\n';
      else out += format === 'md' && block.kind === 'list-item' && next.kind === 'list-item' ? '\n' : '\n\n';
    }
    yield out;
  }
}

/** One block as Markdown, without the line break that ends it. */
export function markdownBlock(block: ArticleTextBlock): string {
  switch (block.kind) {
    case 'heading': {
      const prefix = block.prefix ?? `${'#'.repeat(clamp(block.level ?? 1, 1, 6))} `;
      // A heading is one line: a line break typed into it would end the heading.
      return `${prefix}${block.text.replace(/\s*\n\s*/g, ' ')}${block.suffix ?? ''}`;
    }
    case 'list-item': {
      const prefix = block.prefix ?? `${'  '.repeat(Math.max(0, block.level ?? 0))}- `;
      // Continuation lines are indented under the item's text so they stay inside the item.
      const indent = ' '.repeat(prefix.length);
      return `${prefix}${block.text.split('\n').join(`\n${indent}`)}${block.suffix ?? ''}`;
    }
    case 'quote': {
      const prefix = block.prefix ?? '> ';
      return `${block.text
        .split('\n')
        .map((line) => (line === '' ? prefix.trimEnd() : `${prefix}${line}`))
        .join('\n')}${block.suffix ?? ''}`;
    }
    case 'code': {
      const open = block.prefix ?? '```\n';
      const close = block.suffix ?? '\n```';
      // An empty code block is the two fences on consecutive lines, not a fence around an empty line.
      return block.text === '' ? `${open}${close.replace(/^\n/, '')}` : `${open}${block.text}${close}`;
    }
    case 'text':
      return `${block.prefix ?? ''}${block.text}${block.suffix ?? ''}`;
    default:
      return assertNever(block.kind, 'paragraph kind');
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
