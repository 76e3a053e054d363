/** Articles written to a temporary folder for a spec: generated long ones, legacy encodings, bad input. */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'redline-e2e-files-'));

  write(name: string, content: string | Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  /** A file of `bytes` bytes that takes no disk space (for the size limit). */
  sparse(name: string, bytes: number): string {
    const path = this.write(name, '');
    truncateSync(path, bytes);
    return path;
  }

  /** A generated article of `count` numbered paragraphs. */
  longArticle(name: string, count: number, words = 8): string {
    const filler = 'the reviewer reads every sentence of this generated paragraph with care'.split(' ');
    const parts: string[] = [];
    for (let i = 1; i <= count; i++) parts.push(`Paragraph ${i}: ${filler.slice(0, words).join(' ')}.`);
    return this.write(name, `${parts.join('\n\n')}\n`);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
