/**
 * Word's document.xml read paragraph by paragraph into what a reviewer edits: the text of each paragraph, with
 * everything that is not text kept as inline codes (see InlineCode in the model):
 * - a stretch of runs whose formatting differs from the paragraph's usual formatting (bold, italic, a character
 *   style) is wrapped in a pair of codes whose `data` is that run formatting (`w:rPr`), so the writer gives the
 *   corrected words the same formatting;
 * - a hyperlink is a pair of codes holding its start tag;
 * - anything else inside a run (footnote references, fields, pictures) is one standalone code holding the whole
 *   run, written back as it was.
 * Tabs and line breaks stay in the text as `\t` and `\n`. Tracked changes already in the document are read as if
 * accepted (insertions kept, deletions left out). Every paragraph's offsets in document.xml are kept so that an
 * export rewrites only the paragraphs that changed and copies the rest byte for byte.
 */
import { inlineCodeChar, MAX_INLINE_CODES, type InlineCode } from '../../model';
import { fail, ok, type Result } from '../../result';
import { shapeOf, type ParagraphShape, type StyleMap } from './docx-styles';
import { xmlReader, type XmlElementStart } from './xml-events';

/** One `w:p` of the body, as found in document.xml. */
export interface WordParagraph {
  /** 0-based count of top-level paragraphs before this one in document.xml (the paragraph's `ref`). */
  readonly ordinal: number;
  /** Offsets of the paragraph element in document.xml. */
  readonly start: number;
  readonly end: number;
  /** The paragraph properties element as written (`<w:pPr>…</w:pPr>`), or ''. */
  readonly pPr: string;
  /** The run properties most of the paragraph's text has (`<w:rPr>…</w:rPr>`, or ''): text with it has no code. */
  readonly baseRPr: string;
  readonly shape: ParagraphShape;
  /** The text with one private-use character per code. */
  readonly text: string;
  readonly codes: readonly InlineCode[];
}

/** What sits inside a paragraph before codes are assigned. */
type Item =
  | { readonly type: 'text'; readonly text: string; readonly rPr: string }
  | { readonly type: 'link-open'; readonly data: string }
  | { readonly type: 'link-close' }
  | { readonly type: 'object'; readonly data: string; readonly label: string };

/** Containers whose content belongs to the paragraph as if they were not there. */
const TRANSPARENT = new Set(['w:ins', 'w:moveTo', 'w:smartTag', 'w:sdt', 'w:sdtContent', 'w:customXml', 'w:fldSimple', 'w:dir', 'w:bdo']);
/** Elements whose content is not text of the paragraph at all (deleted text, properties of containers). */
const DROPPED = new Set(['w:del', 'w:moveFrom', 'w:sdtPr', 'w:sdtEndPr', 'w:smartTagPr', 'w:customXmlPr', 'w:rPrChange', 'w:pPrChange']);
/** Markers that mark places, not content; they are not kept when a paragraph is rewritten. */
const MARKERS = new Set([
  'w:bookmarkStart',
  'w:bookmarkEnd',
  'w:proofErr',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:permStart',
  'w:permEnd',
  'w:lastRenderedPageBreak',
  'w:moveFromRangeStart',
  'w:moveFromRangeEnd',
  'w:moveToRangeStart',
  'w:moveToRangeEnd',
]);

function objectLabel(name: string, attributes: Readonly<Record<string, string>>): string {
  switch (name) {
    case 'w:footnoteReference':
      return `[${attributes['w:id'] ?? 'note'}]`;
    case 'w:endnoteReference':
      return `[e${attributes['w:id'] ?? ''}]`;
    case 'w:fldChar':
      return attributes['w:fldCharType'] === 'begin' ? '{field' : attributes['w:fldCharType'] === 'end' ? 'field}' : '|';
    case 'w:instrText':
      return '{code}';
    case 'w:drawing':
    case 'w:pict':
    case 'w:object':
      return '{picture}';
    case 'w:br':
      return '{page}';
    case 'w:commentReference':
      return '{comment}';
    default:
      return `{${name.replace(/^\w+:/, '')}}`;
  }
}

/** The label of a formatting code: what a reviewer recognises (`<b>`, `<i>`, `<b+i>`), else `<fmt>`. */
export function formatLabel(rPr: string): string {
  const on = (tag: string) => new RegExp(`<w:${tag}(?:\\s(?![^>]*w:val="(?:0|false|none)")[^>]*)?/?>`).test(rPr);
  const parts: string[] = [];
  if (on('b')) parts.push('b');
  if (on('i')) parts.push('i');
  if (on('u')) parts.push('u');
  if (on('strike') || on('dstrike')) parts.push('s');
  if (/<w:vertAlign\s[^>]*w:val="superscript"/.test(rPr)) parts.push('sup');
  if (/<w:vertAlign\s[^>]*w:val="subscript"/.test(rPr)) parts.push('sub');
  const charStyle = /<w:rStyle\s[^>]*w:val="([^"]*)"/.exec(rPr)?.[1];
  if (parts.length === 0 && charStyle) parts.push(charStyle);
  return `<${parts.length > 0 ? parts.join('+') : 'fmt'}>`;
}

