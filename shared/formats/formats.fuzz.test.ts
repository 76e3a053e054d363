// Thousands of damaged articles and WMT files, each made from a fixed seed: the readers answer every one with
// paragraphs, a parsed file or a typed failure, quickly. A failure prints its seed (replay it with
// `fuzzInput(seed, samples)`) and the first bytes of the input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, fuzz, fuzzSummary, type FuzzOptions } from '../fuzz/fuzz-inputs';
import type { ArticleFormat, Block } from '../model';
import { ok, type Result } from '../result';
import { scoreWmtFile, WMT_GROUPINGS } from '../scoring/score-wmt-file';
import { SCORING_PROFILES } from '../scoring/wmt-weights';
import { createSplitter, splitBlocks } from './block-splitter';
import { parseWmtTsv } from './wmt-tsv';

/** Inputs per format: enough to reach the odd corners, few enough for the suite to stay quick on two cores. */
const INPUTS = 2000;
/** Longest one input may take: a hundred times a normal input's time, far below a frozen window. */
const LIMIT_MS = 1000;

/** Largest input also scored per word (MQM-Core). */
const MQM_CORE_MAX_BYTES = 8_000;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * The text a reader is given for these bytes: UTF-16 code units as they are (lone surrogates kept) after a UTF-16
 * byte-order mark, otherwise UTF-8 with undecodable bytes replaced.
 */
function asText(bytes: Uint8Array): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return new TextDecoder('utf-8').decode(bytes);
  const units: number[] = [];
  for (let i = 2; i + 1 < bytes.length; i += 2) units.push(le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return text;
}

function run(name: string, options: Omit<FuzzOptions, 'now' | 'limitMs'>) {
  return async () => {
    const report = await fuzz({ ...options, now: () => performance.now(), limitMs: LIMIT_MS });
    console.log(fuzzSummary(name, report));
    expect(report.failures.map(describeFailure)).toEqual([]);
  };
}

const PLAIN = [
  'The bridge reopened on Monday after two years of work.\nTraffic was light in the morning.\n\nThe mayor called it a new front door for the city.\n',
  'One sentence per line.\r\nAnother one.\r\nA third, with a tab\there.\r\n',
  '\u3000\u3000港口大桥今天重新开放。\n\n市长说：“这是我们城市的新客厅。”\n',
  '\n\n  Leading blank lines, trailing spaces   \n\n\n',
].map(utf8);

const MARKDOWN = [
  '# Bridge reopens\n\nThe bridge *reopened* on Monday.\nIt took two years.\n\n## Reactions\n\n- The mayor was pleased.\n- Drivers were not.\n  They queued for an hour.\n1. First\n2) Second\n',
  'Title\n=====\n\nSub\n---\n\n> A quote\n> over two lines\n>\n> and another\n\n***\n\n```js\nconst x = 1;\n```\n\n~~~~\nunclosed fence\n',
  '### Heading with closing hashes ###\n\n    indented code\n\n\t- tab-indented item\n<div>html block</div>\n',
].map(utf8);

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'wmt', name));
const WMT = [fixture('legacy-small.tsv'), fixture('newer-small.tsv')].map((b) => new Uint8Array(b));
const WMT_FRAGMENTS = [
  '"quoted ""field"" with\ttab"\t',
  '<v>',
  '</v>',
  '<v></v>',
  '\tNo-error\tNo-error\n',
  '{"a": [1, {"b": null}]}',
  '\r\n',
  '\uFEFF',
].map(utf8);

/** Paragraphs of a text read in one piece. */
function splitWhole(format: ArticleFormat, text: string): Block[] {
  const blocks = splitBlocks(format, text);
  for (const b of blocks) {
    // Line endings are the reader's business: a paragraph never carries one the reviewer would see as a stray character.
    if (b.text.includes('\r')) throw new Error(`a ${b.kind} paragraph kept a carriage return`);
  }
  return blocks;
}

/** Pieces of a few characters for a short text (so a CR and its LF fall in different pieces), fewer for a long one. */
const pieceSize = (text: string): number => 1 + (text.length % 97) + Math.floor(text.length / 64);

/** Paragraphs of a text streamed in pieces of `size` characters, the way the loader hands it over. */
function splitStreamed(format: ArticleFormat, text: string, size: number): Block[] {
  const splitter = createSplitter(format);
  const out: Block[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...splitter.push(text.slice(i, i + size)));
  out.push(...splitter.end());
  return out;
}

