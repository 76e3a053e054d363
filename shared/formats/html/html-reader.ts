/**
 * An HTML page read as an article: its paragraphs, headings, list items, quotes and preformatted blocks, without
 * what surrounds an article on a web page (navigation, scripts, styles, forms, banners and cookie notices,
 * asides, footers). When the page marks its article (`<article>`, else `<main>`), only that is read.
 *
 * We parse with parse5 rather than htmlparser2: parse5 builds the tree exactly as a browser does (the WHATWG
 * algorithm: implied end tags, misnested formatting, stray text), so real pages written carelessly read the way
 * a reader sees them, and it gives every node's offsets in the source, which the writer needs to replace a
 * corrected paragraph's text in the original file and leave every other byte as it was. Its tokenizer takes the page
 * a piece at a time (as parse5's own stream does), and the reader lets go of the tree as it goes (`htmlReader`).
 *
 * Inline emphasis, links and other phrase markup become pairs of inline codes holding their original tags;
 * images are standalone codes; `<br>` is a line break in the text. A block's `ref` is `start:end`, the offsets of
 * its content in the source.
 */
import { defaultTreeAdapter, Parser, type Token, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';
import { inlineCodeChar, MAX_INLINE_CODES, type Block, type InlineCode, type ParagraphKind } from '../../model';
import { fail, ok, type Failure, type Result } from '../../result';
import type { BlockSplitter } from '../block-splitter';
import { ownString } from '../../own-string';
import { TextWindow } from '../text-window';

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
 * Elements the parser may still move, with what is inside them, after they have ended: a misnested `<b><p>…</b>`
 * moves the paragraph out of the bold and a bold into it (the standard's "adoption agency").
 */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

/** An element with the source of its tags, taken as the parser meets them (the page's text is not kept whole). */
type Sourced = Element & { open?: string; close?: string; outer?: string; again?: boolean };

/**
 * What stands in the tree for block elements already read: the paragraphs they give where they are (none for
 * furniture), and whether a heading of the first level is among them (a site header without one is not read).
 */
interface Read {
  readonly nodeName: '#read';
  readonly blocks: Block[];
  h1: boolean;
}

const isRead = (n: Node | Read): n is Read => n.nodeName === '#read';

/** The article's text around an element: kind of paragraph, list depth, quote, preformatted. */
const START: Context = { kind: 'text', listDepth: 0, quote: false, pre: false };

/**
 * Paragraphs read, in order, for the element read as the article so far: the page's first `<article>`, which is the
 * article for good (`sure`), or else its first `<main>` or its body, which an article (or main part) opening later
 * would replace. Each element read as the article has a number of its own (`of`): paragraphs of a new number void
 * those of another not yet sure.
 */
export interface HtmlRead {
  readonly blocks: Block[];
  readonly of: number;
  readonly sure: boolean;
}

/** Reads an HTML page given in pieces, as they come. */
export interface HtmlReader {
  /** Reads the next piece; returns the paragraphs that nothing further in the page can change (see `HtmlRead`). */
  push(text: string): HtmlRead;
  /** The article's other paragraphs, sure; fails when one holds more inline codes than the model keeps. */
  end(): Result<HtmlRead>;
}

/**
 * The article's paragraphs as reads come: those not yet sure are held (and let go when another element is read as
 * the article), and given with the first sure read of the same element. Held where the paragraphs are kept in the
 * end, so that a page's paragraphs are never held twice.
 */
export class ArticleParagraphs {
  private held: Block[] = [];
  private of = 0;

  /** The paragraphs known for good now, in order. */
  take(read: HtmlRead): Block[] {
    if (read.of !== this.of) {
      this.held = [];
      this.of = read.of;
    }
    if (!read.sure) {
      for (const b of read.blocks) this.held.push(b);
      return [];
    }
    if (this.held.length === 0) return read.blocks;
    const out = this.held;
    this.held = [];
    for (const b of read.blocks) out.push(b);
    return out;
  }
}

/**
 * A reader of an HTML page's article that reads as the page is parsed, a piece at a time: each block element is
 * read once it has ended and nothing can move it any more, and what is left of the tree is what stands for it. A
 * page's tree is never whole in memory (a 63 MB page's took 1.1 GB), nor its text: the parser keeps the piece it
 * is in, and the reader the tags it may still need.
 *
 * Which element is the article may be known only at the end (a page may open its `<article>` late): the reader
 * reads for the best one opened so far (an article, else a main part, else the body), and what it read for another
 * is let go when a better one opens (see `HtmlRead`).
 */
export function htmlReader(fileName: string): HtmlReader {
  const window = new TextWindow();
  /** How far into the page the parser has told of tokens: nothing before it is needed for a tag met later. */
  let toldTo = 0;
  /** The open pictures, deletions and rubies: each one's whole source becomes a code once it ends. */
  const openObjects: Element[] = [];
  /** A formatting element's start tag by its token: the parser opens the element again, with the same token, in a later paragraph. */
  const formattingTags = new WeakMap<object, string>();
  /** The element read as the article so far, its rank (article 3, main 2, body 1), and its number (`HtmlRead.of`). */
  let root: Element | undefined;
  let rootRank = 0;
  let rootNumber = 0;
  /** Whether a candidate for the article lies in misnested markup (see onItemPush). */
  let unsure = false;
  /** The elements open in the parser. */
  const open = new Set<Element>();
  let problem: string | undefined;
  let document: DefaultTreeAdapterTypes.Document | undefined;

  /** An image's, deletion's or ruby's whole source, now that it has ended. */
  const sourceTo = (e: Sourced) => {
    const loc = e.sourceCodeLocation;
    if (loc && !e.again) e.outer = window.slice(loc.startOffset, loc.endOffset) ?? e.outer;
  };

  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createDocument() {
      document = defaultTreeAdapter.createDocument();
      return document;
    },
    setNodeSourceCodeLocation(node, location) {
      defaultTreeAdapter.setNodeSourceCodeLocation(node, location);
      if (!location) return;
      if (location.endOffset > toldTo) toldTo = location.endOffset;
      if (!isElement(node as Node)) return;
      const e = node as Sourced;
      const tag = (location as Token.ElementLocation).startTag;
      if (!tag) return;
      const again = formattingTags.get(tag);
      e.open = again ?? window.slice(tag.startOffset, tag.endOffset);
      if (FORMATTING.has(e.tagName) && e.open !== undefined) formattingTags.set(tag, e.open);
      // An image has no end: its tag is its source. An element that has an end gets its whole source then, unless
      // it is opened again (its source would run from the tag, paragraphs back, to here): its tag stands for it.
      if (OBJECTS.has(e.tagName)) e.outer = e.open;
      if (again !== undefined) e.again = true;
    },
    // parse5 copies a text node's whole location for every word and space it adds (a fifth of a long page's parse in
    // a profile); its end offset moves in place here (the reader needs no line or column). A text node's location
    // is the object its first piece of text came with, which nothing else holds; an element's is a copy of its start
    // tag's.
    updateNodeSourceCodeLocation(node, end) {
      const loc = node.sourceCodeLocation;
      if (!loc) return defaultTreeAdapter.updateNodeSourceCodeLocation(node, end);
      const offset = end.endOffset!;
      loc.endOffset = offset;
      if (offset > toldTo) toldTo = offset;
      const endTag = (end as Partial<Token.ElementLocation>).endTag;
      if (endTag) {
        (loc as Token.ElementLocation).endTag = endTag;
        (node as Sourced).close = window.slice(endTag.startOffset, endTag.endOffset);
      }
    },
    onItemPush(element) {
      open.add(element);
      // (The parser tells of an element again when misnested markup moves it in the stack.)
      if (OBJECTS.has(element.tagName) && !openObjects.includes(element)) openObjects.push(element);
      const rank = element.tagName === 'article' ? 3 : element.tagName === 'main' ? 2 : element.tagName === 'body' ? 1 : 0;
      if (rank <= rootRank) return;
      // Inside misnested markup, the parser may yet move it, in or out of page furniture: which element is the
      // article is then told from the whole tree at the end, and nothing more is read before.
      if (within(element, FORMATTING)) unsure = true;
      else if (!inFurniture(element)) {
        if (root) forgetRead(document!);
        root = element;
        rootRank = rank;
        rootNumber++;
      }
    },
    onItemPop(element, newTop) {
      open.delete(element);
      const object = openObjects.lastIndexOf(element);
      if (object >= 0) {
        openObjects.splice(object, 1);
        sourceTo(element);
      }
      readEnded(element, newTop);
    },
  };

  // A page without <article> or <main> has its site header in <body>: its logo text and slogans are not the article.
  const skippedHere = (c: Element) => isFurniture(c) || (root?.tagName === 'body' && c.tagName === 'header' && !holdsH1(c.childNodes));

  const emit = (g: Gathered, ctx: Context, out: Block[]) => {
    // Made a string of its own: a text is joined from pieces of the parser's input, and a piece keeps all of it.
    const text = ownString(ctx.pre ? preformatted(g.text) : collapsed(g.text));
    if (!/[^\s\uE000-\uF8FF]/.test(text)) return;
    if (g.codes.length > MAX_INLINE_CODES) {
      problem ??= `${fileName}: a paragraph holds ${g.codes.length} inline tags, more than the ${MAX_INLINE_CODES} Redline keeps per paragraph.`;
      return;
    }
    out.push({
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
    const e = n as Sourced;
    if (n.tagName === 'br') {
      // A NUL marks the break until white space is collapsed (the parser turns any NUL of the page into U+FFFD).
      g.text += '\0';
      g.cover(n);
      return;
    }
    if (OBJECTS.has(n.tagName)) {
      g.cover(n);
      g.code({ kind: 'standalone', label: `{${n.tagName}}`, data: e.outer ?? '' });
      return;
    }
    if (TRANSPARENT.has(n.tagName)) {
      for (const c of n.childNodes) inline(c, g);
      return;
    }
    g.cover(n);
    const id = `${n.tagName}${g.codes.length}`;
    g.code({ kind: 'open', id, label: `<${n.tagName}>`, data: e.open || `<${n.tagName}>` });
    for (const c of n.childNodes) inline(c, g);
    g.code({ kind: 'close', id, label: `</${n.tagName}>`, data: e.close || `</${n.tagName}>` });
  };

  /** The paragraphs of block element `e` whose surroundings are `ctx`, added to `out`. */
  const block = (e: Element, ctx: Context, out: Block[]) => run(e.childNodes, contextOf(e, ctx), out);

  /** The paragraphs of `nodes`, the content (or its first part) of a block element whose context is `inner`. */
  const run = (nodes: readonly (Node | Read)[], inner: Context, out: Block[]) => {
    let g = new Gathered();
    for (const c of nodes) {
      if (isRead(c)) {
        emit(g, inner, out);
        g = new Gathered();
        for (const b of c.blocks) out.push(b);
      } else if (isElement(c) && skippedHere(c)) {
        emit(g, inner, out);
        g = new Gathered();
      } else if (isElement(c) && BLOCKS.has(c.tagName)) {
        emit(g, inner, out);
        g = new Gathered();
        block(c, inner, out);
      } else {
        inline(c, g);
      }
    }
    emit(g, inner, out);
  };

  /**
   * Reads block element `e`, just ended, when nothing can change it any more and it lies in the article: its
   * paragraphs stand in its place in the tree (joined with a read sibling just before it), and its content is let go.
   */
  const readEnded = (e: Element, newTop: DefaultTreeAdapterTypes.ParentNode) => {
    const parent = e.parentNode;
    if (!root || unsure || e === root || !parent || (!BLOCKS.has(e.tagName) && !isFurniture(e))) return;
    const siblings = parent.childNodes as (Node | Read)[];
    const at = siblings.lastIndexOf(e);
    if (at < 0) return;
    // Ended before an element inside it (misnested): what is inside may still grow.
    for (let n: DefaultTreeAdapterTypes.ParentNode | null = newTop; n; n = (n as Element).parentNode ?? null) if (n === e) return;
    // Holding the article: read with it at the end.
    for (let n: DefaultTreeAdapterTypes.ParentNode | null = root; n; n = (n as Element).parentNode ?? null) if (n === e) return;
    const between: Element[] = [];
    let inRoot = false;
    let irrelevant = false;
    for (let n: DefaultTreeAdapterTypes.ParentNode | null = parent; n && isElement(n as Node); n = (n as Element).parentNode) {
      const a = n as Element;
      if (FORMATTING.has(a.tagName)) return;
      if (a === root) inRoot = true;
      if (inRoot) continue;
      // Inside inline markup: part of the paragraph around it.
      if (!BLOCKS.has(a.tagName)) {
        if (isFurniture(a)) irrelevant = true;
        else return;
      }
      between.push(a);
    }
    if (!inRoot || irrelevant) {
      // Never read: outside the article, or inside page furniture.
      siblings.splice(at, 1);
    } else {
      let ctx = contextOf(root, START);
      for (let k = between.length - 1; k >= 0; k--) ctx = contextOf(between[k]!, ctx);
      const blocks: Block[] = [];
      if (!skippedHere(e)) block(e, ctx, blocks);
      const h1 = !isFurniture(e) && (e.tagName === 'h1' || holdsH1(e.childNodes));
      const before = siblings[at - 1];
      if (before && isRead(before)) {
        for (const b of blocks) before.blocks.push(b);
        before.h1 ||= h1;
        siblings.splice(at, 1);
      } else {
        siblings[at] = { nodeName: '#read', blocks, h1 };
      }
    }
    e.childNodes = [];
    e.parentNode = null;
  };

  /**
   * The paragraphs of the element read as the article that nothing further in the page can change, taken out of the
   * tree: those of each open block element from it down, up to its last child already read (what follows may still
   * grow).
   */
  const settled = (): Block[] => {
    const out: Block[] = [];
    if (!root || unsure) return out;
    let e = root;
    let inner = contextOf(root, START);
    for (;;) {
      const kids = e.childNodes as (Node | Read)[];
      let last = kids.length - 1;
      while (last >= 0 && !isRead(kids[last]!)) last--;
      if (last >= 0) run(kids.splice(0, last + 1), inner, out);
      // On into the open block element the content goes to, when only white space lies before it.
      const next = kids.at(-1);
      if (!next || isRead(next) || !isElement(next) || !open.has(next) || !BLOCKS.has(next.tagName) || isFurniture(next)) break;
      // A site header in the body is read only if it holds a first-level heading, known once it ends.
      if (root.tagName === 'body' && next.tagName === 'header') break;
      if (!kids.slice(0, -1).every(blank)) break;
      kids.splice(0, kids.length - 1);
      inner = contextOf(next, inner);
      e = next;
    }
    return out;
  };

  const parser = new Parser<DefaultTreeAdapterMap>({ sourceCodeLocationInfo: true, treeAdapter: adapter });

  return {
    push(text) {
      if (text.length === 0) return { blocks: [], of: rootNumber, sure: rootRank === 3 };
      window.add(text);
      parser.tokenizer.write(text, false);
      let keep = toldTo;
      for (const o of openObjects) keep = Math.min(keep, o.sourceCodeLocation?.startOffset ?? keep);
      window.dropBefore(keep);
      const blocks = settled();
      return { blocks, of: rootNumber, sure: rootRank === 3 };
    },
    end() {
      parser.tokenizer.write('', true);
      // Open at the end of the page: the parser ends them there, without closing them.
      for (const o of openObjects) sourceTo(o);
      if (unsure) {
        const found = first(document!.childNodes, 'article') ?? first(document!.childNodes, 'main') ?? first(document!.childNodes, 'body');
        if (found !== root) rootNumber++;
        root = found;
      }
      const blocks: Block[] = [];
      if (root) block(root, START, blocks);
      if (problem) return fail('unsupported', problem);
      return ok({ blocks, of: rootNumber, sure: true });
    },
  };
}

/** A paragraph's text as a browser shows it: each run of white space one space, none at either end, a NUL a line break. */
function collapsed(text: string): string {
  let t = /[\t\r\n\f]| {2}/.test(text) ? text.replace(/[ \t\r\n\f]+/g, ' ') : text;
  if (t.charCodeAt(0) === 32) t = t.slice(1);
  if (t.charCodeAt(t.length - 1) === 32) t = t.slice(0, -1);
  return t.includes('\0') ? t.replace(/ ?\0 ?/g, '\n') : t;
}

/** A preformatted block's text: its first line break and its white space at the end dropped, a NUL a line break. */
function preformatted(text: string): string {
  return text.replace(/^\n/, '').replace(/\s+$/, '').replace(/\0/g, '\n');
}

/** The first element of a tag among nodes and their descendants, outside page furniture (and what was read). */
function first(nodes: readonly (Node | Read)[], tag: string): Element | undefined {
  for (const n of nodes) {
    if (isRead(n) || !isElement(n) || isFurniture(n)) continue;
    if (n.tagName === tag) return n;
    const inner = first(n.childNodes, tag);
    if (inner) return inner;
  }
  return undefined;
}

/** Whether a node adds nothing to a paragraph: white space or a comment. */
function blank(n: Node | Read): boolean {
  return n.nodeName === '#comment' || (n.nodeName === '#text' && !/\S/.test((n as DefaultTreeAdapterTypes.TextNode).value));
}

/** Whether an element has an ancestor of one of the tags. */
function within(e: Element, tags: ReadonlySet<string>): boolean {
  for (let n = e.parentNode; n && isElement(n as Node); n = (n as Element).parentNode) if (tags.has((n as Element).tagName)) return true;
  return false;
}

/** Whether an element is page furniture or inside it, or not in the page at all (a template's content). */
function inFurniture(e: Element): boolean {
  let n: DefaultTreeAdapterTypes.ParentNode | null = e;
  for (; n && isElement(n as Node); n = (n as Element).parentNode) if (isFurniture(n as Element)) return true;
  return n?.nodeName !== '#document';
}

/** Whether nodes hold a first-level heading that is not page furniture. */
function holdsH1(nodes: readonly (Node | Read)[]): boolean {
  for (const n of nodes) {
    if (isRead(n)) {
      if (n.h1) return true;
      continue;
    }
    if (!isElement(n) || isFurniture(n)) continue;
    if (n.tagName === 'h1' || holdsH1(n.childNodes)) return true;
  }
  return false;
}

/** Drops what was read for an article that is not the page's, once a better candidate opens. */
function forgetRead(parent: DefaultTreeAdapterTypes.ParentNode): void {
  for (const n of parent.childNodes as (Node | Read)[]) {
    if (isRead(n)) n.blocks.length = 0;
    else if ('childNodes' in n) forgetRead(n);
  }
}

function contextOf(e: Element, ctx: Context): Context {
  const heading = /^h([1-6])$/.exec(e.tagName);
  if (heading) return { ...ctx, kind: 'heading', level: Number(heading[1]) };
  if (e.tagName === 'pre') return { ...ctx, kind: 'code', pre: true };
  if (e.tagName === 'ul' || e.tagName === 'ol') return { ...ctx, listDepth: ctx.listDepth + 1 };
  if (e.tagName === 'li') return { ...ctx, kind: 'list-item', level: Math.max(0, ctx.listDepth - 1) };
  if (e.tagName === 'blockquote') return { ...ctx, kind: 'quote', quote: true };
  if (ctx.kind === 'list-item' || ctx.kind === 'quote') return ctx;
  const { level: _level, ...rest } = ctx;
  return { ...rest, kind: ctx.quote ? 'quote' : 'text' };
}

/**
 * An HTML page's article as the loader reads it: each piece parsed as it comes, the paragraphs given at the end
 * (only then is it known which element is the article).
 */
export function createHtmlSplitter(name = 'The page'): BlockSplitter {
  const reader = htmlReader(name);
  const paragraphs = new ArticleParagraphs();
  let failure: Failure | undefined;
  return {
    push: (text) => paragraphs.take(reader.push(text)),
    end() {
      const read = reader.end();
      if (read.ok) return paragraphs.take(read.value);
      failure = read.error;
      return [];
    },
    get failure() {
      return failure;
    },
  };
}

/** Reads the article of an HTML page. Fails when it holds more inline codes in one paragraph than the model keeps. */
export function readHtml(html: string, fileName: string): Result<Block[]> {
  const splitter = createHtmlSplitter(fileName);
  const blocks = splitter.push(html);
  for (const b of splitter.end()) blocks.push(b);
  return splitter.failure ? { ok: false, error: splitter.failure } : ok(blocks);
}

/** Whether decoded text looks like an HTML page rather than plain text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}
