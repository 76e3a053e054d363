import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Paragraph } from '../../shared/model';
import { ArticleLoad } from './article-load';
import { sameParagraphs, sameParagraphsInSteps } from './review-opening';

const dir = mkdtempSync(join(tmpdir(), 'redline-opening-steps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Counts the turns the event loop gets while `work` runs: a callback that puts itself back on the loop's check
 * queue runs once a turn, so it counts the turns between the work's steps however fast each step is (a timer would
 * count milliseconds, and a quick machine's steps take less than one).
 */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns++;
    setImmediate(count);
  };
  setImmediate(count);
  const value = await work();
  counting = false;
  return { value, turns };
}

async function loaded(texts: readonly string[], source?: readonly string[]): Promise<ArticleLoad> {
  const target = join(dir, `t${texts.length}-${source?.length ?? 0}.txt`);
  writeFileSync(target, `${texts.join('\n\n')}\n`);
  let sourcePath: string | undefined;
  if (source) writeFileSync((sourcePath = join(dir, `s${texts.length}-${source.length}.txt`)), `${source.join('\n\n')}\n`);
  const load = new ArticleLoad(target, sourcePath, () => undefined);
  await load.finished;
  return load;
}

describe('opening the review of a long article', () => {
  it('has the paragraphs for its review file made as the article loaded, the same paragraphs as made at once', async () => {
    const texts = Array.from({ length: 23_456 }, (_, i) => `Paragraph ${i + 1} of the article.`);
    const load = await loaded(texts);
    const { value, turns } = await turnsDuring(() => load.allParagraphsInSteps(() => new Promise((r) => setImmediate(r))));
    expect(value).toEqual(load.allParagraphs());
    expect(value).toHaveLength(23_456);
    expect(turns).toBe(0);
  });

  it('pairs source and translation in steps as at once, a longer source included', async () => {
    const texts = Array.from({ length: 12_000 }, (_, i) => `Paragraph ${i + 1}.`);
    const source = Array.from({ length: 12_003 }, (_, i) => `第${i + 1}段。`);
    const load = await loaded(texts, source);
    const { value: inSteps, turns } = await turnsDuring(() => load.allParagraphsInSteps(() => new Promise((r) => setImmediate(r))));
    expect(inSteps).toEqual(load.allParagraphs());
    expect(inSteps.at(-1)).toMatchObject({ alignment: 'source-only', target: '' });
    expect(turns).toBeGreaterThan(1);
  });

  it('finds a review file whose paragraphs differ from the article, wherever the difference is, in steps', async () => {
    const a: Paragraph[] = Array.from({ length: 17_000 }, (_, i) => ({ id: `p${i + 1}`, index: i, kind: 'text', target: `Text ${i}.` }));
    const same = a.map((p) => ({ ...p }));
    const { value, turns } = await turnsDuring(() => sameParagraphsInSteps(a, same));
    expect(value).toBe(true);
    expect(turns).toBeGreaterThan(0);
    for (const at of [0, 4999, 5000, 16_999]) {
      const changed = a.map((p, i) => (i === at ? { ...p, target: `${p.target} changed` } : p));
      expect(await sameParagraphsInSteps(a, changed)).toBe(false);
      expect(sameParagraphs(a, changed)).toBe(false);
    }
    expect(await sameParagraphsInSteps(a, a.slice(1))).toBe(false);
  });
});

describe('the progress of a page being opened', () => {
  it('says the whole file is read before the first paragraph of a page that marks no article is found', async () => {
    const page = join(dir, 'progress.html');
    const body = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i + 1} of a page long enough to be read in several pieces.</p>`);
    writeFileSync(page, `<!doctype html><html><body>${body.join('\n')}</body></html>`);
    const reports: { bytesRead: number; totalBytes: number; paragraphs: number }[] = [];
    const load = new ArticleLoad(page, undefined, (p) => reports.push(p));
    await load.finished;
    const allRead = reports.findIndex((p) => p.totalBytes > 0 && p.bytesRead === p.totalBytes);
    expect(allRead).toBeGreaterThanOrEqual(0);
    expect(reports[allRead]!.paragraphs).toBe(0);
    expect(reports.at(-1)!.paragraphs).toBe(3000);
  });
});
