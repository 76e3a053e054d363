import { describe, expect, it } from 'vitest';
import { splitBlocks } from './block-splitter';
import { articlePieces, writeArticle, writeMarkdown, writePlainText } from './write-article';

const MD = [
  '# The bridge reopens',
  '',
  'The old bridge will reopen in *September*.',
  '',
  '- walking route',
  '- cycling route',
  '  - night lighting',
  '',
  '> A quote that runs',
  '> over two lines.',
  '',
  '```js',
  'const span = 12;',
  '```',
  '',
].join('\n');

describe('writing an article back out', () => {
  it('plain text separates paragraphs by blank lines and keeps line breaks inside a paragraph', () => {
    const text = writePlainText([
      { kind: 'heading', level: 1, prefix: '# ', text: 'Title' },
      { kind: 'text', text: 'Line one\nline two.' },
    ]);
    expect(text).toBe('Title\n\nLine one\nline two.\n');
    expect(splitBlocks('txt', text).map((b) => b.text)).toEqual(['Title', 'Line one\nline two.']);
  });

  it('Markdown read and written back unchanged gives the same blocks', () => {
    const blocks = splitBlocks('md', MD);
    const written = writeMarkdown(blocks);
    expect(splitBlocks('md', written)).toEqual(blocks);
    expect(written).toContain('- walking route\n- cycling route\n  - night lighting\n');
    expect(written).toContain('> A quote that runs\n> over two lines.');
    expect(written).toContain('```js\nconst span = 12;\n```');
  });

  it('corrected Markdown text keeps its heading, list and fence markup', () => {
    const blocks = splitBlocks('md', MD).map((b) => ({ ...b, text: b.text.replace('bridge', 'Harbour Bridge') }));
    const written = writeArticle(blocks, 'md');
    expect(written.startsWith('# The Harbour Bridge reopens\n\n')).toBe(true);
  });

  it('blocks without recorded markup get the markup of their kind', () => {
    expect(
      writeMarkdown([
        { kind: 'heading', level: 2, text: 'Heading\nsplit' },
        { kind: 'list-item', level: 1, text: 'item' },
        { kind: 'quote', text: 'a\n\nb' },
        { kind: 'code', text: '' },
      ]),
    ).toBe('## Heading split\n\n  - item\n\n> a\n>\n> b\n\n```\n```\n');
  });

  it('written in pieces, of any size, gives the same text as written at once', () => {
    const blocks = splitBlocks('md', MD);
    for (const format of ['txt', 'md'] as const) {
      const whole = writeArticle(blocks, format);
      for (const per of [1, 2, 3, blocks.length, blocks.length + 5]) {
        const pieces = [...articlePieces(blocks, format, per)];
        expect(pieces).toHaveLength(Math.ceil(blocks.length / per));
        expect(pieces.join(''), `${format} in pieces of ${per}`).toBe(whole);
      }
    }
  });

  it('an article with no paragraphs is an empty file', () => {
    expect(writeArticle([], 'txt')).toBe('');
    expect(writeArticle([], 'md')).toBe('');
  });
});
