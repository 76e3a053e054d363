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
import type { CheckParagraph, Finding } from './finding';

/** Capitalised words that start sentences rather than names: left off the front of a phrase. */
const LEADING = new Set([
  'the',
  'a',
  'an',
  'after',
  'in',
  'on',
  'at',
  'but',
  'and',
  'according',
  'when',
  'while',
  'as',
  'for',
  'with',
  'by',
  'from',
  'to',
  'of',
  'it',
  'he',
  'she',
  'they',
  'we',
  'if',
  'since',
  'although',
  'this',
  'that',
  'these',
  'those',
  'speaking',
  'under',
  'during',
  'before',
  'last',
  'next',
  'every',
  'each',
  'both',
  'its',
  'his',
  'her',
  'their',
  'our',
  'there',
  'here',
  'meanwhile',
  'however',
  'yet',
  'so',
  'then',
  'now',
  'today',
  'asked',
  'unlike',
  'like',
  'despite',
]);
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

/** What may stand between two capitalised words of one name. */
const JOIN_GAP = /^ (?:(?:and|of|the|for|de|on) )?$/;
/** A generic head after a name, read in place (sticky) instead of from a copy of what follows the name. */
const HEAD_AFTER = / (initiative|programme|program|project|plan|scheme|strategy|campaign)\b/y;

/** The first letter of a capitalised word (or a capital inside a word, which the caller sets aside). */
const CAPITAL = /[A-Z]/g;

/**
 * The capitalised words of the paragraph being read, as parallel lists reused from one call to the next: a
 * paragraph has a dozen of them, and an object each was much of the garbage a long article's check left behind.
 */
const capStarts: number[] = [];
const capEnds: number[] = [];
const capWords: string[] = [];

/**
 * The capitalised phrases of a paragraph, with the key their variants share. Works from the capitalised words
 * alone (found by a native scan for capitals), which keeps it cheap on long articles.
 */
export function phrasesOf(text: string): Phrase[] {
  const out: Phrase[] = [];
  let count = 0;
  const n = text.length;
  // A capitalised word is a capital and the letters, apostrophes and hyphens after it ([A-Z][A-Za-z’'-]*), as
  // long as no letter comes before it: a capital inside a word ("McDonald", "iPhone") is not the start of one.
  CAPITAL.lastIndex = 0;
  while (CAPITAL.test(text)) {
    const at = CAPITAL.lastIndex - 1;
    let end = at + 1;
    while (end < n && isWordTail(text.charCodeAt(end))) end += 1;
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    if (!((before >= 65 && before <= 90) || (before >= 97 && before <= 122))) {
      capStarts[count] = at;
      capEnds[count] = end;
      capWords[count] = text.slice(at, end);
      count += 1;
    }
    CAPITAL.lastIndex = end;
  }
  let i = 0;
  while (i < count) {
    if (LEADING.has(capWords[i]!.toLowerCase())) {
      i += 1;
      continue;
    }
    let last = i;
    while (last + 1 < count && joined(text, capEnds[last]!, capStarts[last + 1]!, capWords[last + 1] === capWords[i])) last += 1;
    let end = capEnds[last]!;
    if (text.charCodeAt(end) === 32) {
      HEAD_AFTER.lastIndex = end;
      if (HEAD_AFTER.test(text)) end = HEAD_AFTER.lastIndex;
    }
    const headed = end !== capEnds[last];
    // One word, with no generic head and no hyphen, makes a key of one word or none: never a phrase to compare.
    if (last === i && !headed && !capWords[i]!.includes('-')) {
      i += 1;
      continue;
    }
    // The phrase's words are its capitalised words, the function words of the gaps between them (a gap longer
    // than ", " holds one) and the generic head; all but the capitalised words are set aside in the key. A
    // possessive at the end of the last word is not part of the phrase.
    const first = capStarts[i]!;
    let surfaceEnd = end;
    let words = headed ? 1 : 0;
    let keyWords = 0;
    let key = '';
    let hyphen = false;
    for (let k = i; k <= last; k++) {
      let word = capWords[k]!;
      if (k === last && !headed && isPossessive(word)) {
        word = word.slice(0, -2);
        surfaceEnd -= 2;
      }
      words += k > i && capStarts[k]! - capEnds[k - 1]! > 2 ? 2 : 1;
      if (!hyphen && word.includes('-')) hyphen = true;
      const lower = word.toLowerCase();
      if (IGNORED_IN_KEY.has(lower) || GENERIC_HEADS.has(lower)) continue;
      keyWords += 1;
      key += QUOTE_OR_HYPHEN.test(lower) ? lower.replace(QUOTES_AND_HYPHENS, '') : lower;
    }
    if (key.length >= 4 && (keyWords >= 2 || hyphen || words !== keyWords)) {
      out.push({ key, surface: text.slice(first, surfaceEnd), start: first, end: surfaceEnd, nameLike: words === keyWords });
    }
    i = last + 1;
  }
  return out;
}

