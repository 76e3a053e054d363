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

test('moving focus to another paragraph moves no text, so a double-click on a paragraph not in focus selects the word under it', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await app.paragraph(1).click();
  await expect(app.paragraph(1).getByRole('button', { name: 'Mark reviewed' })).toBeVisible();
  // The word itself, as a range of the text: where it sits in the article (whatever the list's scroll, as a click
  // may scroll a row into view) and where it is on screen.
  const word = (word: string) =>
    app
      .paragraph(3)
      .locator('.para__text--target')
      .evaluate((el, wanted) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(wanted);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const r = range.getBoundingClientRect();
          const list = el.closest('[role="list"]')!;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, place: r.top - list.getBoundingClientRect().top + list.scrollTop };
        }
        throw new Error(`no "${wanted}" in paragraph 3`);
      }, word);
  const place = async () => (await word('corrosion')).place;
  const before = await place();

  // Focus moves from paragraph 1 to paragraph 4, and the review buttons with it: paragraph 3 between stays put.
  await app.paragraph(4).click();
  await expect(app.paragraph(4)).toHaveAttribute('aria-current', 'true');
  await expect(app.paragraph(4).getByRole('button', { name: 'Mark reviewed' })).toBeVisible();
  await expect(app.paragraph(1).getByRole('button', { name: 'Mark reviewed' })).toHaveCount(0);
  expect(await place()).toBe(before);

  // The buttons sit clear of the text: they cover no line of their paragraph nor of the one below.
  const group = (await app.paragraph(4).getByRole('group', { name: 'Review of paragraph 4' }).boundingBox())!;
  for (const n of [4, 5]) {
    for (const text of await app.paragraph(n).locator('.para__text').all()) {
      const box = (await text.boundingBox())!;
      const apart =
        group.y >= box.y + box.height || group.y + group.height <= box.y || group.x >= box.x + box.width || group.x + group.width <= box.x;
      expect(apart, `the buttons clear of the text of paragraph ${n}`).toBe(true);
    }
  }
  await page.screenshot({ path: test.info().outputPath('review-buttons.png') });

  // A double-click on a word of a paragraph below the one in focus: the first click moves focus, the second lands
  // on the same word, and that word is what is selected.
  await app.paragraph(1).click();
  const target = await word('corrosion');
  await page.mouse.dblclick(target.x, target.y);
  await expect(app.paragraph(3)).toHaveAttribute('aria-current', 'true');
  expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe('corrosion');
  expect(await place()).toBe(before);

  // The buttons are still reached by keyboard from the paragraph in focus, under the names they always had.
  await app.paragraph(3).focus();
  await page.keyboard.press('Tab');
  await expect(app.paragraph(3).getByRole('button', { name: 'Mark reviewed' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.paragraph(3).getByRole('button', { name: 'Add note' })).toBeFocused();
});
