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
  readonly rater: string;
  tenths: number;
  penalty: number;
  errors: number;
}

/** What one error weighs: its WMT weight in tenths, its MQM-Core penalty, and whether it counts as an error. */
interface Weight {
  readonly tenths: number;
  readonly penalty: number;
  readonly error: boolean;
}

/**
 * The weights of a profile, each worked out once per severity and category as written: a file of 100,000 rows
 * holds a few dozen such pairs, and weighing trims and lower-cases both words every time.
 */
class Weights {
  private readonly known = new Map<string, Map<string, Weight>>();

  constructor(private readonly profile: ScoringProfile) {}

  of(severity: string, category: string): Weight {
    let byCategory = this.known.get(severity);
    if (!byCategory) this.known.set(severity, (byCategory = new Map()));
    let weight = byCategory.get(category);
    if (!weight) {
      const p = mqmPenalty(MQM_SEVERITY_MULTIPLIERS, 1, severity, category);
      weight = { tenths: errorWeightTenths(this.profile, severity, category), penalty: p.penalty, error: p.error };
      byCategory.set(category, weight);
    }
    return weight;
  }
}

/** Raters of one segment looked up in a list; past this many, in a map (a segment has a handful as a rule). */
const RATERS_IN_A_LIST = 8;

/**
 * Each rater's sums on a segment, in the order of the raters' first rows. A short list searched from the start
 * rather than a map: a map per segment cost more than the search, but a crafted file with thousands of raters on
 * one segment must not make the search quadratic.
 */
function raterSums(segment: WmtSegment, weights: Weights): RaterSums[] {
  const byRater: RaterSums[] = [];
  let index: Map<string, RaterSums> | undefined;
  for (const r of segment.ratings) {
    let sums = index?.get(r.rater);
    if (!index) {
      for (const s of byRater) {
        if (s.rater === r.rater) {
          sums = s;
          break;
        }
      }
    }
    if (!sums) {
      byRater.push((sums = { rater: r.rater, tenths: 0, penalty: 0, errors: 0 }));
      if (index) index.set(r.rater, sums);
      else if (byRater.length > RATERS_IN_A_LIST) index = new Map(byRater.map((s) => [s.rater, s]));
    }
    const w = weights.of(r.severity, r.category);
    sums.tenths += w.tenths;
    sums.penalty += w.penalty;
    if (w.error) sums.errors += 1;
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
  const weights = new Weights(profile);
  for (const segment of file.segments) {
    const sums = raterSums(segment, weights);
    if (sums.length === 0) continue;
    const words = profile === 'mqm-core' ? countWords(segment.target) : 0;
    if (by === 'rater') {
      for (const s of sums) add(s.rater, { rater: s.rater }, s.tenths, s.penalty, s.errors, words);
      continue;
    }
    let tenths = 0;
    let penalty = 0;
    let errors = 0;
    for (const s of sums) {
      tenths += s.tenths;
      penalty += s.penalty;
      errors += s.errors;
    }
    const [key, row] = groupKey(segment, by);
    add(key, row, tenths / sums.length, penalty / sums.length, errors / sums.length, words);
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
