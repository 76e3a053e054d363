/**
 * Inconsistency without a glossary: one name or term written in different ways across the article — "Lin Yawen"
 * and "Lin Ya-wen", "Belt and Road Initiative", "One Belt, One Road" and "Belt and Road programme". Every variant
 * is reported once, at its first occurrence, with the paragraphs where each writing appears, so the reviewer
 * picks the one to keep.
 *
 * Variants are found among capitalised phrases (names, organisations, programmes): two writings are variants when
 * they spell the same words once case, hyphens, spaces, possessives, function words ("and", "of", "One") and
 * generic heads ("Initiative", "programme") are set aside. Lower-case prose is not compared: its words vary on
 * purpose.
 *
 * The index is incremental, so that an edit of one paragraph recomputes only the groups whose phrases it holds.
 */
import { finding, type CheckParagraph, type Finding } from './finding';

/** Capitalised words that start sentences rather than names: left off the front of a phrase. */
const LEADING = new Set([
  'the', 'a', 'an', 'after', 'in', 'on', 'at', 'but', 'and', 'according', 'when', 'while', 'as', 'for', 'with', 'by',
  'from', 'to', 'of', 'it', 'he', 'she', 'they', 'we', 'if', 'since', 'although', 'this', 'that', 'these', 'those',
  'speaking', 'under', 'during', 'before', 'last', 'next', 'every', 'each', 'both', 'its', 'his', 'her', 'their', 'our',
  'there', 'here', 'meanwhile', 'however', 'yet', 'so', 'then', 'now', 'today', 'asked', 'unlike', 'like', 'despite',
]);
/** Words joining the parts of a name ("Bank of China", "Belt and Road"). */
const JOINERS = new Set(['and', 'of', 'the', 'for', 'de', 'on']);
/** Set aside when comparing writings: they vary between renderings of one name. */
const IGNORED_IN_KEY = new Set(['and', 'of', 'the', 'for', 'de', 'on', 'one', 'a']);
/** Generic heads that translations add or vary after a name ("Belt and Road Initiative/programme"). */
const GENERIC_HEADS = new Set(['initiative', 'programme', 'program', 'project', 'plan', 'scheme', 'strategy', 'campaign']);

export interface Phrase {
  readonly key: string;
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** Words differ only in hyphens and spaces: a spelling of a name, not a choice of term. */
  readonly nameLike: boolean;
}

