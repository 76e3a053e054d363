/**
 * Sentences that machine translation breaks: two sentences fused mid-phrase ("…a regional The digital trade
 * framework…", "…a surface on the original lamps were restored…"), a sentence cut off after its full stop
 * ("The bridge. will reopen"), a sentence with no verb at all, and a doubled word ("the the").
 *
 * Every rule is tuned for precision: a reviewer who is shown a false alarm twice stops reading suggestions. Where
 * a pattern has a common correct use (a title after "in": "in The Times"; reported speech without "that"), the
 * rule leaves it out and misses some errors rather than raising noise. Headings and title-like paragraphs (no
 * closing full stop) are never checked for verbs.
 */
import { finding, isMostlyHan, type CheckParagraph, type Finding } from './finding';

const CATEGORY_FUSED = 'Linguistic conventions/Unintelligible';
const CATEGORY_GRAMMAR = 'Linguistic conventions/Grammar';

/** Capitalised words that begin a sentence and rarely begin a name: seen mid-sentence, a sentence starts there. */
const SENTENCE_OPENERS = new Set([
  'The',
  'This',
  'These',
  'Those',
  'It',
  'He',
  'She',
  'They',
  'We',
  'Its',
  'His',
  'Her',
  'Their',
  'Our',
  'There',
]);

/** Words after which a title or a quoted name may follow with a capital ("in The Times", "a film called It"). */
const BEFORE_TITLES = new Set([
  'in',
  'on',
  'at',
  'of',
  'to',
  'by',
  'from',
  'with',
  'for',
  'about',
  'into',
  'as',
  'like',
  'see',
  'than',
  'called',
  'named',
  'titled',
  'entitled',
  'read',
  'reads',
  'said',
  'says',
  'told',
  'wrote',
  'and',
  'or',
  'the',
  'a',
  'an',
]);

const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'isn’t',
  "isn't",
  'won’t',
  "won't",
  'can’t',
  "can't",
]);

/** Common verbs whose past tense does not end in -ed, and base forms common in news prose. */
const IRREGULAR_VERBS = new Set([
  'said',
  'made',
  'took',
  'gave',
  'built',
  'began',
  'begun',
  'became',
  'came',
  'went',
  'got',
  'put',
  'set',
  'laid',
  'held',
  'kept',
  'left',
  'led',
  'met',
  'paid',
  'ran',
  'saw',
  'sent',
  'spent',
  'stood',
  'told',
  'thought',
  'brought',
  'bought',
  'sold',
  'won',
  'lost',
  'found',
  'felt',
  'knew',
  'grew',
  'drew',
  'wrote',
  'fell',
  'rose',
  'hit',
  'cut',
  'let',
  'say',
  'make',
  'take',
  'give',
  'go',
  'come',
  'get',
  'see',
  'know',
  'think',
  'want',
  'need',
  'open',
  'close',
  'remain',
  'seem',
  'become',
  'include',
  'run',
  'stand',
  'expect',
  'hope',
  'plan',
  'keep',
  'show',
  'add',
  'cost',
]);

/** Verbs of saying and thinking: "said the lamps were restored" is reported speech, not a fused sentence. */
const REPORTING = new Set([
  'said',
  'told',
  'added',
  'noted',
  'stated',
  'announced',
  'reported',
  'believed',
  'thought',
  'knew',
  'found',
  'showed',
  'claimed',
  'argued',
  'explained',
  'confirmed',
  'estimated',
  'expected',
  'hoped',
  'revealed',
  'warned',
  'insisted',
  'suggested',
  'predicted',
  'feared',
  'assumed',
  'agreed',
  'decided',
  'learned',
  'realised',
  'realized',
  'felt',
  'recalled',
  'ensured',
  'proved',
  'proposed',
  'recommended',
  'understood',
  'guessed',
  'admitted',
  'denied',
  'promised',
  'indicated',
]);

const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'all', 'some', 'new', 'two', 'three', 'several']);
const PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'of',
  'to',
  'for',
  'with',
  'from',
  'by',
  'into',
  'onto',
  'under',
  'over',
  'across',
  'along',
  'near',
  'beside',
]);
/** Words that open a clause of their own: a second verb after them is expected. */
const CLAUSE_WORDS = new Set([
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'while',
  'because',
  'if',
  'as',
  'than',
  'what',
  'whether',
  'although',
  'though',
  'since',
  'until',
  'after',
  'before',
  'so',
  'once',
  'unless',
  'how',
  'why',
]);
const BE_FORMS = new Set(['was', 'were', 'is', 'are']);

/** Doubled words that are correct English ("that that", "had had"). */
const DOUBLES_ALLOWED = new Set(['that', 'had', 'is', 'do', 'bye', 'no', 'very', 'far', 'so']);

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:e\.g|i\.e|etc|vs|approx|a\.m|p\.m|No|St|Mr|Mrs|Ms|Dr|Prof|Jr|Sr|Co|Inc|Ltd|Corp|Gen|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|cf|al|ca|Fig)|\b[A-Za-z])\.$/;

