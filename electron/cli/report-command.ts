/**
 * `redline report REVIEW... --out PATH [--format html|json|csv]`: the quality report of one review, or of several
 * reviews of one article side by side with the raters' agreement. A WMT MQM TSV file is read as one review with
 * each rater's flags (`--doc` and `--system` choose what to report on when the file holds several). Review files
 * are only read; the report is written under the export's rules (never over a review, an input, a folder).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseWmtTsv } from '../../shared/formats/wmt-tsv';
import { chooseWmtDocument, looksLikeWmtTsv, wmtReview } from '../../shared/formats/wmt-import';
import { makeHeader, type JournalHeader } from '../../shared/journal/journal-event';
import { paragraphIdAt, type Annotation, type Paragraph } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { buildReport, reportReviewOf, type ReportReview } from '../../shared/report/build-report';
import { renderReportCsv } from '../../shared/report/report-csv';
import { renderReportHtml } from '../../shared/report/report-html';
import { DEFAULT_PASS_THRESHOLD } from '../../shared/scoring/mqm-figures';
import { isScoringProfile, SCORING_PROFILES, type ScoringProfile } from '../../shared/scoring/wmt-weights';
import type { Typology } from '../../shared/typology/typology';
import { writeGuardedFile } from '../service/export-article';
import { readReviewFile } from '../service/read-review';
import { typologyFromSetting } from '../service/review-typology';
import { builtInTypology } from '../../shared/typology/built-in';
import { SessionSuggestions } from '../service/session-suggestions';
import { editRateUnitOf, VersionFigures } from '../service/version-figures';
import { parseArgs, type CommandModule } from './command';

const FORMATS = ['html', 'json', 'csv'] as const;
type ReportFormat = (typeof FORMATS)[number];

const USAGE = `Usage: redline report REVIEW... --out PATH [--format ${FORMATS.join('|')}] [--profile ${SCORING_PROFILES.join('|')}]
                      [--threshold N] [--doc ID --system NAME] [--checks] [--force]

Writes the quality report of a review (NAME.redline): its score, errors by category and severity, where in the
article they are, the worst paragraphs, the version history. Several reviews of one article (one per reviewer)
make one report with every rater side by side, their agreement (Cohen's kappa for two, Fleiss' for more; span
F1 for each pair) and the paragraphs where they disagree most. A WMT MQM TSV file counts as one review with
each of its raters.

Options:
  --out PATH     the file to write, or - for standard output
  --format F     html (one self-contained file, prints to PDF), json (every figure) or csv (the figures as rows);
                 default: from the extension of PATH, else html
  --profile P    scoring profile (default: the first review's own, else wmt for a WMT file)
  --threshold N  MQM-Core pass mark from 0 to 100 (default: the first review's own, else ${DEFAULT_PASS_THRESHOLD})
  --doc ID       with a WMT file: the document to report on (needed when the file holds several)
  --system NAME  with a WMT file: the system to report on (needed when the document has several)
  --force        replace PATH if it exists
  --checks       run the automatic checks, to count the suggestions still open (as the app's report does)

The figures equal those of "redline score" on the same input.
Exit status: 0 written, 2 bad input or usage (the reason on stderr), 1 the file could not be written.
`;

/** One input of a report: a review file, or one document and system of a WMT MQM file. */
export interface ReportInput {
  readonly review: ReportReview;
  /** The article as a review file's first line holds it (made up for a WMT file), for a review made from the inputs. */
  readonly header: JournalHeader;
  readonly path: string;
  /** The article's name: as the review recorded it, or the WMT document's. */
  readonly article: string;
  readonly settings?: { readonly scoringProfile: string; readonly passThreshold: number; readonly typology: string };
  readonly editRateUnit?: 'word' | 'char';
  readonly warnings: readonly string[];
  readonly guarded: readonly { readonly path: string; readonly what: string }[];
}

