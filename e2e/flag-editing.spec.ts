/**
 * Flagging as a careful reviewer does it: a repeated phrase is never guessed at, a flag's phrase and side can be
 * corrected afterwards (and undone), the dialog leaves the flagged text in view, and Tab goes where it should.
 */
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';
import { selectPhrase } from './support/flag-phrase';

test('a typed phrase that occurs twice asks which one, and flags the one chosen', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const paragraph = page.getByRole('listitem', { name: /^Paragraph 2 of/ });
  await paragraph.click();
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByLabel('Phrase', { exact: true }).fill('will');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('grammar');
  await dialog
    .getByRole('option', { name: /Grammar/ })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“will” occurs 2 times in the translation: choose which one.');

  const choice = dialog.getByRole('group', { name: /“will” occurs 2 times/ });
  await expect(choice.getByRole('radio')).toHaveCount(2);
  await choice.getByRole('radio', { name: /1936, will no longer/ }).check();
  await dialog.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  // The second "will" is marked: the text right after the mark is the rest of that sentence.
  const mark = paragraph.locator('mark.flag');
  await expect(mark).toHaveText('will');
  const text = paragraph.getByLabel('Translation');
  const markAt = await text.evaluate((el) => {
    const range = document.createRange();
    range.setStart(el, 0);
    range.setEndBefore(el.querySelector('mark.flag')!);
    return range.toString().length;
  });
  expect(markAt).toBe((await text.textContent())!.indexOf('will no longer'));
});

test('a flag’s phrase and side are changed from its dialog, and one undo puts them back', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const paragraph = page.getByRole('listitem', { name: /^Paragraph 3 of/ });
  await selectPhrase(page, 3, 'Tuesday');
  await page.keyboard.press('f');
  let dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByRole('combobox', { name: 'Category' }).fill('mistrans');
  await dialog
    .getByRole('option', { name: /Mistranslation/ })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(paragraph.getByLabel('Translation').locator('mark.flag')).toHaveText('Tuesday');

  // The phrase grows to the whole date phrase.
  const flag = page.getByRole('button', { name: /^¶ 3: Accuracy\/Mistranslation/ });
  await flag.click();
  await page.keyboard.press('Enter');
  dialog = page.getByRole('dialog', { name: 'Edit flag' });
  await expect(dialog.getByLabel('Phrase', { exact: true })).toHaveValue('Tuesday');
  await dialog.getByLabel('Phrase', { exact: true }).fill('press conference on Tuesday');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(paragraph.getByLabel('Translation').locator('mark.flag')).toHaveText('press conference on Tuesday');

  // Then it moves to the source: the error was in the source text after all.
  await flag.click();
  await page.keyboard.press('Enter');
  dialog = page.getByRole('dialog', { name: 'Edit flag' });
  await dialog.getByRole('radio', { name: 'Source' }).check();
  await dialog.getByLabel('Phrase', { exact: true }).fill('周二');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(paragraph.getByLabel('Source').locator('mark.flag')).toHaveText('周二');
  await expect(paragraph.getByLabel('Translation').locator('mark.flag')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(paragraph.getByLabel('Translation').locator('mark.flag')).toHaveText('press conference on Tuesday');
  await expect(paragraph.getByLabel('Source').locator('mark.flag')).toHaveCount(0);
});

test('the flag dialog and the Flag selection button leave the selected phrase and the line after it in view', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await selectPhrase(page, 3, 'Deputy Mayor');
  const phrase = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
  const overlaps = (b: { x: number; y: number; width: number; height: number }, lineBelow = 0) =>
    b.y < phrase.bottom + lineBelow && b.y + b.height > phrase.top && b.x < phrase.right && b.x + b.width > phrase.left;

  const button = page.getByRole('button', { name: 'Flag selection' });
  await expect(button).toBeVisible();
  // Above the phrase: neither the phrase nor the line under it (one line's height) is covered.
  expect(overlaps((await button.boundingBox())!, phrase.bottom - phrase.top)).toBe(false);
  expect((await button.boundingBox())!.y).toBeLessThan(phrase.top);

  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await expect(dialog).toBeVisible();
  // The dialog is too tall to fit above or below the phrase where it was: the article scrolls the phrase up and
  // the dialog opens under it, the phrase in full view.
  const mark = await page
    .getByRole('listitem', { name: /^Paragraph 3 of/ })
    .getByLabel('Translation')
    .evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf('Deputy Mayor');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Deputy Mayor'.length);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }
      throw new Error('Deputy Mayor is not in paragraph 3');
    });
  const box = (await dialog.boundingBox())!;
  expect(box.y >= mark.y + mark.height || box.y + box.height <= mark.y || box.x >= mark.x + mark.width || box.x + box.width <= mark.x).toBe(
    true,
  );
  expect(mark.y).toBeGreaterThan(40);
});

test('in the flag dialog Tab goes from the category to the severity, with no stop on the list between', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await selectPhrase(page, 3, 'Deputy Mayor');
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await expect(dialog.getByRole('combobox', { name: 'Category' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: 'Minor' })).toBeFocused();
});

test('while a paragraph is edited its flags stay in view, and Escape leaves the editor from any of its buttons', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await selectPhrase(page, 3, '34 million yuan');
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByRole('combobox', { name: 'Category' }).fill('mistrans');
  await dialog
    .getByRole('option', { name: /Mistranslation/ })
    .first()
    .click();
  await dialog.getByRole('radio', { name: 'Major' }).check();
  await dialog.getByLabel('Comment (optional)').fill('340 million');
  await dialog.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('listitem', { name: /^Paragraph 3 of/ }).click();
  await page.keyboard.press('e');
  const editor = page.getByRole('group', { name: 'Editing paragraph 3' });
  const flags = editor.getByRole('list', { name: 'Flags in this paragraph' });
  await expect(flags.getByRole('listitem')).toHaveText(['“34 million yuan” Accuracy/Mistranslation · major — 340 million']);
  const show = editor.getByRole('button', { name: 'Show machine translation' });
  await show.click();
  await expect(editor.getByLabel('Machine translation').locator('mark.flag.sev-major')).toHaveText('34 million yuan');

  // Focus is on the button, not in the text: Escape still leaves.
  await expect(editor.getByRole('button', { name: 'Hide machine translation' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
});