const QUOTE_OR_HYPHEN = /[-’']/;
const QUOTES_AND_HYPHENS = /[-’']/g;

/** Whether a word ends in a possessive ’s or 's. */
function isPossessive(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 115) return false;
  const mark = word.charCodeAt(n - 2);
  return mark === 0x2019 || mark === 39;
}

/** A letter, apostrophe or hyphen: what may follow the capital of a capitalised word. */
function isWordTail(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 45 || code === 0x2019;
}

/**
 * Whether the gap between two capitalised words joins them into one name: a space, a space with a function word
 * ("Belt and Road"), or a comma between parts that begin alike ("One Belt, One Road"). Only gaps of the lengths
 * these have are copied out and matched.
 */
function joined(text: string, from: number, to: number, sameWord: boolean): boolean {
  const length = to - from;
  if (length === 1) return text.charCodeAt(from) === 32;
  if (length === 2) return sameWord && text.charCodeAt(from) === 44 && text.charCodeAt(from + 1) === 32;
  return (length === 4 || length === 5) && JOIN_GAP.test(text.slice(from, to));
}

/**
 * Where one writing occurs: paragraph positions in article order, with each one's id and offset. A name on every
 * page of a long article occurs in tens of thousands of paragraphs, and re-checking one of them takes its place out
 * and puts it back: in one sorted list that is a search and a shift of the whole list, a millisecond or more per
 * paragraph when a Replace all re-checks 25,000 of them. Here the list is cut into blocks of at most `BLOCK`
 * entries (plain number and string lists, not an object each), so a place is found by two binary searches and
 * only one block shifts.
 */
class Occurrences {
  /** Blocks in article order, none empty; each holds parallel lists of positions, ids and offsets. */
  private readonly blocks: { indices: number[]; ids: string[]; starts: number[] }[] = [];
  private count = 0;

  /** `key` and `surface` name the group and the writing these are occurrences of. */
  constructor(
    readonly key: string,
    readonly surface: string,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The position, id and offset of the first occurrence in article order (the list is never empty when asked). */
  first(): { readonly index: number; readonly id: string; readonly start: number } {
    const b = this.blocks[0]!;
    return { index: b.indices[0]!, id: b.ids[0]!, start: b.starts[0]! };
  }

  /** The positions of the first `n` occurrences, in article order. */
  firstIndices(n: number): number[] {
    const out: number[] = [];
    for (const b of this.blocks) {
      for (const i of b.indices) {
        if (out.length === n) return out;
        out.push(i);
      }
    }
    return out;
  }

  /** Puts an occurrence in at its place; false when the paragraph has one already (its first place counts). */
  add(index: number, id: string, start: number): boolean {
    const blocks = this.blocks;
    let b = blocks.at(-1);
    // Appended during a full run, which goes in article order; inserted in place after an edit.
    if (!b || b.indices.at(-1)! < index) {
      if (!b || b.indices.length >= BLOCK) blocks.push((b = { indices: [], ids: [], starts: [] }));
      b.indices.push(index);
      b.ids.push(id);
      b.starts.push(start);
      this.count += 1;
      return true;
    }
    const k = this.blockOf(index);
    b = blocks[k]!;
    const at = lowerBound(b.indices, index);
    if (b.indices[at] === index) return false;
    b.indices.splice(at, 0, index);
    b.ids.splice(at, 0, id);
    b.starts.splice(at, 0, start);
    this.count += 1;
    if (b.indices.length > 2 * BLOCK) {
      // Split a block grown by insertions, so none shifts more than 2 * BLOCK entries.
      blocks.splice(k + 1, 0, { indices: b.indices.splice(BLOCK), ids: b.ids.splice(BLOCK), starts: b.starts.splice(BLOCK) });
    }
    return true;
  }

  /** Takes out the occurrence in paragraph `index`, if there is one. */
  remove(index: number): void {
    if (this.blocks.length === 0) return;
    const k = this.blockOf(index);
    const b = this.blocks[k]!;
    const at = lowerBound(b.indices, index);
    if (b.indices[at] !== index) return;
    b.indices.splice(at, 1);
    b.ids.splice(at, 1);
    b.starts.splice(at, 1);
    this.count -= 1;
    if (b.indices.length === 0) this.blocks.splice(k, 1);
  }

  /** The block that holds `index` or where it would go: the first whose last position is not below it (or the last). */
  private blockOf(index: number): number {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.indices.at(-1)! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Entries of a block of `Occurrences`: a shift of a few hundred is a microsecond's work, and a list of thousands few blocks. */
const BLOCK = 256;

/** The first place in a sorted list holding a value not below `value`. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Paragraph numbers listed in a message before "and N more": a name used on every page would make it a page. */
const LISTED = 4;

/**
 * Variant groups of an article, kept current paragraph by paragraph. Occurrences are plain number and string
 * lists, not an object each: a name on every page of a 100,000-paragraph article is one list, not 100,000 objects.
 * A paragraph is known by its position in the article (ids are unique there): what a position held is kept in a
 * list by position, which costs far less to fill and read than a map keyed by id.
 */
export class ConsistencyIndex {
  /**
   * The writings each position holds, as their lists of occurrences: a paragraph's phrases, with strings of their
   * own, are garbage once read, instead of being kept for every paragraph of a long article.
   */
  private readonly byPosition: (readonly Occurrences[] | undefined)[] = [];
  /** key → surface → occurrences. */
  private readonly groups = new Map<string, Map<string, Occurrences>>();
  private readonly nameLike = new Map<string, boolean>();

  /**
   * Puts the paragraph at position `index` in (replacing what that position held before) and returns the keys whose
   * groups changed.
   */
  set(paragraph: CheckParagraph, index: number): Set<string> {
    const touched = new Set<string>();
    this.remove(index, touched);
    const phrases = phrasesOf(paragraph.text);
    if (phrases.length === 0) return touched;
    // Exactly as long as the writings it holds: a list grown by push keeps room for a dozen more, and one is kept
    // for nearly every paragraph of an article.
    const held = new Array<Occurrences>(phrases.length);
    let count = 0;
    for (const ph of phrases) {
      touched.add(ph.key);
      let group = this.groups.get(ph.key);
      if (!group) this.groups.set(ph.key, (group = new Map()));
      let o = group.get(ph.surface);
      if (!o) group.set(ph.surface, (o = new Occurrences(ph.key, ph.surface)));
      // The writing twice in one paragraph: its first place counts.
      if (!o.add(index, paragraph.id, ph.start)) continue;
      held[count++] = o;
      const wasNameLike = this.nameLike.get(ph.key);
      if (wasNameLike !== false && wasNameLike !== ph.nameLike) this.nameLike.set(ph.key, (wasNameLike ?? true) && ph.nameLike);
    }
    this.byPosition[index] = count === held.length ? held : held.slice(0, count);
    return touched;
  }

  private remove(index: number, touched: Set<string>): void {
    const old = this.byPosition[index];
    if (!old) return;
    this.byPosition[index] = undefined;
    for (const o of old) {
      touched.add(o.key);
      const group = this.groups.get(o.key)!;
      o.remove(index);
      if (o.size === 0) group.delete(o.surface);
      if (group.size === 0) {
        this.groups.delete(o.key);
        this.nameLike.delete(o.key);
      }
    }
  }

  /** Every key (most have one writing and no findings). */
  keys(): IterableIterator<string> {
    return this.groups.keys();
  }

  /**
   * The findings of one group: one per writing, when there is more than one. `positions`, when given, receives the
   * position in the article of each finding's paragraph, in the same order.
   */
  findings(key: string, positions?: number[]): Finding[] {
    const group = this.groups.get(key);
    if (!group || group.size < 2) return [];
    const writings = [...group.entries()].map(([surface, o]) => ({ surface, o, where: whereIn(o) }));
    const category = (this.nameLike.get(key) ?? true) ? 'Style/Inconsistent style' : 'Terminology/Inconsistent use of terminology';
    return writings.map((w) => {
      const others = writings
        .filter((x) => x !== w)
        .map((x) => `“${x.surface}” (${x.where})`)
        .join(', ');
      const { index, id, start } = w.o.first();
      positions?.push(index);
      return {
        check: 'consistency',
        paragraphId: id,
        start,
        end: start + w.surface.length,
        text: w.surface,
        category,
        severity: 'minor',
        message: `“${w.surface}” (${w.where}) is also written ${others}.`,
      } satisfies Finding;
    });
  }
}

/** Where a writing appears, in words: "¶5, ¶14" or "¶2, ¶3, ¶7, ¶9 and 212 more". */
function whereIn(o: Occurrences): string {
  const listed = o
    .firstIndices(LISTED)
    .map((i) => `¶${i + 1}`)
    .join(', ');
  const more = o.size - Math.min(LISTED, o.size);
  return more > 0 ? `${listed} and ${more} more` : listed;
}

/** Inconsistent writings across an article. */
export function checkConsistency(paragraphs: readonly CheckParagraph[]): Finding[] {
  const index = new ConsistencyIndex();
  paragraphs.forEach((p, i) => index.set(p, i));
  return [...index.keys()].flatMap((k) => index.findings(k));
}
