/**
 * `redline score FILE`: scores a WMT MQM TSV file (legacy or newer layout) or a review file, per system,
 * document, segment or rater, as a table or as JSON for scripts.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Annotation, Paragraph } from '../../shared/model';
import type { Result } from '../../shared/result';
import { parseWmtTsv, type WmtMqmFile, type WmtRating } from '../../shared/formats/wmt-tsv';
import { DEFAULT_PASS_THRESHOLD } from '../../shared/scoring/mqm-figures';
import { reviewAsWmtFile } from '../../shared/scoring/review-as-wmt';
import { scoreWmtFile, WMT_GROUPINGS, type WmtGrouping, type WmtScoreRow } from '../../shared/scoring/score-wmt-file';
import { describeProfile, isScoringProfile, SCORING_PROFILES, type ScoringProfile } from '../../shared/scoring/wmt-weights';
import { parseArgs, type CliIo, type CommandModule } from './command';

export interface ScoreCommandDeps {
  /** Reads a review file; provided by the journal module. Without it `.redline` files are refused. */
  readonly readReview?: (path: string) => Promise<
    Result<{
      readonly paragraphs: readonly Paragraph[];
      readonly annotations: readonly Annotation[];
      /** The review's own scoring settings: used when the command line names none. */
      readonly settings?: { readonly scoringProfile: string; readonly passThreshold: number };
    }>
  >;
}

interface Loaded {
  readonly file: WmtMqmFile;
  readonly settings?: { readonly scoringProfile: string; readonly passThreshold: number };
}

const USAGE = `Usage: redline score FILE [--profile ${SCORING_PROFILES.join('|')}] [--by ${WMT_GROUPINGS.join('|')}] [--json] [--threshold N]

Scores a WMT MQM TSV file (9 columns: system doc doc_id seg_id rater source target category severity,
or 10 columns with docSegId, globalSegId and JSON metadata) or a review file (NAME.redline). Lower is better.

A rater's segment score is the sum of its error weights, a segment's score the mean over its raters, and a
system's or document's score the mean over its rated segments.

Options:
  --profile P    ${SCORING_PROFILES.map((p) => `${p}: ${describeProfile(p)}`).join('\n                 ')}
                 (default: a review's own profile, else wmt)
  --by G         system (default), doc (one row per system and document), segment (per system, document and
                 position in the document), rater (per rater, over every segment they rated)
  --json         print an array of { system, doc, segment, rater, score, segments } (the grouping fields only;
                 with mqm-core also "mqm": penalty, words, quality, pass, errors per 1000 words)
  --threshold N  MQM-Core pass mark for --profile mqm-core, a quality score from 0 to 100 (default: a review's
                 own, else ${DEFAULT_PASS_THRESHOLD})

A review scores as one system and document; each paragraph is a segment, and every rater who flagged anything
is taken to have read every paragraph. Dismissed flags do not count. A file with a severity the weights do not
know (a typo such as "Majr") is refused rather than scored as if the error weighed nothing.
Exit status: 0 scored, 2 bad input or usage (the reason on stderr).
`;

/**
 * The severities the WMT rules weigh, and the words that mark a row as no error. Any other severity would weigh
 * 0 without a word, hiding a typo ("Majr") in a lower score, so the file is refused instead.
 */
const KNOWN_SEVERITIES = new Set(['minor', 'major', 'critical', 'trivial', 'neutral', 'no-error', 'unrateable', 'non-rateable']);
const NOT_ERROR_CATEGORIES = new Set(['no-error', 'neutral', 'unrateable', 'non-rateable']);

/** The first rating whose severity the rules do not know, if any. */
function unknownSeverity(file: WmtMqmFile): WmtRating | undefined {
  for (const segment of file.segments) {
    for (const rating of segment.ratings) {
      const severity = rating.severity.trim().toLowerCase();
      const category = rating.category.trim().toLowerCase();
      if (KNOWN_SEVERITIES.has(severity) || severity.startsWith('hotw')) continue;
      // A row that is no error (or an attention check) is weighed 0 by its category, whatever its severity says.
      if (NOT_ERROR_CATEGORIES.has(category) || category.startsWith('hotw')) continue;
      return rating;
    }
  }
  return undefined;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}

