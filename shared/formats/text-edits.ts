/**
 * Replacing spans of a long text (a page, an XLIFF file) by other text: the result is made once from the pieces in
 * order, since cutting each edit into the whole text again is quadratic (seconds for thousands of edits).
 */

/** The text between `start` and `end` (offsets in the original) replaced by `text`; `start === end` inserts. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The original with every edit made; edits must not overlap. Two at one place are made in the order given. */
export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    out.push(original.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(original.slice(at));
  return out.join('');
}
