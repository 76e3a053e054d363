/**
 * Word documents for the loader: a .docx is a ZIP package, so it is read whole as bytes (within the loader's size
 * limit and the package's unzip budget) and handed out as paragraphs at once, instead of being decoded as text.
 */
import { readFile } from 'node:fs/promises';
import { readDocx } from '../../shared/formats/docx/docx-reader';
import type { ArticleInfo } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import type { StreamSink } from './article-stream';

/** The first bytes of every ZIP archive (and so of every .docx). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads a Word document at `path` and hands its paragraphs to `sink`. */
export async function readDocxArticle(path: string, name: string, size: number, sink: StreamSink): Promise<Result<ArticleInfo>> {
  const bytes = await readFile(path);
  if (!looksLikeZip(bytes)) return fail('parse-error', `${name} is not a Word document: it is not a ZIP package.`);
  const blocks = readDocx(bytes, name);
  if (!blocks.ok) return blocks;
  const info: ArticleInfo = { path, name, format: 'docx', encoding: 'utf-8', bytes: size };
  sink.onInfo?.(info);
  if (blocks.value.length === 0) return fail('empty', `${name} has no text to review.`);
  sink.onBlocks(blocks.value);
  sink.onProgress?.(size, size);
  return ok(info);
}
