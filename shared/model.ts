/**
 * The domain model: plain, immutable data shared by the service, the renderer and the command line.
 * Nothing here knows about files, the DOM or Electron.
 */

/** What a paragraph is in its article. Markdown gives headings, list items, quotes and code of their own kind. */
export type ParagraphKind = 'text' | 'heading' | 'list-item' | 'quote' | 'code';

/** Formats the loader reads. Later formats plug into the same loader. */
export type ArticleFormat = 'txt' | 'md';

/** Encodings the loader detects and decodes. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/**
 * One block of an article as a format parser found it: the text a reviewer reads and edits, plus what is
 * needed to write it back in the same format (a Markdown marker such as `## ` or `- `).
 */
export interface Block {
  readonly kind: ParagraphKind;
  /** Heading level (1-6) or list nesting depth (0-based); absent otherwise. */
  readonly level?: number;
  /** Markup that precedes the text in the original file, kept for export (`## `, `- `, `> `, a code fence). */
  readonly prefix?: string;
  /** Markup that follows the text in the original file (a closing code fence). */
  readonly suffix?: string;
  readonly text: string;
}

/** How a paragraph pairs with the source side when a source file was given. */
export type Alignment = 'paired' | 'target-only' | 'source-only';

/**
 * The unit shown and edited. `target` is the machine translation and never changes; drafts live in the review.
 * Ids are stable for the life of a review (`p1`, `p2`, ... in article order).
 */
export interface Paragraph {
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
