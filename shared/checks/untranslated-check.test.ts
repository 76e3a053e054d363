import { describe, expect, it } from 'vitest';
import { checkUntranslated } from './untranslated-check';

const check = (text: string) => checkUntranslated({ id: 'p1', text }).map((f) => [f.text, f.category]);

describe('untranslated check', () => {
  it('finds Chinese text left in English, with its punctuation', () => {
    expect(check('She said that 看看海，是她的梦想。')).toEqual([['看看海，是她的梦想。', 'Accuracy/Untranslated']]);
  });
  it('finds a Chinese punctuation mark alone', () => {
    expect(check('rust removal、repainting')).toEqual([['、', 'Linguistic conventions/Punctuation']]);
  });
  it('spares a short name in brackets and a Chinese translation', () => {
    expect(check('Lin Yawen (林雅文) said so.')).toEqual([]);
    expect(check('老港大桥将于九月重新开放。')).toEqual([]);
  });
});
