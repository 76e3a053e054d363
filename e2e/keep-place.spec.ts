import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

test('reopening the article returns to the paragraph last in focus', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await app.paragraph(2).click();
  const saved = app.placeSaved(11);
  for (let i = 0; i < 9; i++) await page.keyboard.press('j');
  await expect(app.paragraph(11)).toHaveAttribute('aria-current', 'true');
  await expect(app.status.getByLabel('Position')).toHaveText('¶ 11 of 15');
  // The place is sent once focus rests.
  await saved;

  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(app.paragraph(11)).toHaveAttribute('aria-current', 'true');
  await expect(app.paragraph(11)).toBeFocused();
  await expect(app.paragraph(11)).toBeInViewport();
  await expect(app.status.getByLabel('Position')).toHaveText('¶ 11 of 15');
});

test('compare opens at the paragraph in focus, returns to it with focus when closed, and remembers its versions and level', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save version 1' });
  await save.getByLabel('Message').fill('As delivered');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toHaveCount(0);
  await app.paragraph(9).click();
  await expect(app.paragraph(9)).toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('c');
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await expect(compare.getByRole('listitem', { name: /^Paragraph 9, / })).toBeFocused();
  await compare.getByRole('combobox', { name: 'Left' }).selectOption('1');
  await expect(compare.getByRole('listitem', { name: /^Paragraph 9, / })).toHaveClass(/cmp-row--current/);
  const level = compare.getByRole('group', { name: 'Diff level' });
  await level.getByRole('button', { name: 'Character' }).click();
  await expect(level.getByRole('button', { name: 'Character' })).toHaveAttribute('aria-pressed', 'true');
  await compare.getByRole('listitem', { name: /^Paragraph 9, / }).focus();
  await page.keyboard.press('j');
  await expect(compare.getByRole('listitem', { name: /^Paragraph 10, / })).toBeFocused();
  await page.keyboard.press('Escape');

  await expect(compare).toHaveCount(0);
  await expect(app.paragraph(10)).toBeFocused();
  await expect(app.paragraph(10)).toHaveAttribute('aria-current', 'true');
  // The keys act on the article again at once.
  const saved = app.placeSaved(11);
  await page.keyboard.press('j');
  await expect(app.paragraph(11)).toBeFocused();

  await page.keyboard.press('c');
  await expect(compare.getByRole('group', { name: 'Diff level' }).getByRole('button', { name: 'Character' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(compare.getByRole('listitem', { name: /^Paragraph 11, / })).toBeFocused();
  await compare.getByRole('button', { name: 'Close comparison' }).click();

  await saved;
  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(app.paragraph(11)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('c');
  await expect(compare.getByRole('group', { name: 'Diff level' }).getByRole('button', { name: 'Character' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(compare.getByRole('combobox', { name: 'Left' })).toHaveValue('1');
  await expect(compare.getByRole('combobox', { name: 'Right' })).toHaveValue('current');
  await expect(compare.getByRole('listitem', { name: /^Paragraph 11, / })).toBeFocused();
});
