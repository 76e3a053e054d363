import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

test('the sample is offered suggestions; one accepted becomes a flag, one dismissed stays gone after a reload', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);

  const panel = page.getByRole('region', { name: 'Suggestions' });
  const numbers = panel.getByRole('button', { name: 'Suggestion for ¶ 3: Numbers “34 million”' });
  await expect(numbers).toBeVisible();
  // In the text, a suggestion is a dashed mark of its own, not a flag.
  const p3 = page.getByRole('listitem', { name: /^Paragraph 3 of 15/ });
  await expect(p3.locator('mark.suggestion', { hasText: '34 million' })).toBeVisible();
  await expect(p3.locator('mark.flag')).toHaveCount(0);

  // Accept it: it becomes a flag in the list, stamped with the reviewer, and leaves the suggestions.
  await numbers.locator('xpath=..').getByRole('button', { name: 'Accept' }).click();
  const flag = page.getByRole('button', { name: '¶ 3: Accuracy/Mistranslation, major' });
  await expect(flag).toContainText('34 million');
  await expect(numbers).toHaveCount(0);
  await expect(p3.locator('mark.flag.sev-major')).toHaveText('34 million');

  // Dismiss another from the keyboard: chosen in the panel, D dismisses it.
  const untranslated = panel.getByRole('button', { name: /^Suggestion for ¶ 11: Untranslated/ });
  await expect(untranslated).toBeVisible();
  await untranslated.click();
  await expect(page.getByRole('listitem', { name: /^Paragraph 11 of 15/ }).locator('mark.suggestion.is-selected')).toBeVisible();
  await page.keyboard.press('d');
  await expect(untranslated).toHaveCount(0);

  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(panel.getByRole('button', { name: /^Suggestion for ¶ 7: / }).first()).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Suggestion for ¶ 11: Untranslated/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '¶ 3: Accuracy/Mistranslation, major' })).toBeVisible();
});
