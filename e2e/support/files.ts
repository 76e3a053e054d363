/** Articles written to a temporary folder for a spec: generated long ones, legacy encodings, bad input. */
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempFiles {
  #dir: string | undefined;

  /** The spec's folder, made when first asked for. */
  get dir(): string {
    this.#dir ??= mkdtempSync(join(tmpdir(), 'redline-e2e-files-'));
    return this.#dir;
  }

  /** Takes a folder made ahead of time (see `preparedSample`) as this spec's own, before anything was written. */
  adopt(dir: string): void {
    if (this.#dir !== undefined) throw new Error(`The spec's folder is already ${this.#dir}`);
    this.#dir = dir;
  }

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
    return copySample(this.dir, name);
  }

  remove(): void {
    if (this.#dir !== undefined) rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** Copies the bundled sample into `dir` as `NAME.en.txt` and `NAME.zh.txt`; returns the serve arguments. */
export function copySample(dir: string, name: string): string[] {
  const sample = join(import.meta.dirname, '..', '..', 'electron', 'sample');
  const target = join(dir, `${name}.en.txt`);
  const source = join(dir, `${name}.zh.txt`);
  copyFileSync(join(sample, 'harbour-bridge.en.txt'), target);
  copyFileSync(join(sample, 'harbour-bridge.zh.txt'), source);
  return [target, '--source', source];
}

/** A fresh folder holding a copy of the sample, as `copySample` names it. */
export function preparedSample(name: string): { readonly dir: string; readonly args: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'redline-e2e-files-'));
  return { dir, args: copySample(dir, name) };
}
