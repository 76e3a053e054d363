/** Articles written to a temporary folder for a spec: generated long ones, legacy encodings, bad input. */
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
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

  /**
   * A copy of the bundled sample, translation and source, named `NAME.en.txt` and `NAME.zh.txt`, so a spec
   * reviews its own copy and its review file starts empty beside it. Returns the serve arguments.
   */
  sampleCopy(name: string): string[] {
    const sample = join(import.meta.dirname, '..', '..', 'electron', 'sample');
    const target = join(this.dir, `${name}.en.txt`);
    const source = join(this.dir, `${name}.zh.txt`);
    copyFileSync(join(sample, 'harbour-bridge.en.txt'), target);
    copyFileSync(join(sample, 'harbour-bridge.zh.txt'), source);
    return [target, '--source', source];
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
