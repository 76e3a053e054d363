/**
 * Error weights of the WMT / Google MQM family: the first rule matching an error's severity and category
 * (case-insensitive) gives its weight. Weights are kept in tenths, integers, so that sums of many 0.1 weights
 * added and removed in any order stay exact.
 */
import { assertNever } from '../result';

/**
 * - `wmt`: the current WMT/Google weights; an issue in the source weighs 0.
 * - `wmt-legacy`: the weights behind the 2020-2021 published scores; a source error weighs like any other.
 * - `mqm-core`: the WMT rules with a critical error weighing 25, as MQM-Core does.
 */
export type ScoringProfile = 'wmt' | 'wmt-legacy' | 'mqm-core';
export const SCORING_PROFILES: readonly ScoringProfile[] = ['wmt', 'wmt-legacy', 'mqm-core'];

export function isScoringProfile(value: string): value is ScoringProfile {
  return (SCORING_PROFILES as readonly string[]).includes(value);
}

/** Rows that say "nothing to count": no error found, a neutral note, an unrateable segment, an attention check. */
const NOT_ERRORS = new Set(['no-error', 'neutral', 'unrateable', 'non-rateable']);

function lastPart(category: string): string {
  return category.slice(category.lastIndexOf('/') + 1);
}

/** A category naming a problem of the source text (`Source issue`, WMT 2020's `Source error`). */
export function isSourceIssue(category: string): boolean {
  return category.trim().toLowerCase().startsWith('source');
}

/** The weight of one error in tenths (minor = 10). Severity and category are as written, any case. */
export function errorWeightTenths(profile: ScoringProfile, severity: string, category: string): number {
  const sev = severity.trim().toLowerCase();
  const cat = category.trim().toLowerCase();
  if (NOT_ERRORS.has(sev) || NOT_ERRORS.has(cat) || sev.startsWith('hotw') || cat.startsWith('hotw')) return 0;
  if (sev === 'trivial' || (sev === 'minor' && lastPart(cat) === 'punctuation')) return 1;
  if (cat.includes('creative reinterpretation')) return 0;
  if (isSourceIssue(cat) && profile !== 'wmt-legacy') return 0;
  if (cat.startsWith('non-translation')) return 250;
  switch (sev) {
    case 'minor':
      return 10;
    case 'major':
      return 50;
    case 'critical':
      return profile === 'mqm-core' ? 250 : 50;
    default:
      // A severity the rules do not know (a typo, a tool's own word) is not counted rather than guessed at.
      return 0;
  }
}

/** The weight of one error (minor = 1). */
export function errorWeight(profile: ScoringProfile, severity: string, category: string): number {
  return errorWeightTenths(profile, severity, category) / 10;
}

/** A profile's name as the score panel and the report show it. */
export const PROFILE_NAMES: Readonly<Record<ScoringProfile, string>> = {
  'mqm-core': 'MQM-Core',
  wmt: 'WMT MQM',
  'wmt-legacy': 'WMT MQM 2020–21',
};

/** A sentence for `--help` and the report: what a profile weighs. */
export function describeProfile(profile: ScoringProfile): string {
  switch (profile) {
    case 'wmt':
      return 'WMT/Google MQM: minor 1, major 5, critical 5, minor punctuation 0.1, non-translation 25, source issue 0';
    case 'wmt-legacy':
      return 'WMT 2020-2021 published scores: as wmt, but a source error weighs like any other error';
    case 'mqm-core':
      return 'MQM-Core severities in WMT sums: as wmt, but critical 25; per-word figures beside';
    default:
      return assertNever(profile, 'scoring profile');
  }
}
