import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL_FORMAT, makeHeader } from '../../shared/journal/journal-event';
import { headerOpening } from '../../shared/journal/read-journal';
import { paragraphFromBlocks, type ArticleInfo, type Block } from '../../shared/model';
import { countParagraphs } from '../../shared/scoring/paragraph-counts';
import { seededRandom } from '../../shared/seeded-random';
import { readAhead, ReviewJournal } from '../journal/review-journal';
import { ArticleLoad } from './article-load';
import { ReviewService } from './review-service';
import {
  HeaderBuilder,
  headerThreadReady,
  keepHeaderThreadReady,
  NOT_KNOWN_YET,
  removeStrayHeaderFiles,
  stopKeepingHeaderThreadReady,
  SUMMED_ONLY,
  type HeaderLine,
} from './header-builder';

const dir = mkdtempSync(join(tmpdir(), 'redline-header-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const info: ArticleInfo = { path: '/a.txt', name: 'a.txt', format: 'txt', encoding: 'utf-8', bytes: 1 };

/** Blocks of every shape a header holds: markup, codes, notes, quotes and back-slashes to escape, Chinese, emoji. */
function blocks(count: number, seed: number): Block[] {
  const random = seededRandom(seed);
  const words = ['harbour', '“quoted”', 'back\\slash', 'tab\there', '港口管理局', 'naïve', '😀', '"plain"', 'line\u2028sep', 'end.'];
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let w = 0; w < 20 + Math.floor(random() * 60); w++) text += `${words[Math.floor(random() * words.length)]} `;
    const shape = i % 7;
    return {
      kind: shape === 0 ? 'heading' : 'text',
      text,
      ...(shape === 0 ? { level: 2, prefix: '## ' } : {}),
      ...(shape === 3
        ? {
            ref: `u${i}`,
            codes: [{ id: '1', kind: 'standalone', label: '<br/>', data: '<x id="1"/>' }],
            notes: ['a note'],
            state: 'translated',
          }
        : {}),
    };
  });
}

const CREATED = '2026-01-02T03:04:05.000Z';

/** The header line of a review at `reviewPath` created at `created`, to be made beside it. */
function lineAt(reviewPath: string, created = CREATED): HeaderLine {
  return { reviewPath, created, opening: headerOpening({ format: JOURNAL_FORMAT, created, article: info }) };
}

/**
 * Writes a review file the ordinary way and from the thread's bytes, and returns both files' bytes. `beside`: the
 * thread makes the header line beside the review file, created at the given time. `foundAfter`: the review file is
 * found only after that many batches of paragraphs have come.
 */
async function bothWays(
  targets: Block[],
  sources: Block[] | undefined,
  name: string,
  beside?: string,
  foundAfter = 0,
): Promise<[Buffer, Buffer]> {
  const n = Math.max(targets.length, sources?.length ?? 0);
  const plain = join(dir, `${name}-plain.redline`);
  const threaded = join(dir, `${name}-thread.redline`);
  let asked = 0;
  const builder = new HeaderBuilder(sources !== undefined, () =>
    ++asked <= foundAfter ? NOT_KNOWN_YET : beside ? lineAt(threaded, beside) : undefined,
  );
  const targetAt = Array.from({ length: n }, (_, i) => targets[i]);
  const sourceAt = Array.from({ length: n }, (_, i) => sources?.[i]);
  for (let from = 0; from < n; from += 300) builder.add(targetAt.slice(from, from + 300), sourceAt.slice(from, from + 300));
  const made = (await builder.finish())?.paragraphs;
  expect(made, 'a long article gets its header made in a second thread').toBeDefined();
  const paragraphs = Array.from({ length: n }, (_, i) => paragraphFromBlocks(i, targets[i], sources?.[i], sources !== undefined));
  const header = makeHeader(info, paragraphs, CREATED);
  const a = await ReviewJournal.create(plain, header);
  const b = await ReviewJournal.create(threaded, header, {}, made);
  // Made beside the review as its very header, the file became the review file: its temporary name is gone.
  expect(existsSync(made!.path!)).toBe(beside !== CREATED);
  made!.remove();
  expect(existsSync(made!.path!)).toBe(false);
  if (!a.ok || !b.ok) throw new Error('not created');
  await a.value.close();
  await b.value.close();
  return [readFileSync(plain), readFileSync(threaded)];
}

