import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

test('marking paragraphs reviewed with Ctrl+Enter counts them, undo takes one back, a reload keeps them, and N steps to what is not reviewed yet', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const progress = app.status.getByLabel('Review progress');
  await expect(progress).toHaveText('Reviewed 0 of 15');

  await app.paragraph(1).click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
  await expect(progress).toHaveText('Reviewed 3 of 15');
  // Each mark moved focus on: the fourth paragraph is the one in focus now.
  await expect(app.paragraph(4)).toHaveAttribute('aria-current', 'true');
  await expect(app.paragraph(4)).toBeFocused();
  for (const n of [1, 2, 3]) await expect(app.paragraph(n)).toHaveAccessibleName(/, reviewed$/);
  await expect(app.paragraph(4)).not.toHaveAccessibleName(/reviewed/);
  await expect(app.paragraph(2)).toContainText('Reviewed');

  await page.keyboard.press('Control+z');
  await expect(progress).toHaveText('Reviewed 2 of 15');
  await expect(app.paragraph(3)).not.toHaveAccessibleName(/reviewed/);
  await page.keyboard.press('Control+Shift+z');
  await expect(progress).toHaveText('Reviewed 3 of 15');

  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(progress).toHaveText('Reviewed 3 of 15');
  await expect(app.paragraph(1)).toHaveAccessibleName(/, reviewed$/);

  // Not reviewed yet: from the first paragraph the next one not reviewed is the fourth; N goes on to the fifth.
  await app.paragraph(1).click();
  await app.status.getByRole('group', { name: 'Not reviewed yet' }).getByRole('button', { name: 'Next not reviewed' }).click();
  await expect(app.paragraph(4)).toHaveAttribute('aria-current', 'true');
  await app.paragraph(4).focus();
  await page.keyboard.press('n');
  await expect(app.paragraph(5)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Shift+N');
  await expect(app.paragraph(4)).toHaveAttribute('aria-current', 'true');

  // The button on the paragraph in focus takes a mark back, and focus stays there.
  await app.paragraph(2).click();
  await app.paragraph(2).getByRole('button', { name: 'Mark not reviewed' }).click();
  await expect(progress).toHaveText('Reviewed 2 of 15');
  await expect(app.paragraph(2)).toHaveAttribute('aria-current', 'true');
  await app.paragraph(2).getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(progress).toHaveText('Reviewed 3 of 15');
  await expect(app.paragraph(3)).toHaveAttribute('aria-current', 'true');
});

test('a note on a whole paragraph shows on the paragraph and in the flag list, is edited, removed, and undone', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);

  await app.paragraph(5).click();
  await app.paragraph(5).getByRole('button', { name: 'Add note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add note' });
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Check the opening date with the desk');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.paragraph(5).getByRole('note', { name: "Reviewer's note" })).toHaveText(/Check the opening date with the desk/);
  await expect(app.paragraph(5)).toHaveAccessibleName(/with a note/);
  const flags = page.getByRole('region', { name: 'Flags' });
  await expect(flags.getByRole('button', { name: '¶ 5: note' })).toContainText('Check the opening date with the desk');

  await flags.getByRole('button', { name: 'Edit note on paragraph 5' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit note' });
  await expect(edit.getByRole('textbox', { name: 'Note' })).toHaveValue('Check the opening date with the desk');
  await edit.getByRole('textbox', { name: 'Note' }).fill('Opening date confirmed');
  await edit.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
  await expect(edit).toHaveCount(0);
  await expect(flags.getByRole('button', { name: '¶ 5: note' })).toContainText('Opening date confirmed');

  await app.paragraph(5).getByRole('button', { name: 'Edit note' }).click();
  await page.getByRole('dialog', { name: 'Edit note' }).getByRole('button', { name: 'Remove note' }).click();
  await expect(app.paragraph(5).getByRole('note', { name: "Reviewer's note" })).toHaveCount(0);
  await expect(flags.getByRole('button', { name: '¶ 5: note' })).toHaveCount(0);

  await app.paragraph(5).click();
  await page.keyboard.press('Control+z');
  await expect(app.paragraph(5).getByRole('note', { name: "Reviewer's note" })).toHaveText(/Opening date confirmed/);

  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(app.paragraph(5).getByRole('note', { name: "Reviewer's note" })).toHaveText(/Opening date confirmed/);
  await page.screenshot({ path: test.info().outputPath('paragraph-status.png') });
});
