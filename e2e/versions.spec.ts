import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';
import { editParagraph as edit } from './support/edit-paragraph';

function row(page: Page, n: number) {
  return page.getByRole('listitem', { name: new RegExp(`^Paragraph ${n} of 15`) });
}

test('edit, save a version, compare with the machine translation side by side and inline, revert, and find it all after a reload', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);

  await edit(page, 2, '12-kilometre', '1.2-kilometre');
  await expect(page.getByRole('listitem', { name: /^Paragraph 2 of 15.*edited/ })).toContainText('Edited');

  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save version 1' });
  await save.getByLabel('Message').fill('Fix the bridge length');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toHaveCount(0);
  const v1 = page.getByRole('listitem', { name: 'Version 1: Fix the bridge length' });
  await expect(v1).toContainText('1 paragraph changed from the previous');
  await expect(v1).toContainText(/TER \d/);

  // Compare: the machine translation on the left, the current text on the right.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await expect(compare.getByRole('status').first()).toContainText('1 changed');
  const changed = compare.getByRole('listitem', { name: 'Paragraph 2, changed' });
  await expect(changed.getByLabel('Left version').locator('del')).toHaveText(/12/);
  await expect(changed.getByLabel('Right version').locator('ins')).toHaveText(/1\.2/);
  await expect(changed.getByLabel('Right version').locator('del')).toHaveCount(0);
  await compare.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Inline' }).click();
  await expect(changed.locator('del')).toHaveText(/12/);
  await expect(changed.locator('ins')).toHaveText(/1\.2/);
  await compare.getByRole('checkbox', { name: 'Changed paragraphs only' }).check();
  await expect(compare.getByRole('listitem', { name: /^Paragraph \d+, / })).toHaveCount(1);
  await compare.getByRole('button', { name: 'Close comparison' }).click();

  // Revert the whole article to the machine translation, then undo the revert.
  await page
    .getByRole('listitem', { name: 'Version 0: Machine translation' })
    .getByRole('button', { name: /Revert/ })
    .click();
  await page.getByRole('group', { name: 'Confirm revert to version 0' }).getByRole('button', { name: 'Revert article' }).click();
  await expect(row(page, 2)).toContainText('12-kilometre');
  await page.keyboard.press('Control+z');
  await expect(row(page, 2)).toContainText('1.2-kilometre');

  // Everything is in the review file: a reload finds the edit, the version and its message.
  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(row(page, 2)).toContainText('1.2-kilometre');
  await expect(page.getByRole('listitem', { name: 'Version 1: Fix the bridge length' })).toBeVisible();

  // Export the corrected text as plain text: in the browser, a download.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: /Export/ });
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  await expect(exportDialog.getByRole('status')).toContainText('bridge.en.corrected.txt');
  const written = readFileSync((await download.path())!, 'utf8');
  expect(written).toContain('1.2-kilometre');
  expect(written.split('\n\n')).toHaveLength(15);
});

test('an edited paragraph can be restored to the machine translation from its editor, and undo brings the edit back', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await edit(page, 10, 'to buy fish', 'to sell fish');
  await row(page, 10).click();
  await page.keyboard.press('e');
  await page.getByRole('button', { name: 'Restore machine translation' }).click();
  const editor = page.getByRole('textbox', { name: 'Text of paragraph 10' });
  await expect(editor).toHaveValue(/to buy fish/);
  await expect(page.getByRole('group', { name: 'Editing paragraph 10' }).getByRole('status')).toHaveText(/Saved/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listitem', { name: /^Paragraph 10 of 15/ })).not.toContainText('Edited');
  await page.keyboard.press('Control+z');
  await expect(row(page, 10)).toContainText('to sell fish');
});

test('a flag whose words a saved version changed is offered as fixed in that version, and can be marked so', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await row(page, 2).click();
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByLabel('Phrase', { exact: true }).fill('12-kilometre');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('mistrans');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: '¶ 2: Accuracy/Mistranslation, minor' })).toBeVisible();

  await edit(page, 2, '12-kilometre', '1.2-kilometre');
  await page.keyboard.press('Control+s');
  await page.getByRole('dialog', { name: 'Save version 1' }).getByRole('button', { name: 'Save' }).click();

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const changed = page.getByRole('region', { name: 'Compare versions' }).getByRole('listitem', { name: 'Paragraph 2, changed' });
  await expect(changed).toContainText('Mistranslation fixed in version 1');
  await expect(changed.getByLabel('Left version').locator('mark.flag')).toHaveText(['12', '-kilometre']);
  await changed.getByRole('button', { name: 'Mark the Accuracy/Mistranslation flag fixed' }).click();
  await expect(changed).toContainText('marked fixed');
  await expect(page.getByRole('button', { name: '¶ 2: Accuracy/Mistranslation, minor, fixed' })).toBeVisible();
});
