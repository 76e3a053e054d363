import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { splitBlocks } from '../../shared/formats/block-splitter';
import { readDocx } from '../../shared/formats/docx/docx-reader';
import { makeDocx } from '../../shared/formats/docx/test-support/make-docx';
import type { Block } from '../../shared/model';
import { streamArticle } from './article-stream';
import { docxInThread, wholeTextInThread } from './whole-file-thread';
import { BLOCKS_PER_ANSWER } from './whole-file-protocol';

const dir = mkdtempSync(join(tmpdir(), 'redline-whole-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTENCES = [
  'The harbour authority approved the “new bridge” on Tuesday.',
  'Engineers said the repair of the sea wall would take 14 months.',
  '港口管理局表示，新桥将于明年开放。',
  'Funding for night buses was cut by 12% after months of debate.',
];

/** A page of `count` paragraphs: a heading every twenty, emphasis and links inside, a list now and then. */
function page(count: number): string {
  const body: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${SENTENCES[i % 4]} ${SENTENCES[(i + 1) % 4]} (${i + 1})`;
    if (i % 20 === 0) body.push(`<h2>Part ${i / 20 + 1}</h2>`);
    else if (i % 7 === 0) body.push(`<ul><li>${text}</li><li>One more <a href="#n${i}">point</a>.</li></ul>`);
    else body.push(`<p><em>Note:</em> ${text} <b>bold</b> end.</p>`);
  }
  return `<!doctype html><html><head><title>Harbour</title></head><body><nav>Menu</nav><article>${body.join('\n')}</article></body></html>`;
}

/**
 * The paragraphs of the article at `path` as the loader hands them on; the turns of the event loop counted when each
 * batch came, and the longest time the loop went without a turn.
 */
async function streamed(path: string): Promise<{ blocks: Block[]; turnsAtBatch: number[]; longestGapMs: number }> {
  const blocks: Block[] = [];
  const turnsAtBatch: number[] = [];
  let turns = 0;
  let last = performance.now();
  let longestGapMs = 0;
  let running = true;
  const turn = () => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    turns++;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  try {
    const read = await streamArticle(path, {
      onBlocks: (b) => {
        turnsAtBatch.push(turns);
        blocks.push(...b);
      },
    });
    expect(read.ok).toBe(true);
  } finally {
    running = false;
  }
  return { blocks, turnsAtBatch, longestGapMs };
}

/** The page `html`, written as `name` and loaded, its paragraphs checked to be those read here at once. */
async function loadedAsHere(name: string, html: string): ReturnType<typeof streamed> {
  const path = join(dir, name);
  writeFileSync(path, html);
  const loaded = await streamed(path);
  expect(loaded.blocks).toEqual(splitBlocks('html', html));
  return loaded;
}

/** At least `batches` batches came, and the event loop turned between every two: they did not all come in one turn. */
function expectTurnsBetween(turnsAtBatch: readonly number[], batches: number): void {
  expect(turnsAtBatch.length).toBeGreaterThanOrEqual(batches);
  for (let i = 1; i < turnsAtBatch.length; i++) expect(turnsAtBatch[i]).toBeGreaterThan(turnsAtBatch[i - 1]!);
}

describe('an article parsed in a thread of its own', () => {
  it('gives the paragraphs of a page, codes and places included, as reading it here does, a batch a turn', async () => {
    const { blocks, turnsAtBatch } = await loadedAsHere('harbour.html', page(2500));
    expect(blocks.length).toBeGreaterThan(2500);
    expectTurnsBetween(turnsAtBatch, 3);
  });

  it('gives the first paragraphs of a long page that marks its article while the rest of it is still being read', async () => {
    const html = page(12_000);
    const path = join(dir, 'first.html');
    writeFileSync(path, html);
    let readBytes = 0;
    let readWhenFirst = -1;
    let count = 0;
    const read = await streamArticle(path, {
      onProgress: (done) => (readBytes = done),
      onBlocks: (b) => {
        if (readWhenFirst < 0) readWhenFirst = readBytes;
        count += b.length;
      },
    });
    expect(read.ok).toBe(true);
    expect(count).toBe(splitBlocks('html', html).length);
    expect(readWhenFirst).toBeLessThan(html.length / 4);
  });

  it('gives only the article of a page that opens it after a long main part, nothing of what it held before', async () => {
    const main = Array.from({ length: 3000 }, (_, i) => `<p>Teaser ${i + 1}: ${SENTENCES[i % 4]}</p>`).join('\n');
    const story = Array.from({ length: 10 }, (_, i) => `<p>Story ${i + 1}: ${SENTENCES[i % 4]}</p>`).join('\n');
    const html = `<!doctype html><html><body><main>${main}<article>${story}</article></main></body></html>`;
    const path = join(dir, 'late.html');
    writeFileSync(path, html);
    const { blocks } = await streamed(path);
    expect(blocks.map((b) => b.text.split(':')[0])).toEqual(Array.from({ length: 10 }, (_, i) => `Story ${i + 1}`));
  });

  it('gives every paragraph of a long page that marks no article, once it has ended', async () => {
    const html = page(6000).replace('<article>', '<div>').replace('</article>', '</div>');
    const { blocks, turnsAtBatch } = await loadedAsHere('unmarked.html', html);
    expect(blocks.length).toBeGreaterThan(6000);
    // Held until the page ended, then given a few hundred at a time.
    expectTurnsBetween(turnsAtBatch, 6);
  });

  it('keeps the event loop turning while a long page is parsed, which here would hold it for the whole parse', async () => {
    const html = page(12_000);
    const path = join(dir, 'long.html');
    writeFileSync(path, html);
    const t0 = performance.now();
    const here = splitBlocks('html', html);
    const parseHereMs = performance.now() - t0;
    const { blocks, longestGapMs } = await streamed(path);
    expect(blocks).toHaveLength(here.length);
    expect(longestGapMs).toBeLessThan(parseHereMs / 3);
  });

  it('gives the paragraphs of a Word document as reading it here does', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `<w:p><w:r><w:t>${SENTENCES[i % 4]} (${i + 1})</w:t></w:r></w:p>`).join('');
    const bytes = makeDocx({ body }, 1);
    const expected = readDocx(bytes, 'harbour.docx');
    const batches: Block[][] = [];
    const read = await docxInThread(new Uint8Array(bytes), 'harbour.docx', (b) => batches.push(b));
    expect(read).toEqual({ ok: true, value: undefined });
    expect(expected.ok && batches.flat()).toEqual(expected.ok && expected.value);
    expect(batches.length).toBe(3000 / BLOCKS_PER_ANSWER);
  });

  it('says what it could not read, as reading it here does', async () => {
    const reader = wholeTextInThread('tsv', 'scores.tsv', () => undefined)!;
    void reader.push('system\tdoc\tdocSegId\tglobalSegId\trater\tsource\ttarget\tcategory\tseverity\n');
    void reader.push('A\td1\t1\t1\tr1\tHallo\tHello\tno-error\tno-error\n');
    const read = await reader.end();
    expect(!read.ok && read.error.message).toMatch(/WMT MQM annotation file; import one document/);
  });

  it('ends its thread at once when the loading is cancelled, instead of waiting for the parse', async () => {
    const reader = wholeTextInThread('html', 'long.html', () => undefined)!;
    void reader.push(page(12_000));
    const controller = new AbortController();
    const read = reader.end(controller.signal);
    controller.abort();
    expect(await read).toEqual({ ok: false, error: { code: 'internal', message: 'Loading long.html was cancelled.' } });
  });

  it('fails with a message that nothing was read when its thread stops half way', async () => {
    const reader = wholeTextInThread(
      'html',
      'harbour.html',
      () => undefined,
      () => new Worker('process.exit(3)', { eval: true }),
    )!;
    void reader.push(page(10));
    const read = await reader.end();
    expect(!read.ok && read.error.message).toMatch(/The thread reading harbour\.html stopped before it was done \(it ended with code 3\)/);
  });
});
