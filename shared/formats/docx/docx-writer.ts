/**
 * Writing a corrected article back into Word. We write the XML ourselves on top of the original package rather
 * than with a document generator (such as the `docx` package): a generator builds a new document, losing the
 * original's styles, numbering, headers, section layout and everything we do not model, while splicing new
 * paragraph XML into the original document.xml keeps every untouched paragraph byte for byte.
 *
 * A changed paragraph keeps its paragraph properties and gets runs rebuilt from its text and inline codes. With
 * tracked changes, the runs come from a word diff of the machine translation and the corrected text: kept words
 * as plain runs, the reviewer's insertions in `w:ins`, deletions in `w:del` (with `w:delText`), each stamped with
 * author and date, so accepting every change in Word gives the corrected text and rejecting every change gives
 * the machine translation. Flags become Word comments anchored on their spans of the machine translation.
 */
import { diffWords } from '../../diff/text-diff';
import { inlineCodeIndex, type InlineCode } from '../../model';
import { escapeXml, xmlSafe } from './xml-events';

/** A flag as a Word comment: anchored on `start..end` of the machine translation (equal for an omission point). */
export interface WordComment {
  readonly start: number;
  readonly end: number;
  readonly author: string;
  readonly date: string;
  readonly text: string;
}

/** Numbers for `w:id` attributes, unique in the document, shared by revisions and comments. */
export interface IdSource {
  next(): number;
}

export interface RevisionStamp {
  readonly author: string;
  readonly date: string;
}

/** One paragraph to write. */
export interface ParagraphContent {
  /** The original `<w:p …>` start tag (keeps Word's paragraph ids), or undefined for a plain `<w:p>`. */
  readonly startTag?: string;
  readonly pPr: string;
  readonly baseRPr: string;
  readonly codes: readonly InlineCode[];
  /** The machine translation, and the text to write. */
  readonly original: string;
  readonly corrected: string;
}

type PieceKind = 'same' | 'insert' | 'delete';

/** A comment placed in a paragraph, with the id it got. */
export interface PlacedComment extends WordComment {
  readonly id: number;
}

/**
 * The paragraph's XML. With `revision`, the change from `original` to `corrected` is written as tracked changes
 * and `comments` are anchored (ids taken from `ids`); without it, `corrected` is written as plain runs.
 */
export function paragraphXml(
  content: ParagraphContent,
  options: { readonly revision?: RevisionStamp; readonly comments?: readonly PlacedComment[]; readonly ids: IdSource },
): string {
  const pieces: { kind: PieceKind; text: string }[] = options.revision
    ? diffWords(content.original, content.corrected).segments.map((s) => ({ kind: s.kind, text: s.text }))
    : content.corrected === ''
      ? []
      : [{ kind: 'same', text: content.corrected }];
  const comments = options.revision ? (options.comments ?? []) : [];
  const out = new ParagraphWriter(content, options.revision, options.ids);
  // Comment markers sit at offsets of the machine translation, which kept and deleted text walk through.
  const starts = new Map<number, PlacedComment[]>();
  const ends = new Map<number, PlacedComment[]>();
  for (const c of comments) {
    (starts.get(c.start) ?? starts.set(c.start, []).get(c.start)!).push(c);
    (ends.get(c.end) ?? ends.set(c.end, []).get(c.end)!).push(c);
  }
  const placed = new Set<number>();
  const ended = new Set<number>();
  const markersAt = (offset: number) => {
    for (const c of ends.get(offset) ?? []) {
      if (c.start === c.end || !placed.has(c.id) || ended.has(c.id)) continue;
      ended.add(c.id);
      out.raw(`<w:commentRangeEnd w:id="${c.id}"/>${commentReference(c.id)}`);
    }
    for (const c of starts.get(offset) ?? []) {
      if (placed.has(c.id)) continue;
      placed.add(c.id);
      out.raw(`<w:commentRangeStart w:id="${c.id}"/>`);
      if (c.start === c.end) out.raw(`<w:commentRangeEnd w:id="${c.id}"/>${commentReference(c.id)}`);
    }
  };
  let offset = 0;
  for (const piece of pieces) {
    if (piece.kind === 'insert') {
      out.text(piece.text, 'insert');
      continue;
    }
    // Split kept and deleted text where a comment starts or ends.
    let from = 0;
    for (let i = 0; i <= piece.text.length; i++) {
      const at = offset + i;
      if (i < piece.text.length && !starts.has(at) && !ends.has(at)) continue;
      if (i === piece.text.length) break;
      if (i > from) out.text(piece.text.slice(from, i), piece.kind);
      markersAt(at);
      from = i;
    }
    if (from < piece.text.length) out.text(piece.text.slice(from), piece.kind);
    offset += piece.text.length;
  }
  markersAt(offset);
  // A flag whose span lies beyond the text (it should not) still gets its comment, at the paragraph's end.
  for (const c of comments) {
    if (!placed.has(c.id)) out.raw(`<w:commentRangeStart w:id="${c.id}"/><w:commentRangeEnd w:id="${c.id}"/>${commentReference(c.id)}`);
  }
  return out.finish();
}

