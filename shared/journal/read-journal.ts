/**
 * Reads the text of a review file into its folded state.
 *
 * The writer appends each event as one line ending in a newline and acknowledges it only once flushed, so a
 * crash can leave at most the last line incomplete: no newline, bytes cut short, or zeros where the file system
 * grew the file before writing its data. Such a torn last line is dropped and reported — it was never
 * acknowledged. A line without its newline counts as torn even when it happens to parse: an event is committed
 * by its newline. Any other unreadable line is damage, a complete last line included: the read fails naming the
 * line, and nothing is guessed.
 *
 * Every line written by format 2 carries a CRC-32 (see line-checksum.ts), so a changed byte is damage named by
 * its line rather than a silently different flag. Format 1 files, written before checksums, still open; their
 * lines are checked wherever a checksum is present. A byte-order mark an editor put in front is tolerated.
 */
import { fail, ok, type Result } from '../result';
import { checkEventShape, checkHeaderShape, paragraphShapeProblem } from './event-shape';
import { paragraphIndexInSteps } from './paragraph-index';
import { CHECKED_FROM, checkLine, checksumPrefix, CRC_START, crcHex, crcUpdate, hasChecksum, withChecksum } from './line-checksum';
import { JOURNAL_FORMAT, JOURNAL_FORMAT_VERSION, type JournalEvent, type JournalHeader } from './journal-event';
import { initialState, ReviewStateBuilder } from './review-reducer';
import type { ReviewState } from './review-state';
import type { Paragraph } from '../model';

export interface ReadJournal {
  readonly header: JournalHeader;
  readonly state: ReviewState;
  /** Sentences a reviewer can read, each naming the file and line: a dropped torn line, a skipped event. */
  readonly warnings: readonly string[];
  /** Length (UTF-16 units) of the text up to the end of the last good line; the file is cut back here before appending. */
  readonly goodLength: number;
  /** True when a torn last line was dropped, so the file needs cutting back to `goodLength` before appending. */
  readonly torn: boolean;
  /** How many event lines were read. */
  readonly events: number;
}

/**
 * What a damaged file still holds: its header and every event before the first damaged line (when the header
 * itself is readable), so the reviewer can carry on from there in a new file.
 */
export interface Salvage {
  /** The damage, named by file and line. */
  readonly problem: string;
  /** 1-based line of the first damage. */
  readonly line: number;
  /** Undefined when the header itself is damaged: nothing can be recovered. */
  readonly recovered?: {
    readonly state: ReviewState;
    readonly events: number;
    /** Length (UTF-16 units) of the text up to the end of the last good line: the part to keep. */
    readonly goodLength: number;
  };
}

/** Event lines read between two pauses when reading in steps. */
const EVENTS_PER_STEP = 2000;
/** Header paragraphs parsed between two pauses when reading in steps (about a megabyte of JSON). */
const PARAGRAPHS_PER_STEP = 1500;
/** Characters of the header checksummed between two pauses (a few milliseconds' work). */
const CHECKSUM_STEP = 2_000_000;

/**
 * Parses and folds a review file. `fileName` is used in messages. Fails with `empty`, `parse-error` (naming the
 * line) or `newer-format`.
 */
export function readJournal(text: string, fileName: string): Result<ReadJournal> {
  return runSync(readSteps(text, fileName, undefined));
}

/**
 * Reads a damaged file as far as it is sound: the header and the events before the first damaged line. Undefined
 * when the file reads without damage (open it normally instead).
 */
export function salvageJournal(text: string, fileName: string): Salvage | undefined {
  const salvage: { found?: Salvage } = {};
  const read = runSync(readSteps(text, fileName, salvage));
  return read.ok ? undefined : (salvage.found ?? { problem: read.error.message, line: 1 });
}

function runSync<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same read, pausing (`breathe`) every few thousand paragraphs and events, so a process that reads a review of
 * 100,000 paragraphs keeps answering meanwhile instead of blocking for the whole parse.
 */
export async function readJournalInSteps(text: string, fileName: string, breathe: () => Promise<void>): Promise<Result<ReadJournal>> {
  const steps = readSteps(text, fileName, undefined);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await breathe();
  }
}

/**
 * A review file handed over in parts by a reader that never builds its header as one string (a 100,000-paragraph
 * header is 60 MB of JSON, and building one string of it holds the event loop for half a second): the header's
 * facts, its paragraphs batch by batch, and the text after the header's newline. The caller checks the header's
 * checksum on the file's bytes.
 */