/** Reads every top-level paragraph of document.xml, empty ones included (they keep the ordinals right). */
export function readWordParagraphs(xml: string, styles: StyleMap, part = 'word/document.xml'): Result<WordParagraph[]> {
  const paragraphs: WordParagraph[] = [];
  const reader = wordParagraphReader(styles, part, (p) => paragraphs.push(p));
  reader.push(xml);
  const read = reader.end();
  return read.ok ? ok(paragraphs) : read;
}

/** Reads document.xml given in pieces: each top-level paragraph, empty ones included, goes to `onParagraph` as it ends. */
export interface WordParagraphReader {
  push(text: string): void;
  /** Fails on broken XML (naming part, line and column) or a paragraph with more codes than the model keeps. */
  end(): Result<void>;
}

export function wordParagraphReader(styles: StyleMap, part: string, onParagraph: (p: WordParagraph) => void): WordParagraphReader {
  let ordinal = 0;
  let tooMany: string | undefined;

  // The paragraph being read.
  let para: { start: number; pPr: string; styleId?: string; listLevel?: number; items: Item[] } | undefined;
  let paraDepth = 0;
  // An element being captured whole (its events are skipped until it closes).
  let capture: { name: string; start: number; depth: number; done: (raw: string) => void } | undefined;
  let depth = 0;
  // The run being read.
  let run: { start: number; rPr: string } | undefined;
  let inText = false;
  let inPPr = false;

  let pPrStart = 0;

  const push = (item: Item) => {
    if (!para) return;
    const last = para.items[para.items.length - 1];
    if (item.type === 'text' && last?.type === 'text' && last.rPr === item.rPr) {
      para.items[para.items.length - 1] = { type: 'text', text: last.text + item.text, rPr: item.rPr };
    } else {
      para.items.push(item);
    }
  };
  // saxes reports an end for every element, self-closing ones too, so a capture always ends in `close`.
  const startCapture = (e: XmlElementStart, done: (raw: string) => void) => {
    capture = { name: e.name, start: e.start, depth, done };
  };

  /** The source between two offsets: all of it is kept from the paragraph being read on (see `push`). */
  const source = (from: number, to: number) => reader.window.slice(from, to) ?? '';
  const reader = xmlReader(part, {
    open(e) {
      depth++;
      if (capture) return;
      if (e.name === 'w:p') {
        // A paragraph inside a paragraph (a text box) belongs to whatever holds it.
        if (para) paraDepth++;
        else para = { start: e.start, pPr: '', items: [] };
        return;
      }
      if (!para) return;
      if (inPPr) {
        if (e.name === 'w:pStyle') para.styleId = e.attributes['w:val'];
        else if (e.name === 'w:ilvl') para.listLevel = Number(e.attributes['w:val'] ?? 0);
        else if (e.name === 'w:numId' && para.listLevel === undefined && e.attributes['w:val'] !== '0') para.listLevel = 0;
        return;
      }
      if (e.name === 'w:pPr' && !run) {
        inPPr = true;
        pPrStart = e.start;
        return;
      }
      if (DROPPED.has(e.name)) {
        startCapture(e, () => undefined);
        return;
      }
      if (TRANSPARENT.has(e.name) || MARKERS.has(e.name)) return;
      if (e.name === 'w:hyperlink') {
        push({
          type: 'link-open',
          data: e.selfClosing ? source(e.start, e.tagEnd).replace(/\s*\/>$/, '>') : source(e.start, e.tagEnd),
        });
        return;
      }
      if (e.name === 'w:r') {
        run = { start: e.start, rPr: '' };
        return;
      }
      if (!run) {
        // Something else at paragraph level (an equation, a run of another kind): kept whole as a code.
        const { name, attributes } = e;
        startCapture(e, (raw) => push({ type: 'object', data: raw, label: objectLabel(name, attributes) }));
        return;
      }
      const r = run;
      switch (e.name) {
        case 'w:rPr':
          startCapture(e, (raw) => (r.rPr = raw));
          return;
        case 'w:t':
          inText = true;
          return;
        case 'w:tab':
          push({ type: 'text', text: '\t', rPr: r.rPr });
          return;
        case 'w:cr':
          push({ type: 'text', text: '\n', rPr: r.rPr });
          return;
        case 'w:br': {
          const type = e.attributes['w:type'];
          if (type === undefined || type === 'textWrapping') {
            push({ type: 'text', text: '\n', rPr: r.rPr });
            return;
          }
          break;
        }
        default:
          if (MARKERS.has(e.name)) return;
      }
      const { name, attributes } = e;
      startCapture(e, (raw) => push({ type: 'object', data: `<w:r>${r.rPr}${raw}</w:r>`, label: objectLabel(name, attributes) }));
    },
    close(name, end) {
      if (capture) {
        if (name === capture.name && depth === capture.depth) {
          const raw = source(capture.start, end);
          const done = capture.done;
          capture = undefined;
          done(raw);
        }
        depth--;
        return;
      }
      depth--;
      if (name === 'w:p') {
        if (paraDepth > 0) paraDepth--;
        else if (para) finishParagraph(end);
        return;
      }
      if (!para) return;
      if (name === 'w:pPr' && inPPr) {
        inPPr = false;
        para.pPr = source(pPrStart, end);
      } else if (name === 'w:t') inText = false;
      else if (name === 'w:r') run = undefined;
      else if (name === 'w:hyperlink') push({ type: 'link-close' });
    },
    text(t) {
      if (capture || !para || !run || !inText) return;
      push({ type: 'text', text: t, rPr: run.rPr });
    },
  });

  function finishParagraph(end: number): void {
    const p = para!;
    para = undefined;
    run = undefined;
    inText = false;
    const built = buildText(p.items);
    if (built.codes.length > MAX_INLINE_CODES) {
      tooMany ??= `${part}: paragraph ${ordinal + 1} holds ${built.codes.length} pieces of formatting and objects, more than the ${MAX_INLINE_CODES} Redline keeps per paragraph.`;
    }
    onParagraph({
      ordinal: ordinal++,
      start: p.start,
      end,
      pPr: p.pPr,
      baseRPr: built.baseRPr,
      shape: shapeOf(styles, p.styleId, p.listLevel),
      text: built.text,
      codes: built.codes,
    });
  }

  return {
    push(text) {
      reader.push(text);
      // What a later slice may need: the paragraph being read (its properties, a link's tag, a captured element).
      reader.window.dropBefore(Math.min(reader.needsFrom, para?.start ?? Infinity, capture?.start ?? Infinity));
    },
    end() {
      const read = reader.end();
      if (!read.ok) return read;
      return tooMany ? fail('unsupported', tooMany) : ok(undefined);
    },
  };
}