/** A plain table, columns padded, numbers right-aligned. */
function table(rows: readonly WmtScoreRow[], by: WmtGrouping, profile: ScoringProfile): string {
  const keys: readonly (keyof WmtScoreRow)[] =
    by === 'system' ? ['system'] : by === 'doc' ? ['system', 'doc'] : by === 'segment' ? ['system', 'doc', 'segment'] : ['rater'];
  const head = [...keys, 'segments', 'score', ...(profile === 'mqm-core' ? ['words', 'quality', 'pass'] : [])];
  const body = rows.map((r) => [
    ...keys.map((k) => String(r[k] ?? '')),
    String(r.segments),
    r.score.toFixed(3),
    ...(r.mqm ? [formatNumber(r.mqm.words), r.mqm.quality.toFixed(2), r.mqm.pass ? 'pass' : 'fail'] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const numeric = head.map((h) => h !== 'system' && h !== 'doc' && h !== 'rater' && h !== 'pass');
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...body.map(line)].join('\n')}\n`;
}

async function load(path: string, display: string, deps: ScoreCommandDeps): Promise<Result<Loaded>> {
  if (extname(path).toLowerCase() === '.redline') {
    if (!deps.readReview) {
      return {
        ok: false,
        error: {
          code: 'unsupported',
          message: `${display}: review files cannot be scored by this build of redline; export the review as WMT TSV first.`,
        },
      };
    }
    const review = await deps.readReview(path);
    if (!review.ok) return review;
    const name = basename(path, extname(path));
    const file = reviewAsWmtFile(name, review.value.paragraphs, review.value.annotations);
    return { ok: true, value: { file, ...(review.value.settings ? { settings: review.value.settings } : {}) } };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message;
    return { ok: false, error: { code: code === 'ENOENT' ? 'not-found' : 'io-error', message: `${display}: ${why}.` } };
  }
  if (bytes.includes(0)) {
    return { ok: false, error: { code: 'binary', message: `${display}: not a WMT MQM TSV file (it holds binary data).` } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { code: 'bad-encoding', message: `${display}: not UTF-8 text.` } };
  }
  const parsed = parseWmtTsv(text, display);
  return parsed.ok ? { ok: true, value: { file: parsed.value } } : parsed;
}

/** Builds the command; the journal module supplies `readReview` so that review files can be scored. */
export function makeScoreCommand(deps: ScoreCommandDeps): CommandModule {
  return {
    name: 'score',
    usage: USAGE,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positional, values, switches, unknown } = parseArgs(args, {
        values: ['profile', 'by', 'threshold'],
        switches: ['json'],
      });
      const usageError = (message: string): number => {
        io.stderr(`redline score: ${message}\nRun "redline score --help" for the options.\n`);
        return 2;
      };
      if (unknown.length > 0) return usageError(unknown.join('; '));
      if (positional.length !== 1) return usageError(positional.length === 0 ? 'name the file to score.' : 'give one file.');
      const profileText = values.get('profile');
      if (profileText !== undefined && !isScoringProfile(profileText)) {
        return usageError(`unknown profile "${profileText}"; use ${SCORING_PROFILES.join(', ')}.`);
      }
      const by = values.get('by') ?? 'system';
      if (!(WMT_GROUPINGS as readonly string[]).includes(by)) {
        return usageError(`cannot group by "${by}"; use ${WMT_GROUPINGS.join(', ')}.`);
      }
      const thresholdText = values.get('threshold');
      if (thresholdText !== undefined && (thresholdText.trim() === '' || !Number.isFinite(Number(thresholdText)))) {
        return usageError(`--threshold needs a number, got "${thresholdText}".`);
      }
      if (thresholdText !== undefined && (Number(thresholdText) < 0 || Number(thresholdText) > 100)) {
        return usageError(`--threshold is a quality score from 0 to 100, got ${thresholdText}.`);
      }

      const file = positional[0]!;
      const loaded = await load(resolve(io.cwd, file), file, deps);
      if (!loaded.ok) {
        io.stderr(`redline score: ${loaded.error.message}\n`);
        return 2;
      }
      const { file: scored, settings } = loaded.value;
      const untold = unknownSeverity(scored);
      if (untold) {
        const shown = untold.severity.length > 40 ? `${untold.severity.slice(0, 40)}…` : untold.severity;
        io.stderr(
          `redline score: ${file} line ${untold.line}: unknown severity "${shown}"; use Minor, Major, Critical, Neutral or No-error ` +
            '(Trivial for minor punctuation). Nothing was scored.\n',
        );
        return 2;
      }
      // A review file scores by its own settings unless the command line says otherwise; a TSV file by WMT's.
      const own = settings && isScoringProfile(settings.scoringProfile) ? settings.scoringProfile : undefined;
      const profile: ScoringProfile = (profileText as ScoringProfile | undefined) ?? own ?? 'wmt';
      const threshold = thresholdText !== undefined ? Number(thresholdText) : (settings?.passThreshold ?? DEFAULT_PASS_THRESHOLD);
      for (const w of scored.warnings) io.stderr(`redline score: warning: ${w}\n`);
      const rows = scoreWmtFile(scored, profile, by as WmtGrouping, threshold);
      io.stdout(switches.has('json') ? `${JSON.stringify(rows, null, 2)}\n` : table(rows, by as WmtGrouping, profile));
      return 0;
    },
  };
}

export const scoreCommand: CommandModule = makeScoreCommand({});