export interface JournalParts {
  /** The header line up to (not including) `,"paragraphs":[`, closed with `}`: the format and the article's facts. */
  readonly facts: string;
  /**
   * Checks the header's checksum on its bytes, pausing (yielding) between pieces: returns false when the header
   * carries a checksum that does not match. Absent when the caller checked it as it read the file.
   */
  readonly checksum?: () => Generator<void, boolean>;
  /** The paragraphs' JSON a batch at a time: `{…},{…}` without the list's brackets. */
  readonly batches: () => Iterable<string>;
  /**
   * The text after the header's newline, in pieces that each end with a newline but the last (a long review's
   * events are not joined into one string of many megabytes).
   */
  readonly events: readonly string[];
  /**
   * The paragraphs the header holds, known already (the article as just loaded, whose JSON the caller found the
   * header's paragraph list to be): they are taken as they are instead of parsing 60 MB of JSON back into the same
   * objects, and `batches` is not read.
   */
  readonly expected?: readonly Paragraph[];
  /** The event lines of `events` parsed already (see `parseEventLines`), in order. */
  readonly parsedEvents?: readonly ParsedLine[];
}

/**
 * Reads a review handed over in parts, in steps. Answers undefined when anything is not exactly as the writer
 * writes it, damage included: the caller then reads the whole file as one text, which names the damage with its
 * line. `goodLength` counts within `events`.
 */
export async function readJournalPartsInSteps(
  parts: JournalParts,
  fileName: string,
  breathe: () => Promise<void>,
): Promise<Result<ReadJournal> | undefined> {
  let facts: unknown;
  try {
    facts = JSON.parse(parts.facts);
  } catch {
    return undefined;
  }
  const known = checkFormat(facts, fileName);
  if (!known.ok) return undefined;
  if (typeof known.value.crc32 !== 'string' && (known.value.formatVersion as number) >= 2) return undefined;
  const sum = parts.checksum?.();
  for (let step = sum?.next(); sum && step; step = sum.next()) {
    if (step.done) {
      if (!step.value) return undefined;
      break;
    }
    await breathe();
  }
  const expected = parts.expected;
  // Each batch of paragraphs is checked and indexed as it is parsed, so no step goes over all 100,000 of them.
  const paragraphs: unknown[] = expected ? (expected as unknown[]) : [];
  const index = expected ? await paragraphIndexInSteps(expected, breathe) : new Map<string, number>();
  for (const batch of expected ? [] : parts.batches()) {
    const from = paragraphs.length;
    try {
      for (const p of JSON.parse(`[${batch}]`) as unknown[]) paragraphs.push(p);
    } catch {
      return undefined;
    }
    if (paragraphShapeProblem(paragraphs, from, paragraphs.length, index as Map<string, number>) !== undefined) return undefined;
    await breathe();
  }
  const { crc32: _sum, ...rest } = known.value;
  const header = checkHeaderShape({ ...rest, paragraphs }, index);
  if ('problem' in header) return undefined;
  const steps = eventSteps(header.value, parts.events, 0, fileName, undefined, index, parts.parsedEvents);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value.ok ? next.value : undefined;
    await breathe();
  }
}

/**
 * The read as a generator: it yields where a caller may pause, and returns the result. With `salvage`, damage
 * also leaves there what comes before it.
 */
function* readSteps(text: string, fileName: string, salvage: { found?: Salvage } | undefined): Generator<void, Result<ReadJournal>> {
  // A byte-order mark (some editors add one on save) is skipped; offsets stay those of the text as given.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.length === bom) return fail('empty', `${fileName} is empty: it is not a Redline review file.`);
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0)
    return fail('parse-error', `${fileName} line 1: the header is incomplete (no end of line), so this is not a usable review file.`);
  const header = yield* headerSteps(text.slice(bom, firstEnd), fileName);
  if (!header.ok) {
    if (salvage) salvage.found = { problem: header.error.message, line: 1 };
    return header;
  }
  return yield* eventSteps(header.value, [text], firstEnd + 1, fileName, salvage);
}

/**
 * Reads and folds the event lines of `text` from `from` on (line 2 of the file is at `from`), after `header`.
 * `goodLength` in the result counts from the start of `text`.
 */
