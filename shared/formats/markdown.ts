/**
 * Markdown, read block by block: headings, list items, quotes and fenced code are paragraphs of their own kind;
 * the markup around the text (`## `, `- `, `> `, fences) is kept in `prefix`/`suffix` so that the corrected
 * article can be written back as Markdown. Inline markup (emphasis, links) stays in the text, where a reviewer
 * sees and edits it. This is a line-based reader of the common block forms, not a full CommonMark parser:
 * block forms it does not know (tables, HTML blocks) are read as text paragraphs.
 */
import type { Block } from '../model';
import { LineBuffer, type BlockSplitter } from './block-splitter';

const BLANK = /^\s*$/;
const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const LIST = /^(\s*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;

const isSpaceOrTab = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * An ATX heading (`## Title ##`): its hashes and its text without the optional closing hashes. Read by hand
 * rather than with one regular expression: the obvious one (a lazy text followed by optional closing hashes)
 * backtracks over every space of a long line, which froze the reader on a heading followed by a long run of spaces.
 */
function atxHeading(raw: string): { readonly hashes: string; readonly text: string } | undefined {
  const open = ATX_OPEN.exec(raw);
  if (!open) return undefined;
  const rest = raw.slice(open[0].length);
  // A heading is one line; a Unicode line or paragraph separator inside makes it text (as `.` would not match it).
  if (/[\u2028\u2029]/.test(rest)) return undefined;
  let from = 0;
  while (isSpaceOrTab(rest[from])) from++;
  let end = rest.length;
  while (end > from && isSpaceOrTab(rest[end - 1])) end--;
  // Closing hashes count only when white space inside the text separates them from it.
  let hashes = end;
  while (hashes > from && rest[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > from && isSpaceOrTab(rest[hashes - 1])) end = hashes;
  return { hashes: open[1]!, text: rest.slice(from, end).trim() };
}

type Open =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; lines: string[] }
  | { readonly kind: 'quote'; lines: string[] }
  | { readonly kind: 'list-item'; readonly level: number; readonly prefix: string; lines: string[] }
  | { readonly kind: 'code'; readonly fence: string; readonly prefix: string; lines: string[] };

export function createMarkdownSplitter(): BlockSplitter {
  const buffer = new LineBuffer();
  let open: Open = { kind: 'none' };

  function close(out: Block[]): void {
    switch (open.kind) {
      case 'none':
        break;
      case 'text':
        out.push({ kind: 'text', text: open.lines.join('\n') });
        break;
      case 'quote':
        out.push({ kind: 'quote', prefix: '> ', text: open.lines.join('\n') });
        break;
      case 'list-item':
        out.push({ kind: 'list-item', level: open.level, prefix: open.prefix, text: open.lines.join('\n') });
        break;
      case 'code':
        // An unclosed fence at the end of the file keeps its text; the closing fence is written on export.
        out.push({ kind: 'code', prefix: open.prefix, suffix: `\n${open.fence}`, text: open.lines.join('\n') });
        break;
    }
    open = { kind: 'none' };
  }

  function line(raw: string, out: Block[]): void {
    if (open.kind === 'code') {
      const fence = FENCE.exec(raw);
      if (fence && fence[1]!.startsWith(open.fence[0]!) && fence[1]!.length >= open.fence.length && !fence[2]!.trim()) {
        close(out);
      } else {
        open.lines.push(raw);
      }
      return;
    }
    if (BLANK.test(raw)) {
      close(out);
      return;
    }
    const fence = FENCE.exec(raw);
    if (fence) {
      close(out);
      open = { kind: 'code', fence: fence[1]!, prefix: `${raw.trimStart()}\n`, lines: [] };
      return;
    }
    const atx = atxHeading(raw);
    if (atx) {
      close(out);
      out.push({ kind: 'heading', level: atx.hashes.length, prefix: `${atx.hashes} `, text: atx.text });
      return;
    }
    const setext = SETEXT.exec(raw);
    if (setext && open.kind === 'text' && open.lines.length > 0) {
      const level = setext[1]!.startsWith('=') ? 1 : 2;
      out.push({ kind: 'heading', level, prefix: level === 1 ? '# ' : '## ', text: open.lines.join(' ') });
      open = { kind: 'none' };
      return;
    }
    if (RULE.test(raw)) {
      // A thematic break has no text to review; it ends the block before it.
      close(out);
      return;
    }
    const list = LIST.exec(raw);
    if (list) {
      close(out);
      const indent = list[1]!.replace(/\t/g, '    ').length;
      open = { kind: 'list-item', level: Math.floor(indent / 2), prefix: `${list[1]}${list[2]} `, lines: [list[3]!.trimEnd()] };
      return;
    }
    const quote = QUOTE.exec(raw);
    if (quote) {
      if (open.kind !== 'quote') {
        close(out);
        open = { kind: 'quote', lines: [] };
      }
      if (BLANK.test(quote[1]!)) close(out);
      else open.lines.push(quote[1]!.trimEnd());
      return;
    }
    if (open.kind === 'list-item' || open.kind === 'text') {
      // A continuation line (lazy or indented) belongs to the open paragraph or list item.
      open.lines.push(raw.trim());
      return;
    }
    close(out);
    open = { kind: 'text', lines: [raw.trim()] };
  }

  return {
    push(text) {
      const out: Block[] = [];
      for (const l of buffer.lines(text)) line(l, out);
      return out;
    },
    end() {
      const out: Block[] = [];
      for (const l of buffer.rest()) line(l, out);
      close(out);
      return out;
    },
  };
}
