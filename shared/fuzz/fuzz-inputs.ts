/**
 * Seeded mutations of valid files, for the importers' fuzz tests. Whatever bytes a reviewer opens, an importer
 * must answer with its result or its typed failure, and soon: never a thrown exception, never a frozen window.
 *
 * Every input is made from one seed (`fuzzInput(seed, samples)`), so a failure is replayed from the seed printed
 * beside it. Pure TypeScript, so the domain's tests and the loader's share it; the caller supplies the clock.
 */
import type { Result } from '../result';
import { seededRandom } from '../seeded-random';

export type MutationKind =
  | 'bit-flip'
  | 'byte-insert'
  | 'byte-delete'
  | 'truncate'
  | 'splice'
  | 'random-bytes'
  | 'huge-line'
  | 'bad-utf8'
  | 'utf16'
  /** Made whole by a test's own generator rather than by mutating bytes. */
  | 'generated';

const KINDS: readonly MutationKind[] = [
  'bit-flip',
  'byte-insert',
  'byte-delete',
  'truncate',
  'splice',
  'random-bytes',
  'huge-line',
  'bad-utf8',
  'utf16',
];

export interface FuzzInput {
  readonly seed: number;
  /** The mutations applied, in order. */
  readonly kinds: readonly MutationKind[];
  readonly bytes: Uint8Array;
}

/** Bytes that mean something to one of our formats: line ends, tabs, quotes, markup, and bytes UTF-8 forbids. */
const INTERESTING = [
  0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x23, 0x2a, 0x2d, 0x3c, 0x3e, 0x5c, 0x60, 0x7b, 0x7d, 0x7e, 0x80, 0xbf, 0xc0, 0xe3, 0xef, 0xfe, 0xff,
];

/** Runs repeated into a huge line: each is a token some parser loops over. */
const RUNS = [' ', '\t', '\r', '\n', '"', '""', '<v>', '</v>', '#', '- ', '> ', '`', '~', '*', '\\', '{', '[', 'a', '\u3000', '港'];

/** Byte sequences that are not UTF-8: a lone continuation, overlong forms, a surrogate, past U+10FFFF, a cut character. */
const BAD_UTF8: readonly (readonly number[])[] = [
  [0x80],
  [0xbf, 0xbf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
  [0xff],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
];

const BOMS: readonly (readonly number[])[] = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * Largest run a huge-line mutation adds: long enough that a parser slower than linear takes seconds, short enough
 * that thousands of inputs take a few.
 */
const HUGE_LINE_MAX = 32_000;

/** `bytes` with `insert` put in at `at` in place of `remove` bytes. */
function splice(bytes: Uint8Array, at: number, remove: number, insert: ArrayLike<number> = []): Uint8Array {
  const cut = Math.min(remove, bytes.length - at);
  const out = new Uint8Array(bytes.length - cut + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + cut), at + insert.length);
  return out;
}

/** `run` repeated to at least `length` bytes. */
function repeated(run: readonly number[], length: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(length / run.length) * run.length);
  out.set(run);
  for (let filled = run.length; filled < out.length; filled *= 2) out.copyWithin(filled, 0, Math.min(filled, out.length - filled));
  return out;
}

/**
 * The input made from `seed`: one to three mutations of one of `samples`, or (for `random-bytes`) bytes with no
 * sample behind them. `fragments`, when given, are spliced in besides pieces of the samples.
 */
export function fuzzInput(seed: number, samples: readonly Uint8Array[], fragments: readonly Uint8Array[] = []): FuzzInput {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  let bytes: Uint8Array = Uint8Array.from(pick(samples));
  const kinds: MutationKind[] = [];
  const rounds = 1 + int(3);
  for (let round = 0; round < rounds; round++) {
    const kind = pick(KINDS);
    kinds.push(kind);
    const at = (): number => int(bytes.length + 1);
    switch (kind) {
      case 'bit-flip':
        for (let n = 1 + int(8); n > 0 && bytes.length > 0; n--) bytes[int(bytes.length)]! ^= 1 << int(8);
        break;
      case 'byte-insert':
        for (let n = 1 + int(16); n > 0; n--) bytes = splice(bytes, at(), 0, [random() < 0.7 ? pick(INTERESTING) : int(256)]);
        break;
      case 'byte-delete':
        for (let n = 1 + int(4); n > 0 && bytes.length > 0; n--) bytes = splice(bytes, int(bytes.length), 1 + int(16));
        break;
      case 'truncate':
        bytes = bytes.slice(0, at());
        break;
      case 'splice': {
        const donor = fragments.length > 0 && random() < 0.5 ? pick(fragments) : pick(samples);
        const from = int(donor.length + 1);
        const piece = donor.subarray(from, from + 1 + int(200));
        // Insert the piece, or let it replace as many bytes.
        bytes = splice(bytes, at(), random() < 0.5 ? 0 : piece.length, piece);
        break;
      }
      case 'random-bytes': {
        const fromInteresting = random() < 0.5;
        bytes = new Uint8Array(int(random() < 0.9 ? 512 : 8192));
        for (let i = 0; i < bytes.length; i++) bytes[i] = fromInteresting ? pick(INTERESTING) : int(256);
        break;
      }
      case 'huge-line':
        bytes = splice(bytes, at(), 0, repeated(encodeUtf8(pick(RUNS)), 1000 + int(HUGE_LINE_MAX)));
        break;
      case 'bad-utf8':
        if (random() < 0.2) bytes = splice(bytes, 0, 0, pick(BOMS));
        for (let n = 1 + int(4); n > 0; n--) bytes = splice(bytes, random() < 0.2 ? bytes.length : at(), 0, pick(BAD_UTF8));
        break;
      case 'utf16': {
        // The bytes as UTF-16 code units, with or without a byte-order mark, maybe with lone surrogates and an odd
        // byte at the end.
        const littleEndian = random() < 0.5;
        const bom = random() < 0.8 ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
        const out = new Uint8Array(bom.length + bytes.length * 2 + 1);
        out.set(bom);
        let o = bom.length;
        for (const b of bytes) {
          const unit = b < 0x80 ? b : random() < 0.05 ? 0xd800 + int(0x800) : 0x4e00 + b;
          out[o++] = littleEndian ? unit & 0xff : unit >> 8;
          out[o++] = littleEndian ? unit >> 8 : unit & 0xff;
        }
        if (random() < 0.2) out[o++] = int(256);
        bytes = out.slice(0, o);
        break;
      }
    }
  }
  return { seed, kinds, bytes };
}

