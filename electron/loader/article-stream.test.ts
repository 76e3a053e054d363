import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block } from '../../shared/model';
import { encodeLegacy, encodeUtf16 } from '../test-support/legacy-encode';
import { MAX_ARTICLE_BYTES, streamArticle } from './article-stream';
import { readArticle } from './read-article';

const dir = mkdtempSync(join(tmpdir(), 'redline-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const CHINESE = '港口大桥今天重新开放。\n\n市长说：“这是我们城市的新客厅。”\n';

describe('reading an article from disk', () => {
  it('reads UTF-8 text and says so', async () => {
    const r = await readArticle(file('a.txt', 'One.\n\nTwo.\n'));
    expect(r.ok && r.value.info.encoding).toBe('utf-8');
    expect(r.ok && r.value.blocks.map((b) => b.text)).toEqual(['One.', 'Two.']);
  });

  it('drops a UTF-8 byte-order mark and reports it', async () => {
    const r = await readArticle(file('bom.txt', `\uFEFFOne.\n\nTwo.`));
    expect(r.ok && r.value.info.encoding).toBe('utf-8-bom');
    expect(r.ok && r.value.blocks[0]!.text).toBe('One.');
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s with a byte-order mark', async (order) => {
    const r = await readArticle(file(`u16${order}.txt`, encodeUtf16(CHINESE, order)));
    expect(r.ok && r.value.info.encoding).toBe(`utf-16${order}`);
    expect(r.ok && r.value.blocks.map((b) => b.text)).toEqual(['港口大桥今天重新开放。', '市长说：“这是我们城市的新客厅。”']);
  });

  it('recognises GB18030 Chinese and shows it correctly', async () => {
    const r = await readArticle(file('gb.txt', encodeLegacy(CHINESE, 'gb18030')));
    expect(r.ok && r.value.info.encoding).toBe('gb18030');
    expect(r.ok && r.value.blocks[1]!.text).toBe('市长说：“这是我们城市的新客厅。”');
  });

  it('recognises Big5 traditional Chinese', async () => {
    const text = '港口大橋今天重新開放。\n\n市長說：「這是我們城市的新客廳。」\n';
    const r = await readArticle(file('big5.txt', encodeLegacy(text, 'big5')));
    expect(r.ok && r.value.info.encoding).toBe('big5');
    expect(r.ok && r.value.blocks[0]!.text).toBe('港口大橋今天重新開放。');
  });

  it('reads Markdown files as Markdown', async () => {
    const r = await readArticle(file('a.md', '# Title\n\n- item\n'));
    expect(r.ok && r.value.info.format).toBe('md');
    expect(r.ok && r.value.blocks.map((b) => b.kind)).toEqual(['heading', 'list-item']);
  });

  it('streams a long article chunk by chunk, first paragraphs before the end', async () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i + 1} with some words in it.`);
    const path = file('long.txt', paragraphs.join('\n\n'));
    const batches: number[] = [];
    const all: Block[] = [];
    const progress: number[] = [];
    const r = await streamArticle(path, {
      onBlocks: (b) => {
        batches.push(b.length);
        all.push(...b);
      },
      onProgress: (read) => progress.push(read),
    });
    expect(r.ok).toBe(true);
    expect(batches.length).toBeGreaterThan(1);
    expect(all.map((b) => b.text)).toEqual(paragraphs);
    expect(progress.at(-1)).toBe(r.ok ? r.value.bytes : -1);
  });
});

describe('bad input gets a clear message', () => {
  it('an empty file', async () => {
    const r = await readArticle(file('empty.txt', ''));
    expect(r).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(!r.ok && r.error.message).toMatch(/empty\.txt is empty/);
  });

  it('a file of white space only', async () => {
    expect(await readArticle(file('blank.txt', '\n\n   \n'))).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('a PNG renamed .txt', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const r = await readArticle(file('picture.txt', png));
    expect(r).toMatchObject({ ok: false, error: { code: 'binary' } });
    expect(!r.ok && r.error.message).toMatch(/picture\.txt is a PNG image/);
  });

  it('binary data without a known signature', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(await readArticle(file('data.txt', bytes))).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('a file that does not exist', async () => {
    const r = await readArticle(join(dir, 'missing.txt'));
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!r.ok && r.error.message).toMatch(/missing\.txt does not exist/);
  });

  it('a folder', async () => {
    expect(await readArticle(dir)).toMatchObject({ ok: false, error: { code: 'not-a-file' } });
  });

  it('a file over the size limit, named with the limit', async () => {
    const path = file('huge.txt', '');
    truncateSync(path, MAX_ARTICLE_BYTES + 1);
    const r = await readArticle(path);
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(!r.ok && r.error.message).toMatch(/over the 256 MiB limit/);
  });

  it('UTF-8 that turns invalid later in the file names where', async () => {
    const good = Buffer.from(`${'Fine text here.\n\n'.repeat(8000)}`);
    const bad = Buffer.concat([good, Buffer.from([0xc3, 0x28]), Buffer.from('\n\nmore')]);
    const r = await readArticle(file('broken.txt', bad));
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-encoding' } });
    expect(!r.ok && r.error.message).toMatch(/broken\.txt is not valid UTF-8 text.*byte/);
  });
});

describe('an encoding Redline does not read', () => {
  it('Latin-1 text is refused with the byte and offset, not shown as garbage', async () => {
    const latin1 = Uint8Array.from([...Buffer.from('The caf'), 0xe9, ...Buffer.from(' reopens.\n\nNa'), 0xef, ...Buffer.from('ve.\n')]);
    const r = await readArticle(file('latin1.txt', latin1));
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-encoding' } });
    expect(!r.ok && r.error.message).toMatch(/latin1\.txt is not in an encoding Redline reads .*byte 0xE9 at offset 7 is not UTF-8/);
  });

  it('Windows-1252 curly quotes are refused the same way', async () => {
    const cp1252 = Uint8Array.from([0x93, ...Buffer.from('Quoted'), 0x94, ...Buffer.from(' words and more words.\n')]);
    expect(await readArticle(file('cp1252.txt', cp1252))).toMatchObject({ ok: false, error: { code: 'bad-encoding' } });
  });
});