function* eventSteps(
  header: JournalHeader,
  /** The text, in pieces each ending with a newline but the last; `from` and `goodLength` count over them all. */
  texts: readonly string[],
  from: number,
  fileName: string,
  salvage: { found?: Salvage } | undefined,
  /** The header's paragraph positions by id, when built already. */
  index?: ReadonlyMap<string, number>,
  /** The event lines parsed already, in order (see `parseEventLines`). */
  parsedLines?: readonly ParsedLine[],
): Generator<void, Result<ReadJournal>> {
  const checked = header.formatVersion >= 2;
  const warnings: string[] = [];
  // Events are folded as they are read, so the fold is spread over the reader's steps too.
  const builder = new ReviewStateBuilder(initialState(header, index));
  let events = 0;
  let goodLength = from;
  let torn = false;
  let lastSeq = 0;
  let line = 1;
  let parsedAt = 0;
  // Length of the pieces before the one being read.
  let before = 0;
  pieces: for (let piece = 0; piece < texts.length; before += texts[piece]!.length, piece++) {
    const text = texts[piece]!;
    let start = piece === 0 ? from : 0;
    while (start < text.length) {
      line += 1;
      const end = text.indexOf('\n', start);
      const complete = end >= 0;
      const raw = text.slice(start, complete ? end : text.length);
      start = complete ? end + 1 : text.length;
      if (isBlankLine(raw)) {
        if (complete) goodLength = before + start;
        continue;
      }
      if (!complete) {
        // Not committed: the writer acknowledges an event only once its newline is on disk.
        torn = true;
        warnings.push(`${fileName} line ${line}: the last event was cut short (the app stopped while saving it) and was dropped.`);
        break pieces;
      }
      const ahead = parsedLines?.[parsedAt++];
      const parsed = ahead ? (checked && ahead.unchecked ? { problem: NO_CHECKSUM } : ahead.parsed) : parseLine(raw, checked);
      if ('problem' in parsed) {
        const problem = `${fileName} line ${line}: ${parsed.problem}. The review file is damaged.`;
        if (salvage) salvage.found = { problem, line, recovered: { state: builder.build(), events, goodLength } };
        return fail('parse-error', problem);
      }
      const event = parsed.value;
      if (event.seq <= lastSeq) warnings.push(`${fileName} line ${line}: event number ${event.seq} does not follow ${lastSeq}.`);
      lastSeq = Math.max(lastSeq, event.seq);
      const skipped = builder.apply(event);
      if (skipped !== undefined) warnings.push(`${fileName} line ${line}: event ${event.seq} was skipped (${skipped}).`);
      events++;
      goodLength = before + start;
      if (events % EVENTS_PER_STEP === 0) yield;
    }
  }
  return ok({ header: header, state: builder.build(), warnings, goodLength, torn, events });
}

/** Checks a first line: a Redline review of a format this build knows. */
export function parseHeader(line: string, fileName: string): Result<JournalHeader> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('parse-error', `${fileName} line 1: not a Redline review file (the first line is not a review header).`);
  }
  const known = checkFormat(value, fileName);
  if (!known.ok) return known;
  const sum = headerChecksum(line, known.value, fileName);
  if (!sum.ok) return sum;
  const { crc32: _sum, ...facts } = known.value;
  const checked = checkHeaderShape(facts);
  return 'problem' in checked ? fail('parse-error', `${fileName} line 1: ${checked.problem}.`) : ok(checked.value);
}

/** A format-2 header must carry a checksum and it must match; one given in a format-1 header is checked too. */
function headerChecksum(line: string, facts: Readonly<Record<string, unknown>>, fileName: string): Result<void> {
  const check = checkLine(line);
  if (check.kind === 'bad')
    return fail('parse-error', `${fileName} line 1: the header's checksum does not match its text (a byte of it was changed).`);
  if (check.kind === 'none' && (facts.formatVersion as number) >= 2) {
    return fail('parse-error', `${fileName} line 1: the header has no checksum, though format ${String(facts.formatVersion)} writes one.`);
  }
  return ok(undefined);
}

/**
 * The header line in steps. The writer puts the paragraph list last (`headerLine`), so the line is the article's
 * facts followed by `,"paragraphs":[` and the paragraphs: the facts are checked first (a newer format is refused
 * before any work), then the paragraphs are parsed a batch at a time. Anything unexpected falls back to parsing
 * the whole line, which also gives the exact message.
 */
