import { describe, expect, it } from 'vitest';
import type { Block } from '../model';
import { ownTexts, packBlocks, unpackBlocks } from './packed-blocks';

describe('a batch of paragraphs handed over from the thread that read them', () => {
  it('comes back as the same paragraphs, whatever their characters, sources, markup and lengths', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'The harbour wall' },
      { kind: 'text', text: 'The council’s “plan” was approved.', source: '理事会批准了该计划。' },
      { kind: 'text', text: '', source: '' },
      { kind: 'text', text: 'Café au lait, naïve façade — and an emoji 😀.' },
      { kind: 'text', text: 'Plain ASCII only, long enough to be sliced from the batch.', source: 'Ascii source' },
      { kind: 'list-item', level: 0, prefix: '- ', text: 'x' },
      { kind: 'text', text: 'Bold \uE000word\uE001 here', codes: [{ id: '1', kind: 'open', label: 'b', data: '<b>' }] },
      { kind: 'text', text: 'Latin-1 only: é à ü ß', source: '港口管理局' },
    ];
    const packed = packBlocks(blocks);
    // Characters that fit in a byte are kept in the string that stores one byte a character.
    expect(packed.narrow).not.toMatch(/[\u0100-\uffff]/);
    expect(packed.narrow).toContain('Latin-1 only: é à ü ß');
    expect(unpackBlocks(structuredClone(packed))).toEqual(blocks);
    // Copied in place, where they were read: the same objects, the same texts.
    const copies = structuredClone(blocks);
    const own = ownTexts(copies);
    expect(own).toBe(copies);
    expect(own).toEqual(blocks);
  });

  it('keeps an empty batch empty', () => {
    expect(unpackBlocks(packBlocks([]))).toEqual([]);
  });
});
