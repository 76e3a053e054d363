/**
 * A glossary applied to the translation: a forbidden variant where the required term belongs, and a source term
 * whose required translation is missing. Matching ignores case and respects word edges ("Belt and Road" is not
 * found inside "Belt and Roadside").
 */
import { finding, type CheckParagraph, type Finding } from './finding';
import type { Glossary } from './glossary';

const CATEGORY = 'Terminology/Wrong term';

function findWord(haystack: string, needle: string, start = 0): number {
  if (!needle) return -1;
  let from = start;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return -1;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const edge = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c) || /[\u4e00-\u9fff]/.test(c);
    if (edge(before) && edge(after)) return at;
    from = at + 1;
  }
}

/** Applies a glossary to one paragraph. */
export function checkTerminology(p: CheckParagraph, glossary: Glossary): Finding[] {
  if (glossary.length === 0 || !p.text) return [];
  const lower = p.text.toLowerCase();
  const out: Finding[] = [];
  for (const entry of glossary) {
    let variantFound = false;
    for (const variant of entry.forbidden) {
      const v = variant.toLowerCase();
      for (let at = findWord(lower, v); at >= 0; at = findWord(lower, v, at + v.length)) {
        variantFound = true;
        const message = entry.target ? `The glossary requires “${entry.target}”, not “${variant}”.` : `The glossary forbids “${variant}”.`;
        out.push(finding('terminology', p, at, at + v.length, CATEGORY, 'minor', message));
      }
    }
    if (variantFound || !entry.source || !entry.target || !p.source) continue;
    if (p.source.toLowerCase().includes(entry.source.toLowerCase()) && findWord(lower, entry.target.toLowerCase()) < 0) {
      const at = p.text.length;
      out.push(
        finding(
          'terminology',
          p,
          at,
          at,
          CATEGORY,
          'minor',
          `The glossary renders ${entry.source} as “${entry.target}”, which is not in this paragraph.`,
        ),
      );
    }
  }
  return out;
}
