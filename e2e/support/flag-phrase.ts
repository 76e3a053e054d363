import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Flags a phrase of paragraph `n` from the keyboard: focus the paragraph, F, type the phrase, pick a category and severity. */
export async function flagPhrase(
  page: Page,
  n: number,
  phrase: string,
  search: string,
  option: RegExp,
  severity: 'Minor' | 'Major' | 'Critical',
): Promise<void> {
  await page.getByRole('listitem', { name: new RegExp(`^Paragraph ${n} of`) }).click();
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByLabel('Phrase', { exact: true }).fill(phrase);
  await dialog.getByRole('combobox', { name: 'Category' }).fill(search);
  await dialog.getByRole('option', { name: option }).first().click();
  await dialog.getByRole('radio', { name: severity }).check();
  await dialog.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** Selects `phrase` in the translation of paragraph `n` as a mouse drag would. */
export async function selectPhrase(page: Page, n: number, phrase: string): Promise<void> {
  const text = page.getByRole('listitem', { name: new RegExp(`^Paragraph ${n} of`) }).getByLabel('Translation');
  // The phrase may cross marks (a suggestion of the automatic checks splits the text): offsets are mapped over every
  // text node of the paragraph.
  await text.evaluate((el, p) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(p);
    if (at < 0) throw new Error(`${p} not found`);
    const locate = (offset: number): [Text, number] => {
      let seen = 0;
      for (const n of nodes) {
        if (offset <= seen + n.data.length) return [n, offset - seen];
        seen += n.data.length;
      }
      return [nodes.at(-1)!, nodes.at(-1)!.data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + p.length));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, phrase);
}