function commentReference(id: number): string {
  return `<w:r><w:commentReference w:id="${id}"/></w:r>`;
}

/** A hyperlink start tag among the codes (its `data`), as opposed to run formatting. */
const isLink = (code: InlineCode): boolean => code.data.startsWith('<w:hyperlink') || code.data === '</w:hyperlink>';
/** Run formatting a code carries (`<w:rPr>…`), or undefined when the code is not Word formatting. */
function runFormatting(code: InlineCode): string | undefined {
  if (code.data === '' || code.data.startsWith('<w:rPr')) return code.data;
  // Codes of other formats (an HTML <em>) become the Word formatting a reader expects.
  const label = code.label.toLowerCase();
  if (/^<(b|strong)\b/.test(label)) return '<w:rPr><w:b/></w:rPr>';
  if (/^<(i|em|cite)\b/.test(label)) return '<w:rPr><w:i/></w:rPr>';
  if (/^<u\b/.test(label)) return '<w:rPr><w:u w:val="single"/></w:rPr>';
  if (/^<sup\b/.test(label)) return '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>';
  if (/^<sub\b/.test(label)) return '<w:rPr><w:vertAlign w:val="subscript"/></w:rPr>';
  return undefined;
}

class ParagraphWriter {
  private xml = '';
  private readonly formats: { readonly id: string | undefined; readonly rPr: string }[] = [];
  private links = 0;

  constructor(
    private readonly content: ParagraphContent,
    private readonly revision: RevisionStamp | undefined,
    private readonly ids: IdSource,
  ) {}

  raw(xml: string): void {
    this.xml += xml;
  }

  private get rPr(): string {
    return this.formats.length > 0 ? this.formats[this.formats.length - 1]!.rPr : this.content.baseRPr;
  }

  private stamp(): string {
    const r = this.revision!;
    return `w:id="${this.ids.next()}" w:author="${escapeXml(r.author)}" w:date="${escapeXml(r.date)}"`;
  }

  /** Text with code characters, as runs of the given kind. */
  text(text: string, kind: PieceKind): void {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const index = inlineCodeIndex(text.charCodeAt(i));
      if (index < 0) continue;
      if (i > from) this.run(text.slice(from, i), kind);
      from = i + 1;
      const code = this.content.codes[index];
      if (code) this.code(code, kind);
    }
    if (from < text.length) this.run(text.slice(from), kind);
  }

  private code(code: InlineCode, kind: PieceKind): void {
    if (code.kind === 'standalone') {
      if (!code.data.startsWith('<w:')) return;
      const isRun = code.data.startsWith('<w:r>') || code.data.startsWith('<w:r ');
      if (kind === 'same' || !isRun) {
        if (kind !== 'delete') this.xml += code.data;
      } else if (kind === 'insert') {
        this.xml += `<w:ins ${this.stamp()}>${code.data}</w:ins>`;
      } else {
        this.xml += `<w:del ${this.stamp()}>${code.data.replace(/<w:t([ >])/g, '<w:delText$1').replace(/<\/w:t>/g, '</w:delText>')}</w:del>`;
      }
      return;
    }
    if (isLink(code)) {
      if (code.kind === 'open') {
        this.xml += code.data;
        this.links++;
      } else if (this.links > 0) {
        this.xml += '</w:hyperlink>';
        this.links--;
      }
      return;
    }
    const rPr = runFormatting(code);
    if (rPr === undefined) return;
    if (code.kind === 'open') {
      this.formats.push({ id: code.id, rPr });
    } else {
      const at = this.formats.map((f) => f.id).lastIndexOf(code.id);
      if (at >= 0) this.formats.splice(at, 1);
      else this.formats.pop();
    }
  }

  private run(text: string, kind: PieceKind): void {
    const tag = kind === 'delete' ? 'w:delText' : 'w:t';
    let inner = '';
    for (const part of xmlSafe(text).split(/(\t|\n)/)) {
      if (part === '') continue;
      if (part === '\t') inner += '<w:tab/>';
      else if (part === '\n') inner += '<w:br/>';
      else inner += `<${tag} xml:space="preserve">${escapeXml(part)}</${tag}>`;
    }
    if (inner === '') return;
    const run = `<w:r>${this.rPr}${inner}</w:r>`;
    if (kind === 'same') this.xml += run;
    else this.xml += `<w:${kind === 'insert' ? 'ins' : 'del'} ${this.stamp()}>${run}</w:${kind === 'insert' ? 'ins' : 'del'}>`;
  }

  finish(): string {
    while (this.links > 0) {
      this.xml += '</w:hyperlink>';
      this.links--;
    }
    return `${this.content.startTag ?? '<w:p>'}${this.content.pPr}${this.xml}</w:p>`;
  }
}

/** A `<w:comment>` element of comments.xml. */
export function commentXml(c: PlacedComment): string {
  const initials = c.author
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 4);
  const paragraphs = c.text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(xmlSafe(line))}</w:t></w:r></w:p>`)
    .join('');
  return `<w:comment w:id="${c.id}" w:author="${escapeXml(c.author)}" w:date="${escapeXml(c.date)}" w:initials="${escapeXml(initials)}">${paragraphs}</w:comment>`;
}
