/**
 * Length: a paragraph whose translation is far shorter or longer than its source suggests, which is how an
 * omitted clause or a hallucinated sentence shows from a distance. What "far" means is learnt from the article
 * itself, since the ratio depends on the language pair and the writer (English runs about three characters to one
 * Chinese character): the median of the log length ratios and their median absolute deviation (robust to the very
 * paragraphs we look for), and a paragraph is reported beyond a number of deviations from the median.
 *
 * Short paragraphs (a headline, a dateline) vary too much to judge; an article with too few paired paragraphs is
 * not judged at all.
 */
import { finding, type CheckParagraph, type Finding } from './finding';

/** Paragraphs with less source text than this are not judged (in characters, Han counted three times). */
const MIN_SOURCE_WEIGHT = 45;
/** Paired paragraphs an article needs before its own ratio can be trusted. */
const MIN_PAIRS = 8;
/** How far from the median, in robust standard deviations, a paragraph is reported. */
const DEVIATIONS = 4;
/** A floor on the deviation, so that a very even article does not call a small difference far. */
const MIN_SIGMA = 0.12;

export interface LengthCalibration {
  readonly median: number;
  readonly sigma: number;
}

const HAN = /[\u3400-\u9fff]/;

/** Source length with each Han character counted three times: a ratio near 1 for Chinese and English alike. */
function weight(text: string): number {
  // Text without Han (most translations) is weighed by its length: a native scan instead of a loop per character.
  if (!HAN.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c >= 0x3400 && c <= 0x9fff ? 3 : 1;
  }
  return n;
}

/** The log length ratio of a paragraph, or undefined when it is not judged. */
export function logRatio(p: CheckParagraph): number | undefined {
  if (!p.source || p.kind === 'heading') return undefined;
  const s = weight(p.source);
  if (s < MIN_SOURCE_WEIGHT) return undefined;
  return Math.log(Math.max(1, weight(p.text)) / s);
}

/** The article's own ratio and spread, or undefined when it has too few paired paragraphs. */
export function calibrateLength(ratios: readonly number[]): LengthCalibration | undefined {
  if (ratios.length < MIN_PAIRS) return undefined;
  const median = middle(Float64Array.from(ratios));
  const mad = middle(Float64Array.from(ratios, (r) => Math.abs(r - median)));
  return { median, sigma: Math.max(MIN_SIGMA, 1.4826 * mad) };
}

/** The middle value (upper median), by selection rather than a sort: a long article's calibration is one short step. */
function middle(values: Float64Array): number {
  const k = values.length >> 1;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

/** Judges one paragraph against the article's calibration. */
export function lengthFinding(p: CheckParagraph, calibration: LengthCalibration | undefined, ratio = logRatio(p)): Finding | undefined {
  if (!calibration) return undefined;
  const r = ratio;
  if (r === undefined) return undefined;
  const z = (r - calibration.median) / calibration.sigma;
  if (Math.abs(z) < DEVIATIONS) return undefined;
  const times = Math.exp(Math.abs(r - calibration.median));
  const how = times >= 1.95 ? `${times.toFixed(1)} times` : `${Math.round((times - 1) * 100)}%`;
  if (z < 0) {
    const at = p.text.length;
    return finding(
      'length',
      p,
      at,
      at,
      'Accuracy/Omission',
      'major',
      `Much shorter than its source suggests (${how} shorter than this article's usual ratio): something may be missing.`,
    );
  }
  return finding(
    'length',
    p,
    0,
    p.text.length,
    'Accuracy/Addition',
    'major',
    `Much longer than its source suggests (${how} longer than this article's usual ratio): something may have been added.`,
  );
}

/** Length findings for a whole article. */
export function checkLength(paragraphs: readonly CheckParagraph[]): Finding[] {
  const ratios = paragraphs.map(logRatio).filter((r): r is number => r !== undefined);
  const calibration = calibrateLength(ratios);
  return paragraphs.flatMap((p) => lengthFinding(p, calibration) ?? []);
}
