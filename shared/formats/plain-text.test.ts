import { describe, expect, it } from 'vitest';
import { createSplitter, splitBlocks } from './block-splitter';
import { LINE_MODE_PROBE_LINES } from './plain-text';

const texts = (format: 'txt' | 'md', text: string) => splitBlocks(format, text).map((b) => b.text);

/** Feeds `text` in pieces of `size` characters, the way the loader streams a file. */
function streamed(text: string, size: number): string[] {
  const s = createSplitter('txt');
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  out.push(...s.end());
  return out.map((b) => b.text);
}

describe('plain text paragraphs', () => {
  it('splits paragraphs at blank lines and keeps the line breaks inside a paragraph', () => {
    expect(texts('txt', 'First line\nstill first.\n\nSecond.\n\n\n\nThird.\n')).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
  });

  it('reads a file without any blank line as one paragraph per line', () => {
    expect(texts('txt', 'One.\nTwo.\nThree.\n')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('does not count leading and trailing blank lines as paragraph separators', () => {
    expect(texts('txt', '\n\nOne.\nTwo.\n\n\n')).toEqual(['One.', 'Two.']);
  });

  it('treats Windows and old Mac line endings like Unix ones', () => {
    expect(texts('txt', 'A\r\nB\r\n\r\nC\r')).toEqual(['A\nB', 'C']);
  });

  it('treats a line of ideographic spaces as blank', () => {
    expect(texts('txt', '第一段。\n\u3000\u3000\n第二段。')).toEqual(['第一段。', '第二段。']);
  });

  it('treats a line of form feeds or no-break spaces as blank, never as an empty paragraph', () => {
    expect(texts('txt', 'One.\n\f\n\nTwo.')).toEqual(['One.', 'Two.']);
    expect(texts('txt', 'One.\n\u00a0\u000b\nTwo.')).toEqual(['One.', 'Two.']);
  });

  it('gives the same paragraphs however the text is cut into chunks, CRLF split across chunks included', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}\r\nline two of ${i}`).join('\r\n\r\n');
    const whole = texts('txt', text);
    expect(whole).toHaveLength(50);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(streamed(text, size)).toEqual(whole);
  });

  it('decides on one paragraph per line once enough lines pass without a blank one', () => {
    const lines = Array.from({ length: LINE_MODE_PROBE_LINES + 10 }, (_, i) => `line ${i}`);
    const s = createSplitter('txt');
    const early = s.push(`${lines.join('\n')}\n`);
    expect(early.length).toBeGreaterThanOrEqual(LINE_MODE_PROBE_LINES);
    expect([...early, ...s.end()].map((b) => b.text)).toEqual(lines);
  });

  it('hands out finished paragraphs before the end of the text arrives', () => {
    const s = createSplitter('txt');
    expect(s.push('One.\n\nTwo.\n\nThr').map((b) => b.text)).toEqual(['One.', 'Two.']);
    expect(s.end().map((b) => b.text)).toEqual(['Thr']);
  });
});

describe('Markdown paragraphs', () => {
  const md = [
    '# Harbour news',
    '',
    'The bridge *reopens* today',
    'after two years.',
    '',
    '## What changes',
    '- Cyclists get a lane',
    '- Walkers keep',
    '  the east side',
    '  1. nested item',
    '',
    '> A quote from',
    '> the mayor.',
    '',
    '```js',
    'const x = 1;',
    '',
    'const y = 2;',
    '```',
    '',
    'Closing words',
    '===',
    '',
    '---',
    'Last.',
  ].join('\n');

  it('gives headings, list items, quotes and code blocks paragraphs of their own kind', () => {
    const blocks = splitBlocks('md', md);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Harbour news'],
      ['text', 'The bridge *reopens* today\nafter two years.'],
      ['heading', 'What changes'],
      ['list-item', 'Cyclists get a lane'],
      ['list-item', 'Walkers keep\nthe east side'],
      ['list-item', 'nested item'],
      ['quote', 'A quote from\nthe mayor.'],
      ['code', 'const x = 1;\n\nconst y = 2;'],
      ['heading', 'Closing words'],
      ['text', 'Last.'],
    ]);
  });

  it('keeps the markup needed to write each block back', () => {
    const blocks = splitBlocks('md', md);
    expect(blocks[0]).toMatchObject({ prefix: '# ', level: 1 });
    expect(blocks[2]).toMatchObject({ prefix: '## ', level: 2 });
    expect(blocks[3]).toMatchObject({ prefix: '- ', level: 0 });
    expect(blocks[5]).toMatchObject({ prefix: '  1. ', level: 1 });
    expect(blocks[6]).toMatchObject({ prefix: '> ' });
    expect(blocks[7]).toMatchObject({ prefix: '```js\n', suffix: '\n```' });
    expect(blocks[8]).toMatchObject({ kind: 'heading', level: 1 });
  });
});