describe('importers against damaged input', () => {
  it(
    `plain text: ${INPUTS} damaged files each become paragraphs, none of them blank`,
    run('plain text', {
      firstSeed: 100_000,
      count: INPUTS,
      samples: PLAIN,
      codes: [],
      importer: (bytes) => {
        const text = asText(bytes);
        const blocks = splitWhole('txt', text);
        if (blocks.some((b) => b.text.trim() === '')) throw new Error('a paragraph with nothing in it was made');
        splitStreamed('txt', text, pieceSize(text));
        return ok(blocks);
      },
    }),
  );

  it(
    `Markdown: ${INPUTS} damaged files each become the same paragraphs whether read at once or streamed`,
    run('Markdown', {
      firstSeed: 200_000,
      count: INPUTS,
      samples: MARKDOWN,
      codes: [],
      importer: (bytes) => {
        const text = asText(bytes);
        const whole = splitWhole('md', text);
        const streamed = splitStreamed('md', text, pieceSize(text));
        if (JSON.stringify(streamed) !== JSON.stringify(whole)) throw new Error('streaming in pieces gave different paragraphs');
        return ok(whole);
      },
    }),
  );

  it(
    `WMT MQM TSV: ${INPUTS} damaged files are parsed and scored, or refused naming the line`,
    run('WMT MQM TSV', {
      firstSeed: 300_000,
      count: INPUTS,
      samples: WMT,
      fragments: WMT_FRAGMENTS,
      codes: ['empty', 'parse-error'],
      importer: (bytes): Result<unknown> => {
        const parsed = parseWmtTsv(asText(bytes), 'fuzz.tsv');
        if (!parsed.ok) {
          if (parsed.error.code === 'parse-error' && !/^fuzz\.tsv line \d+/.test(parsed.error.message)) {
            throw new Error(`a parse error that names no line: ${parsed.error.message}`);
          }
          return parsed;
        }
        for (const segment of parsed.value.segments) {
          for (const r of segment.ratings) {
            // A span is measured in its own row's text, which may differ from the segment's kept text (a warning says so).
            if (r.span && !(Number.isInteger(r.span.start) && r.span.start >= 0 && r.span.start <= r.span.end)) {
              throw new Error(`line ${r.line}: the span ${r.span.start}..${r.span.end} is not a range`);
            }
          }
        }
        for (const profile of SCORING_PROFILES) {
          // Per-word scoring segments Chinese text with the platform's dictionary (linear, but some microseconds a
          // character), so the longest inputs are scored per segment only, and per word once.
          if (profile === 'mqm-core' && bytes.length > MQM_CORE_MAX_BYTES) continue;
          for (const by of profile === 'mqm-core' ? (['system'] as const) : WMT_GROUPINGS) {
            for (const row of scoreWmtFile(parsed.value, profile, by)) {
              if (!Number.isFinite(row.score)) throw new Error(`${profile} by ${by}: a score of ${row.score}`);
            }
          }
        }
        return parsed;
      },
    }),
  );
});

describe('importers on long runs of one character', () => {
  // Each token is one a reader loops over; a reader that rescans a line for each token is quadratic and freezes
  // the window on a long enough line. At this length a linear reader takes milliseconds and a quadratic one seconds
  // or minutes (a heading followed by 40,000 spaces once took 4 s), so the gap is wide enough for a busy machine.
  const LENGTH = 256_000;
  const cases: readonly (readonly [string, (n: number) => string, (text: string) => unknown])[] = [
    ['plain text, spaces', (n) => `a${' '.repeat(n)}b\n\nc`, (t) => splitBlocks('txt', t)],
    ['plain text, blank lines', (n) => '\n'.repeat(n), (t) => splitBlocks('txt', t)],
    ['Markdown, heading with spaces', (n) => `# a${' '.repeat(n)}b`, (t) => splitBlocks('md', t)],
    ['Markdown, heading with tabs and hashes', (n) => `# a${' \t#'.repeat(n / 3)}b`, (t) => splitBlocks('md', t)],
    ['Markdown, list markers', (n) => `${' '.repeat(n)}-`, (t) => splitBlocks('md', t)],
    ['Markdown, rule-like line', (n) => `${'- '.repeat(n / 2)}x`, (t) => splitBlocks('md', t)],
    ['Markdown, quotes', (n) => '> '.repeat(n / 2), (t) => splitBlocks('md', t)],
    ['WMT, span tags', (n) => `s\td\t1\t1\tr\tx\t${'<v>'.repeat(n / 3)}\tc\tMinor`, (t) => parseWmtTsv(t, 'x.tsv')],
    ['WMT, closing span tags', (n) => `s\td\t1\t1\tr\tx\t${'</v>'.repeat(n / 4)}\tc\tMinor`, (t) => parseWmtTsv(t, 'x.tsv')],
    ['WMT, quotes', (n) => '"a\t'.repeat(n / 3), (t) => parseWmtTsv(t, 'x.tsv')],
    ['WMT, doubled quotes', (n) => `"${'""'.repeat(n / 2)}`, (t) => parseWmtTsv(t, 'x.tsv')],
    ['WMT, tabs', (n) => '\t'.repeat(n), (t) => parseWmtTsv(t, 'x.tsv')],
  ];
  it.each(cases)(`%s: a line of ${LENGTH / 1000}k characters is read within a second`, (_name, make, read) => {
    const text = make(LENGTH);
    // The faster of two reads, so that one pause of a busy machine is not taken for slowness.
    const ms = Math.min(
      ...[0, 1].map(() => {
        const started = performance.now();
        read(text);
        return performance.now() - started;
      }),
    );
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});
