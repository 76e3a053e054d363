/**
 * Where an article's review file lives. Beside the article by default (`story.txt` → `story.redline`), so the
 * review travels with the article when the folder is copied or shared. When that folder cannot be written (a
 * read-only share, a mounted archive) the review goes to the app's data folder under a name that includes a hash
 * of the article's full path, so two `story.txt` files from different folders never share a review.
 *
 * An existing review is never hidden: a `NAME.redline` that cannot be read (empty, damaged, a folder) is taken
 * to be this article's review, so opening reports the damage instead of starting an empty review elsewhere; and a
 * review beside an article in a folder that cannot be written is still the one opened (read-only), not an empty
 * one in the data folder.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { JOURNAL_FORMAT } from '../../shared/journal/journal-event';
import {
  CHECKED_FROM,
  CHECKSUM_AT,
  CRC_START,
  crcHex,
  crcUpdate,
  crcUpdateBytes,
  hasChecksum,
  type Crc,
  type LineCheck,
} from '../../shared/journal/line-checksum';

export type ReviewLocation = 'beside-article' | 'data-folder';

export interface ReviewPath {
  readonly path: string;
  /** Where the file was put, so the window title can say so. */
  readonly location: ReviewLocation;
  /** Set when the review exists beside the article but its folder cannot be written: it opens read-only. */
  readonly folderReadOnly?: true;
  /**
   * The other file of this article's review, when there are two: the copy in the data folder made while the
   * review beside the article could not be written, or that original when the copy is the one opened.
   */
  readonly otherCopy?: string;
}

export interface ReviewPathOptions {
  /** Whether new files can be created in a folder. Injectable because tests run with rights that ignore modes. */
  readonly canWrite?: (folder: string) => Promise<boolean>;
}

/**
 * Chooses the review file for an article. Beside the article as `NAME.redline`, or `NAME.ext.redline` when a
 * `NAME.redline` there belongs to another article (`story.md` next to `story.txt`); in `dataDir` as
 * `NAME-HASH.redline` when the article's folder is not writable.
 */
export async function reviewPathFor(articlePath: string, dataDir: string, options: ReviewPathOptions = {}): Promise<ReviewPath> {
  const full = resolve(articlePath);
  const folder = dirname(full);
  const fileName = basename(full);
  const name = stem(fileName);
  const canWrite = options.canWrite ?? isWritableFolder;
  const plain = join(folder, `${name}.redline`);
  const owner = await reviewedArticleName(plain, fileName);
  const beside = owner === undefined || owner === fileName || owner === UNREADABLE ? plain : join(folder, `${fileName}.redline`);
  const copy = dataFolderPath(full, dataDir);
  const copyExists = await exists(copy);
  const besideExists = await exists(beside);
  const writable = await canWrite(folder);
  if (writable && !(besideExists && copyExists && (await fileIsReadOnly(beside)))) {
    return { path: beside, location: 'beside-article', ...(copyExists && besideExists ? { otherCopy: copy } : {}) };
  }
  if (copyExists) return { path: copy, location: 'data-folder', ...(besideExists ? { otherCopy: beside } : {}) };
  if (besideExists) return { path: beside, location: 'beside-article', ...(writable ? {} : { folderReadOnly: true as const }) };
  return { path: copy, location: 'data-folder' };
}

/** The review file of an article in the app's data folder: named after the article, with a hash of its full path. */
export function dataFolderPath(articlePath: string, dataDir: string): string {
  const full = resolve(articlePath);
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 12);
  return join(dataDir, `${stem(basename(full))}-${hash}.redline`);
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A file with no write permission at all, or one this process may not write. */
export async function fileIsReadOnly(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;
  // Checked by mode too: a user who took the write bits away means it, even for an administrator's process.
  if ((info.mode & 0o222) === 0) return true;
  return access(path, constants.W_OK).then(
    () => false,
    () => true,
  );
}

/** The file name without its last extension; a name that is all extension (`.profile`) is kept whole. */
function stem(fileName: string): string {
  const ext = extname(fileName);
  return ext.length > 0 && ext.length < fileName.length ? fileName.slice(0, -ext.length) : fileName;
}

