/**
 * App-wide preferences kept in a small `settings.json` in the data folder: for now the reviewer's name, which
 * new reviews take as their rater. A damaged or missing file means "no preference" (it is a convenience, never
 * the only copy of anything); it is rewritten whole via a temporary file and a rename, so a crash never leaves
 * it half written.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';

export interface AppPreferences {
  readonly rater?: string;
}

/** Used when neither a remembered name nor the system's user name is available. */
export const FALLBACK_RATER = 'Reviewer';

export class AppSettings {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  async read(): Promise<AppPreferences> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) return {};
      const rater = (parsed as { rater?: unknown }).rater;
      return typeof rater === 'string' && rater.trim() !== '' ? { rater: rater.trim() } : {};
    } catch {
      return {};
    }
  }

  /** The rater of a new review: the name last set in the app, else the system's user name, else "Reviewer". */
  async defaultRater(): Promise<string> {
    return (await this.read()).rater ?? systemUserName() ?? FALLBACK_RATER;
  }

  /** Remembers the reviewer's name for new reviews. Writes are queued so two quick changes land in order. */
  rememberRater(rater: string): Promise<void> {
    this.writing = this.writing.then(async () => {
      const next = { ...(await this.read()), rater };
      await mkdir(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(next, null, 1)}\n`);
      await rename(temp, this.file);
    });
    // A preference that could not be saved must not fail the reviewer's action; the review has the name.
    return this.writing.catch(() => undefined);
  }
}

function systemUserName(): string | undefined {
  try {
    const name = userInfo().username.trim();
    return name === '' ? undefined : name;
  } catch {
    // No passwd entry (some containers): there is no user name to offer.
    return undefined;
  }
}
