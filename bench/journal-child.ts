/**
 * The review file: how long a flag or a keystroke takes to become durable (written and flushed, the moment the
 * reviewer's action may be acknowledged), and how long a large review takes to reopen. Run as the app runs the
 * journal, built, in a process of its own (see journal.bench.ts). Files are written under the system temp folder and
 * removed afterwards.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReviewJournal } from '../electron/journal/review-journal';
import type { EventBody } from '../shared/journal/journal-event';
import { eventLine, headerLine } from '../shared/journal/read-journal';
import { numbered, sampleAnnotation, sampleHeader } from '../shared/journal/sample-review';
import { median, percentile, type Figure } from './report';

const PARAGRAPHS = 100_000;
const FLAGS = 10_000;
const EDITS = 5_000;

/** A review file of the large size: the header, then flags and edits interleaved. */
function writeLargeReview(path: string): void {
  const bodies: EventBody[] = [{ type: 'rater-set', rater: 'Ana' }];
  for (let i = 0; i < FLAGS + EDITS; i++) {
    const paragraph = `p${1 + ((i * 7919) % PARAGRAPHS)}`;
    bodies.push(
      i % 3 === 2
        ? { type: 'paragraph-edited', paragraphId: paragraph, text: `Corrected text of ${paragraph}, pass ${i}.` }
        : { type: 'annotation-added', annotation: sampleAnnotation(`a${i}`, paragraph, { comment: `note ${i}` }) },
    );
  }
  const lines = [headerLine(sampleHeader(PARAGRAPHS)), ...numbered(bodies).map(eventLine)];
  writeFileSync(path, lines.join(''));
}

async function opened(path: string): Promise<ReviewJournal> {
  const r = await ReviewJournal.open(path);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.journal;
}

async function timeAppend(journal: ReviewJournal, body: EventBody): Promise<number> {
  const t0 = performance.now();
  const r = await journal.append(body);
  if (!r.ok) throw new Error(r.error.message);
  return performance.now() - t0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-bench-journal-'));
  try {
    const path = join(dir, 'large.redline');
    writeLargeReview(path);
    const megabytes = statSync(path).size / 1e6;

    const reopenTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const journal = await opened(path);
      reopenTimes.push(performance.now() - t0);
      await journal.close();
    }

    // Flags and typing go to the large review, so each event also pays for updating a large state.
    const journal = await opened(path);
    const flagTimes: number[] = [];
    for (let i = 0; i < 500; i++) {
      const annotation = sampleAnnotation(`bench${i}`, `p${1 + i * 13}`, { severity: 'minor' });
      flagTimes.push(await timeAppend(journal, { type: 'annotation-added', annotation }));
    }

    const typed: number[] = [];
    const pending: Promise<number>[] = [];
    let text = '';
    for (let i = 0; i < 200; i++) {
      text += 'abcdefghij'[i % 10];
      pending.push(timeAppend(journal, { type: 'paragraph-edited', paragraphId: 'p42', text, group: 'typing-1' }));
      await sleep(30);
    }
    typed.push(...(await Promise.all(pending)));

    // Back to back: every keystroke issued without waiting, as when a paste or auto-repeat floods the editor.
    const burst = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        timeAppend(journal, { type: 'paragraph-edited', paragraphId: 'p43', text: `x${'y'.repeat(i)}`, group: 'typing-2' }),
      ),
    );
    await journal.close();

    const sortedFlags = [...flagTimes].sort((a, b) => a - b);
    return [
      {
        name: `reopen ${PARAGRAPHS / 1000}k paragraphs, ${FLAGS / 1000}k flags, ${EDITS / 1000}k edits`,
        value: median(reopenTimes),
        unit: 'ms',
        target: { op: '<=', value: 1000 },
        note: `median of 5; file ${megabytes.toFixed(1)} MB`,
      },
      { name: 'flag to durable, median (500 flags)', value: median(flagTimes), unit: 'ms', target: { op: '<=', value: 5 } },
      { name: 'flag to durable, 99th percentile', value: percentile(sortedFlags, 99), unit: 'ms', target: { op: '<=', value: 20 } },
      { name: 'keystroke to durable draft, median (one per 30 ms)', value: median(typed), unit: 'ms', target: { op: '<=', value: 10 } },
      {
        name: 'keystroke to durable draft, median (200 back to back)',
        value: median(burst),
        unit: 'ms',
        target: { op: '<=', value: 10 },
        note: `last acknowledged after ${Math.max(...burst).toFixed(1)} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The figures go to the benchmark as one JSON line.
console.log(JSON.stringify(await measure()));
process.exit(0);
