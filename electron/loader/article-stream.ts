/**
 * Reads an article from disk as a stream: bytes are decoded and split into paragraphs chunk by chunk, and each
 * chunk's paragraphs are handed out at once, so the first screen shows long before a large file is read.
 * The first chunk is small (quick first paragraphs), later ones large (throughput). Between chunks the event
 * loop is free, so the service never blocks for long.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createSplitter, type BlockSplitter } from '../../shared/formats/block-splitter';
import type { ArticleInfo, Block } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { TextDecoder } from 'node:util';
import { readDocxArticle, looksLikeZip } from './docx-article';
import { wholeTextInThread, type WholeTextReader } from './whole-file-thread';
import { breathe } from '../breathe';
import { detectEncoding } from './encoding';
import { detectArticleFormat } from './structured-article';

/**
 * The largest article the loader accepts. A 100,000-paragraph article is about 20 MB; 256 MiB leaves room for
 * ten times that while keeping the service's memory (about ten times the file) within a desktop's means.
 */
export const MAX_ARTICLE_BYTES = 256 * 1024 * 1024;

/** Size of the first read: enough for the first screen of paragraphs, small enough to decode at once. */
const FIRST_CHUNK_BYTES = 64 * 1024;
/** Size of later reads: large enough for throughput, small enough to keep each block of the event loop short. */
const CHUNK_BYTES = 256 * 1024;
/**
 * Bytes decoded at a time, a few to a chunk. The text of a slice this size is an ordinary young object; that of a
 * chunk of 512 KB (a megabyte of UTF-16) went to memory of its own, fresh each time, and decoding a long article that
 * way took several times as long.
 */
const DECODE_BYTES = 64 * 1024;
/**
 * The first slice decoded, each next one twice as long up to `DECODE_BYTES`: the first slices of an article are
 * split by code that has not run yet in this process (a reader's first XLIFF took 20 ms for 64 kB, which takes it
 * 1-2 ms once warm).
 */
const FIRST_DECODE_BYTES = 4 * 1024;

export interface StreamSink {
  /** Paragraphs completed by the latest chunk, in order. */
  readonly onBlocks: (blocks: Block[]) => void;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** The article's facts, as soon as its encoding is known (before the first paragraphs). */
  readonly onInfo?: (info: ArticleInfo) => void;
  readonly signal?: AbortSignal;
}

function describeIoError(err: unknown, where: string): Result<never> {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fail('not-found', `${where} does not exist.`);
  if (code === 'EACCES' || code === 'EPERM') return fail('io-error', `${where} cannot be read: permission denied.`);
  if (code === 'EISDIR') return fail('not-a-file', `${where} is a folder, not an article.`);
  return fail('io-error', `${where} could not be read (${code ?? String(err)}).`);
}

/** The size of the file at `path` once it passes the checks every article must: a file, not empty, within the limit. */
async function articleSize(path: string): Promise<Result<number>> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return fail('not-a-file', `${path} is ${s.isDirectory() ? 'a folder' : 'not a regular file'}, not an article.`);
    size = s.size;
  } catch (err) {
    return describeIoError(err, path);
  }
  if (size === 0) return fail('empty', `${name} is empty: there is nothing to review.`);
  if (size > MAX_ARTICLE_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
    return fail('too-large', `${name} is ${mib(size)}, over the ${mib(MAX_ARTICLE_BYTES)} limit for one article.`);
  }
  return ok(size);
}

/**
 * Streams the article at `path` into `sink`. Resolves with the article's facts once the whole file is read,
 * or with the first failure (paragraphs handed out before it stay valid).
 */
