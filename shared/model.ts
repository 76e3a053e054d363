/**
 * The domain model: plain, immutable data shared by the service, the renderer and the command line.
 * Nothing here knows about files, the DOM or Electron.
 */

/** What a paragraph is in its article. Markdown gives headings, list items, quotes and code of their own kind. */
export type ParagraphKind = 'text' | 'heading' | 'list-item' | 'quote' | 'code';

/** Formats the loader reads. Each plugs into the same loader and hands out paragraphs. */
export type ArticleFormat = 'txt' | 'md' | 'xliff' | 'docx' | 'html' | 'tsv';

/**
 * An inline code of a structured format (an XLIFF `g`, `ph`, `pc` or `mrk`, a Word run's bold, an HTML link):
 * kept out of the words as one placeholder character from Unicode's private use area, U+E000 + its index in the
 * paragraph's code list, so editing can move or delete a code whole but never break it, and diffs, word counts
 * and flags treat it as one character. The renderer shows `label` as a compact token.
 */
export interface InlineCode {
  /** Opening and closing codes come in pairs (`<b>` … `</b>`); a standalone code stands alone (`{1}`, a line break). */
  readonly kind: 'open' | 'close' | 'standalone';
  /** The format's own id for the code (XLIFF `id`), when it has one. */
  readonly id?: string;
  /** What the reviewer sees: short, like `<b>`, `</b>`, `{1}`. */
  readonly label: string;
  /** What the format's writer needs to put the code back exactly (for XLIFF, the element's XML). */
  readonly data: string;
}

/** The first placeholder character of inline codes (see InlineCode). */
export const INLINE_CODE_BASE = 0xe000;
/** At most this many inline codes per paragraph side (the private use area has 6,400 characters). */
export const MAX_INLINE_CODES = 6400;

/** The placeholder character of the inline code at `index`. */
export function inlineCodeChar(index: number): string {
  return String.fromCharCode(INLINE_CODE_BASE + index);
}

/** The index of the inline code a character stands for, or -1 for an ordinary character. */
export function inlineCodeIndex(char: number): number {
  const i = char - INLINE_CODE_BASE;
  return i >= 0 && i < MAX_INLINE_CODES ? i : -1;
}

/**
 * What a structured format records about a paragraph beyond its text, kept so the article can be written back in
 * the format it came in and shown as a CAT tool shows it.
 */
export interface BlockOrigin {
  /** Where the paragraph sits in the original file: an XLIFF unit id (and segment), a Word paragraph index, a row. */
  readonly ref?: string;
  /** Inline codes of the target text (and of the source text): see InlineCode. */
  readonly codes?: readonly InlineCode[];
  readonly sourceCodes?: readonly InlineCode[];
  /** Translator's notes and comments that came with the paragraph. */
  readonly notes?: readonly string[];
  /** The segment's state in the CAT tool (`translated`, `final`, `needs-review-translation`, ...). */
  readonly state?: string;
  /** A style the format gives the paragraph (a Word style name), kept for export. */
  readonly style?: string;
}

/** Encodings the loader detects and decodes. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/**
 * One block of an article as a format parser found it: the text a reviewer reads and edits, plus what is
 * needed to write it back in the same format (a Markdown marker such as `## ` or `- `).
 */
export interface Block extends BlockOrigin {
  readonly kind: ParagraphKind;
  /** Heading level (1-6) or list nesting depth (0-based); absent otherwise. */
  readonly level?: number;
  /** Markup that precedes the text in the original file, kept for export (`## `, `- `, `> `, a code fence). */
  readonly prefix?: string;
  /** Markup that follows the text in the original file (a closing code fence). */
  readonly suffix?: string;
  readonly text: string;
  /** The source text, for formats that carry both sides (XLIFF, bilingual TSV). */
  readonly source?: string;
  /** Flags the file carries for this paragraph (XLIFF quality issues): a new review starts with them. */
  readonly flags?: readonly ImportedFlag[];
}

/**
 * A flag as a file states it (an ITS quality issue in XLIFF): an annotation without the paragraph, id and time a
 * review gives it when it takes the flag in.
 */
export type ImportedFlag = Omit<Annotation, 'id' | 'paragraphId' | 'created'>;

/** How a paragraph pairs with the source side when a source file was given. */
export type Alignment = 'paired' | 'target-only' | 'source-only';

/**
 * The unit shown and edited. `target` is the machine translation and never changes; drafts live in the review.
 * Ids are stable for the life of a review (`p1`, `p2`, ... in article order).
 */
