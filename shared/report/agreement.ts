/**
 * How far reviewers of one article agree, the figures a quality lead checks before trusting a score:
 * - on which paragraphs have errors: Cohen's kappa for two raters, Fleiss' kappa for any number (each paragraph
 *   is an item, "has an error" or "has none" the two categories, every rater taken to have read every paragraph);
 * - on where the errors are: between each pair of raters, character-level F1 (the characters both marked, over
 *   the characters each marked) and span-level F1, counting a span found when the other rater marked exactly the
 *   same span, or any overlapping one.
 *
 * Kappa is undefined when chance agreement is total (every paragraph put in the same category by everyone):
 * that is returned as `undefined` and shown as "—", never as a made-up 1 or 0.
 */

/** A marked stretch of one paragraph side: `[start, end)` in UTF-16 offsets; `start === end` is an omission point. */
export interface MarkedSpan {
  readonly paragraph: number;
  readonly side: 'target' | 'source';
  readonly start: number;
  readonly end: number;
}

/**
 * Cohen's kappa of two raters over the same items, from their yes/no judgements (same length).
 * κ = (pₒ − pₑ) / (1 − pₑ), with pₑ = pA·pB + (1 − pA)(1 − pB).
 */
export function cohenKappa(a: ArrayLike<boolean>, b: ArrayLike<boolean>): number | undefined {
  const n = a.length;
  if (n === 0 || b.length !== n) return undefined;
  let agree = 0;
  let yesA = 0;
  let yesB = 0;
  for (let i = 0; i < n; i++) {
    if (a[i]) yesA++;
    if (b[i]) yesB++;
    if (a[i] === b[i]) agree++;
  }
  const po = agree / n;
  const pa = yesA / n;
  const pb = yesB / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe === 1 ? undefined : (po - pe) / (1 - pe);
}

/**
 * Fleiss' kappa for `raters` raters over items with two categories, given for each item how many raters said
 * "yes" (0..raters). Pᵢ = (yᵢ(yᵢ−1) + nᵢ(nᵢ−1)) / (r(r−1)); P̄ the mean of Pᵢ; pₑ = p̄ʸ² + p̄ⁿ²; κ = (P̄ − pₑ) / (1 − pₑ).
 */
export function fleissKappa(yesCounts: ArrayLike<number>, raters: number): number | undefined {
  const items = yesCounts.length;
  if (items === 0 || raters < 2) return undefined;
  let sumP = 0;
  let yesTotal = 0;
  for (let i = 0; i < items; i++) {
    const y = yesCounts[i]!;
    const no = raters - y;
    sumP += (y * (y - 1) + no * (no - 1)) / (raters * (raters - 1));
    yesTotal += y;
  }
  const pBar = sumP / items;
  const pYes = yesTotal / (items * raters);
  const pe = pYes * pYes + (1 - pYes) * (1 - pYes);
  return pe === 1 ? undefined : (pBar - pe) / (1 - pe);
}

/** Landis and Koch's words for a kappa, the scale most readers know. */
export function kappaWords(kappa: number | undefined): string {
  if (kappa === undefined) return 'undefined (every paragraph judged the same way by everyone)';
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export interface SpanAgreement {
  /** Characters marked by both, and by each. */
  readonly sharedChars: number;
  readonly charsA: number;
  readonly charsB: number;
  /** 2·shared / (charsA + charsB); undefined when neither marked a character. */
  readonly characterF1: number | undefined;
  /** Spans of each rater matched by an identical span of the other; F1 over both. */
  readonly exactSpanF1: number | undefined;
  /** A span counts as found when the other rater marked a span overlapping it (an omission point inside it counts). */
  readonly overlapSpanF1: number | undefined;
  readonly spansA: number;
  readonly spansB: number;
}

function key(s: MarkedSpan): string {
  return `${s.paragraph}\t${s.side}`;
}

/** Spans grouped by paragraph side, sorted by start then end. */
function bySide(spans: readonly MarkedSpan[]): Map<string, MarkedSpan[]> {
  const map = new Map<string, MarkedSpan[]>();
  for (const s of spans) {
    const list = map.get(key(s));
    if (list) list.push(s);
    else map.set(key(s), [s]);
  }
  for (const list of map.values()) list.sort((x, y) => x.start - y.start || x.end - y.end);
  return map;
}

/** Sorted, merged character intervals of a side (omission points cover no character). */
function merged(spans: readonly MarkedSpan[]): [number, number][] {
  const out: [number, number][] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const last = out.at(-1);
    if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.end);
    else out.push([s.start, s.end]);
  }
  return out;
}

function length(intervals: readonly [number, number][]): number {
  return intervals.reduce((n, [a, b]) => n + b - a, 0);
}

function intersection(x: readonly [number, number][], y: readonly [number, number][]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i]![0], y[j]![0]);
    const hi = Math.min(x[i]![1], y[j]![1]);
    if (hi > lo) n += hi - lo;
    if (x[i]![1] < y[j]![1]) i++;
    else j++;
  }
  return n;
}

/** Two spans overlap when they share a character, or a point lies inside (or at an edge of) the other span. */
function overlaps(a: MarkedSpan, b: MarkedSpan): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function f1(foundA: number, totalA: number, foundB: number, totalB: number): number | undefined {
  // Recall of A's spans among B's, and of B's among A's: F1 is their harmonic mean, which for exact matching
  // equals 2·matches / (|A| + |B|).
  if (totalA + totalB === 0) return undefined;
  if (totalA === 0 || totalB === 0) return 0;
  const r = foundA / totalA;
  const p = foundB / totalB;
  return r + p === 0 ? 0 : (2 * p * r) / (p + r);
}

/** How closely two raters' marked spans agree (see the file comment). */
export function spanAgreement(a: readonly MarkedSpan[], b: readonly MarkedSpan[]): SpanAgreement {
  const sidesA = bySide(a);
  const sidesB = bySide(b);
  let shared = 0;
  let charsA = 0;
  let charsB = 0;
  let exact = 0;
  let foundA = 0;
  let foundB = 0;
  for (const [k, listA] of sidesA) {
    const mA = merged(listA);
    charsA += length(mA);
    const listB = sidesB.get(k);
    if (!listB) continue;
    shared += intersection(mA, merged(listB));
    // Exact matching counts distinct spans: one rater flagging the same words twice (two categories) is one span.
    const exactB = new Set(listB.map((s) => `${s.start}:${s.end}`));
    for (const span of new Set(listA.map((s) => `${s.start}:${s.end}`))) if (exactB.has(span)) exact++;
    for (const s of listA) if (listB.some((t) => overlaps(s, t))) foundA++;
    for (const t of listB) if (listA.some((s) => overlaps(s, t))) foundB++;
  }
  for (const listB of sidesB.values()) charsB += length(merged(listB));
  const distinct = (m: Map<string, MarkedSpan[]>): number => {
    let n = 0;
    for (const list of m.values()) n += new Set(list.map((s) => `${s.start}:${s.end}`)).size;
    return n;
  };
  const distinctA = distinct(sidesA);
  const distinctB = distinct(sidesB);
  return {
    sharedChars: shared,
    charsA,
    charsB,
    characterF1: charsA + charsB === 0 ? undefined : (2 * shared) / (charsA + charsB),
    exactSpanF1: f1(exact, distinctA, exact, distinctB),
    overlapSpanF1: f1(foundA, a.length, foundB, b.length),
    spansA: a.length,
    spansB: b.length,
  };
}