function* headerSteps(line: string, fileName: string): Generator<void, Result<JournalHeader>> {
  const marker = ',"paragraphs":[';
  const at = line.indexOf(marker);
  if (at < 0 || !line.endsWith(']}')) return parseHeader(line, fileName);
  let facts: unknown;
  try {
    facts = JSON.parse(`${line.slice(0, at)}}`);
  } catch {
    return parseHeader(line, fileName);
  }
  const known = checkFormat(facts, fileName);
  if (!known.ok) return known;
  if (hasChecksum(line)) {
    // The checksum of a 20 MB header is itself worth spreading over steps.
    let crc = crcUpdate(CRC_START, '{');
    for (let from = CHECKED_FROM; from < line.length; from += CHECKSUM_STEP) {
      crc = crcUpdate(crc, line, from, Math.min(line.length, from + CHECKSUM_STEP));
      if (from + CHECKSUM_STEP < line.length) yield;
    }
    if (crcHex(crc) !== line.slice(10, 18))
      return fail('parse-error', `${fileName} line 1: the header's checksum does not match its text (a byte of it was changed).`);
  } else if ((known.value.formatVersion as number) >= 2) {
    return headerChecksum(line, known.value, fileName) as Result<never>;
  }
  const paragraphs: unknown[] = [];
  const end = line.length - 2;
  const take = (from: number, to: number): boolean => {
    if (to <= from) return true;
    try {
      for (const p of JSON.parse(`[${line.slice(from, to)}]`) as unknown[]) paragraphs.push(p);
      return true;
    } catch {
      return false;
    }
  };
  // Paragraphs are flat objects written with `id` first, so `},{"id":"` lies only between two of them: inside a
  // string its quotes would be escaped. A wrong cut cannot pass unnoticed: the batch would not parse.
  const boundary = '},{"id":"';
  let from = at + marker.length;
  for (;;) {
    let cut = from;
    let found = 0;
    while (found < PARAGRAPHS_PER_STEP) {
      const k = line.indexOf(boundary, cut);
      if (k < 0 || k >= end) break;
      cut = k + 1;
      found++;
    }
    if (found < PARAGRAPHS_PER_STEP) {
      if (!take(from, end)) return parseHeader(line, fileName);
      break;
    }
    if (!take(from, cut)) return parseHeader(line, fileName);
    from = cut + 1;
    yield;
  }
  const { crc32: _sum, ...rest } = known.value;
  const checked = checkHeaderShape({ ...rest, paragraphs });
  return 'problem' in checked ? fail('parse-error', `${fileName} line 1: ${checked.problem}.`) : ok(checked.value);
}

/** The format name and version of a parsed first line: a Redline review this build can read. */
function checkFormat(value: unknown, fileName: string): Result<Readonly<Record<string, unknown>>> {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== JOURNAL_FORMAT) {
    return fail('parse-error', `${fileName} line 1: not a Redline review file (the first line is not a review header).`);
  }
  const v = value as Readonly<Record<string, unknown>>;
  const version = v.formatVersion;
  if (!Number.isInteger(version) || (version as number) < 1) {
    return fail('parse-error', `${fileName} line 1: the review header has no valid format version.`);
  }
  if ((version as number) > JOURNAL_FORMAT_VERSION) {
    return fail(
      'newer-format',
      `${fileName} was saved by a newer Redline (review format ${String(version)}; this version reads up to ${JOURNAL_FORMAT_VERSION}). ` +
        'Update Redline to open it; the file was left untouched.',
    );
  }
  return ok(v);
}

const NO_CHECKSUM = 'the event has no checksum';

/** A line with nothing but white space, which readers pass over (a NUL is not white space: it is damage). */
function isBlankLine(raw: string): boolean {
  return raw.trim().length === 0 && !/\0/.test(raw);
}

/**
 * Event lines parsed ahead between two breaths: fewer than the fold takes at a time, as they are parsed while the
 * article loads, when each step shares the processor with the loading's other thread.
 */
const PARSED_PER_STEP = 500;

/** An event line parsed ahead of its review's reading: as `parseLine` parses it without a checksum required. */
export interface ParsedLine {
  readonly parsed: ReturnType<typeof checkEventShape>;
  /** The line has no checksum (a problem in a format that requires one). */
  readonly unchecked: boolean;
}

