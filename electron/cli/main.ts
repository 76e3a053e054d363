/**
 * The `redline` command line: one entry point with subcommands.
 * `npm run -s cli -- --help` lists them; `npm run -s cli -- NAME --help` explains one. This module holds only the
 * table of commands; each command's code is loaded when it runs (see commands.ts).
 */
import { commands } from './commands';
import type { CliIo } from './command';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(
      [
        'Usage: redline <command> [options]',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
        '',
        'Run "redline <command> --help" for the options of one command.',
        '',
      ].join('\n'),
    );
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`redline: unknown command "${name}". Run "redline --help" for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${(await command.load()).usage.trimEnd()}\n`);
    return 0;
  }
  return command.run(rest, io);
}

/**
 * Runs the command line as a process: its output goes to stdout and stderr, and its status becomes the exit
 * code (`serve` keeps the process running instead).
 */
export async function runFromProcess(argv: readonly string[]): Promise<void> {
  const status = await runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTty: process.stdout.isTTY === true,
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  });
  if (status !== -1) process.exitCode = status;
}

// Run directly (`node out/cli/main.js`), or through a TypeScript loader with REDLINE_CLI=1; launch.mjs imports
// this module and calls runFromProcess itself.
const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain || process.env.REDLINE_CLI === '1') await runFromProcess(process.argv.slice(2));
