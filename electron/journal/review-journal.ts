/**
 * The review file on disk: one JSON line per event, appended and flushed before the action is acknowledged.
 *
 * Group commit: while one write-and-flush is in flight, further events wait in a queue and go out together in
 * the next write, so a burst of keystrokes costs one flush per disk round trip, not one per key, and nothing
 * blocks the event loop. Order is kept: events are applied to the in-memory state and queued in call order.
 *
 * Loading never writes. A torn last line found on open is cut off only when the first new event is appended,
 * so a failed or read-only open leaves the file exactly as it was.
 *
 * A journal opened read-only (another process holds the review's lock, or the file or its folder cannot be
 * written) refuses every append and compaction with a typed failure: never a silent success.
 */
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EventBody, JournalEvent, JournalHeader } from '../../shared/journal/journal-event';
import type { Paragraph } from '../../shared/model';
import {
  eventLine,
  headerOpening,
  headerPartsInSteps,
  readJournalInSteps,
  readJournalPartsInSteps,
  parseEventLines,
  type ParsedLine,
  type JournalParts,
} from '../../shared/journal/read-journal';
import { initialState, ReviewStateBuilder } from '../../shared/journal/review-reducer';
import { paragraphIndexInSteps } from '../../shared/journal/paragraph-index';
import type { PreparedReplacement } from '../../shared/journal/prepared-replacement';
import type { PreparedUndo } from '../../shared/journal/prepared-undo';
import { snapshotOf, type ReviewState } from '../../shared/journal/review-state';
import { fail, ok, type Result } from '../../shared/result';
import { breathe } from '../breathe';
import { processExists, type ReviewLock } from './review-lock';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { CHECKSUM_AT, crc32Combine, useNativeCrc32 } from '../../shared/journal/line-checksum';
import { eventLineInSteps, isLongEvent } from '../../shared/journal/event-line-steps';

// Node's own CRC-32 checksums a 20 MB review header in milliseconds, where the portable one takes a few hundred.
if (typeof zlibCrc32 === 'function') useNativeCrc32((data, previous) => zlibCrc32(data, previous));

export interface JournalOptions {
  /** The time stamped on new events; the wall clock by default. */
  readonly now?: () => string;
  /** The review's lock, held by this process: released when the journal closes. */
  readonly lock?: ReviewLock;
  /** Set when the review may not be written here: every append answers this failure. */
  readonly readOnly?: { readonly code: 'locked' | 'read-only'; readonly message: string };
}

/**
 * A header's paragraph list as UTF-8 JSON (comma-separated, without the brackets) in a file, `length` bytes from
 * byte `offset` (0 when not given).
 */
export interface ParagraphsFile {
  /** Undefined when the bytes were only summed (the review existed): a review written from them makes them again. */
  readonly path: string | undefined;
  readonly length: number;
  readonly offset?: number;
  /** CRC-32 of the list's bytes, when known: the file is then not read again to checksum the header. */
  readonly crc32?: number;
  /**
   * Set when the file is a new review's header line in the making, in the review's folder under a temporary name
   * (see `temporaryPathFor`): the bytes before the list are the line's opening as `ReviewJournal.create` writes it,
   * with a checksum of zeros to fill in, for a header created at `created`. Such a file becomes the review file
   * itself instead of being copied into it.
   */
  readonly line?: { readonly opening: string; readonly created: string };
}

/** Paragraphs whose bytes are in a file. */
type OnDisk = ParagraphsFile & { readonly path: string };

function onDisk(made: ParagraphsFile | undefined): made is OnDisk {
  return made?.path !== undefined;
}

/**
 * The paragraphs a review's header is expected to hold (the article as just loaded) and their header JSON (see
 * header-builder.ts): a review whose header's paragraph list has those bytes' length and CRC-32, its own checksum
 * holding, takes the paragraphs as they are instead of parsing them back (see `readTakingExpected`).
 */
export interface ExpectedParagraphs {
  readonly paragraphs: readonly Paragraph[];
  readonly file: ParagraphsFile;
}

export interface OpenedJournal {
  readonly journal: ReviewJournal;
  readonly state: ReviewState;
  /** Sentences for the reviewer, each naming the file and line (a dropped torn line, a skipped event). */
  readonly warnings: readonly string[];
  /** Event lines the file holds after its header: with the state's size, it tells whether compaction would pay. */
  readonly events: number;
}

