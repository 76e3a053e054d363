/**
 * The table of subcommands: what `redline --help` lists, and where each command's code is. A command's module
 * (and everything it imports: the loader, the formats, the journal, the service) is loaded only when that
 * command runs or explains itself, so `--help` and a light command start without compiling the others.
 */
import type { Command, CommandModule } from './command';

export interface CommandEntry extends Command {
  /** One line for `--help`. */
  readonly summary: string;
  /** Loads the command's module: its usage text and its `run` (which `run` here loads and calls). */
  load(): Promise<CommandModule>;
}

function entry(name: string, summary: string, load: () => Promise<CommandModule>): CommandEntry {
  return { name, summary, load, run: async (args, io) => (await load()).run(args, io) };
}

/** Every subcommand, in the order `--help` lists them. Review files are read without being changed. */
export const commands: readonly CommandEntry[] = [
  entry(
    'serve',
    'Open Redline in the browser: serve the app on 127.0.0.1 and print its address',
    async () => (await import('./serve-command')).serveCommand,
  ),
  entry('score', 'Score a WMT MQM TSV file or a review with MQM', async () => {
    const [{ makeScoreCommand }, { readReviewForScoring }] = await Promise.all([
      import('./score-command'),
      import('../service/read-review'),
    ]);
    return makeScoreCommand({ readReview: readReviewForScoring });
  }),
  entry(
    'diff',
    'Compare two versions of an article, with the edit rate (TER) per paragraph and overall',
    async () => (await import('./diff-command')).diffCommand,
  ),
  entry(
    'import',
    'Start a review file from an article, a WMT annotation file or corrected versions',
    async () => (await import('./import-command')).importCommand,
  ),
  entry(
    'export',
    'Write a version of a review as an article (txt, md, html, docx, xliff, xliff-its) or for other tools (tsv, json, csv, patch)',
    async () => (await import('./export-command')).exportCommand,
  ),
  entry(
    'report',
    'Write the quality report of a review, or of several reviewers of one article (html, json, csv)',
    async () => (await import('./report-command')).reportCommand,
  ),
  entry(
    'adjudicate',
    'Make one adjudicated review from several raters’ reviews of an article: flags kept, merged or dropped',
    async () => (await import('./adjudicate-command')).adjudicateCommand,
  ),
  entry('check', 'Run the automatic checks on an article', async () => (await import('./check-command')).checkCommand),
];