const CAP_WORD = /^[A-Z][A-Za-z’'-]*$/;

/** The capitalised phrases of a paragraph, with the key their variants share. */
export function phrasesOf(text: string): Phrase[] {
  const out: Phrase[] = [];
  const words = [...text.matchAll(/[A-Za-z][A-Za-z’'-]*|[,]/g)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
  let i = 0;
  while (i < words.length) {
    if (!CAP_WORD.test(words[i]!.w) || LEADING.has(words[i]!.w.toLowerCase())) {
      i += 1;
      continue;
    }
    let j = i + 1;
    let last = i;
    while (j < words.length) {
      const w = words[j]!;
      const gap = text.slice(words[j - 1]!.end, w.start);
      if (gap !== ' ' && !(w.w === ',' && gap === '')) break;
      if (CAP_WORD.test(w.w)) last = j;
      else if (JOINERS.has(w.w) && words[j + 1] && CAP_WORD.test(words[j + 1]!.w)) {
        // a joiner counts only between capitalised words
      } else if (w.w === ',' && words[j + 1] && words[j + 1]!.w === words[i]!.w) {
        // "One Belt, One Road": a comma between parts that begin alike
      } else break;
      j += 1;
    }
    let end = last;
    // A generic head in lower case after the name: "Belt and Road programme".
    const after = words[last + 1];
    if (after && GENERIC_HEADS.has(after.w) && text.slice(words[last]!.end, after.start) === ' ') end = last + 1;
    const parts = words.slice(i, end + 1);
    const surface = text.slice(parts[0]!.start, parts.at(-1)!.end).replace(/(?:’s|'s)$/, '');
    const content = parts.filter((p) => p.w !== ',').map((p) => p.w.toLowerCase().replace(/(?:’s|'s)$/, ''));
    const keyWords = content.filter((w) => !IGNORED_IN_KEY.has(w) && !GENERIC_HEADS.has(w));
    const key = keyWords.join('').replace(/[-’']/g, '');
    if (key.length >= 4 && (keyWords.length >= 2 || /-/.test(surface) || content.length !== keyWords.length)) {
      out.push({ key, surface, start: parts[0]!.start, end: parts[0]!.start + surface.length, nameLike: content.length === keyWords.length });
    }
    i = end + 1;
  }
  return out;
}

interface Occurrence {
  readonly index: number;
  readonly paragraph: CheckParagraph;
  readonly start: number;
  readonly end: number;
}

/** Variant groups of an article, kept current paragraph by paragraph. */
export class ConsistencyIndex {
  private readonly byParagraph = new Map<string, readonly Phrase[]>();
  /** key → surface → occurrences in article order of insertion. */
  private readonly groups = new Map<string, Map<string, Occurrence[]>>();
  private readonly nameLike = new Map<string, boolean>();

  /**
   * Puts a paragraph's phrases in (replacing what it held before) and returns the keys whose groups changed.
   * `index` is the paragraph's position in the article.
   */
  set(paragraph: CheckParagraph, index: number): Set<string> {
    const touched = new Set<string>();
    this.remove(paragraph.id, touched);
    const phrases = phrasesOf(paragraph.text);
    if (phrases.length > 0) this.byParagraph.set(paragraph.id, phrases);
    for (const ph of phrases) {
      touched.add(ph.key);
      let group = this.groups.get(ph.key);
      if (!group) this.groups.set(ph.key, (group = new Map()));
      let list = group.get(ph.surface);
      if (!list) group.set(ph.surface, (list = []));
      list.push({ index, paragraph, start: ph.start, end: ph.end });
      if (list.length > 1 && list.at(-2)!.index > index) list.sort((a, b) => a.index - b.index || a.start - b.start);
      this.nameLike.set(ph.key, (this.nameLike.get(ph.key) ?? true) && ph.nameLike);
    }
    return touched;
  }

  private remove(paragraphId: string, touched: Set<string>): void {
    const old = this.byParagraph.get(paragraphId);
    if (!old) return;
    this.byParagraph.delete(paragraphId);
    for (const ph of old) {
      touched.add(ph.key);
      const group = this.groups.get(ph.key);
      const list = group?.get(ph.surface);
      if (!group || !list) continue;
      const kept = list.filter((o) => o.paragraph.id !== paragraphId);
      if (kept.length > 0) group.set(ph.surface, kept);
      else group.delete(ph.surface);
      if (group.size === 0) {
        this.groups.delete(ph.key);
        this.nameLike.delete(ph.key);
      }
    }
  }

  /** Every key with more than one writing. */
  keys(): IterableIterator<string> {
    return this.groups.keys();
  }

  /** The findings of one group: one per writing, when there is more than one. */
  findings(key: string): Finding[] {
    const group = this.groups.get(key);
    if (!group || group.size < 2) return [];
    const writings = [...group.entries()];
    const numbers = (list: readonly Occurrence[]) => [...new Set(list.map((o) => o.index + 1))].map((n) => `¶${n}`).join(', ');
    const nameLike = this.nameLike.get(key) ?? false;
    return writings.map(([surface, list]) => {
      const first = list[0]!;
      const others = writings.filter(([s]) => s !== surface).map(([s, l]) => `“${s}” (${numbers(l)})`).join(', ');
      return finding(
        'consistency',
        first.paragraph,
        first.start,
        first.end,
        nameLike ? 'Style/Inconsistent style' : 'Terminology/Inconsistent use of terminology',
        'minor',
        `“${surface}” (${numbers(list)}) is also written ${others}.`,
      );
    });
  }
}

/** Inconsistent writings across an article. */
export function checkConsistency(paragraphs: readonly CheckParagraph[]): Finding[] {
  const index = new ConsistencyIndex();
  paragraphs.forEach((p, i) => index.set(p, i));
  return [...index.keys()].flatMap((k) => index.findings(k));
}
