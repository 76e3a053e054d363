/**
 * What an automatic check reports: a likely error in a paragraph's translation, with the span it concerns, a
 * proposed MQM-Core category and severity and a one-line reason. Checks are pure functions (paragraphs in,
 * findings out); a finding becomes a flag only when a reviewer accepts it.
 */
import type { Annotation, ParagraphKind, Severity } from '../model';

/** Every check, in the order the suggestions panel lists them. */
export const CHECK_NAMES = [
  'sentences',
  'punctuation',
  'numbers',
  'untranslated',
  'terminology',
  'consistency',
  'furniture',
  'length',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export function isCheckName(name: string): name is CheckName {
  return (CHECK_NAMES as readonly string[]).includes(name);
}

/** How each check is named to a reviewer, and what it looks for (settings and the suggestions panel). */
export const CHECK_LABELS: Readonly<Record<CheckName, { readonly label: string; readonly about: string }>> = {
  sentences: { label: 'Sentences', about: 'sentences run together or cut off, doubled words' },
  punctuation: { label: 'Punctuation', about: 'spaces around punctuation, unbalanced brackets and quotes, mixed quote styles' },
  numbers: { label: 'Numbers', about: 'numbers and dates missing or changed from the source' },
  untranslated: { label: 'Untranslated', about: 'source-language text left in the translation' },
  terminology: { label: 'Glossary', about: 'glossary terms not used, forbidden variants' },
  consistency: { label: 'Consistency', about: 'one name or term written in different ways' },
  furniture: { label: 'Page furniture', about: 'navigation, share buttons and other lines that are not the article' },
  length: { label: 'Length', about: 'translations far shorter or longer than their source suggests' },
};

/** A paragraph as checks read it. `text` is the translation; `source` the source text when there is one. */
export interface CheckParagraph {
  readonly id: string;
  readonly text: string;
  readonly source?: string;
  readonly kind?: ParagraphKind;
}

export interface Finding {
  readonly check: CheckName;
  readonly paragraphId: string;
  /** UTF-16 offsets into the paragraph's translation; `start === end` marks a point (something missing). */
  readonly start: number;
  readonly end: number;
  /** The translation's text at the span ('' for a point). */
  readonly text: string;
  /** MQM-Core category path proposed for the flag. */
  readonly category: string;
  readonly severity: Severity;
  /** One line saying why, in words a reviewer reads at a glance. */
  readonly message: string;
}

/** Builds a finding on `text.slice(start, end)` of a paragraph. */
export function finding(
  check: CheckName,
  paragraph: CheckParagraph,
  start: number,
  end: number,
  category: string,
  severity: Severity,
  message: string,
): Finding {
  return { check, paragraphId: paragraph.id, start, end, text: paragraph.text.slice(start, end), category, severity, message };
}

/** Identifies a finding across runs: the same check on the same text at the same place is the same finding. */
export function findingKey(f: {
  readonly check: string;
  readonly paragraphId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}): string {
  return `${f.check}\u0000${f.paragraphId}\u0000${f.start}\u0000${f.end}\u0000${f.text}`;
}

/** Orders findings by position in the article (paragraph order given by `indexOf`), then by span. */
export function compareFindings(indexOf: (paragraphId: string) => number) {
  return (a: Finding, b: Finding): number =>
    indexOf(a.paragraphId) - indexOf(b.paragraphId) || a.start - b.start || a.end - b.end || a.check.localeCompare(b.check);
}

/** Whether a character is a Han ideograph (CJK Unified Ideographs and Extension A). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/**
 * The text last judged by {@link isMostlyHan}, and the verdict: the checks of one paragraph ask about the same text
 * in turn, and each asking read the whole paragraph.
 */
let judgedText: string | undefined;
let judgedHan = false;

/** Whether a text is mostly Han: a Chinese (or Japanese) translation, where the English-text checks do not apply. */
export function isMostlyHan(text: string): boolean {
  if (text === judgedText) return judgedHan;
  judgedText = text;
  judgedHan = countsMostlyHan(text);
  return judgedHan;
}

function countsMostlyHan(text: string): boolean {
  if (!HAN.test(text)) return false;
  let han = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) {
      han += 1;
      letters += 1;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters += 1;
    }
  }
  return letters > 0 && han / letters > 0.5;
}

/**
 * A finding as a flag: its span, the check's category and severity, its reason as the comment, the check as the
 * origin. Accepting a suggestion stores this with the reviewer as rater; the page draws a suggestion with it too.
 */
export function flagOfFinding(
  finding: Finding,
  stamp: { readonly id: string; readonly rater: string; readonly created: string },
): Annotation {
  return {
    id: stamp.id,
    paragraphId: finding.paragraphId,
    side: 'target',
    start: finding.start,
    end: finding.end,
    category: finding.category,
    severity: finding.severity,
    comment: finding.message,
    rater: stamp.rater,
    origin: { kind: 'check', check: finding.check },
    status: 'open',
    created: stamp.created,
  };
}
