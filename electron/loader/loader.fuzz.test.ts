// Damaged article files on disk, each made from a fixed seed, read by the loader as the app reads them: each one
// gives paragraphs in a detected encoding or a typed failure (empty, binary, bad encoding), quickly; none throws
// or comes back as a read error. A failure prints its seed (replay it with `fuzzInput(seed, samples)`) and the
// first bytes of the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure, fuzz, fuzzSummary } from '../../shared/fuzz/fuzz-inputs';
import type { Block } from '../../shared/model';
import { encodeLegacy, encodeUtf16 } from '../test-support/legacy-encode';
import { checkArticle, streamArticle } from './article-stream';

/** Files tried: each is written to disk and read back, so fewer than for the in-memory readers. */
const INPUTS = 600;
/** Longest one file may take: a hundred times a normal one, far below a frozen window. */
const LIMIT_MS = 1000;
const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5'];

const dir = mkdtempSync(join(tmpdir(), 'redline-loader-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ENGLISH = 'The bridge reopened on Monday.\nTraffic was light.\n\n# The mayor\n\n- spoke\n- left\n';
const CHINESE = '港口大桥今天重新开放。\n\n市长说：“这是我们城市的新客厅。”\n';
const SAMPLES = [
  utf8(ENGLISH),
  utf8(`\uFEFF${ENGLISH}`),
  utf8(CHINESE),
  encodeUtf16(CHINESE, 'le'),
  encodeUtf16(ENGLISH, 'be'),
  encodeLegacy(CHINESE, 'gb18030'),
  encodeLegacy('港口大橋今天重新開放。\n\n市長說：「這是我們城市的新客廳。」\n', 'big5'),
];

describe('loading damaged article files', () => {
  it(`${INPUTS} damaged files each load in a detected encoding or are refused with a reason`, async () => {
    let file = 0;
    const report = await fuzz({
      firstSeed: 600_000,
      count: INPUTS,
      samples: SAMPLES,
      codes: ['empty', 'binary', 'bad-encoding'],
      limitMs: LIMIT_MS,
      now: () => performance.now(),
      importer: async (bytes) => {
        // Plain text and Markdown in turn: the file name picks the format.
        const path = join(dir, `article-${file++}.${file % 2 ? 'md' : 'txt'}`);
        writeFileSync(path, bytes);
        const blocks: Block[] = [];
        const loaded = await streamArticle(path, {
          onBlocks: (b) => {
            for (const block of b) blocks.push(block);
          },
        });
        const checked = await checkArticle(path);
        rmSync(path);
        // The command line's quick check never turns away a file the loader opens.
        if (loaded.ok && !checked.ok) throw new Error(`the loader opened it but the quick check said: ${checked.error.message}`);
        if (loaded.ok) {
          if (!ENCODINGS.includes(loaded.value.encoding)) throw new Error(`unknown encoding ${loaded.value.encoding}`);
          if (blocks.length === 0) throw new Error('loaded without a paragraph');
        }
        return loaded;
      },
    });
    console.log(fuzzSummary('article files', report));
    expect(report.failures.map(describeFailure)).toEqual([]);
  });
});
