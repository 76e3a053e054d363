/**
 * The review service: the contract's implementation in plain Node. Electron IPC and the browser host both
 * bind to one instance; neither adds logic of its own.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type {
  AppInfo,
  DirectoryEntry,
  DirectoryListing,
  OpenedReview,
  ParagraphWindow,
  RecentFile,
  RedlineApi,
  RequestOf,
  ServiceEvent,
} from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_ARTICLE_BYTES } from '../loader/article-stream';
import { ArticleLoad } from './article-load';
import { RecentFiles } from './recent-files';

export interface ServiceOptions {
  readonly host: 'electron' | 'browser';
  readonly version: string;
  /** Where the app keeps its own files (recent files; review files whose article folder is read-only). */
  readonly dataDir: string;
  /** The bundled sample: a translation and its source. */
  readonly sample: { readonly path: string; readonly sourcePath: string };
  /** What to open at start-up instead of the sample (a file named on the command line). */
  readonly startup?: { readonly path: string; readonly sourcePath?: string };
}

/** Reviews kept in memory at once; opening another drops the oldest. */
const MAX_OPEN_REVIEWS = 4;
/** Entries listed for one folder in the open dialog. */
const MAX_DIRECTORY_ENTRIES = 5000;

interface OpenReview {
  readonly id: string;
  readonly load: ArticleLoad;
}

export class ReviewService implements RedlineApi {
  private readonly reviews = new Map<string, OpenReview>();
  private readonly listeners = new Set<(event: ServiceEvent) => void>();
  private readonly recent: RecentFiles;

  constructor(private readonly options: ServiceOptions) {
    this.recent = new RecentFiles(join(options.dataDir, 'recent.json'));
  }

  /** Subscribes to the service's events; returns the unsubscribe function. */
  onEvent(listener: (event: ServiceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async appInfo(_req: RequestOf<'appInfo'>): Promise<Result<AppInfo>> {
    return ok({ version: this.options.version, host: this.options.host, maxArticleBytes: MAX_ARTICLE_BYTES });
  }

  async openStartup(_req: RequestOf<'openStartup'>): Promise<Result<OpenedReview>> {
    const startup = this.options.startup;
    if (!startup) return this.openSample({});
    return this.openArticle(startup.sourcePath ? { path: startup.path, sourcePath: startup.sourcePath } : { path: startup.path });
  }

  async openSample(_req: RequestOf<'openSample'>): Promise<Result<OpenedReview>> {
    return this.open(this.options.sample.path, this.options.sample.sourcePath, false);
  }

  async openArticle(req: RequestOf<'openArticle'>): Promise<Result<OpenedReview>> {
    return this.open(resolve(req.path), req.sourcePath ? resolve(req.sourcePath) : undefined, true);
  }

  async openDropped(req: RequestOf<'openDropped'>): Promise<Result<OpenedReview>> {
    const dir = join(this.options.dataDir, 'dropped');
    const path = join(dir, basename(req.name));
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path, Buffer.from(req.base64, 'base64'));
    } catch (err) {
      return fail('io-error', `The dropped file ${req.name} could not be stored in ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
    }
    return this.open(path, undefined, true);
  }

  async readParagraphs(req: RequestOf<'readParagraphs'>): Promise<Result<ParagraphWindow>> {
    const review = this.reviews.get(req.reviewId);
    if (!review) return fail('unknown-review', 'That article is no longer open; open it again.');
    const { load } = review;
    const mismatch = load.mismatch;
    return ok({
      reviewId: review.id,
      start: req.start,
      paragraphs: load.paragraphs(req.start, req.end),
      loaded: load.loaded,
      done: load.done,
      ...(mismatch ? { mismatch } : {}),
    });
  }

  async recentFiles(_req: RequestOf<'recentFiles'>): Promise<Result<readonly RecentFile[]>> {
    return ok(await this.recent.list());
  }

  async listDirectory(req: RequestOf<'listDirectory'>): Promise<Result<DirectoryListing>> {
    const path = resolve(req.path ?? (await this.recent.list())[0]?.path.replace(/[^/\\]+$/, '') ?? homedir());
    let names: string[];
    try {
      names = await readdir(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail('not-found', `The folder ${path} does not exist.`);
      if (code === 'ENOTDIR') return fail('not-a-file', `${path} is a file, not a folder.`);
      return fail('io-error', `The folder ${path} cannot be read (${code ?? String(err)}).`);
    }
    const entries: DirectoryEntry[] = [];
    for (const name of names.filter((n) => !n.startsWith('.')).slice(0, MAX_DIRECTORY_ENTRIES)) {
      try {
        const s = await stat(join(path, name));
        if (s.isDirectory()) entries.push({ name, path: join(path, name), kind: 'directory' });
        else if (s.isFile()) entries.push({ name, path: join(path, name), kind: 'file', bytes: s.size });
      } catch {
        // A broken link or a file that vanished meanwhile is simply not listed.
      }
    }
    entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
    const parent = dirname(path);
    return ok({ path, ...(parent !== path ? { parent } : {}), entries });
  }

  private async open(path: string, sourcePath: string | undefined, remember: boolean): Promise<Result<OpenedReview>> {
    const id = randomUUID();
    const load = new ArticleLoad(path, sourcePath, (p) => this.emit({ type: 'load-progress', reviewId: id, ...p }));
    await load.started;
    const info = load.info;
    const error = load.error;
    if (error || !info) {
      load.cancel();
      return { ok: false, error: error ?? { code: 'internal', message: `${basename(path)} could not be opened.` } };
    }
    this.reviews.set(id, { id, load });
    while (this.reviews.size > MAX_OPEN_REVIEWS) {
      const oldest = this.reviews.keys().next().value as string;
      this.reviews.get(oldest)?.load.cancel();
      this.reviews.delete(oldest);
    }
    if (remember) {
      void load.finished.then(() => {
        if (!load.error) return this.recent.add({ path, ...(sourcePath ? { sourcePath } : {}), name: info.name });
      });
    }
    return ok({ reviewId: id, article: info, loaded: load.loaded, done: load.done });
  }

  private emit(event: ServiceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
