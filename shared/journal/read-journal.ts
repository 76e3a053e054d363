/**
 * Reads the text of a review file into its folded state.
 *
 * The writer appends each event as one line ending in a newline and acknowledges it only once flushed, so a
 * crash can leave at most the last line incomplete: no newline, bytes cut short, or zeros where the file system
 * grew the file before writing its data. Such a torn last line is dropped and reported — it was never
 * acknowledged. A line without its newline counts as torn even when it happens to parse: an event is committed
 * by its newline. Any other unreadable line is damage: the read fails naming the line, and nothing is guessed.
 */
import { fail, ok, type Result } from '../result';
import { checkEventShape, checkHeaderShape } from './event-shape';
import { JOURNAL_FORMAT, JOURNAL_FORMAT_VERSION, type JournalEvent, type JournalHeader } from './journal-event';
import { foldEvents } from './review-reducer';
import type { ReviewState } from './review-state';

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

/** Event lines read between two pauses when reading in steps. */
const EVENTS_PER_STEP = 2000;
/** Header paragraphs parsed between two pauses when reading in steps. */
const PARAGRAPHS_PER_STEP = 5000;

/**
 * Parses and folds a review file. `fileName` is used in messages. Fails with `empty`, `parse-error` (naming the
 * line) or `newer-format`.
 */
export function readJournal(text: string, fileName: string): Result<ReadJournal> {
  const steps = readSteps(text, fileName);
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
  const steps = readSteps(text, fileName);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await breathe();
  }
}

/** The read as a generator: it yields where a caller may pause, and returns the result. */
function* readSteps(text: string, fileName: string): Generator<void, Result<ReadJournal>> {
  if (text.length === 0) return fail('empty', `${fileName} is empty: it is not a Redline review file.`);
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0) return fail('parse-error', `${fileName} line 1: the header is incomplete, so this is not a usable review file.`);
  const header = yield* headerSteps(text.slice(0, firstEnd), fileName);
  if (!header.ok) return header;

  const warnings: string[] = [];
  const events: JournalEvent[] = [];
  const lines: number[] = [];
  let goodLength = firstEnd + 1;
  let torn = false;
  let lastSeq = 0;
  let line = 1;
  let start = firstEnd + 1;
  while (start < text.length) {
    line += 1;
    const end = text.indexOf('\n', start);
    const complete = end >= 0;
    const raw = text.slice(start, complete ? end : text.length);
    const isLast = !complete || end + 1 === text.length;
    start = complete ? end + 1 : text.length;
    if (raw.trim().length === 0 && !/\0/.test(raw)) {
      if (complete) goodLength = start;
      continue;
    }
    const parsed = parseLine(raw);
    if (!complete || (isLast && 'problem' in parsed)) {
      torn = true;
      warnings.push(`${fileName} line ${line}: the last event was cut short (the app stopped while saving it) and was dropped.`);
      break;
    }
    if ('problem' in parsed) return fail('parse-error', `${fileName} line ${line}: ${parsed.problem}. The review file is damaged.`);
    const event = parsed.value;
    if (event.seq <= lastSeq) warnings.push(`${fileName} line ${line}: event number ${event.seq} does not follow ${lastSeq}.`);
    lastSeq = Math.max(lastSeq, event.seq);
    events.push(event);
    lines.push(line);
    goodLength = start;
    if (events.length % EVENTS_PER_STEP === 0) yield;
  }

  const folded = foldEvents(header.value, events);
  for (const s of folded.skipped) {
    warnings.push(`${fileName} line ${lines[s.index]}: event ${s.seq} was skipped (${s.reason}).`);
  }
  return ok({ header: header.value, state: folded.state, warnings, goodLength, torn, events: events.length });
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
  const checked = checkHeaderShape(known.value);
  return 'problem' in checked ? fail('parse-error', `${fileName} line 1: ${checked.problem}.`) : ok(checked.value);
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
  const checked = checkHeaderShape({ ...known.value, paragraphs });
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

function parseLine(raw: string): ReturnType<typeof checkEventShape> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { problem: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return checkEventShape(value);
}

/** One event as its journal line, newline included. */
export function eventLine(event: JournalEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/** The header as its journal line, newline included. Article facts come before the paragraphs so a reader can stop early. */
export function headerLine(header: JournalHeader): string {
  const steps = headerLineSteps(header);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The same line, built with pauses every few thousand paragraphs (a 100,000-paragraph header is 20 MB of JSON). */
export async function headerLineInSteps(header: JournalHeader, breathe: () => Promise<void>): Promise<string> {
  const steps = headerLineSteps(header);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await breathe();
  }
}

function* headerLineSteps(header: JournalHeader): Generator<void, string> {
  const { format, formatVersion, created, article, paragraphs } = header;
  // Exactly what JSON.stringify writes for the whole header, with the paragraph list written a batch at a time.
  const facts = JSON.stringify({ format, formatVersion, created, article });
  const parts: string[] = [`${facts.slice(0, -1)},"paragraphs":[`];
  for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_STEP) {
    if (i > 0) {
      parts.push(',');
      yield;
    }
    parts.push(paragraphs.slice(i, i + PARAGRAPHS_PER_STEP).map((p) => JSON.stringify(p)).join(','));
  }
  parts.push(']}\n');
  return parts.join('');
}
