/**
 * The quality report as plain data: every figure, chart series and excerpt a renderer draws, and nothing about how
 * it is drawn. The HTML, JSON and CSV renderers and the app's report view all start from this one value, so they
 * cannot disagree; `build-report.ts` makes it. Its size is bounded whatever the article's length (a strip of at
 * most `MAX_STRIP_CELLS` cells, a dozen paragraphs quoted), so it can cross the contract in one answer.
 */
import type { Severity, Side } from '../model';
import type { ScoringProfile } from '../scoring/wmt-weights';

export const REPORT_KIND = 'redline-quality-report';

export interface ReportScore {
  /** WMT-style: sum over paragraphs of each paragraph's score (mean over raters). Lower is better. */
  readonly total: number;
  /** WMT-style: the mean over paragraphs, the figure `redline score` prints. */
  readonly perParagraph: number;
  readonly segments: number;
  /** MQM-Core quality score, 100 × (1 − penalty per word). */
  readonly quality: number;
  readonly pass: boolean;
  readonly threshold: number;
  readonly penalty: number;
  readonly perWordPenalty: number;
  readonly errors: number;
  readonly errorsPerThousandWords: number;
  readonly words: number;
  /** Flags that count (not dismissed). */
  readonly flags: number;
  /** Raters the means are taken over. */
  readonly raters: number;
}

export interface CategoryCount {
  readonly category: string;
  readonly severity: Severity;
  readonly count: number;
}

/** One bar of the category chart: a top-level category and its flags by severity. */
export interface CategoryBar {
  readonly category: string;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly total: number;
}

/**
 * One cell of the article strip: a run of consecutive paragraphs (1-based, inclusive) and what its flags cost.
 * `level` 0 is clean, 1-2 pass the threshold, 3-5 fall ever further below it.
 */
export interface StripCell {
  readonly first: number;
  readonly last: number;
  readonly flags: number;
  readonly penalty: number;
  readonly words: number;
  readonly quality: number;
  readonly level: 0 | 1 | 2 | 3 | 4 | 5;
  /** The paragraph of the cell with the highest score (1-based), where a link from the cell leads. */
  readonly worst: number;
}

/** A stretch of quoted text; marked pieces carry the worst severity of the flags over them. */
export interface TextPiece {
  readonly text: string;
  readonly severity?: Severity;
  /** Categories (and raters, with several) of the flags over the piece, for a tooltip and screen readers. */
  readonly label?: string;
  /** A zero-length flag: a missing word belongs here. */
  readonly omission?: boolean;
}

export interface TextExcerpt {
  readonly pieces: readonly TextPiece[];
  /** Text was left out before or after the excerpt (a long paragraph is quoted around its flags). */
  readonly cutStart: boolean;
  readonly cutEnd: boolean;
  /** A BCP 47 tag when the text is mostly Chinese or Japanese, so fonts and line breaking suit it. */
  readonly lang?: string;
}

export interface ReportFlag {
  /** `review#id`: names the flag in adjudication decisions. */
  readonly ref: string;
  readonly side: Side;
  readonly start: number;
  readonly end: number;
  readonly category: string;
  readonly severity: Severity;
  readonly rater: string;
  readonly comment: string;
  readonly quote: string;
}

export interface ReportParagraph {
  /** 1-based. */
  readonly number: number;
  readonly id: string;
  readonly wmtScore: number;
  readonly penalty: number;
  readonly flags: readonly ReportFlag[];
  readonly target: TextExcerpt;
  readonly source?: TextExcerpt;
}

export interface ReportVersion {
  /** The review the version belongs to (its file name). */
  readonly review: string;
  readonly number: number;
  readonly message: string;
  readonly author: string;
  readonly at: string;
  /** Edit rate from the machine translation (TER, or the character edit rate for Chinese and Japanese). */
  readonly ter: number;
  readonly edits: number;
  readonly changedFromPrevious: number;
  readonly changedFromMachine: number;
}

/**
 * Suggestions from automatic checks. `basis` says where the counts come from: the review's suggestion records
 * (accepted flags, dismissals), or, for a review without them, flags whose origin is a check, by their status.
 */
export interface SuggestionCounts {
  readonly basis: 'events' | 'check-flags';
  readonly total: number;
  readonly accepted: number;
  readonly dismissed: number;
  /** Still offered; absent where the checks were not run (a review read from its file alone). */
  readonly open?: number;
  readonly byCheck: readonly { readonly check: string; readonly count: number }[];
}

export interface RaterScore {
  readonly rater: string;
  /** The review file the rater's flags came from. */
  readonly review: string;
  readonly flags: number;
  readonly perParagraph: number;
  readonly total: number;
  readonly quality: number;
  readonly pass: boolean;
  readonly errorsPerThousandWords: number;
  /** Paragraphs in which the rater marked at least one error. */
  readonly paragraphsWithErrors: number;
}

export interface PairAgreement {
  readonly a: string;
  readonly b: string;
  /** Cohen's kappa on which paragraphs have errors. */
  readonly kappa: number | undefined;
  readonly characterF1: number | undefined;
  readonly exactSpanF1: number | undefined;
  readonly overlapSpanF1: number | undefined;
}

/** A paragraph the raters judged most differently, with each rater's flags, for adjudication. */
export interface DisputedParagraph {
  readonly number: number;
  readonly id: string;
  /** Highest minus lowest rater score on the paragraph (WMT weights). */
  readonly spread: number;
  readonly raters: readonly {
    readonly rater: string;
    readonly score: number;
    readonly flags: readonly ReportFlag[];
    readonly target: TextExcerpt;
  }[];
}

export interface ReportAgreement {
  readonly raters: number;
  /** Cohen's kappa with two raters, Fleiss' with more (on which paragraphs have errors). */
  readonly kappa: number | undefined;
  readonly kappaMethod: 'cohen' | 'fleiss' | 'none';
  readonly kappaWords: string;
  readonly fleissKappa: number | undefined;
  /** Share of paragraphs on which every rater gave the same yes/no answer. */
  readonly observed: number | undefined;
  readonly pairs: readonly PairAgreement[];
  readonly disputed: readonly DisputedParagraph[];
}

export interface ReportModel {
  readonly kind: typeof REPORT_KIND;
  readonly version: 1;
  /** ISO time the report was made. */
  readonly generated: string;
  readonly article: {
    readonly name: string;
    readonly paragraphs: number;
    readonly words: number;
    readonly flaggedParagraphs: number;
  };
  readonly reviews: readonly { readonly label: string; readonly reviewer: string }[];
  readonly profile: { readonly id: ScoringProfile; readonly name: string; readonly description: string };
  readonly typology: string;
  readonly score: ReportScore;
  readonly byCategory: readonly CategoryCount[];
  readonly categoryBars: readonly CategoryBar[];
  readonly strip: { readonly paragraphsPerCell: number; readonly cells: readonly StripCell[] };
  readonly worst: readonly ReportParagraph[];
  readonly editRateUnit: 'word' | 'char';
  readonly versions: readonly ReportVersion[];
  readonly suggestions?: SuggestionCounts;
  readonly raters: readonly RaterScore[];
  readonly agreement: ReportAgreement;
}
