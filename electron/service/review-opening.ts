/**
 * Opening the review file of an article that has just loaded: the existing review if there is one, else a new
 * review file whose header is the article as loaded.
 *
 * - A torn last line (the app stopped while saving) is dropped and reported; the journal cuts it off when it
 *   next appends.
 * - Any other damage, or a review written by a newer Redline, is reported and the review is not opened; the
 *   file is never written, so nothing the reviewer did is lost to a failed open.
 * - When the article on disk no longer matches the review's header (edited since the review began), the review
 *   is kept as it was: its flags point into the header's text, so the header's paragraphs are what the reviewer
 *   sees, with a warning saying so.
 * - One writer per file: the review's lock is taken first (see review-lock.ts). When another live process holds
 *   it, or the file or its folder cannot be written, the review opens read-only and says why; a lock left by a
 *   process that is gone is taken over, and the reviewer is told.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { makeHeader } from '../../shared/journal/journal-event';
import { salvageJournal } from '../../shared/journal/read-journal';
import type { Annotation, ArticleInfo, ImportedFlag, Paragraph } from '../../shared/model';
import { fail, ok, type Failure, type Result } from '../../shared/result';
import type { ReviewState } from '../../shared/journal/review-state';
import {
  removeStrayTemporaries,
  ReviewJournal,
  type ExpectedParagraphs,
  type JournalOptions,
  type ParagraphsFile,
  type ReadAhead,
} from '../journal/review-journal';
import { acquireLock, describeHolder, takeOverLock, type LockHolder, type ReviewLock } from '../journal/review-lock';
import { fileIsReadOnly, type ReviewPath } from '../journal/review-path';
import type { ReadOnlyReview } from '../../shared/contract';
import { breathe } from '../breathe';

export interface OpenedReviewFile {
  readonly journal: ReviewJournal;
  readonly warnings: readonly string[];
  /** True when the article on disk differs from the review's header: paragraphs must come from the header. */
  readonly headerDiffers: boolean;
  readonly created: boolean;
  /** True when the file holds far more event lines than its state needs (long typing sessions): compact it. */
  readonly worthCompacting: boolean;
  /** Set when the review is open read-only here, with the reason in words and the ways out. */
  readonly readOnly?: ReadOnlyReview;
}

/** How long a process that lost the race for a new review's lock waits for the winner to write the file. */
const WAIT_FOR_NEW_REVIEW_MS = 3000;

/**
 * A review is compacted on opening once it holds this many event lines and several times more lines than a
 * snapshot of its state would need: typing writes an event per burst, and a long day of it makes reopening slow.
 */
const COMPACT_AFTER_EVENTS = 2000;
const COMPACT_RATIO = 4;

function worthCompacting(events: number, state: ReviewState): boolean {
  const needed = state.annotations.size + state.drafts.size + state.versions.length + state.undo.length + state.redo.length;
  return events >= COMPACT_AFTER_EVENTS && events > COMPACT_RATIO * Math.max(1, needed);
}

/** What the article's loading made beside it for its review file (see article-load.ts). */
export interface MadeBeside {
  /** The review file as read while the article loaded, when it exists and is long (see `readAhead`). */
  readonly readAhead?: Promise<ReadAhead | undefined>;
  /** A new review's header paragraphs (see header-builder.ts), when there are any. */
  readonly headerParagraphs?: () => Promise<ParagraphsFile | undefined>;
}

/** A flag the article's file carries, for the paragraph it belongs to. */
export interface FlagFromFile {
  readonly paragraphId: string;
  readonly flag: ImportedFlag;
}

/**
 * Opens or creates the review file at `where` for an article whose paragraphs were just loaded. A new review
 * starts with the flags the file carries (`imported`), each as an `annotation-added` event with the rater and
 * origin the file names; an existing review already has them.
 */
export async function openReviewFile(
  where: ReviewPath,
  article: ArticleInfo,
  paragraphs: readonly Paragraph[],
  rater: string,
  imported: readonly FlagFromFile[] = [],
  /** How other Redline processes name this one while it holds the review. */
  app = 'Redline',
  /** What was made beside the loading: the file read ahead, a new review's header paragraphs. */
  beside: MadeBeside = {},
): Promise<Result<OpenedReviewFile>> {
  const name = basename(where.path);
  if (where.folderReadOnly) {
    return openReadOnly(where, article, paragraphs, beside, {
      reason: 'read-only-folder',
      message: `The folder of ${name} cannot be written, so the review opens read-only. Continue in a copy to keep working.`,
      remedies: ['copy'],
    });
  }
  const attempt = await acquireLock(where.path, app);
  const notes: string[] = [];
  let lock: ReviewLock;
  if (attempt.kind === 'held') {
    lock = attempt.lock;
  } else if (attempt.kind === 'unwritable') {
    return openReadOnly(where, article, paragraphs, beside, {
      reason: 'read-only-folder',
      message: `The folder of ${name} cannot be written, so the review opens read-only. Continue in a copy to keep working.`,
      remedies: ['copy'],
    });
  } else if (attempt.stale) {
    const taken = await takeOverLock(where.path, app);
    if (!taken.ok) return openLocked(where, article, paragraphs, beside, attempt.holder);
    lock = taken.value;
    notes.push(
      `${attempt.holder ? describeHolder(attempt.holder) : 'A Redline that is no longer running'} had left ${name} locked; it is no longer running, so this window took the review over.`,
    );
  } else {
    return openLocked(where, article, paragraphs, beside, attempt.holder);
  }
  const result = await openHeld(where, article, paragraphs, rater, lock, imported, beside);
  if (!result.ok) {
    await lock.release();
    return result;
  }
  if (result.value.readOnly) await lock.release();
  return notes.length > 0 ? ok({ ...result.value, warnings: [...notes, ...result.value.warnings] }) : result;
}

