/**
 * An HTML page read as an article: its paragraphs, headings, list items, quotes and preformatted blocks, without
 * what surrounds an article on a web page (navigation, scripts, styles, forms, banners and cookie notices,
 * asides, footers). When the page marks its article (`<article>`, else `<main>`), only that is read.
 *
 * We parse with parse5 rather than htmlparser2: parse5 builds the tree exactly as a browser does (the WHATWG
 * algorithm: implied end tags, misnested formatting, stray text), so real pages written carelessly read the way
 * a reader sees them, and it gives every node's offsets in the source, which the writer needs to replace a
 * corrected paragraph's text in the original file and leave every other byte as it was.
 *
 * Inline emphasis, links and other phrase markup become pairs of inline codes holding their original tags;
 * images are standalone codes; `<br>` is a line break in the text. A block's `ref` is `start:end`, the offsets of
 * its content in the source.
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';
import { inlineCodeChar, MAX_INLINE_CODES, type Block, type InlineCode, type ParagraphKind } from '../../model';
import { fail, ok, type Result } from '../../result';
import { ownString } from '../../own-string';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Never part of the article. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'footer',
  'form',
  'iframe',
  'svg',
  'math',
  'button',
  'select',
  'textarea',
  'input',
  'dialog',
  'menu',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);
/** Landmarks of the page around the article. */
const SKIPPED_ROLES = /^(navigation|banner|contentinfo|complementary|search|dialog|alertdialog|menu|menubar|toolbar)$/;
/** Class or id of the page furniture that has no element of its own: cookie notices, banners, sharing bars. */
const FURNITURE =
  /(^|[\s_-])(cookie|cookies|consent|gdpr|banner|newsletter|subscribe|advert|ads|promo|share|sharing|social|breadcrumbs?|related|comments?|sidebar|popup|modal)($|[\s_-])/i;

/** Elements that hold a paragraph's text directly. */
const LEAF_BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'dt',
  'dd',
  'figcaption',
  'caption',
  'td',
  'th',
  'summary',
  'address',
]);
/** Elements that start a new block; anything else is inline. */
const BLOCKS = new Set([
  ...LEAF_BLOCKS,
  'html',
  'body',
  'main',
  'article',
  'section',
  'header',
  'div',
  'ul',
  'ol',
  'li',
  'dl',
  'blockquote',
  'figure',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'details',
  'hr',
  'center',
  'hgroup',
  'fieldset',
]);
/** Inline elements that carry no meaning of their own: their text is read, their tags not kept. */
const TRANSPARENT = new Set(['span', 'font', 'bdi', 'bdo', 'wbr', 'ins', 'time', 'data', 'label']);
/** Inline elements kept whole as one standalone code. */
const OBJECTS = new Set(['img', 'picture', 'source', 'del', 's', 'strike', 'ruby']);

function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

function isFurniture(e: Element): boolean {
  if (SKIPPED.has(e.tagName)) return true;
  if (attr(e, 'hidden') !== undefined || attr(e, 'aria-hidden') === 'true') return true;
  const role = attr(e, 'role');
  if (role && SKIPPED_ROLES.test(role)) return true;
  return FURNITURE.test(`${attr(e, 'class') ?? ''} ${attr(e, 'id') ?? ''}`);
}

const isElement = (n: Node): n is Element => 'tagName' in n;

interface Context {
  readonly kind: ParagraphKind;
  readonly level?: number;
  readonly listDepth: number;
  readonly quote: boolean;
  readonly pre: boolean;
}

/** A paragraph being gathered from inline content. */
class Gathered {
  text = '';
  readonly codes: InlineCode[] = [];
  start = -1;
  end = -1;

  cover(n: Node): void {
    const loc = n.sourceCodeLocation;
    if (!loc) return;
    if (this.start < 0) this.start = loc.startOffset;
    this.end = Math.max(this.end, loc.endOffset);
  }

  code(code: InlineCode): void {
    this.text += inlineCodeChar(this.codes.length);
    this.codes.push(code);
  }
}

/**
 * A text node's text made one string once nothing more is added to it. parse5 adds a text a word and a space at a
 * time (`value += text`), and the pieces, kept joined as they are, took a 63 MB page's tree to 890 MB; opening that
 * page, the service's memory peaked at 1.9 GB, and at 1.1 GB with each text made one string (in half the time).
 */
function settleLastText(parent: DefaultTreeAdapterTypes.ParentNode): void {
  const last = parent.childNodes.at(-1);
  if (last && defaultTreeAdapter.isTextNode(last)) last.value = ownString(last.value);
}

/**
 * parse5's own tree, with a text node's end moved forward in place as its text grows: parse5 copies the node's
 * whole location for every word and space it adds, a fifth of a long page's parse in a profile. (A text
 * node's location is the object its first piece of text came with, which nothing else holds; an element's is a copy
 * of its start tag's, and stays one.) A text node is settled (`settleLastText`) when an element comes after it, or
 * its element ends.
 */
const LOCATED_TREE: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  appendChild(parent, node) {
    settleLastText(parent);
    defaultTreeAdapter.appendChild(parent, node);
  },
  updateNodeSourceCodeLocation(node, endLocation) {
    if (node.sourceCodeLocation) Object.assign(node.sourceCodeLocation, endLocation);
    else defaultTreeAdapter.updateNodeSourceCodeLocation(node, endLocation);
    if ('childNodes' in node) settleLastText(node);
  },
};

