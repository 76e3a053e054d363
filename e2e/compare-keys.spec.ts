/** The compare view's keys keep working whatever was clicked last, and the ends of the changes are said. */
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';
import { editParagraph as edit } from './support/edit-paragraph';
import { flagPhrase } from './support/flag-phrase';

test('N, P and Escape work after the changed-only box and the change buttons; the last change is said', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await edit(page, 2, '12-kilometre', '1.2-kilometre');
  await edit(page, 5, 'professor', 'historian');

  await page.locator('body').press('c');
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await expect(compare.getByRole('status').first()).toContainText('2 changed');
  const said = compare.locator('.cmp__announce');

  await compare.getByRole('checkbox', { name: 'Changed paragraphs only' }).check();
  // Only the two changed paragraphs are listed, the first in focus: N goes to the second.
  await page.keyboard.press('n');
  await expect(said).toHaveText(/^Change 2 of 2: paragraph 5/);
  await expect(compare.getByRole('listitem', { name: 'Paragraph 5, changed' })).toBeFocused();
  await page.keyboard.press('n');
  await expect(said).toHaveText('This is the last change.');
  await expect(said).toBeVisible();

  await compare.getByRole('button', { name: 'Previous change' }).click();
  await expect(said).toHaveText(/^Change 1 of 2: paragraph 2/);
  await page.keyboard.press('n');
  await expect(said).toHaveText(/^Change 2 of 2: paragraph 5/);
  await page.keyboard.press('p');
  await expect(said).toHaveText(/^Change 1 of 2: paragraph 2/);

  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);
});

test('inline compare draws the flags on the struck-through machine translation too, and keys work after Mark fixed', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await flagPhrase(page, 2, '12-kilometre', 'mistrans', /Mistranslation/, 'Minor');
  await edit(page, 2, '12-kilometre', '1.2-kilometre');

  await page.locator('body').press('c');
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await compare.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Inline' }).click();
  const row = compare.getByRole('listitem', { name: 'Paragraph 2, changed' });
  await expect(row.locator('mark.flag del')).toHaveText(/12/);
  await page.keyboard.press('Escape');

  // Saved as version 1, the flagged phrase is gone: compare offers to mark the flag fixed; after that, keys still work.
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save version 1' });
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toHaveCount(0);
  await page.locator('body').press('c');
  await compare.getByRole('button', { name: /Mark the .* flag fixed/ }).click();
  await expect(compare.locator('.cmp__announce')).toHaveText('Flag marked fixed.');
  await page.keyboard.press('n');
  await expect(compare.locator('.cmp__announce')).toHaveText(/^(Change 1 of 1|This is the last change)/);
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);
});
