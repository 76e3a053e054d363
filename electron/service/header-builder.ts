/**
 * Works beside a long article's loading: its paragraphs go, as they settle, to a second thread (header-worker.ts)
 * that turns them into the review header's JSON bytes and counts their words. Once the article is loaded, a new
 * review file is written from bytes already made (and a reopened one's header is checked against them) and the
 * scores have their counts, instead of first spending a second or more making them.
 *
 * A short article, or one whose thread cannot start or fails, gets nothing here (`finish` says so): the journal
 * makes its header itself, as the same JSON, and the loader counts its words.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fdatasync, mkdirSync, openSync, readdirSync, rmSync, write, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Block } from '../../shared/model';
import { ParagraphCounter, type ParagraphCounts } from '../../shared/scoring/paragraph-counts';
import { crc32Combine } from '../../shared/journal/line-checksum';
import { makeRun, runBlock, type HeaderBytes, type HeaderRun, type RunBlock } from './header-json';
import { breathe } from '../breathe';
import { startServiceThread } from './service-thread';
import { processExists } from '../journal/review-lock';
import { headerLineStart, temporaryPathFor } from '../journal/review-journal';

/** Characters of paragraphs held back before a thread is started: a short article's header is made at once. */
const THREAD_FROM_CHARS = 500_000;
/** An article file at least this long has its thread started ahead (see `warm`). */
export const WARM_FROM_BYTES = 2_000_000;
/** Paragraphs sent to the thread at a time. */
const RUN = 512;
/** Paragraphs of a run that `finish` makes in this thread between two breaths. */
const FINISH_PART = 128;

/**
 * A run as parts of `FINISH_PART` paragraphs, which `makeRun` makes into the same bytes one after another (each but
 * the first of the list starts with its comma) and the same counts, placed at their own positions.
 */
function* runParts(run: HeaderRun): Generator<HeaderRun> {
  const length = Math.max(run.targets.length, run.sources.length);
  for (let k = 0; k < length; k += FINISH_PART) {
    yield { ...run, from: run.from + k, targets: run.targets.slice(k, k + FINISH_PART), sources: run.sources.slice(k, k + FINISH_PART) };
  }
}
/** Runs at the thread at once: enough that it never waits for the next, few enough to leave the rest to steal. */
const AT_THREAD = 4;

/** Writes `length` bytes of `bytes` from `offset` at `position` of the file open as `fd`; resolves with how many were written. */
function writeAt(fd: number, bytes: Uint8Array, offset: number, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) =>
    write(fd, bytes, offset, length, position, (err, written) => (err ? reject(err) : resolve(written))),
  );
}

/**
 * Bytes of the header this thread makes at most once the article is loaded (`finish`), held until the thread's part
 * is written: a page that marks no article gives all its paragraphs at its end, and making half of them here held
 * 28 MB of bytes at once (a long text article leaves some 7 MB to make here).
 */
const MAX_TAIL_BYTES = 12_000_000;

/** The thread keeps one run at a time; its young generation is kept small so its memory stays low. */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 };

function startHeaderThread(): Worker | undefined {
  return startServiceThread(new URL('./header-worker.js', import.meta.url), new URL('./header-worker.ts', import.meta.url), THREAD_LIMITS);
}

/**
 * A header thread started before any article asks for one (see `keepHeaderThreadReady`): a thread's start, its
 * modules read and its counting tables built, takes 100-200 ms, which the first article's header otherwise waits for
 * while the article loads.
 */
let spare: Worker | undefined;
let keepingSpare = false;
/** After a header thread is done, the next spare starts this much later: not in the last steps of the opening. */
const SPARE_AFTER_MS = 2000;
let spareAfterMs = SPARE_AFTER_MS;

/**
 * Keeps one header thread started ahead, from now on: the app's service does as it starts (`headerThreadAhead`), long
 * before a reviewer picks an article. A thread waiting holds about 17 MB. The next thread starts `nextAfterMs` after
 * an article's thread is done.
 */
export function keepHeaderThreadReady(nextAfterMs = SPARE_AFTER_MS): void {
  keepingSpare = true;
  spareAfterMs = nextAfterMs;
  startSpare();
}

/** Stops keeping a header thread ready, and ends the one waiting. */
export function stopKeepingHeaderThreadReady(): void {
  keepingSpare = false;
  void spare?.terminate();
  spare = undefined;
}

/** Whether a header thread started ahead waits to be taken. */
export function headerThreadReady(): boolean {
  return spare !== undefined;
}

