/**
 * `redline diff OLD NEW`: compares two articles paragraph by paragraph, OLD taken as the machine translation
 * (the hypothesis) and NEW as the corrected text (the reference), and prints a side-by-side word diff with the
 * edit rate (TER) of each paragraph and of the whole article, or the rates alone as JSON for scripts.
 * The comparison itself lives in shared/diff; this file reads the files and lays out text for a terminal.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffArticles, type ArticleDiff } from '../../shared/diff/article-diff';
import { statusLabel, type CompareRow } from '../../shared/diff/compare-rows';
import type { DiffSegment } from '../../shared/diff/text-diff';
import { hasUnspacedScript } from '../../shared/diff/tokenize';
import { streamArticle } from '../loader/article-stream';
import { parseArgs, type CliIo, type CommandModule } from './command';
import { EarlyRates, PARALLEL_MIN_BYTES, parallelRates, RateWorker, startRateWorker } from './parallel-rates';
import { writeRatesJson } from './rates-json';

const USAGE = `Usage: redline diff OLD NEW [--char] [--json] [--width N]

Compares two versions of an article paragraph by paragraph. OLD is taken as the machine translation and NEW
as the corrected text (the reference); each changed paragraph is shown side by side, deletions marked
[-like this-] on the left and insertions {+like this+} on the right (in colour on a terminal), with its
translation edit rate (TER: edits over reference words, block shifts counted as one edit, as sacreBLEU).
Paragraphs are paired in order; one inserted or deleted in NEW shows as added or removed.

Options:
  --char     diff and score by character (for Chinese and Japanese, which have no spaces between words);
             "refWords" then counts reference characters
  --json     print only the rates: { "paragraphs": [{ "paragraph", "edits", "refWords", "ter" }],
             "edits", "refWords", "ter" }; the article's ter is its total edits over total reference words
  --width N  width of the side-by-side layout in columns (default: the terminal's, or 100)

Exit status: 0 compared, 2 bad input or usage (the reason on stderr).
`;

/** The command line's view of an output stream; `isTty` and `columns` come from the real stdout. */
interface TerminalIo extends CliIo {
  readonly isTty?: boolean;
  readonly columns?: number;
}

export interface DiffOptions {
  readonly char: boolean;
  readonly colour: boolean;
  readonly width: number;
}

/** Compares two articles' paragraph texts (hypothesis first) and renders the result for a terminal. */
export function renderDiff(oldTexts: readonly string[], newTexts: readonly string[], options: DiffOptions): string {
  return renderArticleDiff(compareTexts(oldTexts, newTexts, options.char), options);
}

function compareTexts(oldTexts: readonly string[], newTexts: readonly string[], char: boolean): ArticleDiff {
  return diffArticles(oldTexts, newTexts, char ? { level: 'char', editRate: 'char' } : {});
}

/** Reads an article's paragraph texts into `texts`, calling `onText` with the index of each as it arrives. */
function readTexts(path: string, texts: string[], onText?: (index: number) => void): ReturnType<typeof streamArticle> {
  return streamArticle(path, {
    onBlocks: (blocks) => {
      for (const block of blocks) {
        texts.push(block.text);
        onText?.(texts.length - 1);
      }
    },
  });
}

/** Bytes of the files together; a file that cannot be read counts nothing (reading it reports why). */
function totalBytes(paths: readonly string[]): number {
  let bytes = 0;
  for (const path of paths) {
    try {
      bytes += statSync(path).size;
    } catch {
      // Left to readArticle, which names the file and the reason.
    }
  }
  return bytes;
}

export const diffCommand: CommandModule = {
  name: 'diff',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { values: ['width'], switches: ['char', 'json'] });
    const bad = (message: string): number => {
      io.stderr(`redline diff: ${message}\n`);
      return 2;
    };
    if (parsed.unknown.length > 0) return bad(`${parsed.unknown.join('; ')}. Run "redline diff --help".`);
    if (parsed.positional.length !== 2) {
      return bad(`expected two files, OLD and NEW, got ${parsed.positional.length}. Run "redline diff --help".`);
    }
    const terminal = io as TerminalIo;
    const widthArg = parsed.values.get('width');
    const width = widthArg === undefined ? (terminal.columns ?? 100) : Number(widthArg);
    if (!Number.isInteger(width) || width < 40 || width > 1000)
      return bad(`--width must be a whole number from 40 to 1000, not "${widthArg}".`);

    const paths = parsed.positional.map((name) => resolve(io.cwd, name));
    const char = parsed.switches.has('char');
    const json = parsed.switches.has('json');
    const unit = char ? 'char' : 'word';
    // Only the rates are shared between threads; the worker starts now so that its start overlaps the reading.
    const worker = json && totalBytes(paths) >= PARALLEL_MIN_BYTES ? startRateWorker() : undefined;
    let rater: RateWorker | undefined;
    try {
      const oldTexts: string[] = [];
      const newTexts: string[] = [];
      const oldRead = await readTexts(paths[0]!, oldTexts);
      if (!oldRead.ok) return bad(oldRead.error.message);
      // While the new version is read, the worker already rates the paragraphs that differ at the same position.
      rater = worker && new RateWorker(worker, unit, oldTexts, newTexts);
      const early = rater && new EarlyRates(rater, oldTexts, newTexts);
      const newRead = await readTexts(paths[1]!, newTexts, (k) => early?.offer(k));
      early?.stop();
      if (!newRead.ok) return bad(newRead.error.message);
      if (json) {
        const { rates } = await parallelRates(oldTexts, newTexts, unit, rater);
        writeRatesJson(rates, io.stdout);
      } else {
        const result = compareTexts(oldTexts, newTexts, char);
        // Word TER sees a Chinese or Japanese sentence as one word; say so when most paragraphs are such text.
        const unspaced = !char && newTexts.filter((t) => hasUnspacedScript(t)).length * 2 > newTexts.length;
        io.stdout(renderArticleDiff(result, { char, colour: terminal.isTty === true, width }));
        if (unspaced) io.stderr('redline diff: NEW contains Chinese or Japanese text; --char scores it by character.\n');
      }
    } finally {
      rater?.close();
      void worker?.terminate();
    }
    return 0;
  },
};

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function formatRate(edits: number, refWords: number, ter: number, unit: string): string {
  return `TER ${ter.toFixed(3)} (${edits} edit${edits === 1 ? '' : 's'} / ${refWords} ${unit}${refWords === 1 ? '' : 's'})`;
}