interface Token {
  readonly word: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[A-Za-z][A-Za-z’'-]*/g;

function tokens(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index + m[0].length <= to; m = WORD.exec(text)) {
    out.push({ word: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Words after which a word ending in -s is a plural noun ("the engineers"), not a verb. */
const BEFORE_NOUNS = new Set([
  ...DETERMINERS,
  'these',
  'those',
  'many',
  'of',
  'for',
  'and',
  'or',
  'my',
  'your',
  'four',
  'five',
  'other',
  'most',
  'few',
]);

function looksLikeVerb(t: Token, prev: Token | undefined): boolean {
  const w = t.lower;
  if (AUXILIARIES.has(w) || IRREGULAR_VERBS.has(w)) return true;
  if (w.length >= 4 && w.endsWith('ed')) return true;
  // A word ending in -s may be a verb ("the bridge opens"); taken as one unless a determiner makes it a noun.
  if (w.length >= 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('’s') && !w.endsWith("'s"))
    return !(prev && BEFORE_NOUNS.has(prev.lower));
  return false;
}

function isPastParticiple(w: string): boolean {
  return (w.length >= 4 && (w.endsWith('ed') || w.endsWith('en'))) || IRREGULAR_VERBS.has(w);
}

/** Where a sentence may end: . ! ? (and a closing quote or bracket) before white space or the paragraph's end. */
const SENTENCE_END = /[.!?]["”’)]*(?=\s|$)/g;

/** Sentence spans of a paragraph: cut after . ! ? (and a closing quote or bracket) followed by a space. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const re = SENTENCE_END;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
    out.push({ start, end });
    start = end;
    while (start < text.length && text[start] === ' ') start += 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** A lower-case word, a sentence opener, a lower-case word, with only spaces between: "regional The digital". */
const FUSED = new RegExp(String.raw`(?<![A-Za-z’'-])([a-z][A-Za-z’'-]*) (${[...SENTENCE_OPENERS].join('|')}) (?=[a-z])`, 'g');
/**
 * What every match of {@link FUSED} contains, without the look-behind that makes FUSED slow to run: a paragraph
 * without it (nearly all) is settled by one quick scan.
 */
const FUSED_HINT = new RegExp(String.raw`[A-Za-z’'-] (?:${[...SENTENCE_OPENERS].join('|')}) [a-z]`);
const DOUBLED = /(?<![A-Za-z’'-])([A-Za-z]+) \1(?![A-Za-z’'-])/gi;
/** Verbs that most sentences show: a sentence that has one needs no closer look for a missing verb. */
const PLAIN_VERB = new RegExp(String.raw`\b(?:${[...AUXILIARIES, ...IRREGULAR_VERBS].join('|')}|[A-Za-z]{2,}ed)\b`, 'i');
const BE_THEN_WORD = /\b(?:was|were|is|are) [a-z]/;

/** Runs the sentence checks on one paragraph. */
export function checkSentences(p: CheckParagraph): Finding[] {
  const text = p.text;
  if (text.length === 0 || isMostlyHan(text)) return [];
  const out: Finding[] = [];

  if (FUSED_HINT.test(text))
    for (const m of text.matchAll(FUSED)) {
      if (BEFORE_TITLES.has(m[1]!.toLowerCase())) continue;
      const end = m.index + m[1]!.length + 1 + m[2]!.length;
      out.push(
        finding(
          'sentences',
          p,
          m.index,
          end,
          CATEGORY_FUSED,
          'major',
          `Two sentences seem to run together at “${m[2]}”: a full stop or words are missing.`,
        ),
      );
    }
  if (mayHaveDoubledWord(text)) {
    for (const m of text.matchAll(DOUBLED)) {
      if (DOUBLES_ALLOWED.has(m[1]!.toLowerCase())) continue;
      out.push(finding('sentences', p, m.index, m.index + m[0].length, CATEGORY_GRAMMAR, 'minor', `“${m[1]}” is written twice.`));
    }
  }
  // A full stop, a space and a lower-case letter (what /\. [a-z]/g finds): the full stops and spaces are found by
  // indexOf, which costs less than running a pattern over every paragraph, and the letter after is looked at.
  for (let at = text.indexOf('. '); at >= 0; at = text.indexOf('. ', at + 1)) {
    const next = text.charCodeAt(at + 2);
    if (!(next >= 97 && next <= 122)) continue;
    const index = at;
    // The next search starts after this match, as the pattern's would.
    at += 2;
    const before = /[a-z]{2,}$/.exec(text.slice(Math.max(0, index - 20), index));
    if (!before || ABBREVIATIONS.test(text.slice(Math.max(0, index - 8), index + 1))) continue;
    const after = /^[a-z]+/.exec(text.slice(index + 2, index + 40))!;
    if (after[0].length < 2) continue;
    const start = index - before[0].length;
    out.push(
      finding(
        'sentences',
        p,
        start,
        index + 2 + after[0].length,
        CATEGORY_FUSED,
        'major',
        'A sentence continues in lower case after a full stop: it was cut in two.',
      ),
    );
  }

  const headingLike = p.kind === 'heading' || !endsLikeSentence(text);
  // A sentence starts after white space or a closing mark and ends before white space or the paragraph's end, so
  // it matches \b(?:was|were|is|are) [a-z] by itself just where it does within the paragraph: one look at the
  // paragraph settles most of them.
  const beThenWord = BE_THEN_WORD.test(text);
  if (headingLike && !beThenWord) return out;
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    if (beThenWord && BE_THEN_WORD.test(sentence)) out.push(...secondVerb(p, tokens(text, s.start, s.end)));
    if (headingLike || PLAIN_VERB.test(sentence)) continue;
    // Quotations, labels ("Opening hours: …") and short sentences may lack a verb on purpose.
    if (/[“”"‘:;]/.test(sentence) || /^[\d(•*–-]/.test(sentence)) continue;
    if (!/[.]["”’)]*$/.test(sentence.trimEnd())) continue;
    const words = tokens(text, s.start, s.end);
    if (words.length < 5) continue;
    if (words.some((t, k) => looksLikeVerb(t, words[k - 1]))) continue;
    out.push(finding('sentences', p, s.start, s.end, CATEGORY_GRAMMAR, 'major', 'This sentence has no verb: part of it may be missing.'));
  }
  return out;
}

/**
 * Whether a paragraph ends as a sentence does, as /[.!?]["”’)]*\s*$/ tells: read back from the end over white
 * space and closing marks instead of trying the pattern at every place in the paragraph.
 */
function endsLikeSentence(text: string): boolean {
  let i = text.trimEnd().length;
  while (i > 0 && isClosingMark(text.charCodeAt(i - 1))) i -= 1;
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  return c === 46 || c === 33 || c === 63;
}

/** " ” ’ ) */
function isClosingMark(code: number): boolean {
  return code === 34 || code === 0x201d || code === 0x2019 || code === 41;
}

/**
 * Whether a text may hold a match of {@link DOUBLED}: a run of ASCII letters, a space, and the same letters (in
 * either case) not followed by another letter. Every match has this shape, so a text without it needs no run of
 * DOUBLED, whose back-reference and look-behind are tried at every word; most paragraphs are settled here.
 */
function mayHaveDoubledWord(text: string): boolean {
  const n = text.length;
  for (let space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) {
    let start = space;
    while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start -= 1;
    const length = space - start;
    if (length === 0 || space + length >= n) continue;
    let k = 0;
    // `| 32` lower-cases an ASCII letter; the left side is known to be one, so equal codes mean the same letter.
    while (k < length && (text.charCodeAt(start + k) | 32) === (text.charCodeAt(space + 1 + k) | 32)) k += 1;
    if (k < length) continue;
    const after = space + 1 + length;
    if (after < n && isAsciiLetter(text.charCodeAt(after))) continue;
    return true;
  }
  return false;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 32;
  return lower >= 97 && lower <= 122;
}

/**
 * "…laid a permeable surface on the original lamps were restored…": an action verb with its object, a
 * preposition, and then a second finite verb for which the preposition's object cannot be the subject.
 */
function secondVerb(p: CheckParagraph, words: readonly Token[]): Finding[] {
  const out: Finding[] = [];
  let action = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.lower;
    if (CLAUSE_WORDS.has(w)) {
      // After a relative or subordinate clause opens, two verbs are expected: the rest of the sentence is left alone.
      if (w !== 'and' && w !== 'or') return out;
      continue;
    }
    const next = words[i + 1];
    const prev = words[i - 1];
    const isAction =
      (w.endsWith('ed') || IRREGULAR_VERBS.has(w)) &&
      !REPORTING.has(w) &&
      !AUXILIARIES.has(w) &&
      next !== undefined &&
      DETERMINERS.has(next.lower) &&
      !(prev && (AUXILIARIES.has(prev.lower) || BE_FORMS.has(prev.lower)));
    if (isAction) {
      action = i;
      continue;
    }
    if (action < 0 || !PREPOSITIONS.has(w)) continue;
    // The preposition's object: one to six words, then was/were/is/are and a participle.
    for (let j = i + 2; j <= Math.min(words.length - 2, i + 7); j++) {
      const between = words.slice(i + 1, j);
      if (between.some((t) => CLAUSE_WORDS.has(t.lower) || AUXILIARIES.has(t.lower) || PREPOSITIONS.has(t.lower))) break;
      const be = words[j]!;
      const participle = words[j + 1]!;
      if (BE_FORMS.has(be.lower) && isPastParticiple(participle.lower) && /^[a-z]/.test(words[i + 1]!.word)) {
        const object = words[i + 1]!;
        out.push(
          finding(
            'sentences',
            p,
            object.start,
            participle.end,
            CATEGORY_FUSED,
            'major',
            `“${be.word} ${participle.word}” has no subject of its own: two sentences seem fused here.`,
          ),
        );
        action = -1;
        break;
      }
    }
  }
  return out;
}
