/**
 * MQM-Core per-word figures: the absolute penalty total (APT) is the sum of severity multipliers times
 * category weights; the per-word penalty total PWPT = APT / evaluated words; quality = 100 × (1 − PWPT).
 */
import type { Severity } from '../model';
import type { SeverityMultipliers } from '../typology/typology';
import { isSourceIssue } from './wmt-weights';

/**
 * The pass mark applied when the user sets none: 95 lets through at most one major error (or five minor ones)
 * per hundred words, the usual bar for publishable text.
 */
export const DEFAULT_PASS_THRESHOLD = 95;

export interface MqmFigures {
  /** Absolute penalty total. */
  readonly penalty: number;
  /** Evaluated words (the target words). */
  readonly words: number;
  /** Per-word penalty total. */
  readonly perWordPenalty: number;
  /** 100 × (1 − PWPT); negative when penalties outnumber words. */
  readonly quality: number;
  readonly threshold: number;
  readonly pass: boolean;
  /** Errors counted (neutral notes and source issues are not errors of the translation). */
  readonly errors: number;
  readonly errorsPerThousandWords: number;
}

/** Figures from totals. With no words, the penalty is taken per one word so that any error still fails. */
export function mqmFigures(penalty: number, words: number, errors: number, threshold: number): MqmFigures {
  const perWordPenalty = penalty / Math.max(1, words);
  const quality = 100 * (1 - perWordPenalty);
  return {
    penalty,
    words,
    perWordPenalty,
    quality,
    threshold,
    pass: quality >= threshold,
    errors,
    errorsPerThousandWords: (1000 * errors) / Math.max(1, words),
  };
}

/** Severity words found in files, to the model's severities; anything else is not an MQM-Core error. */
export function parseSeverity(severity: string): Severity | undefined {
  const s = severity.trim().toLowerCase();
  return s === 'neutral' || s === 'minor' || s === 'major' || s === 'critical' ? s : undefined;
}

/**
 * One error's MQM-Core penalty and whether it counts as an error. Source issues are not the translation's
 * fault and creative reinterpretations are praise, so neither costs anything.
 */
export function mqmPenalty(
  multipliers: SeverityMultipliers,
  weight: number,
  severity: string,
  category: string,
): { readonly penalty: number; readonly error: boolean } {
  const sev = parseSeverity(severity);
  const cat = category.toLowerCase();
  if (sev === undefined || sev === 'neutral' || isSourceIssue(category) || cat.includes('creative reinterpretation')) {
    return { penalty: 0, error: false };
  }
  return { penalty: multipliers[sev] * weight, error: true };
}