function startSpare(): void {
  if (!keepingSpare || spare) return;
  const worker = startHeaderThread();
  if (!worker) return;
  worker.unref();
  spare = worker;
  // A spare that fails before it is taken is simply not used.
  const drop = () => spare === worker && (spare = undefined);
  worker.once('error', drop);
  worker.once('exit', drop);
}

/** The spare thread if there is one, else a new thread. */
function takeHeaderThread(): Worker | undefined {
  const worker = spare;
  spare = undefined;
  return worker ?? startHeaderThread();
}

/** A header thread is done with: the next spare starts a while later, when the opening that used it is over. */
function headerThreadDone(): void {
  if (keepingSpare) setTimeout(startSpare, spareAfterMs).unref();
}

/**
 * Where a new review's header is made when its review file is known while the article loads: beside that file, as
 * its header line in the making (see `ParagraphsFile.line` in review-journal.ts), which the journal then renames into
 * place instead of copying 60 MB.
 */
export interface HeaderLine {
  readonly reviewPath: string;
  /** The header line's opening (see `headerOpening`), for a header created at `created`. */
  readonly opening: string;
  readonly created: string;
}

/**
 * Where the header's bytes go when the review file already exists: nowhere. They are only summed (length and
 * CRC-32), which is all a reopened review checks its header against (see `ExpectedParagraphs`).
 */
export const SUMMED_ONLY = 'summed-only';

/** The review file is still being looked for: the thread waits for it, the paragraphs gather meanwhile. */
export const NOT_KNOWN_YET = 'not-known-yet';

/**
 * A new review's header paragraphs, made beside the loading: a file of their JSON, `length` bytes from `offset`;
 * no file (`path` undefined) when they were only summed.
 */
export interface HeaderParagraphs {
  readonly path: string | undefined;
  readonly length: number;
  readonly offset: number;
  /** Set when the bytes before `offset` are the opening of a review's header line (see `HeaderLine`). */
  readonly line?: { readonly opening: string; readonly created: string };
  /** Removes the file (once the review file has been written or checked). */
  readonly remove: () => void;
  /** CRC-32 of the file's bytes. */
  readonly crc32: number;
}

/** The temporary files' names: the prefix, the process id, a random part. */
const HEADER_FILE_PREFIX = 'redline-header-';
const HEADER_FILE = /^redline-header-(\d+)-[0-9a-f]{8}\.part$/;

/**
 * Removes the temporary header files of processes that are gone (one killed while loading a long article leaves
 * its file behind); those of live processes are theirs.
 */
export function removeStrayHeaderFiles(folder = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = HEADER_FILE.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !processExists(Number(pid))) rmSync(join(folder, name), { force: true });
  }
}

export class HeaderBuilder {
  private worker: Worker | undefined;
  /** A thread started ahead (`warm`), not given any paragraphs yet. */
  private warmed: Worker | undefined;
  private tried = false;
  private failed = false;
  /** Paragraphs settled and not sent yet, from position `pendingFrom`. */
  private targets: RunBlock[] = [];
  private sources: RunBlock[] = [];
  private pendingFrom = 0;
  private pendingChars = 0;
  /**
   * The file the thread writes the header's paragraphs to, from byte `offset`, while it is open; with no path and
   * `fd` -1 when the bytes are only summed.
   */
  private file: { readonly path?: string; readonly fd: number; readonly offset: number; readonly line?: HeaderLine } | undefined;
  private length = 0;
  /** A flush of the file under way (see `finish`): the file is closed once it has ended. */
  private flushing: Promise<void> | undefined;
  /** The file's closing and removal once the builder failed during a flush: `finish` answers once it has ended. */
  private dropping: Promise<void> | undefined;
  /** CRC-32 of the file's bytes so far, pieced together from each run's. */
  private crc = 0;
  /** The first position of each run sent, and how many have been answered, in order. */
  private readonly runsSent: number[] = [];
  private answered = 0;
  /**
   * Runs made and not sent yet: the thread has a few at a time, so that once the article is loaded the loading
   * thread, idle otherwise, can make the last ones itself (`finish`).
   */
  private readonly waiting: HeaderRun[] = [];
  private readonly counter = new ParagraphCounter();
  private wake: (() => void) | undefined;

  constructor(
    private readonly withSource: boolean,
    /**
     * Where the review's header line can be made, asked once the thread starts: beside the review file, nowhere
     * (`SUMMED_ONLY`) when that file exists, or undefined for a temporary file; asked again on the next paragraphs
     * while it is `NOT_KNOWN_YET`.
     */
    private readonly lineFor: () => HeaderLine | typeof SUMMED_ONLY | typeof NOT_KNOWN_YET | undefined = () => undefined,
  ) {}