/** Reads the article of an HTML page. Fails when it holds more inline codes in one paragraph than the model keeps. */
export function readHtml(html: string, fileName: string): Result<Block[]> {
  const document = parse(html, { sourceCodeLocationInfo: true, treeAdapter: LOCATED_TREE });
  const blocks: Block[] = [];
  let problem: string | undefined;

  const find = (nodes: readonly Node[], tag: string): Element | undefined => {
    for (const n of nodes) {
      if (!isElement(n) || isFurniture(n)) continue;
      if (n.tagName === tag) return n;
      const inner = find(n.tagName === 'template' ? [] : n.childNodes, tag);
      if (inner) return inner;
    }
    return undefined;
  };
  const root = find(document.childNodes, 'article') ?? find(document.childNodes, 'main') ?? find(document.childNodes, 'body');
  if (!root) return ok([]);

  const emit = (g: Gathered, ctx: Context) => {
    const text = ctx.pre
      ? g.text.replace(/^\n/, '').replace(/\s+$/, '').replace(/\0/g, '\n')
      : g.text
          .replace(/[ \t\r\n\f]+/g, ' ')
          .replace(/^ | $/g, '')
          .replace(/ ?\0 ?/g, '\n');
    if (!/[^\s\uE000-\uF8FF]/.test(text)) return;
    if (g.codes.length > MAX_INLINE_CODES) {
      problem ??= `${fileName}: a paragraph holds ${g.codes.length} inline tags, more than the ${MAX_INLINE_CODES} Redline keeps per paragraph.`;
      return;
    }
    blocks.push({
      kind: ctx.kind,
      ...(ctx.level !== undefined ? { level: ctx.level } : {}),
      text,
      ref: `${g.start}:${g.end}`,
      ...(g.codes.length > 0 ? { codes: g.codes } : {}),
    });
  };

  const inline = (n: Node, g: Gathered) => {
    if (n.nodeName === '#text') {
      g.text += (n as DefaultTreeAdapterTypes.TextNode).value;
      if (/\S/.test((n as DefaultTreeAdapterTypes.TextNode).value) || g.start >= 0) g.cover(n);
      return;
    }
    if (!isElement(n) || isFurniture(n)) return;
    const loc = n.sourceCodeLocation;
    const source = (from: number | undefined, to: number | undefined) =>
      from !== undefined && to !== undefined ? html.slice(from, to) : '';
    if (n.tagName === 'br') {
      // A NUL marks the break until white space is collapsed (the parser turns any NUL of the page into U+FFFD).
      g.text += '\0';
      g.cover(n);
      return;
    }
    if (OBJECTS.has(n.tagName)) {
      g.cover(n);
      g.code({ kind: 'standalone', label: `{${n.tagName}}`, data: source(loc?.startOffset, loc?.endOffset) });
      return;
    }
    if (TRANSPARENT.has(n.tagName)) {
      for (const c of n.childNodes) inline(c, g);
      return;
    }
    g.cover(n);
    const open = source(loc?.startTag?.startOffset, loc?.startTag?.endOffset) || `<${n.tagName}>`;
    const close = source(loc?.endTag?.startOffset, loc?.endTag?.endOffset) || `</${n.tagName}>`;
    const id = `${n.tagName}${g.codes.length}`;
    g.code({ kind: 'open', id, label: `<${n.tagName}>`, data: open });
    for (const c of n.childNodes) inline(c, g);
    g.code({ kind: 'close', id, label: `</${n.tagName}>`, data: close });
  };

  const contextOf = (e: Element, ctx: Context): Context => {
    const heading = /^h([1-6])$/.exec(e.tagName);
    if (heading) return { ...ctx, kind: 'heading', level: Number(heading[1]) };
    if (e.tagName === 'pre') return { ...ctx, kind: 'code', pre: true };
    if (e.tagName === 'ul' || e.tagName === 'ol') return { ...ctx, listDepth: ctx.listDepth + 1 };
    if (e.tagName === 'li') return { ...ctx, kind: 'list-item', level: Math.max(0, ctx.listDepth - 1) };
    if (e.tagName === 'blockquote') return { ...ctx, kind: 'quote', quote: true };
    if (ctx.kind === 'list-item' || ctx.kind === 'quote') return ctx;
    const { level: _level, ...rest } = ctx;
    return { ...rest, kind: ctx.quote ? 'quote' : 'text' };
  };

  // A page without <article> or <main> has its site header in <body>: its logo text and slogans are not the article.
  const skippedHere = (c: Element) => isFurniture(c) || (root.tagName === 'body' && c.tagName === 'header' && !find(c.childNodes, 'h1'));
  const block = (e: Element, ctx: Context) => {
    const inner = contextOf(e, ctx);
    let g = new Gathered();
    for (const c of e.childNodes) {
      if (isElement(c) && skippedHere(c)) {
        emit(g, inner);
        g = new Gathered();
      } else if (isElement(c) && BLOCKS.has(c.tagName)) {
        emit(g, inner);
        g = new Gathered();
        block(c, inner);
      } else {
        inline(c, g);
      }
    }
    emit(g, inner);
  };

  block(root, { kind: 'text', listDepth: 0, quote: false, pre: false });
  if (problem) return fail('unsupported', problem);
  return ok(blocks);
}

/** Whether decoded text looks like an HTML page rather than plain text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}
