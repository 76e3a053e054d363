// Damaged review files, as editors, disks and careless hands leave them. Each must be refused naming its line, or
// opened with what happened said (a torn last line, a byte-order mark), and never silently replaced by a new,
// empty review; the file's bytes must be exactly as they were after the attempt.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLine, headerLine } from '../../shared/journal/read-journal';
import { numbered, sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { seededRandom } from '../../shared/seeded-random';
import { reviewPathFor } from '../journal/review-path';
import { openReviewFile } from './review-opening';

/**
 * Bit flips tried, each one a review written and opened. A checksum catches every single flipped bit, so the flips
 * test that each line's check is made and named, not the checksum: a few hundred land on every line many times.
 */
const FLIPS = 300;
const SEED = 7_021;

const header = sampleHeader(4, 'story.txt');
const good = [
  headerLine(header),
  ...numbered([
    { type: 'rater-set', rater: 'Ana' },
    { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1') },
    { type: 'paragraph-edited', paragraphId: 'p2', text: 'Corrected text — “quoted” 中文' },
    { type: 'annotation-added', annotation: sampleAnnotation('a2', 'p3', { comment: 'Two sentences fused' }) },
  ]).map(eventLine),
].join('');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-damage-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Outcome =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'opened'; readonly warnings: readonly string[]; readonly flags: number };

let caseNo = 0;
/** Writes `bytes` as story.txt's review, opens it as the app does, and checks the bytes were left alone. */
async function attempt(bytes: Buffer | ((review: string) => void)): Promise<Outcome> {
  const folder = join(dir, `case-${caseNo++}`);
  mkdirSync(folder);
  const articlePath = join(folder, 'story.txt');
  writeFileSync(articlePath, header.paragraphs.map((p) => p.target).join('\n\n'));
  const review = join(folder, 'story.redline');
  if (typeof bytes === 'function') bytes(review);
  else writeFileSync(review, bytes);
  const before = statSync(review).isFile() ? readFileSync(review) : undefined;
  const where = await reviewPathFor(articlePath, join(folder, 'data'));
  // Never a review elsewhere: the damaged file is the one opened.
  expect(where.path).toBe(review);
  const opened = await openReviewFile(where, { ...header.article, path: articlePath }, header.paragraphs, 'Ana');
  let outcome: Outcome;
  if (opened.ok) {
    outcome = { kind: 'opened', warnings: opened.value.warnings, flags: opened.value.journal.state.annotations.size };
    await opened.value.journal.close();
  } else {
    outcome = { kind: 'refused', message: opened.error.message };
  }
  if (before) expect(readFileSync(review).equals(before), 'the file was changed by opening it').toBe(true);
  else expect(statSync(review).isDirectory()).toBe(true);
  return outcome;
}

describe('damaged review files', () => {
  it('each named kind of damage is refused with its line, or opened saying what happened', async () => {
    const firstLine = good.slice(0, good.indexOf('\n'));
    const lines = good.split('\n');
    const cases: Record<string, Buffer | ((review: string) => void)> = {
      'an empty file': Buffer.alloc(0),
      'a header cut short': Buffer.from(firstLine.slice(0, 60)),
      'a header cut short, with its newline': Buffer.from(`${firstLine.slice(0, 60)}\n`),
      'a flipped byte in the header': Buffer.from(good.replace('"story.txt"', '"storY.txt"')),
      'a complete but garbled last line': Buffer.from(`${good}{"crc32":"00000000","seq":5}\n`),
      'an event line turned to text': Buffer.from([...lines.slice(0, 2), 'not an event', ...lines.slice(3)].join('\n')),
      'two events run together': Buffer.from([...lines.slice(0, 2), lines[2]! + lines[3]!, ...lines.slice(4)].join('\n')),
      'a folder where the file should be': (review) => mkdirSync(review),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const outcome = await attempt(bytes);
      expect(outcome.kind, name).toBe('refused');
      if (outcome.kind === 'refused') expect(outcome.message, name).toMatch(/story\.redline (line \d+|is empty|is a folder)/);
    }
  });

  it('a byte-order mark added by an editor is simply tolerated', async () => {
    const outcome = await attempt(Buffer.from(`\ufeff${good}`));
    expect(outcome).toEqual({ kind: 'opened', warnings: [], flags: 2 });
  });

  it('a last line without its newline is the only torn write: dropped and reported', async () => {
    const outcome = await attempt(Buffer.from(good.slice(0, -8)));
    expect(outcome.kind).toBe('opened');
    if (outcome.kind === 'opened') expect(outcome.warnings[0]).toMatch(/story\.redline line 5: the last event was cut short/);
  });

  it(`${FLIPS} single bit flips at random offsets: each is refused with its line, never read as different data`, async () => {
    const random = seededRandom(SEED);
    const bytes = Buffer.from(good);
    let refused = 0;
    let torn = 0;
    for (let i = 0; i < FLIPS; i++) {
      const at = Math.floor(random() * bytes.length);
      const bit = 1 << Math.floor(random() * 8);
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= bit;
      const outcome = await attempt(flipped);
      const label = `seed ${SEED}, flip ${i}: byte ${at} ^ ${bit}`;
      if (outcome.kind === 'refused') {
        expect(outcome.message, label).toMatch(/story\.redline (line \d+|is empty)/);
        refused++;
      } else {
        // Only the final newline turned into another byte reads as a torn write (indistinguishable from one).
        expect(at, label).toBe(bytes.length - 1);
        expect(outcome.warnings[0], label).toMatch(/line 5: the last event was cut short/);
        torn++;
      }
    }
    console.log(`bit flips in a review file: ${FLIPS} tried, ${refused} refused naming the line, ${torn} read as a torn last line`);
    expect(refused + torn).toBe(FLIPS);
  });
});