/** The review opened read-only because another process holds it; waits briefly for a review being created. */
async function openLocked(
  where: ReviewPath,
  article: ArticleInfo,
  paragraphs: readonly Paragraph[],
  beside: MadeBeside,
  holder: LockHolder | undefined,
): Promise<Result<OpenedReviewFile>> {
  const who = holder ? describeHolder(holder) : 'Another Redline';
  const deadline = Date.now() + WAIT_FOR_NEW_REVIEW_MS;
  while (
    Date.now() < deadline &&
    !(await stat(where.path).then(
      (s) => s.size > 0,
      () => false,
    ))
  ) {
    await new Promise((done) => setTimeout(done, 50));
  }
  if (
    !(await stat(where.path).then(
      () => true,
      () => false,
    ))
  ) {
    return fail('locked', `${who} is starting this review right now; open the article again in a moment.`);
  }
  return openReadOnly(where, article, paragraphs, beside, {
    reason: 'locked',
    message: `${who} has ${basename(where.path)} open, so it is read-only here. Work there, or take the review over once that window is closed.`,
    remedies: ['take-over', 'copy'],
  });
}

/**
 * Opens the review read-only. A long one is read as when it is held (see `expecting`): read whole, a 63 MB page's
 * review took the service to 516 MB.
 */
async function openReadOnly(
  where: ReviewPath,
  article: ArticleInfo,
  paragraphs: readonly Paragraph[],
  beside: MadeBeside,
  readOnly: ReadOnlyReview,
): Promise<Result<OpenedReviewFile>> {
  const refusal: JournalOptions['readOnly'] = { code: readOnly.reason === 'locked' ? 'locked' : 'read-only', message: readOnly.message };
  const opened = await ReviewJournal.open(where.path, { readOnly: refusal, ...expecting(beside, paragraphs).options });
  if (!opened.ok) return await damaged(opened.error.code, opened.error.message, where);
  return ok(await fromOpened(opened.value, article, paragraphs, readOnly));
}

/**
 * What an existing review's header is expected to hold: the paragraphs as loaded, whose header JSON is made beside
 * the loading (the file is read meanwhile, ahead when it was), so that a long review's header is checked against
 * them instead of parsed back. `making` is that JSON's file, for a new review.
 */
function expecting(
  beside: MadeBeside,
  paragraphs: readonly Paragraph[],
): {
  making: Promise<ParagraphsFile | undefined>;
  options: { expected: Promise<ExpectedParagraphs | undefined>; readAhead?: Promise<ReadAhead | undefined> };
} {
  const making = (beside.headerParagraphs?.() ?? Promise.resolve(undefined)).catch(() => undefined);
  const expected = making.then((file) => file && { paragraphs, file });
  return { making, options: { expected, ...(beside.readAhead ? { readAhead: beside.readAhead } : {}) } };
}

/** Opens (or creates) the review with its lock held. */
async function openHeld(
  where: ReviewPath,
  article: ArticleInfo,
  paragraphs: readonly Paragraph[],
  rater: string,
  lock: ReviewLock,
  imported: readonly FlagFromFile[],
  beside: MadeBeside,
): Promise<Result<OpenedReviewFile>> {
  if (await fileIsReadOnly(where.path)) {
    return openReadOnly(where, article, paragraphs, beside, {
      reason: 'read-only-file',
      message: `${basename(where.path)} is read-only, so the review opens read-only. Continue in a copy to keep working.`,
      remedies: ['copy'],
    });
  }
  await removeStrayTemporaries(where.path);
  const { making, options } = expecting(beside, paragraphs);
  const opened = await ReviewJournal.open(where.path, { lock, ...options });
  if (opened.ok) return ok(await fromOpened(opened.value, article, paragraphs, undefined));
  if (opened.error.code !== 'not-found') return await damaged(opened.error.code, opened.error.message, where);
  const made = await making;
  // A header line made beside the review while the article loaded was made with its time of creation.
  const header = makeHeader(article, paragraphs, made?.line?.created ?? new Date().toISOString());
  const created = await ReviewJournal.create(where.path, header, { lock }, made);
  if (!created.ok) return created;
  const journal = created.value;
  // The reviewer's name is part of the review from the start, so a review sent on keeps who made it.
  const named = await journal.append({ type: 'rater-set', rater });
  const warnings = named.ok ? [] : [named.error.message];
  const taken = await takeInFlags(journal, paragraphs, imported);
  if (taken) warnings.push(taken);
  return ok({ journal, warnings, headerDiffers: false, created: true, worthCompacting: false });
}