describe('a new review’s header made beside the loading', () => {
  it('writes the same review file, byte for byte, as the header made after loading', async () => {
    const [plain, threaded] = await bothWays(blocks(3000, 1), undefined, 'target');
    expect(plain.length).toBeGreaterThan(500_000);
    expect(threaded.equals(plain)).toBe(true);
  });

  it('does so with a source whose paragraphs outnumber the translation’s, and the file reopens whole', async () => {
    const [plain, threaded] = await bothWays(blocks(2500, 2), blocks(2600, 3), 'source');
    expect(threaded.equals(plain)).toBe(true);
    const opened = await ReviewJournal.open(join(dir, 'source-thread.redline'));
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.state.paragraphs).toHaveLength(2600);
    expect(opened.value.state.paragraphs[2599]!.alignment).toBe('source-only');
    await opened.value.journal.close();
  });

  it('makes the header line beside the review file and renames it into place, the same bytes, nothing left behind', async () => {
    const [plain, threaded] = await bothWays(blocks(3000, 7), blocks(3000, 8), 'beside', CREATED);
    expect(threaded.equals(plain)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('waits for the review file to be found before making the header beside it, and makes none if it never is', async () => {
    const review = join(dir, 'found-late.redline');
    let asked = 0;
    const late = new HeaderBuilder(false, () => (++asked < 3 ? NOT_KNOWN_YET : lineAt(review)));
    const never = new HeaderBuilder(false, () => NOT_KNOWN_YET);
    const targets = blocks(3000, 12);
    for (let from = 0; from < targets.length; from += 300) {
      late.add(targets.slice(from, from + 300), new Array(300));
      never.add(targets.slice(from, from + 300), new Array(300));
    }
    const made = (await late.finish())!.paragraphs;
    expect(asked).toBe(3);
    expect(made.line?.created).toBe(CREATED);
    expect(dirname(made.path!)).toBe(dir);
    made.remove();
    expect(await never.finish()).toBeUndefined();
  });

  it('hands the paragraphs gathered while the review file was looked for to the thread a run at a time, the same bytes', async () => {
    // Many paragraphs gather while another article's long review beside this one is read; one message holding
    // them all would hold the service for a structured copy of all of them.
    const sizes: number[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: Parameters<Worker['postMessage']>[1]) {
      const targets = (message as { targets?: unknown[] } | null)?.targets;
      if (targets) sizes.push(targets.length);
      return post.call(this, message, transfer);
    };
    try {
      const [plain, threaded] = await bothWays(blocks(6000, 21), blocks(6000, 22), 'found-late-runs', CREATED, 15);
      expect(threaded.equals(plain)).toBe(true);
    } finally {
      Worker.prototype.postMessage = post;
    }
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(512);
  });

  it('copies the paragraphs out of a header line made beside the review when the header differs from it', async () => {
    // Made as created a second later than the review's header says: the line cannot be the file as it is.
    const [plain, threaded] = await bothWays(blocks(3000, 9), undefined, 'differs', '2026-01-02T03:04:06.000Z');
    expect(threaded.equals(plain)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('only sums the header of a review that exists, which a reopening checks, and writes it afresh if the review must be made', async () => {
    const targets = blocks(12_000, 11);
    const builder = new HeaderBuilder(false, () => SUMMED_ONLY);
    builder.add(targets, new Array(targets.length));
    const summed = (await builder.finish())!.paragraphs;
    expect(summed.path).toBeUndefined();
    const paragraphs = targets.map((b, i) => paragraphFromBlocks(i, b, undefined, false));
    const [plain, made] = [join(dir, 'summed-plain.redline'), join(dir, 'summed-made.redline')];
    for (const path of [plain, made]) {
      const created = await ReviewJournal.create(path, makeHeader(info, paragraphs, CREATED), {}, path === made ? summed : undefined);
      if (!created.ok) throw new Error(created.error.message);
      await created.value.close();
    }
    expect(readFileSync(made).equals(readFileSync(plain))).toBe(true);
    const reopened = await ReviewJournal.open(made, { expected: { paragraphs, file: summed } });
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.value.state.paragraphs).toBe(paragraphs);
    await reopened.value.journal.close();
  });

  it('makes nothing for a short article, nor once cancelled: the journal then makes the header itself', async () => {
    const short = new HeaderBuilder(false);
    short.add(blocks(10, 4), new Array(10));
    expect(await short.finish()).toBeUndefined();
    const cancelled = new HeaderBuilder(false);
    cancelled.add(blocks(3000, 5), new Array(3000));
    cancelled.cancel();
    expect(await cancelled.finish()).toBeUndefined();
  });

  it('started ahead for a long article, takes its paragraphs from the first, and makes the same header', async () => {
    const targets = blocks(40, 8).map((b) => ({ kind: 'text' as const, text: b.text }));
    const plain = new HeaderBuilder(false);
    plain.add(targets, new Array(targets.length));
    // Too short to start a thread of its own accord.
    expect(plain.threaded).toBe(false);
    expect(await plain.finish()).toBeUndefined();
    const warmed = new HeaderBuilder(false);
    warmed.warm();
    warmed.add(targets, new Array(targets.length));
    expect(warmed.threaded).toBe(true);
    const made = await warmed.finish();
    if (!made) throw new Error('the thread made nothing');
    const bytes = readFileSync(made.paragraphs.path!);
    made.paragraphs.remove();
    const expected = targets.map((t, i) => JSON.stringify(paragraphFromBlocks(i, t, undefined, false))).join(',');
    expect(bytes.toString('utf8')).toBe(expected);
    expect(made.counts).toEqual(countParagraphs(targets.map((t) => t.text)));
  });

  it('kept ready as the app starts, a thread waits before any article comes; each long article takes one and gets the same header', async () => {
    keepHeaderThreadReady(100);
    try {
      for (const seed of [10, 11]) {
        // The next thread starts a while after the last was taken.
        for (let waited = 0; !headerThreadReady() && waited < 10_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
        expect(headerThreadReady()).toBe(true);
        const targets = blocks(40, seed).map((b) => ({ kind: 'text' as const, text: b.text }));
        const builder = new HeaderBuilder(false);
        builder.warm();
        expect(headerThreadReady(), 'the waiting thread is taken').toBe(false);
        builder.add(targets, new Array(targets.length));
        const made = await builder.finish();
        if (!made) throw new Error('the thread made nothing');
        const bytes = readFileSync(made.paragraphs.path!);
        made.paragraphs.remove();
        expect(bytes.toString('utf8')).toBe(targets.map((t, i) => JSON.stringify(paragraphFromBlocks(i, t, undefined, false))).join(','));
        expect(made.counts).toEqual(countParagraphs(targets.map((t) => t.text)));
      }
    } finally {
      stopKeepingHeaderThreadReady();
    }
    expect(headerThreadReady()).toBe(false);
  });

  it('is kept ready by a service started for the app, and by no other', () => {
    const options = {
      host: 'browser' as const,
      version: 'test',
      dataDir: join(dir, 'data'),
      sample: { path: info.path, sourcePath: info.path },
    };
    new ReviewService(options);
    expect(headerThreadReady()).toBe(false);
    try {
      new ReviewService({ ...options, headerThreadAhead: true });
      expect(headerThreadReady()).toBe(true);
    } finally {
      stopKeepingHeaderThreadReady();
    }
  });

  it('started ahead and cancelled before any paragraph came, ends its thread and leaves nothing behind', async () => {
    const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`redline-header-${process.pid}-`)).length;
    const before = ours();
    const builder = new HeaderBuilder(false);
    builder.warm();
    builder.cancel();
    builder.add(blocks(40, 9), new Array(40));
    expect(builder.threaded).toBe(false);
    expect(await builder.finish()).toBeUndefined();
    expect(ours()).toBe(before);
  });

  it('cancelled while finishing (its file being flushed), leaves no temporary file behind', async () => {
    const review = join(dir, 'cancelled-late.redline');
    const builder = new HeaderBuilder(false, () => lineAt(review));
    const targets = blocks(3000, 6);
    for (let from = 0; from < targets.length; from += 300) builder.add(targets.slice(from, from + 300), new Array(300));
    const finishing = builder.finish();
    builder.cancel();
    expect(await finishing).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.includes('cancelled-late'))).toEqual([]);
  });

  it('gives a loaded article’s paragraphs, in order, as the load gives them, and counts them as a recount does', async () => {
    const path = join(dir, 'article.txt');
    const source = join(dir, 'source.txt');
    const texts = blocks(4000, 6).map((b) => b.text.trim());
    writeFileSync(path, texts.join('\n\n'));
    // The source has two paragraphs more: they are paragraphs of the article with no translation (0 words).
    writeFileSync(source, [...texts, 'one more', 'and another'].join('\n\n'));
    const load = new ArticleLoad(path, source, () => undefined);
    const made = await load.headerParagraphs();
    expect(made).toBeDefined();
    const paragraphs = load.allParagraphs();
    const json = `[${readFileSync(made!.path!, 'utf8')}]`;
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(paragraphs)));
    const counts = await load.counts();
    const recount = countParagraphs(paragraphs.map((p) => p.target));
    expect(counts.words).toEqual(recount.words);
    expect(counts.terWords).toEqual(recount.terWords);
    expect(counts.terChars).toEqual(recount.terChars);
    expect(counts.words[4001]).toBe(0);
    load.dropHeaderParagraphs();
    await load.counts();
    expect(existsSync(made!.path!)).toBe(false);
  });
});

