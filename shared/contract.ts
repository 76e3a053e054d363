/**
 * The API contract, declared once. The review service implements it; Electron IPC and the browser host carry it;
 * the renderer calls it without knowing which transport it has.
 *
 * Every method takes one plain JSON object and resolves to a `Result`. Arguments are validated against
 * `requestSchemas` at each boundary (preload, IPC handler, HTTP handler) before the service sees them.
 */
import { z } from 'zod';
import type { ArticleInfo, Paragraph } from './model';
import type { Failure, Result } from './result';

export interface OpenedReview {
  readonly reviewId: string;
  readonly article: ArticleInfo;
  /** Paragraphs found so far; the rest arrive with `load-progress` events. */
  readonly loaded: number;
  readonly done: boolean;
}

export interface ParagraphWindow {
  readonly reviewId: string;
  readonly start: number;
  readonly paragraphs: readonly Paragraph[];
  /** Paragraphs loaded so far (the total once `done`). */
  readonly loaded: number;
  readonly done: boolean;
  /** Source and target paragraph counts once both sides are loaded and they differ. */
  readonly mismatch?: { readonly source: number; readonly target: number };
}

export interface RecentFile {
  readonly path: string;
  readonly sourcePath?: string;
  readonly name: string;
  readonly opened: string;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly path: string;
  readonly kind: 'file' | 'directory';
  readonly bytes?: number;
}

export interface DirectoryListing {
  readonly path: string;
  readonly parent?: string;
  readonly entries: readonly DirectoryEntry[];
}

export interface AppInfo {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  /** Largest article the loader accepts, in bytes. */
  readonly maxArticleBytes: number;
}

/** Events the service pushes to the renderer. */
export type ServiceEvent =
  | {
      readonly type: 'load-progress';
      readonly reviewId: string;
      readonly bytesRead: number;
      readonly totalBytes: number;
      readonly paragraphs: number;
      readonly done: boolean;
      /** Set when loading stopped on an error (what was loaded stays readable). */
      readonly error?: Failure;
      /** Set once loading is done and the two sides have different paragraph counts. */
      readonly mismatch?: { readonly source: number; readonly target: number };
    }
  | { readonly type: 'review-changed'; readonly reviewId: string };

/**
 * Largest file the browser can hand over by drag and drop (base64 of 48 MiB). A dropped file travels in one
 * request; larger articles open by path (File > Open), which streams.
 */
export const MAX_DROPPED_BASE64 = Math.ceil((48 * 1024 * 1024) / 3) * 4;

const path = z.string().min(1).max(4096);
const reviewId = z.string().min(1).max(64);

/** Schemas of each method's argument. The keys are the contract's method names. */
export const requestSchemas = {
  appInfo: z.object({}).strict(),
  openStartup: z.object({}).strict(),
  openSample: z.object({}).strict(),
  openArticle: z.object({ path, sourcePath: path.optional() }).strict(),
  readParagraphs: z
    .object({ reviewId, start: z.number().int().min(0), end: z.number().int().min(0) })
    .strict()
    .refine((r) => r.end >= r.start && r.end - r.start <= 2000, 'end must be at or after start, at most 2000 apart'),
  openDropped: z
    .object({
      name: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name without folders'),
      // Base64 of the file's bytes: a browser cannot tell the service a dropped file's path.
      base64: z.string().max(MAX_DROPPED_BASE64),
    })
    .strict(),
  recentFiles: z.object({}).strict(),
  listDirectory: z.object({ path: path.optional() }).strict(),
} as const;

export type MethodName = keyof typeof requestSchemas;
export type RequestOf<M extends MethodName> = z.infer<(typeof requestSchemas)[M]>;

/** The app's requests. */
export interface RedlineApi {
  appInfo(req: RequestOf<'appInfo'>): Promise<Result<AppInfo>>;
  /** Opens what the app was started with: a file named on the command line, or else the bundled sample. */
  openStartup(req: RequestOf<'openStartup'>): Promise<Result<OpenedReview>>;
  openSample(req: RequestOf<'openSample'>): Promise<Result<OpenedReview>>;
  openArticle(req: RequestOf<'openArticle'>): Promise<Result<OpenedReview>>;
  /** Opens a file dropped on the browser window: the service stores a copy in its data folder and opens that. */
  openDropped(req: RequestOf<'openDropped'>): Promise<Result<OpenedReview>>;
  readParagraphs(req: RequestOf<'readParagraphs'>): Promise<Result<ParagraphWindow>>;
  recentFiles(req: RequestOf<'recentFiles'>): Promise<Result<readonly RecentFile[]>>;
  listDirectory(req: RequestOf<'listDirectory'>): Promise<Result<DirectoryListing>>;
}

export const METHOD_NAMES = Object.keys(requestSchemas) as readonly MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(requestSchemas, name);
}

/** Validates a method's argument; a failure names the method and the field at fault. */
export function parseRequest<M extends MethodName>(method: M, arg: unknown): Result<RequestOf<M>> {
  const parsed = requestSchemas[method].safeParse(arg ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as RequestOf<M> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return {
    ok: false,
    error: { code: 'bad-request', message: `Invalid request to ${method}${where}: ${issue?.message ?? 'malformed'}` },
  };
}

/** What the renderer holds: the contract plus a way to hear events, whatever the transport. */
export interface RedlineClient extends RedlineApi {
  onEvent(listener: (event: ServiceEvent) => void): () => void;
}
