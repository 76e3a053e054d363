/**
 * A paragraph quoted with its flagged spans marked, for the report. A long paragraph is quoted around its flags
 * only: the report must stay readable (and small) however long the article's paragraphs are.
 */
import type { Severity } from '../model';
import type { TextExcerpt, TextPiece } from './report-model';

export interface SpanMark {
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  readonly label: string;
}

/** Characters of context kept before the first flag and after the last one of a long paragraph. */
const CONTEXT_CHARS = 160;
/** Longest excerpt quoted: about a screenful of prose. */
const MAX_EXCERPT_CHARS = 900;

const RANK: Readonly<Record<Severity, number>> = { neutral: 0, minor: 1, major: 2, critical: 3 };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LETTERS = /[\p{L}]/gu;

/** `zh` or `ja` when most letters of the text are Chinese or Japanese script. */
export function cjkLang(text: string): string | undefined {
  const sample = text.slice(0, 400);
  const letters = sample.match(LETTERS)?.length ?? 0;
  const cjk = sample.match(CJK)?.length ?? 0;
  if (letters === 0 || cjk * 2 <= letters) return undefined;
  return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample) ? 'ja' : 'zh';
}

/** Never cut inside a surrogate pair. */
function safe(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return at > 0 && c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/** The text between `from` and `to` with the marks over it, as pieces in order. */
export function excerpt(text: string, marks: readonly SpanMark[]): TextExcerpt {
  const clamped = marks.map((m) => {
    const start = Math.max(0, Math.min(text.length, m.start));
    return { ...m, start, end: Math.max(start, Math.min(text.length, m.end)) };
  });
  let from = 0;
  let to = text.length;
  if (text.length > MAX_EXCERPT_CHARS && clamped.length > 0) {
    from = safe(text, Math.max(0, Math.min(...clamped.map((m) => m.start)) - CONTEXT_CHARS));
    to = safe(text, Math.min(text.length, Math.max(...clamped.map((m) => m.end)) + CONTEXT_CHARS, from + MAX_EXCERPT_CHARS));
  } else if (text.length > MAX_EXCERPT_CHARS) {
    to = safe(text, MAX_EXCERPT_CHARS);
  }
  const inside = clamped.filter((m) => m.end >= from && m.start <= to);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    const omissions = inside.filter((m) => m.start === m.end && m.start === at);
    if (omissions.length > 0) pieces.push({ text: '', omission: true, ...worstOf(omissions) });
    const next = points[i + 1];
    if (next === undefined) break;
    const over = inside.filter((m) => m.start < m.end && m.start <= at && m.end >= next);
    const piece = text.slice(at, next);
    pieces.push(over.length > 0 ? { text: piece, ...worstOf(over) } : { text: piece });
  }
  const lang = cjkLang(text);
  return { pieces: mergePlain(pieces), cutStart: from > 0, cutEnd: to < text.length, ...(lang ? { lang } : {}) };
}

function worstOf(marks: readonly SpanMark[]): { severity: Severity; label: string } {
  let severity: Severity = 'neutral';
  for (const m of marks) if (RANK[m.severity] > RANK[severity]) severity = m.severity;
  return { severity, label: [...new Set(marks.map((m) => m.label))].join('; ') };
}

/** Adjacent unmarked pieces joined, so the markup has one element per marked stretch only. */
function mergePlain(pieces: readonly TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && last.severity === undefined && p.severity === undefined && !p.omission && !last.omission) {
      out[out.length - 1] = { text: last.text + p.text };
    } else if (p.text !== '' || p.omission) {
      out.push(p);
    }
  }
  return out;
}
