/**
 * `redline export REVIEW --format txt|md --out PATH [--version N] [--force]`: writes the text of a review as plain
 * text or Markdown, for scripts and for articles reviewed on another machine.
 *
 * Without `--version` the current working text is written, as the reviewer left it (saved or not): that is what
 * the app shows and what a reviewer who closes the app expects to get. `--version 0` is the machine translation.
 * The review file is only read, never repaired or changed, and never written over: nor is the article, its
 * source, another review, or anything that is not a regular file. An existing file is replaced only with --force.
 */
import { resolve } from 'node:path';
import type { VersionRef } from '../../shared/journal/review-state';
import { exportVersion } from '../service/export-article';
import { readReviewFile } from '../service/read-review';
import { parseArgs, type Command } from './command';

const FORMATS = ['txt', 'md'] as const;

const USAGE = `Usage: redline export REVIEW --format txt|md --out PATH [--version N|current] [--force]

Writes the text of a review (NAME.redline) as UTF-8 plain text (paragraphs separated by blank lines) or as
Markdown (headings, lists, quotes and code blocks as the article had them).

Options:
  --format F     txt or md
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

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the corrected text of a review as plain text or Markdown',
  usage: USAGE,
  async run(args, io) {
    const { positional, values, switches, unknown } = parseArgs(args, { values: ['format', 'out', 'version'], switches: ['force'] });
    const usageError = (message: string): number => {
      io.stderr(`redline export: ${message}\nRun "redline export --help" for the options.\n`);
      return 2;
    };
    if (unknown.length > 0) return usageError(unknown.join('; '));
    if (positional.length !== 1) return usageError(positional.length === 0 ? 'name the review file to export.' : 'give one review file.');
    const format = values.get('format');
    if (format === undefined) return usageError('say which format to write with --format txt or --format md.');
    if (!(FORMATS as readonly string[]).includes(format)) return usageError(`unknown format "${format}"; use txt or md.`);
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
    const written = await exportVersion(read.value.state, version, format as (typeof FORMATS)[number], resolve(io.cwd, out), reviewPath, force);
    if (!written.ok) {
      const hint = written.error.code === 'conflict' && !force ? ' Add --force to replace it.' : '';
      io.stderr(`redline export: ${written.error.message}${hint}\n`);
      return written.error.code === 'io-error' ? 1 : 2;
    }
    io.stderr(`Wrote ${written.value.paragraphs} paragraphs to ${written.value.path}\n`);
    return 0;
  },
};