describe('a paragraph as the header writes it', () => {
  it('keeps the order of members review files have always had, so a header written before reads as the same bytes', () => {
    const target: Block = {
      kind: 'heading',
      level: 2,
      prefix: '## ',
      suffix: ' ##',
      text: 'Port',
      ref: 'u1',
      notes: ['n'],
      state: 'final',
      style: 'H2',
    };
    expect(JSON.stringify(paragraphFromBlocks(0, target, { kind: 'text', text: '港口' }, true))).toBe(
      '{"id":"p1","index":0,"kind":"heading","level":2,"prefix":"## ","suffix":" ##","target":"Port","ref":"u1","notes":["n"],"state":"final","style":"H2","source":"港口","alignment":"paired"}',
    );
    expect(JSON.stringify(paragraphFromBlocks(4, { kind: 'text', text: 'Port', source: 'S' }, undefined, false))).toBe(
      '{"id":"p5","index":4,"kind":"text","target":"Port","source":"S"}',
    );
    expect(JSON.stringify(paragraphFromBlocks(5, undefined, { kind: 'text', text: 'only' }, true))).toBe(
      '{"id":"p6","index":5,"kind":"text","target":"","source":"only","alignment":"source-only"}',
    );
  });
});

/**
 * A long review (over 4 MB, read in parts as long reviews are) made the way the app makes one: its header's
 * paragraphs made beside the loading, then the review file written from them. The journal is left open.
 */
