import { readReviewForScoring } from '../service/read-review';
import { adjudicateCommand } from './adjudicate-command';
import { checkCommand } from './check-command';
import type { Command } from './command';
import { diffCommand } from './diff-command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { reportCommand } from './report-command';
import { makeScoreCommand } from './score-command';
import { serveCommand } from './serve-command';

/** Every subcommand, in the order `--help` lists them. Review files are read without being changed. */
export const commands: readonly Command[] = [
  serveCommand,
  makeScoreCommand({ readReview: readReviewForScoring }),
  diffCommand,
  importCommand,
  exportCommand,
  reportCommand,
  adjudicateCommand,
  checkCommand,
];
