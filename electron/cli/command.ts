/** Where a command writes and the folder it was started in; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Whether stdout is a terminal (colours), and its width. */
  readonly isTty?: boolean;
  readonly columns?: number;
}

/** A subcommand of the `redline` command line, as callers run it: by name, with arguments. */
export interface Command {
  readonly name: string;
  /** Returns the exit status: 0 success, 2 bad input or usage (with the reason on stderr), 1 anything else. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * What a command's own module exports: the command with its full usage text. Each lives in its own file,
 * loaded only when it runs or explains itself; `commands.ts` lists them with their one-line summaries.
 */
export interface CommandModule extends Command {
  /** Full usage text for `redline NAME --help`. */
  readonly usage: string;
}

/** Splits `--flag value` / `--flag=value` / `--switch` options from positional arguments. */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values?: readonly string[]; readonly switches?: readonly string[] },
): { positional: string[]; values: Map<string, string>; switches: Set<string>; unknown: string[] } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.values?.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) unknown.push(`--${name} needs a value`);
      else values.set(name, value);
    } else if (spec.switches?.includes(name) && eq < 0) {
      switches.add(name);
    } else {
      unknown.push(`unknown option --${name}`);
    }
  }
  return { positional, values, switches, unknown };
}
