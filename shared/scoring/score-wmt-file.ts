/**
 * Scores a WMT MQM file the way WMT and Google publish it: a rater's segment score is the sum of its error
 * weights, a segment's score is the mean over its raters, and a system's or document's score is the mean over
 * its rated segments. Lower is better. With the `mqm-core` profile, MQM-Core per-word figures come beside.
 */
import type { WmtMqmFile, WmtSegment } from '../formats/wmt-tsv';
import { MQM_SEVERITY_MULTIPLIERS } from '../typology/typology';
import { assertNever } from '../result';
import { countWords } from './word-count';
import { DEFAULT_PASS_THRESHOLD, mqmFigures, mqmPenalty, type MqmFigures } from './mqm-figures';
import { errorWeightTenths, type ScoringProfile } from './wmt-weights';

/**
 * - `system`: one row per system.
 * - `doc`: one row per system and document (a document's score only means something for one system).
 * - `segment`: one row per system, document and segment position.
 * - `rater`: one row per rater over every segment they rated, whatever the system, so raters can be compared
 *   on their severity; the score is the mean of that rater's own segment sums.
 */
export type WmtGrouping = 'system' | 'doc' | 'segment' | 'rater';
export const WMT_GROUPINGS: readonly WmtGrouping[] = ['system', 'doc', 'segment', 'rater'];

export interface WmtScoreRow {
  readonly system?: string;
  readonly doc?: string;
  /** 1-based position of the segment in its document. */
  readonly segment?: number;
  readonly rater?: string;
  readonly score: number;
  /** Rated segments behind the score. */
  readonly segments: number;
  /** MQM-Core figures (mean penalty over raters, target words), with the `mqm-core` profile only. */
  readonly mqm?: MqmFigures;
}

interface Totals {
  readonly row: Omit<WmtScoreRow, 'score' | 'segments' | 'mqm'>;
  score: number;
  segments: number;
  penalty: number;
  errors: number;
  words: number;
}

/** One rater's sums on one segment. */
interface RaterSums {
  tenths: number;
  penalty: number;
  errors: number;
}

function raterSums(segment: WmtSegment, profile: ScoringProfile): Map<string, RaterSums> {
  const byRater = new Map<string, RaterSums>();
  for (const r of segment.ratings) {
    let sums = byRater.get(r.rater);
    if (!sums) byRater.set(r.rater, (sums = { tenths: 0, penalty: 0, errors: 0 }));
    sums.tenths += errorWeightTenths(profile, r.severity, r.category);
    const p = mqmPenalty(MQM_SEVERITY_MULTIPLIERS, 1, r.severity, r.category);
    sums.penalty += p.penalty;
    if (p.error) sums.errors += 1;
  }
  return byRater;
}

function groupKey(segment: WmtSegment, by: Exclude<WmtGrouping, 'rater'>): [string, Totals['row']] {
  switch (by) {
    case 'system':
      return [segment.system, { system: segment.system }];
    case 'doc':
      return [`${segment.system}\t${segment.doc}`, { system: segment.system, doc: segment.doc }];
    case 'segment':
      return [
        `${segment.system}\t${segment.doc}\t${segment.docSegId}`,
        { system: segment.system, doc: segment.doc, segment: segment.docSegId },
      ];
    default:
      return assertNever(by, 'grouping');
  }
}

/** Scores every group of a parsed file. Systems, documents and raters come best first; segments in order. */
export function scoreWmtFile(
  file: WmtMqmFile,
  profile: ScoringProfile,
  by: WmtGrouping,
  threshold = DEFAULT_PASS_THRESHOLD,
): readonly WmtScoreRow[] {
  const groups = new Map<string, Totals>();
  const add = (key: string, row: Totals['row'], tenths: number, penalty: number, errors: number, words: number) => {
    let t = groups.get(key);
    if (!t) groups.set(key, (t = { row, score: 0, segments: 0, penalty: 0, errors: 0, words: 0 }));
    t.score += tenths / 10;
    t.segments += 1;
    t.penalty += penalty;
    t.errors += errors;
    t.words += words;
  };
  for (const segment of file.segments) {
    const sums = raterSums(segment, profile);
    if (sums.size === 0) continue;
    const words = profile === 'mqm-core' ? countWords(segment.target) : 0;
    if (by === 'rater') {
      for (const [rater, s] of sums) add(rater, { rater }, s.tenths, s.penalty, s.errors, words);
      continue;
    }
    let tenths = 0;
    let penalty = 0;
    let errors = 0;
    for (const s of sums.values()) {
      tenths += s.tenths;
      penalty += s.penalty;
      errors += s.errors;
    }
    const [key, row] = groupKey(segment, by);
    add(key, row, tenths / sums.size, penalty / sums.size, errors / sums.size, words);
  }
  const rows: WmtScoreRow[] = [...groups.values()].map((t) => ({
    ...t.row,
    score: t.score / t.segments,
    segments: t.segments,
    ...(profile === 'mqm-core' ? { mqm: mqmFigures(t.penalty, t.words, t.errors, threshold) } : {}),
  }));
  if (by === 'segment') {
    return rows.sort((a, b) => a.system!.localeCompare(b.system!) || a.doc!.localeCompare(b.doc!) || a.segment! - b.segment!);
  }
  const name = (r: WmtScoreRow): string => `${r.system ?? ''}\t${r.doc ?? ''}\t${r.rater ?? ''}`;
  return rows.sort((a, b) => a.score - b.score || name(a).localeCompare(name(b)));
}