async function readWmt(path: string, shown: string, doc: string | undefined, system: string | undefined): Promise<Result<ReportInput>> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' ? 'not-found' : 'bad-request',
      code === 'ENOENT' ? `${shown}: no such file.` : `${shown}: not UTF-8 text.`,
    );
  }
  if (!looksLikeWmtTsv(text)) return fail('bad-request', `${shown} is neither a review file (.redline) nor a WMT MQM TSV file.`);
  const parsed = parseWmtTsv(text, shown);
  if (!parsed.ok) return parsed;
  const chosen = chooseWmtDocument(parsed.value, shown, doc, system);
  if (!chosen.ok) return chosen;
  const wmt = wmtReview(parsed.value, chosen.value.doc, chosen.value.system, new Date().toISOString());
  const paragraphs: Paragraph[] = wmt.blocks.map((b, i) => ({
    id: paragraphIdAt(i),
    index: i,
    kind: b.kind,
    target: b.text,
    ...(b.source !== undefined ? { source: b.source } : {}),
    ...(b.ref !== undefined ? { ref: b.ref } : {}),
  }));
  const annotations: Annotation[] = wmt.flags.map(({ paragraph, ...flag }, i) => ({
    ...flag,
    id: `w${i + 1}`,
    paragraphId: paragraphIdAt(paragraph),
  }));
  // Who rated each segment, in the order wmtReview puts them (document order).
  const readers = parsed.value.segments
    .filter((seg) => seg.doc === chosen.value.doc && seg.system === chosen.value.system)
    .sort((x, y) => x.docSegId - y.docSegId)
    .map((seg) => [...new Set(seg.ratings.map((r) => r.rater))]);
  const label = `${basename(path)} (${chosen.value.doc}, ${chosen.value.system})`;
  return ok({
    review: { label, reviewer: wmt.raters.join(', '), paragraphs, annotations, raters: wmt.raters, readers },
    header: makeHeader(
      { path, name: basename(path), format: 'tsv', encoding: 'utf-8', bytes: text.length },
      paragraphs,
      new Date().toISOString(),
    ),
    path,
    article: `${chosen.value.doc} (${chosen.value.system})`,
    editRateUnit: editRateUnitOf(paragraphs),
    warnings: [...parsed.value.warnings, ...wmt.warnings.map((w) => `${shown} ${w}`)],
    guarded: [{ path, what: 'an input of the report' }],
  });
}

/** Reads a review file, or a WMT MQM file's document and system, as an input of a report (or of adjudication). */
export async function readReportInput(
  path: string,
  shown: string,
  doc: string | undefined,
  system: string | undefined,
  runChecks = false,
): Promise<Result<ReportInput>> {
  if (extname(path).toLowerCase() !== '.redline') return readWmt(path, shown, doc, system);
  const read = await readReviewFile(path);
  if (!read.ok) return read;
  const { state } = read.value;
  const unit = editRateUnitOf(state.paragraphs);
  const versions = new VersionFigures(state, unit).summaries(state);
  // With --checks the checks run here as in the app, so the report counts the suggestions still open too; they are
  // optional because on a long article they take longer than the rest of the report.
  let open: readonly { readonly check: string }[] | undefined;
  if (runChecks) {
    const checks = new SessionSuggestions(() => undefined);
    await checks.start(state);
    const list = await checks.list(state, path);
    if (!list.checking) open = list.suggestions;
  }
  const { article } = state.header;
  return ok({
    review: reportReviewOf(state, basename(path), versions, open),
    header: state.header,
    path,
    article: article.name,
    settings: state.settings,
    editRateUnit: unit,
    warnings: read.value.warnings,
    guarded: [
      { path, what: 'a review file given to the report' },
      { path: article.path, what: 'the article under review' },
      ...(article.sourcePath !== undefined ? [{ path: article.sourcePath, what: "the article's source text" }] : []),
    ],
  });
}