/**
 * Appends the file's flags to a new review, all at once (the journal writes them in one group). A flag whose span
 * does not fit its paragraph is left out, and the reviewer is told how many were.
 */
async function takeInFlags(
  journal: ReviewJournal,
  paragraphs: readonly Paragraph[],
  imported: readonly FlagFromFile[],
): Promise<string | undefined> {
  if (imported.length === 0) return undefined;
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const created = new Date().toISOString();
  let skipped = 0;
  const appends: Promise<Result<unknown>>[] = [];
  for (const { paragraphId, flag } of imported) {
    const p = byId.get(paragraphId);
    const text = flag.side === 'target' ? p?.target : p?.source;
    if (text === undefined || flag.start < 0 || flag.end < flag.start || flag.end > text.length) {
      skipped++;
      continue;
    }
    const annotation: Annotation = { ...flag, id: randomUUID(), paragraphId, created };
    appends.push(journal.append({ type: 'annotation-added', annotation }));
  }
  const results = await Promise.all(appends);
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return `The flags in the article could not all be added to the review: ${failed.error.message}`;
  return skipped > 0
    ? `${skipped} flag${skipped === 1 ? '' : 's'} in the article did not fit the text of its paragraph and were left out.`
    : undefined;
}

/**
 * A review file that cannot be read: refused, left as it is, with the ways out the service offers (recovering is
 * offered only when something before the damage can be recovered).
 */
async function damaged(code: Failure['code'], message: string, where: ReviewPath): Promise<Result<never>> {
  if (code === 'newer-format') return fail(code, message);
  if (code === 'io-error') return fail(code, `${message} The review was not opened and the file was left untouched.`);
  const text = await readFile(where.path, 'utf8').catch(() => '');
  const recoverable = (salvageJournal(text, basename(where.path))?.recovered?.events ?? 0) > 0;
  return {
    ok: false,
    error: {
      code: 'damaged',
      message: `${message} The review was not opened and ${basename(where.path)} was left exactly as it is.`,
      remedies: recoverable ? ['recover', 'start-new'] : ['start-new'],
    },
  };
}

async function fromOpened(
  opened: { readonly journal: ReviewJournal; readonly state: ReviewState; readonly warnings: readonly string[]; readonly events: number },
  article: ArticleInfo,
  paragraphs: readonly Paragraph[],
  readOnly: ReadOnlyReview | undefined,
): Promise<OpenedReviewFile> {
  const { journal, state } = opened;
  const warnings = [...opened.warnings];
  const headerDiffers = !(await sameParagraphsInSteps(state.paragraphs, paragraphs));
  if (headerDiffers) {
    warnings.push(
      `${article.name} has changed on disk since this review began (${basename(journal.path)}). ` +
        'The review keeps the article as it was when the review started, so its flags stay where they were.',
    );
  }
  return {
    journal,
    warnings,
    headerDiffers,
    created: false,
    worthCompacting: !readOnly && worthCompacting(opened.events, state),
    ...(readOnly ? { readOnly } : {}),
  };
}

/** Paragraphs compared between two breaths: comparing 60 MB of text at once would hold the event loop. */
const COMPARED_PER_STEP = 5000;

/** `sameParagraphs`, a few thousand paragraphs at a time with the event loop free in between. */
export async function sameParagraphsInSteps(a: readonly Paragraph[], b: readonly Paragraph[]): Promise<boolean> {
  // The review took the loaded paragraphs themselves, its header's bytes being theirs (see ReviewJournal.open).
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let from = 0; from < a.length; from += COMPARED_PER_STEP) {
    if (!sameParagraphs(a, b, from, Math.min(a.length, from + COMPARED_PER_STEP))) return false;
    if (from + COMPARED_PER_STEP < a.length) await breathe();
  }
  return true;
}

/** True when two paragraph lists say the same thing (text, source, shape, ids), or their positions from..to-1 do. */
export function sameParagraphs(a: readonly Paragraph[], b: readonly Paragraph[], from = 0, to = a.length): boolean {
  if (a.length !== b.length) return false;
  for (let i = from; i < to; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.id !== y.id ||
      x.target !== y.target ||
      x.source !== y.source ||
      x.kind !== y.kind ||
      x.level !== y.level ||
      x.prefix !== y.prefix ||
      x.suffix !== y.suffix ||
      x.alignment !== y.alignment
    ) {
      return false;
    }
  }
  return true;
}
