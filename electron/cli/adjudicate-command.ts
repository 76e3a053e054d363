/**
 * `redline adjudicate REVIEW... --out NEW.redline [--decisions FILE.json] [--adjudicator NAME]`: several raters'
 * reviews of one article (or a WMT MQM file's raters) become one new review, stamped as adjudicated: the flags
 * kept, merged or dropped as the decisions file says (see shared/report/adjudication.ts), each with a comment
 * naming the flags it came from. The paragraphs to decide on, with every rater's flags and their names
 * (`review#id`), are in the report's JSON (`agreement.disputed`) and its HTML.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { adjudicate, adjudicatedReview, articleMismatch, type Decision } from '../../shared/report/adjudication';
import { decisionsFileSchema } from '../../shared/report/adjudication-decisions';
import { writeAdjudicatedReview } from '../service/adjudication-file';
import { parseArgs, type CommandModule } from './command';
import { readReportInput } from './report-command';

const USAGE = `Usage: redline adjudicate REVIEW... --out NEW.redline [--decisions FILE.json] [--adjudicator NAME]
                          [--doc ID --system NAME]

Makes one review from several reviews of the same article (or from a WMT MQM file's raters): every flag that
is not dismissed, kept, merged or dropped as the decisions file says. A flag nobody decided on is kept, and
identical flags of different raters (same span, category and severity) become one. Each flag's comment ends
with the flags it came from, and the new review's reviewer is "NAME (adjudicated)".

Decisions file (JSON):
  { "decisions": [
      { "action": "keep",  "flag": "ana.redline#a1" },
      { "action": "drop",  "flag": "ben.redline#b7" },
      { "action": "merge", "flags": ["ana.redline#a3", "ben.redline#b2"], "severity": "major", "category": "Accuracy/Mistranslation" } ] }
A flag is named REVIEW-FILE#FLAG-ID, as "redline report --format json" lists them under agreement.disputed.

Options:
  --out PATH         the new review file (.redline); an existing file is never replaced
  --decisions FILE   the adjudicator's decisions (default: none, only identical flags are merged)
  --adjudicator NAME who decided (default: "Adjudicator")
  --doc, --system    with a WMT file: the document and system, as for redline report
Exit status: 0 written, 2 bad input or usage (the reason on stderr), 1 the file could not be written.
`;

async function readDecisions(
  path: string,
  shown: string,
): Promise<{ ok: true; value: readonly Decision[] } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, message: `${shown}: no such file.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${shown} is not JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  const parsed = decisionsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${shown}: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not a decisions file'}.` };
  }
  return { ok: true, value: parsed.data.decisions as readonly Decision[] };
}

export const adjudicateCommand: CommandModule = {
  name: 'adjudicate',
  usage: USAGE,
  async run(args, io) {
    const { positional, values, unknown } = parseArgs(args, { values: ['out', 'decisions', 'adjudicator', 'doc', 'system'] });
    const usageError = (message: string): number => {
      io.stderr(`redline adjudicate: ${message}\nRun "redline adjudicate --help" for the options.\n`);
      return 2;
    };
    const failed = (message: string): number => {
      io.stderr(`redline adjudicate: ${message}\n`);
      return 2;
    };
    if (unknown.length > 0) return usageError(unknown.join('; '));
    if (positional.length === 0) return usageError('name the reviews to adjudicate.');
    const out = values.get('out');
    if (!out) return usageError('say where to write the adjudicated review with --out NEW.redline.');
    if (!out.toLowerCase().endsWith('.redline')) return usageError('the adjudicated review is a review file: name it NAME.redline.');
    const adjudicator = (values.get('adjudicator') ?? 'Adjudicator').trim() || 'Adjudicator';

    const inputs = [];
    for (const file of positional) {
      const read = await readReportInput(resolve(io.cwd, file), file, values.get('doc'), values.get('system'));
      if (!read.ok) return failed(read.error.message);
      inputs.push(read.value);
    }
    const first = inputs[0]!;
    for (const other of inputs.slice(1)) {
      const mismatch = articleMismatch({ ...first.review, article: first.article }, { ...other.review, article: other.article });
      if (mismatch) return failed(mismatch);
    }
    const decisionsPath = values.get('decisions');
    let decisions: readonly Decision[] = [];
    if (decisionsPath !== undefined) {
      const read = await readDecisions(resolve(io.cwd, decisionsPath), decisionsPath);
      if (!read.ok) return failed(read.message);
      decisions = read.value;
    }
    const result = adjudicate(
      inputs.map((i) => i.review),
      decisions,
    );
    if (!result.ok) return failed(result.error.message);

    const outPath = resolve(io.cwd, out);
    const review = adjudicatedReview(first.header, result.value, {
      adjudicator,
      ...(first.settings ? { settings: first.settings } : {}),
      now: new Date().toISOString(),
    });
    const written = await writeAdjudicatedReview(outPath, review);
    if (!written.ok) {
      io.stderr(`redline adjudicate: ${written.error.message}\n`);
      return written.error.code === 'io-error' ? 1 : 2;
    }
    const merged = result.value.filter((f) => f.how === 'merged').length;
    io.stderr(
      `Wrote ${basename(outPath)}: ${result.value.length} flag${result.value.length === 1 ? '' : 's'} (${merged} merged) from ${inputs.length} review${inputs.length === 1 ? '' : 's'}, adjudicated by ${adjudicator}.\n`,
    );
    return 0;
  },
};
