/**
 * `redline export REVIEW --format F --out PATH [--version N] [--force]`: writes a version of a review as an article
 * (plain text, Markdown, HTML, Word with tracked changes and comments, a bilingual table) or the review itself for
 * other tools (WMT MQM TSV, JSON, a CSV of the flags, a unified patch from the machine translation).
 *
 * Without `--version` the current working text is written, as the reviewer left it (saved or not): that is what
 * the app shows and what a reviewer who closes the app expects to get. `--version 0` is the machine translation.
 * The review file is only read, never repaired or changed, and never written over: nor is the article, its
 * source, another review, or anything that is not a regular file. An existing file is replaced only with --force.
 */
import { extname, resolve } from 'node:path';
import type { VersionRef } from '../../shared/journal/review-state';
import { exportVersion, writeExport } from '../service/export-article';
import { EXPORT_FORMATS, isExportFormat, renderExport } from '../service/export-formats';
import { readReviewFile } from '../service/read-review';
import { parseArgs, type CommandModule } from './command';

const USAGE = `Usage: redline export REVIEW --format ${EXPORT_FORMATS.join('|')} --out PATH [--version N|current] [--force] [--clean]

Writes a version of a review (NAME.redline):
  txt     plain text, paragraphs separated by blank lines
  md      Markdown: headings, lists, quotes and code blocks as the article had them
  html    HTML: into the original page when the article was one (only changed paragraphs replaced), else a new page
  docx    Word: the reviewer's edits as tracked changes (insertions and deletions with author and date) and the
          flags as comments on their spans; into the original document when the article was one, styles kept
  xliff   XLIFF: the article's own XLIFF file (1.2, 2.x or SDLXLIFF) with the corrected targets and the flags
          as ITS quality issues; everything else in the file stays byte for byte (XLIFF articles only)
  xliff-its  XLIFF 2.1 from any article: source, corrected target, notes, inline codes, and every flag as ITS
          Localization Quality Issue markup
  tsv     WMT MQM TSV, 10 columns, one row per flag (spans in <v>…</v>, note and span in the metadata JSON)
  json    the whole review: article, paragraphs, flags, versions, settings
  csv     the flags, one row per flag, for a spreadsheet
  patch   a unified diff from the machine translation to the version (as plain text)
  bitext  a bilingual table, source and corrected translation per row (CSV when PATH ends in .csv)

Options:
  --format F     one of the formats above
  --clean        docx only: the corrected text without tracked changes and comments
  --out PATH     the file to write (written to a temporary file first, then renamed into place); never a
                 review file, the article or its source, a folder, or a device, pipe or socket
  --force        replace PATH if it exists (without it an existing file is left alone)
  --version V    a saved version number, 0 for the machine translation, or current (default: the current
                 working text, as the reviewer left it, saved or not)

Paragraphs that exist only in the source (no translation) are left out.
Exit status: 0 written, 2 bad input or usage (the reason on stderr), 1 the file could not be written.
`;

function parseVersion(text: string | undefined): VersionRef | undefined {
  if (text === undefined || text === 'current') return 'current';
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export const exportCommand: CommandModule = {
  name: 'export',
  usage: USAGE,
  async run(args, io) {
    const { positional, values, switches, unknown } = parseArgs(args, {
      values: ['format', 'out', 'version'],
      switches: ['force', 'clean'],
    });
    const usageError = (message: string): number => {
      io.stderr(`redline export: ${message}\nRun "redline export --help" for the options.\n`);
      return 2;
    };
    if (unknown.length > 0) return usageError(unknown.join('; '));
    if (positional.length !== 1) return usageError(positional.length === 0 ? 'name the review file to export.' : 'give one review file.');
    const format = values.get('format');
    if (format === undefined) return usageError(`say which format to write with --format: ${EXPORT_FORMATS.join(', ')}.`);
    if (!isExportFormat(format)) return usageError(`unknown format "${format}"; the formats are ${EXPORT_FORMATS.join(', ')}.`);
    if (switches.has('clean') && format !== 'docx') return usageError('--clean is for --format docx only.');
    const out = values.get('out');
    if (out === undefined || out === '') return usageError('say where to write with --out PATH.');
    const version = parseVersion(values.get('version'));
    if (version === undefined) return usageError(`--version takes a version number or "current", not "${values.get('version')}".`);

    const reviewPath = resolve(io.cwd, positional[0]!);
    const read = await readReviewFile(reviewPath);
    if (!read.ok) {
      io.stderr(`redline export: ${read.error.message}\n`);
      return 2;
    }
    for (const w of read.value.warnings) io.stderr(`redline export: warning: ${w}\n`);
    const force = switches.has('force');
    const outPath = resolve(io.cwd, out);
    const state = read.value.state;
    const written =
      format === 'txt' || format === 'md'
        ? await exportVersion(state, version, format, outPath, reviewPath, force)
        : await (async () => {
            const rendered = await renderExport(state, version, format, {
              clean: switches.has('clean'),
              reviewPath,
              delimiter: extname(outPath).toLowerCase() === '.csv' ? ',' : '\t',
            });
            if (!rendered.ok) return rendered;
            for (const w of rendered.value.warnings) io.stderr(`redline export: warning: ${w}\n`);
            const done = await writeExport(state, rendered.value.content, outPath, reviewPath, force);
            return done.ok ? { ok: true as const, value: { path: done.value.path, paragraphs: rendered.value.paragraphs } } : done;
          })();
    if (!written.ok) {
      const hint = written.error.code === 'conflict' && !force ? ' Add --force to replace it.' : '';
      io.stderr(`redline export: ${written.error.message}${hint}\n`);
      return written.error.code === 'io-error' ? 1 : 2;
    }
    io.stderr(`Wrote ${written.value.paragraphs} paragraphs to ${written.value.path}\n`);
    return 0;
  },
};