export async function streamArticle(path: string, sink: StreamSink): Promise<Result<ArticleInfo>> {
  const name = basename(path);
  const sized = await articleSize(path);
  if (!sized.ok) return sized;
  const size = sized.value;

  let handle;
  /** A page or table parsed in its own thread, instead of by a splitter here. */
  let wholeText: WholeTextReader | undefined;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    return describeIoError(err, path);
  }
  try {
    // The format is known once the first text is decoded: an XLIFF file is told by its root element too.
    let splitter: BlockSplitter | undefined;
    let offset = 0;
    let decoder: TextDecoder | undefined;
    let info: ArticleInfo | undefined;
    let paragraphs = 0;
    let buffer = Buffer.allocUnsafe(FIRST_CHUNK_BYTES);
    /** The next slice's length (see FIRST_DECODE_BYTES). */
    let slice = FIRST_DECODE_BYTES;

    for (;;) {
      if (sink.signal?.aborted) return fail('internal', `Loading ${name} was cancelled.`);
      const want = offset === 0 ? FIRST_CHUNK_BYTES : CHUNK_BYTES;
      if (buffer.length < want) buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, offset);
      const chunk = buffer.subarray(0, bytesRead);
      const last = bytesRead === 0 || offset + bytesRead >= size;

      let skip = 0;
      let encoding = info?.encoding;
      if (!decoder) {
        // A Word document is a ZIP package, not text: it is read whole (see docx-article.ts).
        if (offset === 0 && (looksLikeZip(chunk) || /\.docx$/i.test(name))) return await readDocxArticle(path, name, size, sink);
        const detected = detectEncoding(chunk, last, name);
        if (!detected.ok) return detected;
        decoder = new TextDecoder(detected.value.label, { fatal: true, ignoreBOM: true });
        skip = detected.value.bomLength;
        encoding = detected.value.encoding;
      }
      const blocks: Block[] = [];
      // Decoded a slice at a time (see DECODE_BYTES), each slice's text split as it comes.
      for (let from = skip; from < chunk.length || (last && from === skip); from += slice, slice = Math.min(DECODE_BYTES, slice * 2)) {
        const to = Math.min(chunk.length, from + slice);
        let text: string;
        try {
          text = decoder.decode(chunk.subarray(from, to), { stream: !(last && to === chunk.length) });
        } catch {
          return fail(
            'bad-encoding',
            `${name} is not valid ${encoding!.toUpperCase()} text: an undecodable byte sequence lies between byte ${offset + from} and byte ${offset + to}.`,
          );
        }
        if (!splitter && !wholeText) {
          // Told from the start of the whole first read, not only of its first slice (a page may open with a
          // long comment).
          const start = new TextDecoder(decoder.encoding, { ignoreBOM: true }).decode(chunk.subarray(skip));
          const format = detectArticleFormat(name, start);
          // A page or table gives its paragraphs only at its end, and a long page takes seconds to parse: it is
          // parsed in a thread of its own if one starts.
          if (format === 'html' || format === 'tsv') {
            wholeText = wholeTextInThread(format, name, (batch) => {
              paragraphs += batch.length;
              sink.onBlocks(batch);
            });
          }
          if (!wholeText) splitter = createSplitter(format, name);
          info = { path, name, format, encoding: encoding!, bytes: size };
          sink.onInfo?.(info);
        }
        if (wholeText) await wholeText.push(text);
        else for (const b of splitter!.push(text)) blocks.push(b);
        if (to === chunk.length) break;
        // A breath between two slices: reading a quarter megabyte of XLIFF or Markdown at once held the event loop
        // for some tens of milliseconds.
        await breathe();
      }
      if (!splitter && !wholeText) return fail('internal', `${name} could not be read.`);
      offset += bytesRead;
      if (wholeText) {
        sink.onProgress?.(offset, size);
        if (!last) continue;
        const read = await wholeText.end(sink.signal);
        wholeText = undefined;
        if (!read.ok) return read;
        break;
      }
      if (last) blocks.push(...splitter!.end());
      if (splitter!.failure) return { ok: false, error: splitter!.failure };
      paragraphs += blocks.length;
      if (blocks.length > 0) sink.onBlocks(blocks);
      sink.onProgress?.(offset, size);
      if (last) break;
    }
    if (paragraphs === 0) {
      return fail(
        'empty',
        info?.format === 'xliff'
          ? `${name} has no translation units to review.`
          : `${name} holds only white space: there is nothing to review.`,
      );
    }
    return ok(info!);
  } catch (err) {
    return describeIoError(err, path);
  } finally {
    wholeText?.close();
    await handle.close();
  }
}

/**
 * Checks, without loading it, that a file can be opened as an article: it exists, is a file within the size
 * limit, is not empty, and its first bytes are text or those of a Word document's package. For the command line,
 * which reports bad input before it starts anything; the loader makes the same checks as it reads.
 */
export async function checkArticle(path: string): Promise<Result<void>> {
  const name = basename(path);
  const sized = await articleSize(path);
  if (!sized.ok) return sized;
  const size = sized.value;
  try {
    const handle = await open(path, 'r');
    try {
      const sample = Buffer.allocUnsafe(Math.min(size, FIRST_CHUNK_BYTES));
      const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
      // A Word document is a ZIP package, which the loader reads as one (and says so if it is not a document).
      if (looksLikeZip(sample.subarray(0, bytesRead)) || /\.docx$/i.test(name)) return ok(undefined);
      const detected = detectEncoding(sample.subarray(0, bytesRead), bytesRead >= size, name);
      return detected.ok ? ok(undefined) : detected;
    } finally {
      await handle.close();
    }
  } catch (err) {
    return describeIoError(err, path);
  }
}