function formatOf(value: string | undefined, out: string): ReportFormat | undefined {
  if (value !== undefined) return (FORMATS as readonly string[]).includes(value) ? (value as ReportFormat) : undefined;
  const ext = extname(out).toLowerCase().slice(1);
  return ext === 'json' || ext === 'csv' ? ext : 'html';
}

export const reportCommand: CommandModule = {
  name: 'report',
  usage: USAGE,
  async run(args, io) {
    const { positional, values, switches, unknown } = parseArgs(args, {
      values: ['format', 'out', 'profile', 'threshold', 'doc', 'system'],
      switches: ['force', 'checks'],
    });
    const usageError = (message: string): number => {
      io.stderr(`redline report: ${message}\nRun "redline report --help" for the options.\n`);
      return 2;
    };
    if (unknown.length > 0) return usageError(unknown.join('; '));
    if (positional.length === 0) return usageError('name the review file(s) to report on.');
    const out = values.get('out');
    if (out === undefined || out === '') return usageError('say where to write with --out PATH (- for standard output).');
    const format = formatOf(values.get('format'), out);
    if (!format) return usageError(`unknown format "${values.get('format')}"; use ${FORMATS.join(', ')}.`);
    const profileText = values.get('profile');
    if (profileText !== undefined && !isScoringProfile(profileText))
      return usageError(`unknown profile "${profileText}"; use ${SCORING_PROFILES.join(', ')}.`);
    const thresholdText = values.get('threshold');
    const threshold = thresholdText === undefined ? undefined : Number(thresholdText);
    if (threshold !== undefined && (thresholdText!.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 100)) {
      return usageError(`--threshold is a quality score from 0 to 100, got "${thresholdText}".`);
    }

    const inputs: ReportInput[] = [];
    for (const file of positional) {
      const read = await readReportInput(resolve(io.cwd, file), file, values.get('doc'), values.get('system'), switches.has('checks'));
      if (!read.ok) {
        io.stderr(`redline report: ${read.error.message}\n`);
        return 2;
      }
      for (const w of read.value.warnings) io.stderr(`redline report: warning: ${w}\n`);
      inputs.push(read.value);
    }
    const first = inputs[0]!;
    const own = first.settings && isScoringProfile(first.settings.scoringProfile) ? first.settings.scoringProfile : undefined;
    const profile: ScoringProfile = (profileText as ScoringProfile | undefined) ?? own ?? 'wmt';
    let typology: Typology = builtInTypology(profile);
    if (first.settings) {
      const t = typologyFromSetting(first.settings.typology, profile);
      if (t.ok) typology = t.value;
      else io.stderr(`redline report: warning: the review's typology could not be read (${t.error.message}); ${typology.name} is used.\n`);
    }
    const built = buildReport(
      inputs.map((i) => i.review),
      {
        article: first.article,
        profile,
        typology,
        threshold: threshold ?? first.settings?.passThreshold ?? DEFAULT_PASS_THRESHOLD,
        generated: new Date().toISOString(),
        editRateUnit: first.editRateUnit ?? 'word',
      },
    );
    if (!built.ok) {
      io.stderr(`redline report: ${built.error.message}\n`);
      return 2;
    }
    const model = built.value;
    const content =
      format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : format === 'csv' ? renderReportCsv(model) : renderReportHtml(model);
    if (out === '-') {
      io.stdout(content);
      return 0;
    }
    const written = await writeGuardedFile(
      content,
      resolve(io.cwd, out),
      inputs.flatMap((i) => i.guarded),
      switches.has('force'),
    );
    if (!written.ok) {
      const hint = written.error.code === 'conflict' && !switches.has('force') ? ' Add --force to replace it.' : '';
      io.stderr(`redline report: ${written.error.message}${hint}\n`);
      return written.error.code === 'io-error' ? 1 : 2;
    }
    io.stderr(
      `Wrote the ${format} report of ${model.article.name} (${model.raters.length} rater${model.raters.length === 1 ? '' : 's'}) to ${written.value.path}\n`,
    );
    return 0;
  },
};
