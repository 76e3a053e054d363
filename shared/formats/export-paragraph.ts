/**
 * A paragraph as the writers of structured formats (Word, HTML) take it for export: where it sits in the original
 * file, its shape and inline codes, and the two texts the export writes or compares (the machine translation and
 * the chosen version).
 */
import type { InlineCode, Paragraph, ParagraphKind } from '../model';

export interface ExportParagraph {
  /** Where the paragraph sits in the original file (a Word paragraph's ordinal, `start:end` offsets in a page). */
  readonly ref?: string;
  readonly kind: ParagraphKind;
  readonly level?: number;
  readonly codes?: readonly InlineCode[];
  /** The machine translation and the version's text. */
  readonly original: string;
  readonly corrected: string;
}

/** A review paragraph with the text of the version being exported. */
export function exportParagraph(p: Paragraph, corrected: string): ExportParagraph {
  return {
    ...(p.ref !== undefined ? { ref: p.ref } : {}),
    kind: p.kind,
    ...(p.level !== undefined ? { level: p.level } : {}),
    ...(p.codes ? { codes: p.codes } : {}),
    original: p.target,
    corrected,
  };
}