/** The run formatting most of the text has: text with it needs no code. */
function baseFormatting(items: readonly Item[]): string {
  const chars = new Map<string, number>();
  for (const item of items) if (item.type === 'text') chars.set(item.rPr, (chars.get(item.rPr) ?? 0) + item.text.length);
  let best = '';
  let most = -1;
  for (const [rPr, n] of chars) {
    if (n > most) {
      best = rPr;
      most = n;
    }
  }
  return best;
}

/** Turns a paragraph's items into text with code characters, opening and closing formatting codes as needed. */
function buildText(items: readonly Item[]): { text: string; codes: InlineCode[]; baseRPr: string } {
  const baseRPr = baseFormatting(items);
  const codes: InlineCode[] = [];
  let text = '';
  let open: { rPr: string; id: string } | undefined;
  let formats = 0;
  let links = 0;
  const linkIds: string[] = [];
  const add = (code: InlineCode) => {
    text += inlineCodeChar(codes.length);
    codes.push(code);
  };
  const closeFormat = () => {
    if (!open) return;
    add({ kind: 'close', id: open.id, label: `</${formatLabel(open.rPr).slice(1)}`, data: open.rPr });
    open = undefined;
  };
  for (const item of items) {
    switch (item.type) {
      case 'text':
        if (item.rPr === baseRPr) closeFormat();
        else if (open?.rPr !== item.rPr) {
          closeFormat();
          open = { rPr: item.rPr, id: `f${++formats}` };
          add({ kind: 'open', id: open.id, label: formatLabel(item.rPr), data: item.rPr });
        }
        text += item.text;
        break;
      case 'link-open': {
        closeFormat();
        const id = `a${++links}`;
        linkIds.push(id);
        add({ kind: 'open', id, label: '<a>', data: item.data });
        break;
      }
      case 'link-close':
        closeFormat();
        add({ kind: 'close', id: linkIds.pop() ?? 'a', label: '</a>', data: '</w:hyperlink>' });
        break;
      case 'object':
        add({ kind: 'standalone', label: item.label, data: item.data });
        break;
    }
  }
  closeFormat();
  return { text, codes, baseRPr };
}
