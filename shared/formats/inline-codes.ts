/**
 * Rules every text with inline codes keeps (see InlineCode): a code is there whole or not at all, each code once,
 * and an opening code stays before its closing one with both present or both gone. The editor refuses a text that
 * breaks them, the service refuses to record such an edit, and the XLIFF writer checks them again, so a file is
 * never written with a tag cut in half. Nothing here depends on one format: Word and HTML codes follow the same rules.
 */
import { inlineCodeChar, inlineCodeIndex, type InlineCode } from '../model';

/** A run of a text: words, or one inline code (by its index in the paragraph's code list). */
export type CodedPiece =
  | { readonly kind: 'text'; readonly text: string; readonly start: number }
  | { readonly kind: 'code'; readonly index: number; readonly start: number };

/** Whether a text holds any inline code placeholder; the fast path for the many paragraphs that hold none. */
export function hasInlineCodes(text: string): boolean {
  return /[\ue000-\uf8ff]/.test(text);
}

/** Cuts a text into words and inline codes, in order; `start` is each piece's offset in the text. */
export function splitInlineCodes(text: string): CodedPiece[] {
  const pieces: CodedPiece[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const index = inlineCodeIndex(text.charCodeAt(i));
    if (index < 0) continue;
    if (i > from) pieces.push({ kind: 'text', text: text.slice(from, i), start: from });
    pieces.push({ kind: 'code', index, start: i });
    from = i + 1;
  }
  if (from < text.length || pieces.length === 0) pieces.push({ kind: 'text', text: text.slice(from), start: from });
  return pieces;
}

/** The indices of the codes of `codes` that `text` does not hold, in list order (the editor offers to insert them). */
export function missingInlineCodes(text: string, codes: readonly InlineCode[] | undefined): number[] {
  const out: number[] = [];
  (codes ?? []).forEach((_, index) => {
    if (!text.includes(inlineCodeChar(index))) out.push(index);
  });
  return out;
}

/** How a code is named to a reviewer and a screen reader: "inline code <1>". */
export function inlineCodeName(code: InlineCode | undefined): string {
  return code ? `inline code ${code.label}` : 'inline code';
}

/** What is wrong with the codes of `text`, in words, or undefined when they are intact. */
export function inlineCodeProblem(text: string, codes: readonly InlineCode[] | undefined): string | undefined {
  const list = codes ?? [];
  const seen = new Set<number>();
  const open = new Set<number>();
  const partners = partnersOf(list);
  for (let i = 0; i < text.length; i++) {
    const index = inlineCodeIndex(text.charCodeAt(i));
    if (index < 0) continue;
    const code = list[index];
    if (!code) return `the text holds a tag (placeholder ${index + 1}) that belongs to no tag of this paragraph`;
    if (seen.has(index)) return `the tag ${code.label} appears twice`;
    seen.add(index);
    if (code.kind === 'open') open.add(index);
    if (code.kind === 'close') {
      const match = partners[index];
      if (match !== undefined && !open.has(match)) {
        return text.indexOf(inlineCodeChar(match)) > i
          ? `the tag ${code.label} now comes before ${list[match]!.label}`
          : `the tag ${list[match]!.label} was removed but ${code.label} was kept`;
      }
    }
  }
  for (let index = 0; index < list.length; index++) {
    const code = list[index]!;
    if (code.kind !== 'open' || !seen.has(index)) continue;
    const close = partners[index];
    if (close !== undefined && !seen.has(close)) return `the tag ${list[close]!.label} was removed but ${code.label} was kept`;
  }
  return undefined;
}

/**
 * Each code's partner (an opening code's closing one and back), worked out once per code list: the editor checks
 * the text on every keystroke, and pairing afresh each time would cost the square of the codes per closing code.
 */
const partnerCache = new WeakMap<readonly InlineCode[], readonly (number | undefined)[]>();

function partnersOf(codes: readonly InlineCode[]): readonly (number | undefined)[] {
  const cached = partnerCache.get(codes);
  if (cached) return cached;
  const partners: (number | undefined)[] = new Array<number | undefined>(codes.length).fill(undefined);
  codes.forEach((code, index) => {
    if (code.kind !== 'open') return;
    const close = pairedClose(codes, index);
    // A closing code pairs with the nearest opening code before it that claims it, as pairedOpen finds it.
    if (close !== undefined) {
      partners[index] = close;
      if (partners[close] === undefined || partners[close]! < index) partners[close] = index;
    }
  });
  partnerCache.set(codes, partners);
  return partners;
}

/** The closing code that pairs with the opening code at `index` (same id, or the next close at the same depth). */
export function pairedClose(codes: readonly InlineCode[], index: number): number | undefined {
  const open = codes[index];
  if (!open || open.kind !== 'open') return undefined;
  let depth = 0;
  for (let i = index + 1; i < codes.length; i++) {
    const c = codes[i]!;
    if (open.id !== undefined) {
      if (c.kind === 'close' && c.id === open.id) return i;
      continue;
    }
    if (c.kind === 'open') depth++;
    else if (c.kind === 'close') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** The opening code that pairs with the closing code at `index`. */
export function pairedOpen(codes: readonly InlineCode[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) {
    if (codes[i]!.kind === 'open' && pairedClose(codes, i) === index) return i;
  }
  return undefined;
}