  /** Adds the next settled paragraphs, in article order: each as its translation's and its source's block. */
  add(targets: readonly (Block | undefined)[], sources: readonly (Block | undefined)[]): void {
    if (this.failed) return;
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k];
      const s = sources[k];
      this.targets.push(runBlock(t));
      this.sources.push(runBlock(s));
      this.pendingChars += (t?.text.length ?? 0) + (s?.text.length ?? 0) + (t?.source?.length ?? 0);
    }
    const line = !this.tried && (this.warmed || this.pendingChars >= THREAD_FROM_CHARS) ? this.lineFor() : NOT_KNOWN_YET;
    if (line !== NOT_KNOWN_YET) {
      this.tried = true;
      this.worker = this.startThread(line);
      if (!this.worker) this.fail();
    }
    if (this.worker && this.targets.length >= RUN) this.send();
  }

  /**
   * Starts the thread ahead of the paragraphs, for an article known to be long (from its file's size): the
   * thread's start, some tens of milliseconds, then passes while the first paragraphs are read, and it takes them
   * from the first instead of once half a million characters have gathered.
   */
  warm(): void {
    if (this.tried || this.failed || this.warmed) return;
    this.warmed = takeHeaderThread();
    const warmed = this.warmed;
    if (!warmed) return;
    warmed.unref();
    // A thread that fails before it is given anything is simply not used.
    const drop = () => this.warmed === warmed && (this.warmed = undefined);
    warmed.on('error', drop);
    warmed.on('exit', drop);
    if (this.pendingChars > 0) this.add([], []);
  }

  /** True once a thread has taken the paragraphs (and is still working): the loader need not count them. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /**
   * The file holding the header's paragraph list as UTF-8 JSON, comma-separated, and every paragraph's counts, once
   * every paragraph added has been made; undefined when no thread made them (a short article, or the thread
   * failed), or `cancel` was called. The caller removes the file (`HeaderParagraphs.remove`).
   */
  async finish(): Promise<{ paragraphs: HeaderParagraphs; counts: ParagraphCounts } | undefined> {
    if (this.failed || !this.worker) {
      this.fail();
      return undefined;
    }
    this.send();
    // What the thread has written goes to disk while the last runs are made, so the review file's own flush once
    // it is complete has only those left to write (flushing 60 MB then held the opening up).
    const open = this.file;
    if (open && open.fd >= 0) this.flushing = new Promise((resolve) => fdatasync(open.fd, () => resolve()));
    // The thread goes on from the front of what waits; this thread makes runs from the back, in memory.
    const tail: Uint8Array[] = [];
    let tailBytes = 0;
    while (!this.failed) {
      const run = tailBytes < MAX_TAIL_BYTES ? this.waiting.pop() : undefined;
      if (run) {
        // A run is made a part at a time, a breath after each: a whole run of a page's paragraphs (inline tags,
        // escaped texts) took this thread 50 ms and more.
        const parts: Uint8Array[] = [];
        for (const part of runParts(run)) {
          const made = makeRun(part);
          parts.push(Buffer.from(made.bytes));
          this.counter.place(part.from, made.counts);
          await breathe();
        }
        tail.unshift(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
        tailBytes += tail[0]!.length;
      } else if (this.answered < this.runsSent.length) {
        await new Promise<void>((resolve) => (this.wake = resolve));
      } else {
        break;
      }
    }
    const file = this.file;
    if (this.failed || !file) {
      await this.dropping;
      return undefined;
    }
    // Every run the thread made is in the file: the rest follow it.
    try {
      for (const bytes of tail) {
        for (let at = 0; file.fd >= 0 && at < bytes.length;)
          at += await writeAt(file.fd, bytes, at, bytes.length - at, file.offset + this.length + at);
        this.crc = crc32Combine(this.crc, crc32(bytes), bytes.length);
        this.length += bytes.length;
      }
    } catch {
      this.fail();
      await this.dropping;
      return undefined;
    }
    this.file = undefined;
    this.close();
    await this.flushing;
    if (file.fd >= 0) closeSync(file.fd);
    const line = file.line && { opening: file.line.opening, created: file.line.created };
    return {
      paragraphs: {
        path: file.path,
        length: this.length,
        offset: file.offset,
        crc32: this.crc,
        ...(line ? { line } : {}),
        // Once renamed into place as the review file, its temporary name no longer exists and this does nothing.
        remove: () => file.path !== undefined && rmSync(file.path, { force: true }),
      },
      counts: this.counter.result(),
    };
  }

  /** Stops (the article was closed while loading): the thread ends and nothing more is made. */
  cancel(): void {
    this.fail();
  }

  /**
   * Queues the paragraphs gathered as runs of `RUN`: many gather while the review file is looked for (reading
   * another article's long review beside this one takes a while), and one message holding them all would take
   * the service a structured copy of tens of megabytes in one step.
   */
  private send(): void {
    const file = this.file;
    if (!this.worker || !file || this.targets.length === 0) return;
    for (let k = 0; k < this.targets.length; k += RUN) {
      this.waiting.push({
        fd: file.fd,
        from: this.pendingFrom + k,
        withSource: this.withSource,
        targets: this.targets.slice(k, k + RUN),
        sources: this.sources.slice(k, k + RUN),
      });
    }
    this.pendingFrom += this.targets.length;
    this.targets = [];
    this.sources = [];
    this.feed();
  }

  /** Sends waiting runs to the thread while it has fewer than `AT_THREAD`, from the front. */
  private feed(): void {
    const worker = this.worker;
    if (!worker) return;
    while (this.runsSent.length - this.answered < AT_THREAD && this.waiting.length > 0) {
      const run = this.waiting.shift()!;
      this.runsSent.push(run.from);
      worker.postMessage(run);
    }
  }

  private startThread(line: HeaderLine | typeof SUMMED_ONLY | undefined): Worker | undefined {
    this.file = line === SUMMED_ONLY ? { fd: -1, offset: 0 } : ((line && this.openBesideReview(line)) ?? this.openInTemporaryFolder());
    if (!this.file) return undefined;
    const worker = this.warmed ?? takeHeaderThread();
    this.warmed = undefined;
    if (!worker) return undefined;
    worker.unref();
    worker.on('message', (answer: HeaderBytes) => {
      if (this.worker !== worker) return;
      // Runs are answered in the order they were sent: anything else means the bytes cannot be trusted.
      if (answer.from !== this.runsSent[this.answered]) {
        this.fail();
        return;
      }
      this.answered++;
      this.crc = crc32Combine(this.crc, answer.crc32, answer.length);
      this.length += answer.length;
      this.counter.place(answer.from, answer.counts);
      this.feed();
      this.wakeUp();
    });
    worker.on('error', () => this.worker === worker && this.fail());
    worker.on('exit', () => this.worker === worker && this.fail());
    return worker;
  }

  /** The review's header line in the making, beside the review file, its opening written; undefined if it cannot be. */
  private openBesideReview(line: HeaderLine): HeaderBuilder['file'] {
    const path = temporaryPathFor(line.reviewPath);
    let fd: number | undefined;
    try {
      // The app's data folder, where a review goes when the article's folder cannot be written, may not exist yet.
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, 'wx');
      const start = Buffer.from(headerLineStart(line.opening));
      // Written before any run, at the file's position, which the thread's writes then continue from.
      for (let at = 0; at < start.length;) at += writeSync(fd, start, at, start.length - at);
      return { path, fd, offset: start.length, line };
    } catch {
      if (fd !== undefined) closeSync(fd);
      rmSync(path, { force: true });
      return undefined;
    }
  }

  /** A file of the paragraphs alone in the system's temporary folder (the review's folder is not known or not writable). */
  private openInTemporaryFolder(): HeaderBuilder['file'] {
    removeStrayHeaderFiles();
    try {
      const path = join(tmpdir(), `${HEADER_FILE_PREFIX}${process.pid}-${randomUUID().slice(0, 8)}.part`);
      return { path, fd: openSync(path, 'wx', 0o600), offset: 0 };
    } catch {
      return undefined;
    }
  }

  private fail(): void {
    this.failed = true;
    this.targets = [];
    this.sources = [];
    this.waiting.length = 0;
    this.close();
    const file = this.file;
    this.file = undefined;
    if (file && file.fd >= 0) {
      // The thread is stopped first: it may be writing to the file. A flush under way ends before the file closes.
      const drop = () => {
        closeSync(file.fd);
        if (file.path !== undefined) rmSync(file.path, { force: true });
      };
      if (this.flushing) this.dropping = this.flushing.then(drop);
      else drop();
    }
    this.wakeUp();
  }

  private close(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker || this.warmed) headerThreadDone();
    void worker?.terminate();
    void this.warmed?.terminate();
    this.warmed = undefined;
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