async function longReview(seed: number, name: string) {
  const targets = blocks(12_000, seed);
  const builder = new HeaderBuilder(false);
  builder.add(targets, new Array(targets.length));
  const made = (await builder.finish())!.paragraphs;
  const paragraphs = targets.map((b, i) => paragraphFromBlocks(i, b, undefined, false));
  const path = join(dir, name);
  const created = await ReviewJournal.create(path, makeHeader(info, paragraphs, CREATED), {}, made);
  if (!created.ok) throw new Error(created.error.message);
  return { targets, made, paragraphs, path, journal: created.value };
}

describe('reopening a review whose header holds the article as loaded', () => {
  it('takes the loaded paragraphs as they are when the header holds exactly their bytes, and parses a header that differs', async () => {
    const { targets, made, paragraphs, path, journal } = await longReview(7, 'reopen.redline');
    await journal.append({ type: 'paragraph-edited', paragraphId: 'p2', text: 'edited' });
    await journal.close();

    const same = await ReviewJournal.open(path, { expected: { paragraphs, file: made } });
    if (!same.ok) throw new Error(same.error.message);
    expect(same.value.state.paragraphs).toBe(paragraphs);
    expect(same.value.state.paragraphIndex.get('p12000')).toBe(11_999);
    expect(same.value.state.drafts.get('p2')).toBe('edited');
    await same.value.journal.close();

    // The article changed on disk since: its paragraphs are not the header's, which is read as written.
    const changed = paragraphs.map((p, i) => (i === 1500 ? { ...p, target: `${p.target}!` } : p));
    const changedBytes = (() => {
      const b = new HeaderBuilder(false);
      b.add(
        targets.map((t, i) => (i === 1500 ? { ...t, text: `${t.text}!` } : t)),
        new Array(targets.length),
      );
      return b.finish();
    })();
    const other = await ReviewJournal.open(path, { expected: { paragraphs: changed, file: (await changedBytes)!.paragraphs } });
    if (!other.ok) throw new Error(other.error.message);
    expect(other.value.state.paragraphs).not.toBe(changed);
    expect(other.value.state.paragraphs).toEqual(paragraphs);
    await other.value.journal.close();
    made.remove();
    (await changedBytes)!.paragraphs.remove();
  });

  it('takes the file as read while the article loaded only if it has not changed since: an event appended after is kept', async () => {
    const { made, paragraphs, path, journal } = await longReview(8, 'ahead.redline');
    await journal.append({ type: 'paragraph-edited', paragraphId: 'p2', text: 'edited' });
    await journal.close();
    const ahead = await readAhead(path);
    expect(ahead).toBeDefined();

    const unchanged = await ReviewJournal.open(path, { expected: { paragraphs, file: made }, readAhead: Promise.resolve(ahead) });
    if (!unchanged.ok) throw new Error(unchanged.error.message);
    expect(unchanged.value.state.paragraphs).toBe(paragraphs);
    expect(unchanged.value.state.drafts.get('p2')).toBe('edited');
    // Another writer appends once the file was read ahead.
    await unchanged.value.journal.append({ type: 'paragraph-edited', paragraphId: 'p3', text: 'written after the read' });
    await unchanged.value.journal.close();

    const later = await ReviewJournal.open(path, { expected: { paragraphs, file: made }, readAhead: Promise.resolve(ahead) });
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value.state.paragraphs).toBe(paragraphs);
    expect([later.value.state.drafts.get('p2'), later.value.state.drafts.get('p3')]).toEqual(['edited', 'written after the read']);
    await later.value.journal.close();
    // A short review is not read ahead: it is read whole when opened.
    const short = join(dir, 'short.redline');
    writeFileSync(short, '');
    expect(await readAhead(short)).toBeUndefined();
    expect(await readAhead(join(dir, 'missing.redline'))).toBeUndefined();
    made.remove();
  });

  it('refuses a long header damaged in its paragraphs even when the article loaded is what it held, and mends a torn last line', async () => {
    const { made, paragraphs, path, journal } = await longReview(10, 'torn.redline');
    await journal.append({ type: 'paragraph-edited', paragraphId: 'p3', text: 'kept' });
    // Events over several slices of decoding, with characters of two, three and four bytes across their edges.
    for (let i = 0; i < 400; i++) {
      await journal.append({
        type: 'paragraph-edited',
        paragraphId: `p${10 + i}`,
        text: `${'港口 naïve 😀 '.repeat(20 + (i % 7))}${i}`,
      });
    }
    await journal.close();
    const whole = readFileSync(path);
    const plainly = await ReviewJournal.open(path);
    if (!plainly.ok) throw new Error(plainly.error.message);
    await plainly.value.journal.close();

    // Torn: the app stopped while writing a line. The line is dropped and the next append starts where it began.
    writeFileSync(path, Buffer.concat([whole, Buffer.from('{"type":"paragraph-edi')]));
    const torn = await ReviewJournal.open(path, { expected: { paragraphs, file: made } });
    if (!torn.ok) throw new Error(torn.error.message);
    expect(torn.value.state.paragraphs).toBe(paragraphs);
    expect(torn.value.warnings.join(' ')).toMatch(/line 403/);
    expect(torn.value.state.drafts).toEqual(plainly.value.state.drafts);
    await torn.value.journal.append({ type: 'paragraph-edited', paragraphId: 'p4', text: 'after' });
    await torn.value.journal.close();
    const mended = await ReviewJournal.open(path);
    if (!mended.ok) throw new Error(mended.error.message);
    expect([mended.value.state.drafts.get('p3'), mended.value.state.drafts.get('p4')]).toEqual(['kept', 'after']);
    expect(mended.value.state.drafts.get('p409')).toBe(plainly.value.state.drafts.get('p409'));
    expect(mended.value.warnings).toEqual([]);
    await mended.value.journal.close();

    // A letter of a paragraph in the header changed on disk: the checksum says so, whatever the article holds.
    const damaged = Buffer.from(whole);
    const at = damaged.indexOf('harbour', damaged.length >> 1);
    damaged[at] = 'H'.charCodeAt(0);
    writeFileSync(path, damaged);
    const refused = await ReviewJournal.open(path, { expected: { paragraphs, file: made } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/line 1/);
    made.remove();
  });
});

describe('temporary header files', () => {
  it('of a process that is gone are removed when another starts one; those of live processes and other files stay', () => {
    const folder = mkdtempSync(join(dir, 'tmp-'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const names = [`redline-header-${gone}-0a1b2c3d.part`, `redline-header-${process.ppid}-0a1b2c3d.part`, 'redline-header-notes.txt'];
    for (const name of names) writeFileSync(join(folder, name), 'x');
    removeStrayHeaderFiles(folder);
    expect(readdirSync(folder).sort()).toEqual(names.slice(1).sort());
  });
});