/** UTF-8 bytes of a string of characters below U+10000 (enough for the runs above; no TextEncoder in pure code). */
function encodeUtf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** The first bytes of an input in hex, and its last ones when it is long: enough to recognise it in a report. */
export function hexExcerpt(bytes: Uint8Array, head = 48, tail = 16): string {
  const hex = (part: Uint8Array) => Array.from(part, (b) => b.toString(16).padStart(2, '0')).join(' ');
  if (bytes.length <= head + tail) return hex(bytes);
  return `${hex(bytes.subarray(0, head))} … ${hex(bytes.subarray(bytes.length - tail))}`;
}

export interface FuzzFailure {
  readonly seed: number;
  readonly kinds: readonly MutationKind[];
  readonly problem: string;
  /** `N bytes: <hex excerpt>`. */
  readonly input: string;
}

export interface FuzzReport {
  readonly inputs: number;
  readonly parsed: number;
  readonly refused: number;
  readonly failures: readonly FuzzFailure[];
  readonly slowestMs: number;
  readonly slowestSeed: number;
}

export interface FuzzOptions {
  /** Seeds `firstSeed`, `firstSeed + 1`, ... are tried. */
  readonly firstSeed: number;
  readonly count: number;
  readonly samples: readonly Uint8Array[];
  readonly fragments?: readonly Uint8Array[];
  /** Makes the input for a seed instead of mutating the samples (for inputs built from structured data). */
  readonly make?: (seed: number) => Uint8Array;
  /** The failure codes the importer may answer with; any other is reported. */
  readonly codes: readonly string[];
  /** Longest one input may take. */
  readonly limitMs: number;
  /** A clock in milliseconds (`performance.now`). */
  readonly now: () => number;
  /** Feeds one input to the importer. It may throw to report a broken promise of its own (a span outside its text). */
  readonly importer: (bytes: Uint8Array) => Result<unknown> | Promise<Result<unknown>>;
}

/**
 * Feeds `count` seeded inputs to an importer, one at a time, timing each. An input fails when the importer throws,
 * answers with a code it does not promise or a failure without a message, or takes longer than `limitMs` each of
 * three times it is fed (a stall of a busy machine does not repeat; a slow input does).
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const failures: FuzzFailure[] = [];
  let parsed = 0;
  let refused = 0;
  let slowestMs = 0;
  let slowestSeed = options.firstSeed;
  for (let seed = options.firstSeed; seed < options.firstSeed + options.count; seed++) {
    const input: FuzzInput = options.make
      ? { seed, kinds: ['generated'], bytes: options.make(seed) }
      : fuzzInput(seed, options.samples, options.fragments);
    const failed = (problem: string) =>
      failures.push({ seed, kinds: input.kinds, problem, input: `${input.bytes.length} bytes: ${hexExcerpt(input.bytes)}` });
    const started = options.now();
    let result: Result<unknown>;
    try {
      result = await options.importer(input.bytes);
    } catch (e) {
      failed(`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      continue;
    } finally {
      let ms = options.now() - started;
      // A busy machine can stall any one call (another process has the core): an input is slow only if it is
      // slow again, timed twice more on its own, as a pathological input always is.
      for (let again = 0; again < 2 && ms > options.limitMs; again++) {
        const retried = options.now();
        try {
          await options.importer(input.bytes);
        } catch {
          // Already reported above.
        }
        ms = Math.min(ms, options.now() - retried);
      }
      if (ms > slowestMs) {
        slowestMs = ms;
        slowestSeed = seed;
      }
      if (ms > options.limitMs) failed(`took ${ms.toFixed(0)} ms, over the ${options.limitMs} ms limit, three times`);
    }
    if (result.ok) parsed++;
    else if (!options.codes.includes(result.error.code))
      failed(`failed with the unexpected code ${result.error.code}: ${result.error.message}`);
    else if (result.error.message.trim() === '') failed(`failed with ${result.error.code} but no message`);
    else refused++;
  }
  return { inputs: options.count, parsed, refused, failures, slowestMs, slowestSeed };
}

/** The line a fuzz test prints: `fuzzed plain text: 3000 inputs (2990 parsed, 10 refused), 0 failures, slowest 4.1 ms`. */
export function fuzzSummary(name: string, report: FuzzReport): string {
  return (
    `fuzzed ${name}: ${report.inputs} inputs (${report.parsed} parsed, ${report.refused} refused), ` +
    `${report.failures.length} failures, slowest ${report.slowestMs.toFixed(1)} ms (seed ${report.slowestSeed})`
  );
}

/** One failure as a line a developer can act on: the seed to replay, what was done, what went wrong, the bytes. */
export function describeFailure(f: FuzzFailure): string {
  return `seed ${f.seed} (${f.kinds.join(', ')}): ${f.problem}; input ${f.input}`;
}
