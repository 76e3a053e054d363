import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headerLine } from '../../shared/journal/read-journal';
import { sampleHeader } from '../../shared/journal/sample-review';
import { reviewPathFor } from './review-path';

let root: string;
let articles: string;
let data: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'redline-paths-'));
  articles = join(root, 'articles');
  data = join(root, 'data');
  mkdirSync(articles);
  mkdirSync(data);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('where the review file lives', () => {
  it('beside the article, named after it without its extension', async () => {
    expect(await reviewPathFor(join(articles, 'story.txt'), data)).toEqual({
      path: join(articles, 'story.redline'),
      location: 'beside-article',
    });
  });

  it('reuses NAME.redline when it belongs to this article', async () => {
    writeFileSync(join(articles, 'story.redline'), headerLine(sampleHeader(1, 'story.txt')));
    expect((await reviewPathFor(join(articles, 'story.txt'), data)).path).toBe(join(articles, 'story.redline'));
  });

  it('uses NAME.ext.redline when NAME.redline belongs to another article of the same name', async () => {
    writeFileSync(join(articles, 'story.redline'), headerLine(sampleHeader(1, 'story.md')));
    expect(await reviewPathFor(join(articles, 'story.txt'), data)).toEqual({
      path: join(articles, 'story.txt.redline'),
      location: 'beside-article',
    });
  });

  it("a NAME.redline that cannot be read is taken as the article's own review (so its damage is shown, not hidden)", async () => {
    const review = join(articles, 'story.redline');
    const cases: Record<string, () => void> = {
      empty: () => writeFileSync(review, ''),
      'not a review': () => writeFileSync(review, 'my own notes\n'),
      'truncated header': () => writeFileSync(review, headerLine(sampleHeader(1, 'story.txt')).slice(0, 30)),
      'byte-order mark': () => writeFileSync(review, `\ufeff${headerLine(sampleHeader(1, 'story.txt'))}`),
      folder: () => mkdirSync(review),
    };
    // A header that names another article, but whose checksum shows a changed byte (in the name, perhaps).
    cases['changed byte in the name'] = () =>
      writeFileSync(review, headerLine(sampleHeader(1, 'story.txt')).replace('story.txt', 'story.md'));
    for (const [name, make] of Object.entries(cases)) {
      rmSync(review, { recursive: true, force: true });
      make();
      expect((await reviewPathFor(join(articles, 'story.txt'), data)).path, name).toBe(review);
    }
  });

  it("a long review of another article of the same name is checked to its header's end, whatever its characters", async () => {
    // 30,000 paragraphs: a header line of several megabytes, read in many pieces; curly quotes and Chinese make
    // characters of two and three bytes that a piece can split.
    const header = sampleHeader(30_000, 'story.md');
    const paragraphs = header.paragraphs.map((p, i) => ({ ...p, target: i % 3 === 0 ? `“${p.target}” 港口管理局` : p.target }));
    const line = headerLine({ ...header, paragraphs });
    expect(line.length).toBeGreaterThan(3_000_000);
    const review = join(articles, 'story.redline');
    writeFileSync(review, `\ufeff${line}\n{"more":1}\n`);
    expect((await reviewPathFor(join(articles, 'story.txt'), data)).path, 'intact').toBe(join(articles, 'story.txt.redline'));
    // One character changed near the end of the line: that header may be this article's, damaged.
    const at = line.lastIndexOf('港');
    writeFileSync(review, `${line.slice(0, at)}海${line.slice(at + 1)}\n`);
    expect((await reviewPathFor(join(articles, 'story.txt'), data)).path, 'changed near its end').toBe(review);
  });

  it('a damaged header written before checksums that still names another article leaves that review alone', async () => {
    const other = headerLine(sampleHeader(1, 'story.md')).replace(/^\{"crc32":"[0-9a-f]{8}",/, '{');
    writeFileSync(join(articles, 'story.redline'), other.slice(0, other.indexOf('"paragraphs"') + 20));
    expect((await reviewPathFor(join(articles, 'story.txt'), data)).path).toBe(join(articles, 'story.txt.redline'));
  });

  it('an existing review beside an article in a read-only folder is opened there (read-only), not replaced by an empty one', async () => {
    writeFileSync(join(articles, 'story.redline'), headerLine(sampleHeader(1, 'story.txt')));
    expect(await reviewPathFor(join(articles, 'story.txt'), data, { canWrite: async () => false })).toEqual({
      path: join(articles, 'story.redline'),
      location: 'beside-article',
      folderReadOnly: true,
    });
  });

  it('falls back to the data folder when the article folder cannot be written', async () => {
    const chosen = await reviewPathFor(join(articles, 'story.txt'), data, { canWrite: async () => false });
    expect(chosen.location).toBe('data-folder');
    expect(chosen.path).toMatch(new RegExp(`^${data}/story-[0-9a-f]{12}\\.redline$`));
  });

  it('falls back when the article path sits under a file, not a folder', async () => {
    writeFileSync(join(root, 'plain-file'), 'x');
    const chosen = await reviewPathFor(join(root, 'plain-file', 'story.txt'), data);
    expect(chosen.location).toBe('data-folder');
  });

  it('two articles of the same name in different read-only folders get different review files', async () => {
    const readOnly = { canWrite: async () => false };
    const a = await reviewPathFor('/share/one/story.txt', data, readOnly);
    const b = await reviewPathFor('/share/two/story.txt', data, readOnly);
    expect(a.path).not.toBe(b.path);
    expect(await reviewPathFor('/share/one/story.txt', data, readOnly)).toEqual(a);
  });
});