/** True when the folder exists, is a folder, and the process may create files in it. */
export async function isWritableFolder(folder: string): Promise<boolean> {
  try {
    if (!(await stat(folder)).isDirectory()) return false;
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A file that cannot be read as a review header: taken to be this article's review, to be reported as damaged. */
const UNREADABLE = Symbol('unreadable');

/**
 * The article name in an existing review file's header: undefined when there is no file, UNREADABLE when its
 * first line is not a readable review header (empty, damaged, not a file). A damaged header still names its
 * article when that part of it survived. Reads only up to the first newline.
 */
async function reviewedArticleName(path: string, fileName: string): Promise<string | undefined | typeof UNREADABLE> {
  // The article's facts come first in a header, before its (possibly 60 MB of) paragraphs: the start is enough.
  const read = await readFirstLine(path, HEADER_START_BYTES);
  if (read === undefined) return undefined;
  if (read === '') return UNREADABLE;
  const start = read.replace(/^\ufeff/, '');
  const name = articleNameIn(start);
  if (name === undefined) return UNREADABLE;
  if (name === fileName) return name;
  // A header naming another article must be intact: a changed byte in the name must not hide this review.
  const check = await firstLineCheck(path);
  return check !== undefined && check !== 'bad' ? name : UNREADABLE;
}

/** Bytes of a review file read to find the article it reviews. */
const HEADER_START_BYTES = 64 * 1024;

/** The article name in the start of a header line, or undefined when it is not there or not readable. */
function articleNameIn(start: string): string | undefined {
  const at = start.indexOf(',"paragraphs":[');
  try {
    const facts = JSON.parse(at >= 0 ? `${start.slice(0, at)}}` : start) as { format?: unknown; article?: { name?: unknown } };
    if (facts.format === JOURNAL_FORMAT && typeof facts.article?.name === 'string') return facts.article.name;
  } catch {
    // Fall through to the salvage below.
  }
  const named = /"article":\{[^{}]*?"name":("(?:[^"\\]|\\.)*")/.exec(start);
  if (named && start.includes(`"format":"${JOURNAL_FORMAT}"`)) {
    try {
      return JSON.parse(named[1]!) as string;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * What the checksum of a file's first line says ('none' when the line has none; undefined when the file cannot be
 * read). The header line of a long article's review is tens of megabytes: it is checked a chunk at a time as it is
 * read, never gathered into one string, so the service goes on answering meanwhile.
 */
function firstLineCheck(path: string): Promise<LineCheck['kind'] | undefined> {
  return new Promise((done) => {
    // The line's start, gathered until its checksum member has been read; then the CRC of the rest as it comes.
    let head = Buffer.alloc(0);
    let crc: Crc | undefined;
    let written = '';
    let result: LineCheck['kind'] | undefined;
    const stream = createReadStream(path);
    const finish = (kind: LineCheck['kind']) => {
      result ??= kind;
      stream.destroy();
    };
    const feed = (bytes: Buffer) => {
      const newline = bytes.indexOf(10);
      crc = crcUpdateBytes(crc!, bytes, 0, newline < 0 ? bytes.length : newline);
      if (newline >= 0) finish(crcHex(crc) === written ? 'good' : 'bad');
    };
    stream.on('data', (data: string | Buffer) => {
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      if (crc !== undefined) return feed(chunk);
      head = Buffer.concat([head, chunk]);
      const from = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
      const newline = head.indexOf(10);
      if (head.length < from + CHECKED_FROM && newline < 0) return;
      const start = head.subarray(from, newline < 0 ? from + CHECKED_FROM : Math.min(newline, from + CHECKED_FROM)).toString('latin1');
      if (!hasChecksum(start)) return finish('none');
      written = start.slice(CHECKSUM_AT, CHECKSUM_AT + 8);
      crc = crcUpdate(CRC_START, '{');
      feed(head.subarray(from + CHECKED_FROM));
    });
    // A line that ends with the file: its checksum is checked at the end; one too short to hold a checksum has none.
    stream.on('close', () => done(result ?? (crc === undefined ? 'none' : crcHex(crc) === written ? 'good' : 'bad')));
    stream.on('error', () => done(undefined));
  });
}

/** The first line of a file up to its first `limit` bytes: undefined when there is no file, '' when it cannot be read. */
function readFirstLine(path: string, limit: number): Promise<string | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = createReadStream(path, { end: limit - 1 });
    stream.on('data', (data: string | Buffer) => {
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      const newline = chunk.indexOf(10);
      chunks.push(newline < 0 ? chunk : chunk.subarray(0, newline));
      size += chunk.length;
      if (newline >= 0 || size >= limit) stream.destroy();
    });
    stream.on('close', () => done(chunks.length > 0 || stream.bytesRead > 0 ? Buffer.concat(chunks).toString('utf8') : ''));
    // A folder or an unreadable file where the review should be is not "no review": opening reports it.
    stream.on('error', (e: NodeJS.ErrnoException) => done(e.code === 'ENOENT' ? undefined : ''));
  });
}
