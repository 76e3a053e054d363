/**
 * How the streaming loader tells structured formats from text and hears of their parse failures. The format is
 * chosen from the file name and, when that says nothing, from the first decoded text: a file that starts (after an
 * XML declaration, comments and a DOCTYPE) with an `<xliff>` element is XLIFF whatever it is called, and an
 * `.xml` file goes to the XML reader, which names the formats it knows when the root is something else.
 * Structured formats report a parse failure through their splitter's `failure`.
 */
import { formatForFileName } from '../../shared/formats/block-splitter';
import { looksLikeHtml } from '../../shared/formats/html/html-reader';
import type { ArticleFormat } from '../../shared/model';

/** An XML prologue (declaration, comments, processing instructions, DOCTYPE) and then `<xliff` or `<prefix:xliff`. */
const XLIFF_START = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<(?:[\w.-]+:)?xliff[\s>/]/;

/** The format of an article from its name and the start of its decoded text. */
export function detectArticleFormat(name: string, firstText: string): ArticleFormat {
  const byName = formatForFileName(name);
  if (byName !== 'txt') return byName;
  if (/\.xml$/i.test(name)) return 'xliff';
  if (looksLikeHtml(firstText)) return 'html';
  return XLIFF_START.test(firstText) ? 'xliff' : 'txt';
}
