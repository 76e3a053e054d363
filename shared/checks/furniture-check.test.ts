import { describe, expect, it } from 'vitest';
import { checkFurniture } from './furniture-check';

const found = (...texts: string[]) => checkFurniture(texts.map((text, i) => ({ id: `p${i + 1}`, text }))).map((f) => f.text);

describe('page furniture check', () => {
  it('finds navigation, share buttons, cookie banners, comment forms and a repeated headline', () => {
    expect(
      found(
        'Old bridge reopens to walkers',
        'Home > News > Linjiang',
        'The bridge will reopen on Sunday after three years of work.',
        'Share on WeChat Weibo Facebook',
        'We use cookies to improve your experience. Accept all cookies',
        'Leave a comment',
        'Old bridge reopens to walkers',
        'Related: Ferry service to end in May',
      ),
    ).toEqual([
      'Home > News > Linjiang',
      'Share on WeChat Weibo Facebook',
      'We use cookies to improve your experience. Accept all cookies',
      'Leave a comment',
      'Old bridge reopens to walkers',
      'Related: Ferry service to end in May',
    ]);
  });
  it('leaves article sentences that mention the same words alone', () => {
    expect(
      found(
        'Bridge reopens',
        'Related costs rose by a fifth, the council said.',
        'Copyright law was changed in 2020.',
        'Share prices fell on Monday.',
      ),
    ).toEqual([]);
  });
  it('judges a line of up to 24 words, however they are spaced, and no longer one', () => {
    const words = (n: number, space: string) => Array.from({ length: n }, (_, i) => `w${i}`).join(space);
    for (const space of [' ', '\t', '\u00a0 ', '\u3000']) {
      expect(found('Headline', `  ${words(21, space)} All rights reserved.\n`)).toEqual([`${words(21, space)} All rights reserved.`]);
      expect(found('Headline', `${words(22, space)} All rights reserved.`)).toEqual([]);
    }
  });
});
