import type { Command } from './command';
import { scoreCommand } from './score-command';
import { serveCommand } from './serve-command';

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [serveCommand, scoreCommand];
