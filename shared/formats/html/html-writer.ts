/**
 * Writing a corrected article as HTML: into the original page when the article came from HTML (each changed
 * paragraph's content replaced at its recorded offsets, every other byte kept), or as a new, plain page.
 */
import { applyEdits, type TextEdit } from '../text-edits';
import { inlineCodeIndex, type InlineCode } from '../../model';
import { fail, ok, type Result } from '../../result';
import { readHtml } from './html-reader';
import type { ExportParagraph } from '../export-paragraph';

/** A paragraph to write into a page; `ref` is the `start:end` offsets of its content in the original page. */
export type HtmlExportParagraph = ExportParagraph;

const escapeText = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HTML tags for a code that came from another format (Word run formatting), by its label. */
function foreignTags(code: InlineCode): string {
  if (code.kind === 'standalone') return '';
  const names = /^<\/?([a-z+]+)>$/i.exec(code.label)?.[1]?.split('+') ?? [];
  const known = names.filter((n) => ['b', 'i', 'u', 's', 'sup', 'sub'].includes(n));
  return code.kind === 'open'
    ? known.map((n) => `<${n}>`).join('')
    : known
        .reverse()
        .map((n) => `</${n}>`)
        .join('');
}

/**
 * A paragraph's text as HTML: text escaped, codes put back, line breaks as `<br>` (outside preformatted text). Runs
 * of plain characters are copied whole: building the page a character at a time took 24 s for a long article.
 */
export function htmlOfText(text: string, codes: readonly InlineCode[], pre: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let piece: string;
    if (c === 0x26) piece = '&amp;';
    else if (c === 0x3c) piece = '&lt;';
    else if (c === 0x3e) piece = '&gt;';
    else if (c === 0x0a && !pre) piece = '<br>\n';
    else {
      const index = inlineCodeIndex(c);
      if (index < 0) continue;
      const code = codes[index];
      piece = !code
        ? ''
        : code.data.startsWith('<') && !code.data.startsWith('<w:') && !code.data.startsWith('</w:')
          ? code.data
          : foreignTags(code);
    }
    out += text.slice(from, i) + piece;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The original page with each changed paragraph's content replaced. Fails with `conflict` when the page no
 * longer holds the paragraphs the review began with.
 */
export function rewriteHtml(page: string, paragraphs: readonly HtmlExportParagraph[], fileName: string): Result<string> {
  const read = readHtml(page, fileName);
  if (!read.ok) return read;
  const found = new Map(read.value.map((b) => [b.ref, b]));
  const edits: TextEdit[] = [];
  for (const p of paragraphs) {
    if (p.ref === undefined) continue;
    const block = found.get(p.ref);
    if (!block || block.text !== p.original) {
      return fail('conflict', `${fileName} has changed since the review began, so the review cannot be written into it.`);
    }
    if (p.corrected === p.original) continue;
    const [start, end] = p.ref.split(':').map(Number) as [number, number];
    edits.push({ start, end, text: htmlOfText(p.corrected, p.codes ?? [], p.kind === 'code') });
  }
  return ok(applyEdits(page, edits));
}

/** A new page holding the paragraphs: headings, lists, quotes and preformatted text as HTML has them. */
export function newHtml(paragraphs: readonly HtmlExportParagraph[], title: string): string {
  return [...newHtmlPieces(paragraphs, title, paragraphs.length)].join('');
}

/**
 * The page `newHtml` writes, in pieces of `perPiece` paragraphs each (the first with the page's head, the last with
 * its end): a caller that works in steps makes one piece a step.
 */
export function* newHtmlPieces(paragraphs: readonly HtmlExportParagraph[], title: string, perPiece: number): Generator<string> {
  let body = `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${escapeText(title)}</title>\n</head>\n<body>\n`;
  let listDepth = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0 && i % perPiece === 0) {
      yield body;
      body = '';
    }
    const p = paragraphs[i]!;
    const wantDepth = p.kind === 'list-item' ? (p.level ?? 0) + 1 : 0;
    while (listDepth < wantDepth) {
      body += '<ul>\n';
      listDepth++;
    }
    while (listDepth > wantDepth) {
      body += '</ul>\n';
      listDepth--;
    }
    const inner = htmlOfText(p.corrected, p.codes ?? [], p.kind === 'code');
    switch (p.kind) {
      case 'heading': {
        const n = Math.min(6, Math.max(1, p.level ?? 1));
        body += `<h${n}>${inner}</h${n}>\n`;
        break;
      }
      case 'list-item':
        body += `<li>${inner}</li>\n`;
        break;
      case 'quote':
        body += `<blockquote><p>${inner}</p></blockquote>\n`;
        break;
      case 'code':
        body += `<pre>${inner}</pre>\n`;
        break;
      case 'text':
        body += `<p>${inner}</p>\n`;
        break;
    }
  }
  while (listDepth-- > 0) body += '</ul>\n';
  yield `${body}</body>\n</html>\n`;
}