/** Lays out every row: changed paragraphs side by side, runs of unchanged ones as one line. */
function renderArticleDiff(result: ArticleDiff, options: DiffOptions): string {
  const unit = options.char ? 'character' : 'word';
  const column = Math.floor((options.width - 3) / 2);
  const out: string[] = [];
  const rows = result.comparison.rows;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (row.status === 'same') {
      let end = k;
      while (end + 1 < rows.length && rows[end + 1]!.status === 'same') end++;
      const label = end === k ? `¶${k + 1}` : `¶${k + 1}-${end + 1}`;
      out.push(options.colour ? `${DIM}${label}  ${statusLabel('same')}${RESET}` : `${label}  ${statusLabel('same')}`);
      k = end;
      continue;
    }
    const rate = result.paragraphs[k]!;
    out.push(`¶${k + 1}  ${statusLabel(row.status)}  ${formatRate(rate.edits, rate.refWords, rate.ter, unit)}`);
    const [left, right] = sides(row);
    const leftLines = wrap(left, column, options.colour);
    const rightLines = wrap(right, column, options.colour);
    for (let line = 0; line < Math.max(leftLines.length, rightLines.length); line++) {
      const l = leftLines[line] ?? { text: '', width: 0 };
      const r = rightLines[line]?.text ?? '';
      out.push(`${l.text}${' '.repeat(Math.max(0, column - l.width))} │ ${r}`.trimEnd());
    }
  }
  const { edits, refWords, ter } = result.total;
  const c = result.comparison.counts;
  out.push(
    '',
    `Article ${formatRate(edits, refWords, ter, `reference ${unit}`)}; ${rows.length} paragraph${rows.length === 1 ? '' : 's'}: ` +
      `${c.changed} changed, ${c.added} added, ${c.removed} removed, ${c.same} unchanged`,
  );
  return `${out.join('\n')}\n`;
}

/** The left and right columns of a row as segments. */
function sides(row: CompareRow): [readonly DiffSegment[], readonly DiffSegment[]] {
  if (row.diff) return [row.diff.left, row.diff.right];
  const left: DiffSegment[] = row.left === undefined ? [] : [{ kind: 'delete', text: row.left }];
  const right: DiffSegment[] = row.right === undefined ? [] : [{ kind: 'insert', text: row.right }];
  return [left, right];
}

interface Line {
  readonly text: string;
  readonly width: number;
}

/**
 * Wraps segments into lines of at most `width` display columns, breaking at spaces where it can and inside a
 * word (or a run of Chinese or Japanese) where it must. Changes are marked with [-...-] and {+...+}, or
 * coloured instead when writing to a terminal.
 */
function wrap(segments: readonly DiffSegment[], width: number, colour: boolean): Line[] {
  const lines: Line[] = [];
  let text = '';
  let used = 0;
  const breakLine = (): void => {
    const trimmed = text.trimEnd();
    lines.push({ text: trimmed, width: used - (text.length - trimmed.length) });
    text = '';
    used = 0;
  };
  for (const segment of segments) {
    const marked =
      colour || segment.kind === 'same' ? segment.text : segment.kind === 'delete' ? `[-${segment.text}-]` : `{+${segment.text}+}`;
    const style = colour && segment.kind !== 'same' ? (segment.kind === 'delete' ? RED : GREEN) : '';
    for (const piece of marked.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        if (used > 0 && used < width) {
          text += ' ';
          used += 1;
        }
        continue;
      }
      let w = displayWidth(piece);
      if (used + w > width && used > 0) breakLine();
      let rest = piece;
      while (w > width) {
        const [head, tail] = cutAt(rest, width - used);
        text += style ? `${style}${head}${RESET}` : head;
        used += displayWidth(head);
        breakLine();
        rest = tail;
        w = displayWidth(rest);
      }
      text += style ? `${style}${rest}${RESET}` : rest;
      used += w;
    }
  }
  if (used > 0 || lines.length === 0) breakLine();
  return lines;
}

/** Splits `text` so that the head fills at most `columns` display columns (at least one character). */
function cutAt(text: string, columns: number): [string, string] {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0)!);
    if (used + w > columns && end > 0) break;
    used += w;
    end += ch.length;
  }
  return [text.slice(0, end), text.slice(end)];
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Terminal columns of a character: East Asian wide and full-width characters take two. */
function charWidth(code: number): number {
  if (code < 0x1100) return 1;
  if (
    code <= 0x115f ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  ) {
    return 2;
  }
  return 1;
}
