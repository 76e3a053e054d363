/**
 * Where an article's review file lives. Beside the article by default (`story.txt` → `story.redline`), so the
 * review travels with the article when the folder is copied or shared. When that folder cannot be written (a
 * read-only share, a mounted archive) the review goes to the app's data folder under a name that includes a hash
 * of the article's full path, so two `story.txt` files from different folders never share a review.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { JOURNAL_FORMAT } from '../../shared/journal/journal-event';

export type ReviewLocation = 'beside-article' | 'data-folder';

export interface ReviewPath {
  readonly path: string;
  /** Where the file was put, so the window title can say so. */
  readonly location: ReviewLocation;
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
  if (await canWrite(folder)) {
    const plain = join(folder, `${name}.redline`);
    const owner = await reviewedArticleName(plain);
    const path = owner === undefined || owner === fileName ? plain : join(folder, `${fileName}.redline`);
    return { path, location: 'beside-article' };
  }
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 12);
  return { path: join(dataDir, `${name}-${hash}.redline`), location: 'data-folder' };
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

/**
 * The article name in an existing review file's header: undefined when there is no file, '' when the file is
 * not a review (so it is not reused). Reads only up to the first newline.
 */
async function reviewedArticleName(path: string): Promise<string | undefined> {
  const firstLine = await readFirstLine(path);
  if (firstLine === undefined) return undefined;
  try {
    const header = JSON.parse(firstLine) as { format?: unknown; article?: { name?: unknown } };
    return header.format === JOURNAL_FORMAT && typeof header.article?.name === 'string' ? header.article.name : '';
  } catch {
    return '';
  }
}

function readFirstLine(path: string): Promise<string | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    const stream = createReadStream(path);
    stream.on('data', (data: string | Buffer) => {
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      const newline = chunk.indexOf(10);
      chunks.push(newline < 0 ? chunk : chunk.subarray(0, newline));
      if (newline >= 0) stream.destroy();
    });
    stream.on('close', () => done(chunks.length > 0 || stream.bytesRead > 0 ? Buffer.concat(chunks).toString('utf8') : ''));
    stream.on('error', (e: NodeJS.ErrnoException) => done(e.code === 'ENOENT' ? undefined : ''));
  });
}
