import { expect, test } from './support/fixtures';
import { CHECK_NAMES } from '../shared/checks/finding';
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

test('a phrase selected in the translation stays selected when the suggestions on it are drawn anew', async ({
  page,
  request,
  sampleReview: host,
}) => {
  let reviewId = '';
  page.on('request', (r) => {
    const id = (r.postDataJSON() as { reviewId?: string } | null)?.reviewId;
    if (id) reviewId = id;
  });
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(page.getByText('Checking the article…')).toHaveCount(0);
  const marked = page
    .getByLabel('Translation')
    .filter({ has: page.locator('mark.suggestion') })
    .first();
  // The reviewer selects from the start of the translation to the end of a phrase a suggestion marks.
  const phrase = await marked.evaluate((el) => {
    const mark = el.querySelector('mark.suggestion')!;
    const range = document.createRange();
    range.setStart(el, 0);
    range.setEndAfter(mark);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
  expect(phrase.length).toBeGreaterThan(3);

  // The checks are turned off from elsewhere (another window): the suggestions go, and the text is drawn anew.
  const token = new URL(host.url).searchParams.get('token')!;
  const answer = await request.post(`${host.origin}/api/changeSettings`, {
    data: { reviewId, checksOff: [...CHECK_NAMES] },
    headers: { 'X-Redline-Token': token },
  });
  expect(answer.status()).toBe(200);
  await expect(page.locator('mark.suggestion')).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(phrase);
});
