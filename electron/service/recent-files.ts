/**
 * The recent-files list, kept as a small JSON file in the app's data folder. A damaged list is treated as
 * empty (it is a convenience, never the only copy of anything) and rewritten whole via a temporary file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RecentFile } from '../../shared/contract';

/** Entries kept: enough for a week's articles without turning the menu into a search problem. */
const MAX_RECENT = 12;

export class RecentFiles {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  async list(): Promise<RecentFile[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (e): e is RecentFile => typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.name === 'string',
      );
    } catch {
      return [];
    }
  }

  /** Puts an article at the top of the list. */
  add(entry: Omit<RecentFile, 'opened'>): Promise<void> {
    this.writing = this.writing.then(async () => {
      const others = (await this.list()).filter((e) => e.path !== entry.path);
      const next = [{ ...entry, opened: new Date().toISOString() }, ...others].slice(0, MAX_RECENT);
      await mkdir(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(next, null, 1)}\n`);
      await rename(temp, this.file);
    });
    return this.writing.catch(() => undefined);
  }
}