interface Pending {
  /** The event's line; left to be made in steps when writing, for a long event (see event-line-steps.ts). */
  line: string | undefined;
  readonly event: JournalEvent;
  readonly done: (result: Result<JournalEvent>) => void;
}

export class ReviewJournal {
  /** Holds every appended event; its state is built when read, so a burst of events costs one copy, not one each. */
  private builder: ReviewStateBuilder;
  private built: ReviewState | undefined;
  /** The state after the last event known to be on disk; `state` goes back to it if a write fails. */
  private durable: ReviewState;
  private handle: FileHandle | undefined;
  private pending: Pending[] = [];
  private compactions: ((result: Result<void>) => void)[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private broken: Result<never> | undefined;
  private closed = false;
  private readonly now: () => string;
  private readonly lock: ReviewLock | undefined;
  /** Why this journal may not write, or undefined when it may. */
  readonly readOnly: JournalOptions['readOnly'];

  private constructor(
    /** The review file. */
    readonly path: string,
    state: ReviewState,
    /** Byte length to cut the file back to before the next append (a torn line was found on open). */
    private repairAt: number | undefined,
    options: JournalOptions,
  ) {
    this.builder = new ReviewStateBuilder(state);
    this.built = state;
    this.durable = state;
    this.now = options.now ?? (() => new Date().toISOString());
    this.lock = options.lock;
    this.readOnly = options.readOnly;
  }

  /**
   * Starts a new review file with just its header. Written to a temporary name, flushed and renamed, so a crash
   * never leaves a file without a whole header. Fails with `conflict` if the file already exists.
   */
  /**
   * Creates a review file whose first line is `header`. `made`, when given, holds the header's paragraphs already
   * made (see header-builder.ts): they are checksummed and copied, not made again.
   */
  static async create(
    path: string,
    header: JournalHeader,
    options: JournalOptions = {},
    made?: ParagraphsFile,
  ): Promise<Result<ReviewJournal>> {
    if (options.readOnly) return fail(options.readOnly.code, options.readOnly.message);
    try {
      const existing = await stat(path).then(
        () => true,
        () => false,
      );
      if (existing) return fail('conflict', `${path} already exists; open it instead of starting a new review.`);
      // The data folder may not exist yet on first use.
      await mkdir(dirname(path), { recursive: true });
      if (made && madeInPlace(path, header, made)) await finishHeaderLine(path, headerOpening(header), made);
      else if (onDisk(made)) await writeDurably(path, await headerFromFile(header, made));
      else await writeDurably(path, await headerPartsInSteps(header, breathe));
      return ok(new ReviewJournal(path, initialState(header, await paragraphIndexInSteps(header.paragraphs, breathe)), undefined, options));
    } catch (e) {
      return fail('io-error', `Could not create the review file ${path}: ${message(e)}`);
    }
  }

  /**
   * Reads a review file and folds it. Never writes to the file (see the file comment). `expected`, when given, are
   * the paragraphs the header should hold (see `ExpectedParagraphs`); they may still be in the making (a promise),
   * and are waited for only once the file has been read.
   */
  static async open(
    path: string,
    options: JournalOptions & {
      readonly expected?: ExpectedParagraphs | Promise<ExpectedParagraphs | undefined>;
      /** The file read before its lock was taken (see `readAhead`): taken when the file has not changed since. */
      readonly readAhead?: Promise<ReadAhead | undefined>;
    } = {},
  ): Promise<Result<OpenedJournal>> {
    if (options.expected) {
      const taken = await readTakingExpected(path, options.expected, options.readAhead);
      if (taken) {
        const { state, warnings, repairAt, events } = taken;
        return ok({ journal: new ReviewJournal(path, state, repairAt, options), state, warnings, events });
      }
    }
    let bytes: Buffer;
    try {
      bytes = await readWhole(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail('not-found', `The review file ${path} does not exist.`);
      if (code === 'EISDIR') return fail('not-a-file', `${path} is a folder, not a review file.`);
      return fail('io-error', `Could not read the review file ${path}: ${message(e)}`);
    }
    // A long review is read from its bytes in parts, so its header is never one long string; anything unusual
    // (damage above all) is read again as one text, which names it exactly.
    const headerEnd = await headerEndInSteps(bytes);
    const split = bytes.length >= READ_IN_PARTS_FROM ? partsOf(bytes, headerEnd) : undefined;
    const inParts = split && (await readJournalPartsInSteps(split.parts, basename(path), breathe));
    if (split && inParts?.ok) {
      const { state, warnings, torn, goodLength, events } = inParts.value;
      const repairAt = torn ? split.eventsStart + utf8Length(split.parts.events, goodLength) : undefined;
      return ok({ journal: new ReviewJournal(path, state, repairAt, options), state, warnings, events });
    }
    const text = await decodeInPieces(bytes);
    const read = await readJournalInSteps(text, basename(path), breathe);
    if (!read.ok) return read;
    const { state, warnings, torn, goodLength, events } = read.value;
    const repairAt = torn ? Buffer.byteLength(text.slice(0, goodLength), 'utf8') : undefined;
    const journal = new ReviewJournal(path, state, repairAt, options);
    return ok({ journal, state, warnings, events });
  }

  /** The state including every appended event (some may still be on their way to disk). */
  get state(): ReviewState {
    this.built ??= this.builder.build();
    return this.built;
  }

  /** The state including only events already flushed to disk. */
  get durableState(): ReviewState {
    return this.durable;
  }

  /**
   * Appends an event. It is numbered, stamped and applied to `state` at once; the promise resolves when its line
   * is written and flushed to disk — only then may the action be acknowledged to the reviewer. Fails with
   * `conflict` for an event that does not fit the review (nothing is written) and `io-error` if the disk fails
   * (the state goes back to what is on disk and later appends fail until the review is reopened). A Replace all
   * may bring its texts prepared from the current state (see prepared-replacement.ts), and an undo or redo of a large
   * step its drafts (see prepared-undo.ts); the line written is the same.
   */
  append(body: EventBody, prepared?: PreparedReplacement | PreparedUndo): Promise<Result<JournalEvent>> {
    if (this.readOnly) return Promise.resolve(fail(this.readOnly.code, this.readOnly.message));
    if (this.closed) return Promise.resolve(fail('io-error', `The review file ${this.path} is closed.`));
    if (this.broken) return Promise.resolve(this.broken);
    if (body.type === 'snapshot') return Promise.resolve(fail('bad-request', 'Snapshots are written by compaction only.'));
    const event = { ...body, seq: this.builder.lastSeq + 1, at: this.now() } as JournalEvent;
    const problem = this.builder.apply(event, prepared);
    if (problem !== undefined)
      return Promise.resolve(fail('conflict', `${basename(this.path)}: ${event.type} does not fit the review (${problem}).`));
    this.built = undefined;
    return new Promise((done) => {
      this.pending.push({ line: isLongEvent(event) ? undefined : eventLine(event), event, done });
      this.kick();
    });
  }

  /**
   * Rewrites the file as its header plus one snapshot of the current state: written to a temporary file in the
   * same folder, flushed, renamed over the review file, and the folder flushed, so a crash at any moment leaves
   * either the old file or the new one. Events appended meanwhile go to the new file afterwards.
   */
  compact(): Promise<Result<void>> {
    if (this.readOnly) return Promise.resolve(fail(this.readOnly.code, this.readOnly.message));
    if (this.closed) return Promise.resolve(fail('io-error', `The review file ${this.path} is closed.`));
    if (this.broken) return Promise.resolve(this.broken);
    return new Promise((done) => {
      this.compactions.push(done);
      this.kick();
    });
  }

  /** Waits for queued events to reach the disk, then closes the file and gives up its lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.draining) await this.drained;
    this.closed = true;
    await this.handle?.close();
    this.handle = undefined;
    await this.lock?.release();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = true;
    this.drained = this.drain();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = this.pending.splice(0);
      const compactions = this.compactions.splice(0);
      if (batch.length === 0 && compactions.length === 0) {
        // Reset in the same turn as the emptiness check, so an append racing with the end of the loop is not lost.
        this.draining = false;
        return;
      }
      if (batch.length > 0) await this.writeBatch(batch);
      if (compactions.length > 0) {
        const result = this.broken ?? (await this.rewrite());
        for (const done of compactions) done(result);
      }
    }
  }

  private async writeBatch(batch: readonly Pending[]): Promise<void> {
    if (this.broken) {
      for (const p of batch) p.done(this.broken);
      return;
    }
    // Taken before the first await: the state holds exactly the events up to this batch's last.
    const after = this.state;
    try {
      for (const p of batch) p.line ??= await eventLineInSteps(p.event, breathe);
      const handle = await this.writeHandle();
      await handle.write(batch.map((p) => p.line).join(''));
      await handle.datasync();
      this.durable = after;
      for (const p of batch) p.done(ok(p.event));
    } catch (e) {
      this.broken = fail('io-error', `Could not save to the review file ${this.path}: ${message(e)}. Reopen the review.`);
      // Events queued after this batch were applied on top of it; none of them reached the disk.
      this.builder = new ReviewStateBuilder(this.durable);
      this.built = this.durable;
      for (const p of [...batch, ...this.pending.splice(0)]) p.done(this.broken);
    }
  }

  private async writeHandle(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const handle = await open(this.path, 'a');
    if (this.repairAt !== undefined) {
      // Cut off the torn line reported on open; appends then continue from the last good line.
      await handle.truncate(this.repairAt);
      this.repairAt = undefined;
    }
    this.handle = handle;
    return handle;
  }

  private async rewrite(): Promise<Result<void>> {
    const state = this.durable;
    const snapshot: JournalEvent = { type: 'snapshot', snapshot: snapshotOf(state), seq: state.lastSeq, at: this.now() };
    try {
      const header = await headerPartsInSteps(state.header, breathe);
      await writeDurably(this.path, state.lastSeq > 0 ? [...header, eventLine(snapshot)] : header);
      // The old handle points at the replaced file; the next append opens the new one.
      await this.handle?.close();
      this.handle = undefined;
      this.repairAt = undefined;
      return ok(undefined);
    } catch (e) {
      return fail('io-error', `Could not compact the review file ${this.path}: ${message(e)}. The file was left as it was.`);
    }
  }
}

/**
 * Writes a whole file under a temporary name in the same folder, flushes it, renames it into place and flushes
 * the folder, so after a crash the path holds either the old file or the complete new one. The temporary name is
 * unique (process id and a random part, created exclusively), so two processes writing at once never share one;
 * what a crashed process left behind is removed by `removeStrayTemporaries`.
 */
export async function writeDurably(path: string, text: string | readonly (string | OnDisk)[]): Promise<void> {
  const temp = temporaryPathFor(path);
  const handle = await open(temp, 'wx');
  try {
    await writeInPieces(handle, text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncFolder(dirname(path));
}

/** The start of a header line whose checksum is still to be written: `"crc32":"` and eight zeros. */
export function headerLineStart(opening: string): string {
  return `{"crc32":"00000000",${opening.slice(1)}`;
}

/**
 * True when `made` is the header line of exactly `header` in the making beside `path` (see `ParagraphsFile.line`),
 * so that it can become the review file as it is.
 */
function madeInPlace(path: string, header: JournalHeader, made: ParagraphsFile): made is OnDisk & { crc32: number } {
  return (
    onDisk(made) &&
    made.line !== undefined &&
    made.crc32 !== undefined &&
    made.line.created === header.created &&
    made.line.opening === headerOpening(header) &&
    dirname(made.path) === dirname(path) &&
    made.offset === Buffer.byteLength(headerLineStart(made.line.opening))
  );
}

/**
 * Ends a header line made in place (see `madeInPlace`): closes its list, writes its checksum, flushes it and
 * renames it to `path`, then flushes the folder, as `writeDurably` does with a file it wrote whole.
 */
async function finishHeaderLine(path: string, opening: string, made: OnDisk & { crc32: number }): Promise<void> {
  const crc = zlibCrc32(']}', crc32Combine(zlibCrc32(opening), made.crc32, made.length));
  const handle = await open(made.path, 'r+');
  try {
    await handle.truncate(made.offset! + made.length);
    await handle.write(']}\n', made.offset! + made.length);
    await handle.write(crc.toString(16).padStart(8, '0'), CHECKSUM_AT);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(made.path, path);
  await syncFolder(dirname(path));
}

/** A temporary name beside `path` (process id and a random part), which `removeStrayTemporaries` knows. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `${temporaryPrefix(path)}${process.pid}-${randomUUID().slice(0, 8)}.tmp`);
}

/** Bytes read, checksummed or compared at a time when the header's paragraphs come from a file. */
const FILE_PIECE = 4 << 20;

/** The header line from its paragraphs' file: the opening with its checksum, the file's bytes, the close. */
async function headerFromFile(header: JournalHeader, made: OnDisk): Promise<(string | OnDisk)[]> {
  const opening = headerOpening(header);
  let crc = zlibCrc32(opening);
  if (made.crc32 !== undefined) {
    crc = crc32Combine(crc, made.crc32, made.length);
  } else {
    await forEachPiece(made, async (piece) => {
      crc = zlibCrc32(piece, crc);
    });
  }
  crc = zlibCrc32(']}', crc);
  return [`{"crc32":"${crc.toString(16).padStart(8, '0')}",${opening.slice(1)}`, made, ']}\n'];
}

/** Reads the `made.length` bytes of a paragraphs file a piece at a time (the same buffer each time), breathing in between. */
async function forEachPiece(made: OnDisk, use: (piece: Buffer) => Promise<void>): Promise<void> {
  const handle = await open(made.path, 'r');
  const offset = made.offset ?? 0;
  try {
    const buffer = Buffer.allocUnsafe(Math.min(FILE_PIECE, Math.max(1, made.length)));
    for (let at = 0; at < made.length;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, made.length - at), offset + at);
      if (bytesRead === 0) throw new Error(`${made.path} ended at byte ${at} of ${made.length}`);
      await use(buffer.subarray(0, bytesRead));
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** Review files at least this long are read in parts (see `partsOf`). */
const READ_IN_PARTS_FROM = 1 << 22;
/** Header paragraphs decoded and parsed at a time when reading in parts (about a megabyte of JSON). */
const PARAGRAPHS_PER_PART = 1500;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CHECKSUM_START = Buffer.from('{"crc32":"');
const PARAGRAPHS_START = Buffer.from(',"paragraphs":[');
/** Between two paragraphs of a header: written only there, as quotes inside a string would be escaped. */
const PARAGRAPH_BOUNDARY = Buffer.from('},{"id":"');
/** Header bytes checksummed at a time when reading in parts (a few milliseconds' work). */
const CHECKSUM_PIECE = 1 << 23;

/**
 * A review file's bytes cut into the parts `readJournalPartsInSteps` reads, finding the header's end, its
 * paragraphs' boundaries and its checksum on the bytes themselves (the markers are ASCII, which never occurs inside
 * a multi-byte UTF-8 character). Undefined when the file is not laid out as the writer lays it out.
 */
export function partsOf(
  bytes: Buffer,
  /** Where the header's line ends, when found already (see `headerEndInSteps`). */
  headerEnd?: number,
): { readonly parts: JournalParts; readonly eventsStart: number } | undefined {
  if (typeof zlibCrc32 !== 'function') return undefined;
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  const newline = headerEnd ?? bytes.indexOf(10, bom);
  if (newline < 0) return undefined;
  const header = bytes.subarray(bom, newline);
  const listAt = header.indexOf(PARAGRAPHS_START);
  if (listAt < 0 || header[header.length - 2] !== 0x5d || header[header.length - 1] !== 0x7d) return undefined;
  const checksum = function* (): Generator<void, boolean> {
    if (!(header.subarray(0, CHECKSUM_START.length).equals(CHECKSUM_START) && header[18] === 0x22 && header[19] === 0x2c)) return true;
    const written = header.toString('latin1', 10, 18);
    // A piece at a time: even the native checksum of a 60 MB header holds the event loop for tens of milliseconds.
    let crc = zlibCrc32('{');
    for (let from = 20; from < header.length; from += CHECKSUM_PIECE) {
      if (from > 20) yield;
      crc = zlibCrc32(header.subarray(from, Math.min(header.length, from + CHECKSUM_PIECE)), crc);
    }
    return (crc >>> 0).toString(16).padStart(8, '0') === written;
  };
  const end = header.length - 2;
  const batches = function* (): Generator<string> {
    let from = listAt + PARAGRAPHS_START.length;
    for (;;) {
      let cut = from;
      let found = 0;
      while (found < PARAGRAPHS_PER_PART) {
        const k = header.indexOf(PARAGRAPH_BOUNDARY, cut);
        if (k < 0 || k >= end) break;
        cut = k + 1;
        found++;
      }
      if (found < PARAGRAPHS_PER_PART) {
        if (end > from) yield header.toString('utf8', from, end);
        return;
      }
      yield header.toString('utf8', from, cut);
      from = cut + 1;
    }
  };
  const decoded = new LinePieces();
  decoded.add(bytes.subarray(newline + 1));
  const events = decoded.end();
  const facts = `${header.toString('utf8', 0, listAt)}}`;
  return {
    parts: {
      facts,
      checksum,
      batches,
      events,
    },
    eventsStart: newline + 1,
  };
}

/**
 * Where a review file's first line ends (-1 when it does not), found a piece at a time: the first pass over 60
 * MB just read holds the event loop for a tenth of a second.
 */
async function headerEndInSteps(bytes: Buffer): Promise<number> {
  for (let from = 0; from < bytes.length; from += CHECKSUM_PIECE) {
    const at = bytes.subarray(from, Math.min(bytes.length, from + CHECKSUM_PIECE)).indexOf(10);
    if (at >= 0) return from + at;
    await breathe();
  }
  return -1;
}

/**
 * A long review whose header's paragraphs are expected to be the article as just loaded (see `ExpectedParagraphs`),
 * read without holding its header in memory: the file is read a piece at a time into one buffer, its header
 * checksummed on the way, and only the events after the header are kept. When the header's checksum holds and its
 * paragraph list has the expected bytes' length and CRC-32, the loaded paragraphs are taken as they are. Undefined
 * whenever anything differs (the article changed, damage, an older layout): the file is then read whole, which
 * parses or reports exactly what it holds.
 */
async function readTakingExpected(
  path: string,
  expecting: ExpectedParagraphs | Promise<ExpectedParagraphs | undefined>,
  ahead: Promise<ReadAhead | undefined> = Promise.resolve(undefined),
): Promise<(Omit<OpenedJournal, 'journal'> & { readonly repairAt: number | undefined }) | undefined> {
  if (typeof zlibCrc32 !== 'function') return undefined;
  const early = await ahead.catch(() => undefined);
  const unchanged = early !== undefined && early.stamp === (await stampOf(path));
  const read = unchanged ? early.summed : await readHeaderSummed(path).catch(() => undefined);
  const expected = await expecting;
  if (!read || !expected || expected.file.crc32 !== read.listCrc || expected.file.length !== read.listLength) return undefined;
  const { events } = read;
  // The checksum was checked as the file was read (`readHeaderSummed`).
  const parts: JournalParts = {
    facts: read.facts,
    batches: () => [],
    events,
    expected: expected.paragraphs,
    parsedEvents: read.parsedEvents,
  };
  const inParts = await readJournalPartsInSteps(parts, basename(path), breathe);
  if (!inParts?.ok) return undefined;
  const { state, warnings, torn, goodLength, events: count } = inParts.value;
  const repairAt = torn ? read.eventsStart + utf8Length(events, goodLength) : undefined;
  return { state, warnings, repairAt, events: count };
}

/**
 * A long review file read while its article loads, before its lock is taken: what `readHeaderSummed` makes of it,
 * and a stamp of the file as it was read (its inode, size and time of change, the same before and after the read).
 * The opening takes it only if the file's stamp is still the same once the lock is held; another writer's append or
 * compaction changes it.
 */
export interface ReadAhead {
  readonly stamp: string;
  readonly summed: SummedHeader;
}

/** Reads a long review file ahead (see `ReadAhead`); undefined when it is short, unusual, or changed meanwhile. */
export async function readAhead(path: string): Promise<ReadAhead | undefined> {
  const before = await stampOf(path);
  if (before === undefined) return undefined;
  const summed = await readHeaderSummed(path).catch(() => undefined);
  return summed && before === (await stampOf(path)) ? { stamp: before, summed } : undefined;
}

/** What tells one state of a file from another: its inode, size and time of last change to the nanosecond. */
async function stampOf(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/** A review file's header as `readHeaderSummed` reads it: its facts, its paragraph list's size and checksum. */
interface SummedHeader {
  /** The header line up to its paragraph list, closed with `}` (see `JournalParts.facts`). */
  readonly facts: string;
  readonly listLength: number;
  /** CRC-32 of the paragraph list's bytes (without its brackets). */
  readonly listCrc: number;
  /** Where the events start in the file, and their text in pieces (see `JournalParts.events`). */
  readonly eventsStart: number;
  readonly events: readonly string[];
  /** The events' lines parsed (see `parseEventLines`). */
  readonly parsedEvents: readonly ParsedLine[];
}

/** The UTF-8 length of the first `length` characters of the pieces' text. */
function utf8Length(pieces: readonly string[], length: number): number {
  let bytes = 0;
  for (const piece of pieces) {
    if (length <= 0) break;
    bytes += Buffer.byteLength(length >= piece.length ? piece : piece.slice(0, length), 'utf8');
    length -= piece.length;
  }
  return bytes;
}

/**
 * Reads a long review file a piece at a time into one buffer used again for each piece (a first pass over 70 MB
 * just read into fresh memory costs more than the reading), and checks its header's checksum on the way. Undefined
 * when the file is short, not laid out as the writer lays it out (no checksum, a byte-order mark, the list not where
 * it belongs), or its checksum does not hold.
 */
async function readHeaderSummed(path: string): Promise<SummedHeader | undefined> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size < READ_IN_PARTS_FROM) return undefined;
    const piece = Buffer.allocUnsafe(FILE_PIECE);
    let got = (await handle.read(piece, 0, FILE_PIECE, 0)).bytesRead;
    const first = piece.subarray(0, got);
    const listAt = first.indexOf(PARAGRAPHS_START);
    const firstNewline = first.indexOf(10);
    if (listAt < 0 || (firstNewline >= 0 && firstNewline < listAt)) return undefined;
    if (!first.subarray(0, CHECKSUM_START.length).equals(CHECKSUM_START)) return undefined;
    if (first[18] !== 0x22 || first[19] !== 0x2c) return undefined;
    const written = first.toString('latin1', CHECKSUM_AT, CHECKSUM_AT + 8);
    const facts = `${first.toString('utf8', 0, listAt)}}`;
    const listStart = listAt + PARAGRAPHS_START.length;
    const openingCrc = zlibCrc32(first.subarray(20, listStart), zlibCrc32('{'));
    // The list's bytes are summed as they come, the last two held back: the header ends with the list's `]}`.
    let listCrc = 0;
    let listLength = 0;
    let held = Buffer.alloc(0);
    let at = 0;
    let from = listStart;
    for (;;) {
      const newline = piece.indexOf(10, from);
      const end = newline >= 0 && newline < got ? newline : got;
      const chunk = piece.subarray(from, end);
      // The held bytes and the chunk, less its last two, go into the sum; without copying the piece.
      const joined = chunk.length >= 2 ? held : Buffer.concat([held, chunk]);
      const keep = chunk.length >= 2 ? held.length : Math.max(0, joined.length - 2);
      listCrc = zlibCrc32(joined.subarray(0, keep), listCrc);
      listLength += keep;
      if (chunk.length >= 2) {
        listCrc = zlibCrc32(chunk.subarray(0, chunk.length - 2), listCrc);
        listLength += chunk.length - 2;
        held = Buffer.from(chunk.subarray(chunk.length - 2));
      } else {
        held = Buffer.from(joined.subarray(keep));
      }
      if (end < got) {
        const eventsStart = at + end + 1;
        if (!held.equals(LIST_END)) return undefined;
        const crc = zlibCrc32(LIST_END, crc32Combine(openingCrc, listCrc, listLength));
        if ((crc >>> 0).toString(16).padStart(8, '0') !== written) return undefined;
        // The events are read into the same buffer and decoded in pieces of whole lines.
        const events = new LinePieces();
        await events.addInSteps(piece.subarray(end + 1, got));
        for (let next = at + got; next < size; next += got) {
          got = (await handle.read(piece, 0, Math.min(FILE_PIECE, size - next), next)).bytesRead;
          if (got === 0) return undefined;
          await events.addInSteps(piece.subarray(0, got));
        }
        const pieces = events.end();
        return { facts, listLength, listCrc, eventsStart, events: pieces, parsedEvents: await parseEventLines(pieces, breathe) };
      }
      at += got;
      if (at >= size) return undefined;
      got = (await handle.read(piece, 0, FILE_PIECE, at)).bytesRead;
      if (got === 0) return undefined;
      from = 0;
      await breathe();
    }
  } finally {
    await handle.close();
  }
}

const LIST_END = Buffer.from(']}');

/** Bytes decoded between two breaths when reading a review's events. */
const DECODED_PER_STEP = 1 << 20;

/** Bytes decoded at a time: the text of a slice this size is an ordinary young object, not one in fresh memory. */
const DECODE_SLICE = 1 << 16;

/**
 * UTF-8 text decoded a slice at a time into pieces that each end with a newline (the last excepted): the events
 * of a long review as `eventSteps` reads them, without one string of many megabytes to build and flatten.
 */
class LinePieces {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly pieces: string[] = [];
  /** Decoded text after the last newline, in slices. */
  private open: string[] = [];

  add(bytes: Buffer): void {
    for (let from = 0; from < bytes.length; from += DECODE_SLICE) {
      const text = this.decoder.decode(bytes.subarray(from, from + DECODE_SLICE), { stream: true });
      const cut = text.lastIndexOf('\n') + 1;
      if (cut === 0) {
        this.open.push(text);
        continue;
      }
      this.open.push(text.slice(0, cut));
      this.pieces.push(this.open.join(''));
      this.open = cut < text.length ? [text.slice(cut)] : [];
    }
  }

  /** The same, a megabyte at a time with the event loop free in between. */
  async addInSteps(bytes: Buffer): Promise<void> {
    for (let from = 0; from < bytes.length; from += DECODED_PER_STEP) {
      this.add(bytes.subarray(from, from + DECODED_PER_STEP));
      await breathe();
    }
  }

  end(): string[] {
    this.open.push(this.decoder.decode());
    const last = this.open.join('');
    if (last.length > 0) this.pieces.push(last);
    return this.pieces;
  }
}

/** Bytes asked of the system at a time when reading a review file. */
const READ_PIECE = 1 << 26;

/**
 * A whole file, read in as few calls as the system allows. `readFile` reads 512 KB per turn of the event loop, so
 * while the loop is busy (the last of a long article's header being made) reading a 70 MB review took seconds.
 */
async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(READ_PIECE, size - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at < size ? bytes.subarray(0, at) : bytes;
  } finally {
    await handle.close();
  }
}

/** Bytes decoded at a time when reading a review file: decoding 90 MB at once would hold the event loop for seconds. */
const DECODE_PIECE = 1 << 22;

/** A file's UTF-8 text, decoded a piece at a time with the event loop free in between (a byte-order mark is kept). */
async function decodeInPieces(bytes: Buffer): Promise<string> {
  if (bytes.length <= DECODE_PIECE) return bytes.toString('utf8');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for (let from = 0; from < bytes.length; from += DECODE_PIECE) {
    text += decoder.decode(bytes.subarray(from, from + DECODE_PIECE), { stream: true });
    await breathe();
  }
  return text + decoder.decode();
}

/** Characters encoded and written at a time: turning a 60 MB string into bytes at once would hold the event loop. */
const WRITE_PIECE = 1 << 21;

/** Writes a long text (or its parts in order) a piece at a time, never cutting a surrogate pair in two. */
async function writeInPieces(handle: FileHandle, texts: string | readonly (string | OnDisk)[]): Promise<void> {
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    if (typeof text === 'string') await writeText(handle, text);
    else await forEachPiece(text, (piece) => writeBytes(handle, piece));
  }
}

async function writeBytes(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let from = 0; from < bytes.length;) from += (await handle.write(bytes, from, bytes.length - from)).bytesWritten;
}

async function writeText(handle: FileHandle, text: string): Promise<void> {
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + WRITE_PIECE);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    await handle.write(text.slice(from, to));
    from = to;
  }
}

/**
 * Flushes a folder, so a rename in it survives a power cut. Windows cannot open a folder for flushing (and its
 * file system commits renames itself), so there it is skipped, as it is wherever the system refuses it.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle;
  try {
    handle = await open(folder, 'r');
  } catch (e) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
    throw e;
  }
  try {
    await handle.sync();
  } catch (e) {
    if (!['EINVAL', 'EPERM', 'EBADF', 'ENOTSUP'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle.close();
  }
}

function temporaryPrefix(path: string): string {
  return `.${basename(path)}.`;
}

/** Removes temporaries of `path` left by processes that no longer run (a crash mid-compaction). */
export async function removeStrayTemporaries(path: string): Promise<number> {
  const prefix = temporaryPrefix(path);
  let removed = 0;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!match || processExists(Number(match[1]))) continue;
    await rm(join(dirname(path), name), { force: true });
    removed++;
  }
  return removed;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