/**
 * Parses the event lines of a review's text (in pieces, as `JournalParts.events`), in steps, before the review is
 * read: a long review's events are parsed while its article loads, and the reading, once the article is loaded,
 * only folds them. A line cut short at the end is left to the reading, which reports it.
 */
export async function parseEventLines(texts: readonly string[], breathe: () => Promise<void>): Promise<ParsedLine[]> {
  const out: ParsedLine[] = [];
  for (const text of texts) {
    for (let start = 0; start < text.length;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      const raw = text.slice(start, end);
      start = end + 1;
      if (isBlankLine(raw)) continue;
      out.push({ parsed: parseLine(raw, false), unchecked: !hasChecksum(raw) });
      if (out.length % PARSED_PER_STEP === 0) await breathe();
    }
  }
  return out;
}

/** An event line, checked: its checksum first (required when `checked`), then its JSON and shape. */
function parseLine(raw: string, checked: boolean): ReturnType<typeof checkEventShape> {
  const check = checkLine(raw);
  if (check.kind === 'bad')
    return { problem: `its checksum does not match its text (a byte was changed; written ${check.written}, now ${check.actual})` };
  if (check.kind === 'none' && checked) return { problem: NO_CHECKSUM };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { problem: `not valid JSON${jsonErrorPlace(e)}` };
  }
  if (check.kind === 'good') delete (value as { crc32?: unknown }).crc32;
  return checkEventShape(value);
}

/**
 * Where JSON.parse stopped, from its message ("… at position 25"), without the engine's quote of the text: an
 * error message never shows a file's contents.
 */
function jsonErrorPlace(e: unknown): string {
  const at = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
  return at ? ` (at character ${Number(at[1]) + 1})` : '';
}

/** One event as its journal line (checksum first), newline included. */
export function eventLine(event: JournalEvent): string {
  return `${withChecksum(JSON.stringify(event))}\n`;
}

/** The header as its journal line, newline included. Article facts come before the paragraphs so a reader can stop early. */
export function headerLine(header: JournalHeader): string {
  return runSync(headerLineSteps(header)).join('');
}

/** The same line, built with pauses every few thousand paragraphs (a 100,000-paragraph header is 20 MB of JSON). */
export async function headerLineInSteps(header: JournalHeader, breathe: () => Promise<void>): Promise<string> {
  return (await headerPartsInSteps(header, breathe)).join('');
}

/**
 * The same line as pieces to write one after another: joining 60 MB of JSON into one string is itself a long
 * block of the event loop, and a writer does not need it joined.
 */
export async function headerPartsInSteps(header: JournalHeader, breathe: () => Promise<void>): Promise<string[]> {
  const steps = headerLineSteps(header);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await breathe();
  }
}

/**
 * The header line up to its paragraph list, without the checksum member: `{`, the article's facts, then
 * `"paragraphs":[`. What follows is the paragraphs, each as `JSON.stringify` writes it, separated by commas, then
 * `]}`; the checksum covers the whole of it.
 */
export function headerOpening(header: Pick<JournalHeader, 'format' | 'created' | 'article'>): string {
  const { format, created, article } = header;
  const facts = JSON.stringify({ format, formatVersion: JOURNAL_FORMAT_VERSION, created, article });
  return `${facts.slice(0, -1)},"paragraphs":[`;
}

/**
 * The header is always written in the current format (a review of an older format is upgraded when compacted),
 * with its checksum computed batch by batch alongside.
 */
function* headerLineSteps(header: JournalHeader): Generator<void, string[]> {
  const { paragraphs } = header;
  // Exactly what JSON.stringify writes for the whole header, with the paragraph list written a batch at a time.
  const parts: string[] = [headerOpening(header)];
  let crc = crcUpdate(CRC_START, parts[0]!);
  for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_STEP) {
    if (i > 0) {
      parts.push(',');
      crc = crcUpdate(crc, ',');
      yield;
    }
    const batch = paragraphs
      .slice(i, i + PARAGRAPHS_PER_STEP)
      .map((p) => JSON.stringify(p))
      .join(',');
    parts.push(batch);
    crc = crcUpdate(crc, batch);
  }
  parts.push(']}\n');
  crc = crcUpdate(crc, ']}');
  parts[0] = checksumPrefix(crc) + parts[0]!.slice(1);
  return parts;
}
