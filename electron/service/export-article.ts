/**
 * Exporting the text of a version: the paragraphs as the review holds them, with that version's text, written
 * as plain text or Markdown through a temporary file that is flushed and renamed into place, so an export that
 * fails half way never leaves a half-written file where the reviewer expects the article.
 *
 * A paragraph that exists only in the source (no translation) is left out unless the reviewer wrote a
 * translation for it: an export is the translated article.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeArticle, type ArticleTextBlock, type WriteFormat } from '../../shared/formats/write-article';
import { versionTexts, type ReviewState, type VersionRef } from '../../shared/journal/review-state';
import { fail, ok, type Result } from '../../shared/result';
import { writeDurably } from '../journal/review-journal';

/** The paragraphs of a version ready to write, or undefined when the review has no such version. */
export function versionBlocks(state: ReviewState, ref: VersionRef): ArticleTextBlock[] | undefined {
  const texts = versionTexts(state, ref);
  if (!texts) return undefined;
  const blocks: ArticleTextBlock[] = [];
  state.paragraphs.forEach((p, i) => {
    const text = texts[i]!;
    if (p.alignment === 'source-only' && text === '') return;
    blocks.push({
      kind: p.kind,
      ...(p.level !== undefined ? { level: p.level } : {}),
      ...(p.prefix !== undefined ? { prefix: p.prefix } : {}),
      ...(p.suffix !== undefined ? { suffix: p.suffix } : {}),
      text,
    });
  });
  return blocks;
}

/** The name of a version in messages: "version 2", "the current text". */
export function versionName(ref: VersionRef): string {
  return ref === 'current' ? 'the current text' : ref === 0 ? 'version 0 (the machine translation)' : `version ${ref}`;
}

/**
 * Writes a version of the review to `outPath`. Fails with `bad-request` for an unknown version or a target that
 * is the review file itself, `not-found` when the folder does not exist, `io-error` when the disk refuses.
 */
export async function exportVersion(
  state: ReviewState,
  ref: VersionRef,
  format: WriteFormat,
  outPath: string,
  reviewPath: string,
): Promise<Result<{ readonly path: string; readonly paragraphs: number }>> {
  const blocks = versionBlocks(state, ref);
  if (!blocks) {
    return fail('bad-request', `The review has no ${versionName(ref)}; its versions are 0 to ${state.versions.length}.`);
  }
  const path = resolve(outPath);
  if (path === resolve(reviewPath)) {
    return fail('bad-request', `${path} is the review file itself; export to another file.`);
  }
  try {
    const folder = await stat(dirname(path)).catch(() => undefined);
    if (!folder?.isDirectory()) return fail('not-found', `The folder ${dirname(path)} does not exist.`);
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory()) return fail('not-a-file', `${path} is a folder; name a file to export to.`);
    await writeDurably(path, writeArticle(blocks, format));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail('io-error', `Could not write ${path} (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
  return ok({ path, paragraphs: blocks.length });
}