export interface Paragraph extends BlockOrigin {
  readonly id: string;
  /** 0-based position in the article. */
  readonly index: number;
  readonly kind: ParagraphKind;
  readonly level?: number;
  readonly prefix?: string;
  readonly suffix?: string;
  /** The machine translation as loaded ('' for a source paragraph that has no translation). */
  readonly target: string;
  /** The source text, when a source file was given and a paragraph sits at this position. */
  readonly source?: string;
  /** Present only when a source file was given. */
  readonly alignment?: Alignment;
}

/** The stable id of the paragraph at a 0-based position: `p1`, `p2`, ... in article order. */
export function paragraphIdAt(index: number): string {
  return `p${index + 1}`;
}

/**
 * The paragraph at position `index` of an article whose translation gave block `target` and whose source (when a
 * source file was given, `withSource`) gave block `source`. The one place a paragraph is made from its blocks:
 * the review's header is written from it, and a reopened review's header is checked against it.
 */
export function paragraphFromBlocks(index: number, target: Block | undefined, source: Block | undefined, withSource: boolean): Paragraph {
  const shape = (target ?? source)!;
  // Built member by member, in the order the header has always written them: 100,000 paragraphs are made on
  // opening a long article, and objects spread together cost several times as much.
  let p: { -readonly [K in keyof Paragraph]: Paragraph[K] };
  if (shape.level === undefined && target?.prefix === undefined && target?.suffix === undefined) {
    p = { id: paragraphIdAt(index), index, kind: shape.kind, target: target?.text ?? '' };
  } else {
    const head: { -readonly [K in keyof Paragraph]?: Paragraph[K] } = { id: paragraphIdAt(index), index, kind: shape.kind };
    if (shape.level !== undefined) head.level = shape.level;
    if (target?.prefix !== undefined) head.prefix = target.prefix;
    if (target?.suffix !== undefined) head.suffix = target.suffix;
    head.target = target?.text ?? '';
    p = head as typeof p;
  }
  // What a structured format (XLIFF) records beside the text: its own source, codes, notes and state.
  if (target?.ref !== undefined) p.ref = target.ref;
  if (target?.codes !== undefined) p.codes = target.codes;
  if (target?.sourceCodes !== undefined) p.sourceCodes = target.sourceCodes;
  if (target?.notes !== undefined) p.notes = target.notes;
  if (target?.state !== undefined) p.state = target.state;
  if (target?.style !== undefined) p.style = target.style;
  if (!withSource) {
    if (target?.source !== undefined) p.source = target.source;
    return p;
  }
  if (source) p.source = source.text;
  p.alignment = target && source ? 'paired' : target ? 'target-only' : 'source-only';
  return p;
}

/** The 0-based position of a paragraph from its id, or undefined for an id not made by `paragraphIdAt`. */
export function paragraphIndexOf(paragraphId: string): number | undefined {
  const m = /^p([1-9]\d*)$/.exec(paragraphId);
  return m ? Number(m[1]) - 1 : undefined;
}

export type Severity = 'neutral' | 'minor' | 'major' | 'critical';
export const SEVERITIES: readonly Severity[] = ['neutral', 'minor', 'major', 'critical'];

export type Side = 'target' | 'source';
export type AnnotationStatus = 'open' | 'fixed' | 'dismissed';

/** Who made an annotation: a person, or an automatic check (named). */
export type Origin = { readonly kind: 'person' } | { readonly kind: 'check'; readonly check: string };

/**
 * A flagged span. `start`/`end` are UTF-16 offsets into the paragraph's text on `side` (the machine translation
 * for the target side). `start === end` marks an omission point.
 */
export interface Annotation {
  readonly id: string;
  readonly paragraphId: string;
  readonly side: Side;
  readonly start: number;
  readonly end: number;
  /** Category path in the active typology, parts joined by `/`: `Accuracy/Mistranslation`. */
  readonly category: string;
  readonly severity: Severity;
  readonly comment: string;
  readonly rater: string;
  readonly origin: Origin;
  readonly status: AnnotationStatus;
  /** ISO 8601 time of creation. */
  readonly created: string;
}

/** Facts about an opened article, shown in the status bar. */
export interface ArticleInfo {
  readonly path: string;
  readonly name: string;
  readonly format: ArticleFormat;
  readonly encoding: TextEncodingName;
  readonly bytes: number;
  readonly sourcePath?: string;
  readonly sourceName?: string;
  readonly sourceEncoding?: TextEncodingName;
}

/** The name of an encoding as a reviewer reads it in the status bar. */
export function encodingLabel(encoding: TextEncodingName): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return 'UTF-8 with BOM';
    case 'utf-16le':
      return 'UTF-16 LE';
    case 'utf-16be':
      return 'UTF-16 BE';
    case 'gb18030':
      return 'GB18030';
    case 'big5':
      return 'Big5';
  }
}
