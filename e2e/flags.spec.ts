import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';
import { flagPhrase, selectPhrase } from './support/flag-phrase';

test('a flagged phrase is kept with its category, severity, comment and rater across a reload, and undo removes it', async ({
  page,
  sampleReview: host,
  files,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const quality = page.getByLabel('MQM-Core quality score');
  await expect(quality).toContainText('100.0');
  await expect(page.getByLabel('WMT score per paragraph')).toHaveText('0.00');

  await selectPhrase(page, 3, '34 million yuan');
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await expect(dialog.getByLabel('Phrase', { exact: true })).toHaveValue('34 million yuan');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('mistrans');
  await dialog.getByRole('option', { name: /Mistranslation/ }).click();
  await dialog.getByRole('radio', { name: 'Major' }).check();
  await dialog.getByLabel('Comment (optional)').fill('3.4亿 is 340 million');
  await dialog.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  const flag = page.getByRole('button', { name: '¶ 3: Accuracy/Mistranslation, major' });
  await expect(flag).toContainText('“34 million yuan”');
  await expect(flag).toContainText('3.4亿 is 340 million');
  const rater = (await app.status.getByLabel('Reviewer').textContent())!.replace('Reviewer: ', '');
  await expect(flag).toContainText(rater);
  await expect(page.getByRole('listitem', { name: /^Paragraph 3 of 15, 1 flag/ }).locator('mark.flag.sev-major')).toHaveText(
    '34 million yuan',
  );
  // One major error: the WMT score of the article is 5 over 15 paragraphs, and the quality score drops.
  await expect(page.getByLabel('WMT score per paragraph')).toHaveText((5 / 15).toFixed(2));
  await expect(quality).not.toContainText('100.0');

  // The page applied the flag's answer (a delta) itself: after a reload, which reads the whole review, the figures
  // and the flag list are the same.
  const article = page.getByLabel('Scores').getByRole('definition');
  const figures = await article.allTextContents();
  expect(figures.length).toBeGreaterThan(2);
  const list = await page.getByRole('button', { name: /^¶ \d+:/ }).allTextContents();

  // The flag is on disk: a reload brings it back.
  expect(existsSync(join(files.dir, 'bridge.en.redline')) || existsSync(join(files.dir, 'bridge.redline'))).toBe(true);
  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(page.getByRole('button', { name: '¶ 3: Accuracy/Mistranslation, major' })).toContainText('3.4亿 is 340 million');
  expect(await article.allTextContents()).toEqual(figures);
  expect(await page.getByRole('button', { name: /^¶ \d+:/ }).allTextContents()).toEqual(list);

  await page.getByRole('listitem', { name: /^Paragraph 1 of/ }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: /¶ 3: Accuracy\/Mistranslation/ })).toHaveCount(0);
  await expect(page.getByLabel('WMT score per paragraph')).toHaveText('0.00');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('button', { name: '¶ 3: Accuracy/Mistranslation, major' })).toHaveCount(1);
});

test('flagging works from the keyboard alone', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(page.getByRole('button', { name: 'Flag', exact: true })).toBeEnabled();
  await page.keyboard.press('j');
  await expect(app.status.getByLabel('Position')).toHaveText('¶ 2 of 15');
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await expect(dialog.getByLabel('Phrase', { exact: true })).toBeFocused();
  await page.keyboard.type('12-kilometre');
  await dialog.getByRole('combobox', { name: 'Category' }).focus();
  await page.keyboard.type('mistrans');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Category' })).toHaveValue('Accuracy/Mistranslation');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: '¶ 2: Accuracy/Mistranslation, minor' })).toContainText('“12-kilometre”');

  // Choose it with ] and mark it fixed with X, then dismiss with D; the status shows in the list.
  await page.keyboard.press(']');
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: '¶ 2: Accuracy/Mistranslation, minor, fixed' })).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(page.getByRole('button', { name: /¶ 2: Accuracy/ })).toHaveCount(0);
});

test('an omission and a source-side flag can be marked, and the list filters by severity', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await page.getByRole('listitem', { name: /^Paragraph 3 of/ }).click();
  await page.keyboard.press('f');
  let dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByLabel('Phrase', { exact: true }).fill('with the rest');
  await dialog.getByLabel('Omission: mark the point before the phrase').check();
  await dialog.getByRole('combobox', { name: 'Category' }).fill('omission');
  await page.keyboard.press('Enter');
  await dialog.getByRole('radio', { name: 'Major' }).check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: '¶ 3: Accuracy/Omission, major' })).toContainText('omission');
  // The flag's caret; a suggested point of the automatic checks is drawn apart.
  await expect(page.getByRole('listitem', { name: /^Paragraph 3 of 15, 1 flag/ }).locator('mark.omission:not(.suggestion)')).toHaveCount(1);
  await expect(page.getByRole('img', { name: 'Omission: Accuracy/Omission, major' })).toHaveCount(1);

  await page.keyboard.press('f');
  dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByRole('radio', { name: 'Source' }).check();
  await dialog.getByLabel('Phrase', { exact: true }).fill('3.4亿元');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('source');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: /¶ 3: Source/ })).toContainText('(source)');

  await page.getByLabel('Filter by severity').selectOption('major');
  await expect(page.getByRole('region', { name: 'Flags' }).getByRole('button', { name: /^¶/ })).toHaveCount(1);
  // A filter that matches nothing says so and offers a way back.
  await page.getByLabel('Filter by severity').selectOption('critical');
  const flags = page.getByRole('region', { name: 'Flags' });
  await expect(flags.getByRole('status')).toContainText('No flag matches these filters.');
  await flags.getByRole('button', { name: 'Clear filters' }).click();
  await expect(flags.getByRole('list', { name: 'Flags' }).getByRole('button', { name: /^¶/ })).toHaveCount(2);
});

test('a phrase dragged over with the mouse is flagged from the button beside it', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await page.keyboard.press('Control+g');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  const text = page.getByRole('listitem', { name: /^Paragraph 9 of/ }).getByLabel('Translation');
  await expect(text).toBeInViewport();
  // Where the phrase starts and ends on screen, to drag across it as a reviewer would.
  const box = await text.evaluate((el, phrase) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + phrase.length - 1);
      range.setEnd(node, at + phrase.length);
      const last = range.getBoundingClientRect();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error('phrase not found');
  }, '15,000 people is expected');
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Flag selection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await expect(dialog.getByLabel('Phrase', { exact: true })).toHaveValue('15,000 people is expected');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('grammar');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: '¶ 9: Linguistic conventions/Grammar, minor' })).toContainText(
    '“15,000 people is expected”',
  );
});

test('a custom typology loads from a JSON file and its categories are offered; a bad one is refused naming the field', async ({
  page,
  sampleReview: host,
  files,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const bad = files.write('bad-typology.json', JSON.stringify({ name: 'Newsroom', categories: [{ name: 'Facts' }, { title: 'Tone' }] }));
  const good = files.write(
    'newsroom.json',
    JSON.stringify({
      name: 'Newsroom',
      categories: [{ name: 'Facts', weight: 2, children: [{ name: 'Wrong figure' }] }, { name: 'Tone' }],
    }),
  );
  await page.getByRole('button', { name: 'Review settings' }).click();
  let settings = page.getByRole('dialog', { name: 'Review settings' });
  await settings.getByLabel(/Custom typology/).fill(bad);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toContainText('categories[1]');
  await settings.getByLabel(/Custom typology/).fill(good);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);

  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await expect(dialog.getByRole('option')).toHaveText([/Facts/, /Wrong figure/, /Tone/]);
  await page.keyboard.press('Escape');
  // The review keeps its typology: the settings name it after a reload.
  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await page.getByRole('button', { name: 'Review settings' }).click();
  settings = page.getByRole('dialog', { name: 'Review settings' });
  await expect(settings).toContainText('keep “Newsroom”');
  // And back to MQM-Core.
  await settings.getByRole('checkbox', { name: 'Go back to the built-in MQM-Core typology' }).check();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog', { name: 'Flag an error' }).getByRole('option', { name: /Mistranslation/ })).toBeVisible();
});

test('a selection across two paragraphs is refused with the reason, not an empty dialog', async ({ page, server: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  const first = page.getByRole('listitem', { name: /^Paragraph 2 of/ }).getByLabel('Translation');
  const second = page.getByRole('listitem', { name: /^Paragraph 3 of/ }).getByLabel('Translation');
  await first.evaluate(
    (a, bHandle) => {
      const b = bHandle as Element;
      const range = document.createRange();
      range.setStart(a.firstChild ?? a, 0);
      range.setEnd(b.firstChild ?? b, 0);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    },
    await second.elementHandle(),
  );
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog', { name: 'Flag an error' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('select words in one paragraph only');
});

test('the WMT profile leads with the WMT score per paragraph and its total, and offers the WMT categories', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const scores = page.getByLabel('Scores');
  await expect(scores.getByRole('heading')).toHaveText('Score · MQM-Core');

  await page.getByRole('button', { name: 'Review settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Review settings' });
  await settings.getByLabel('Scoring profile').selectOption('wmt');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);
  await expect(scores.getByRole('heading')).toHaveText('Score · WMT MQM');

  await flagPhrase(page, 3, '34 million yuan', 'mistrans', /Mistranslation/, 'Major');
  // One major error over 15 paragraphs: 5 in all, 0.33 per paragraph; both named, the average as the headline.
  await expect(scores.getByLabel('WMT score per paragraph').locator('.score-big__value')).toHaveText((5 / 15).toFixed(2));
  await expect(scores.getByLabel('WMT score total')).toHaveText('5.00');
  // The MQM-Core quality figure is still there, named, but not the headline.
  await expect(scores.getByLabel('MQM-Core quality score')).toContainText(/^\d+\.\d (pass|fail)$/);

  // The WMT profile's own typology: Locale convention and Source error, none of MQM-Core's Design and markup.
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByRole('combobox', { name: 'Category' }).fill('format');
  await expect(dialog.getByRole('option', { name: /Date format/ })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Category' }).fill('markup');
  await expect(dialog.getByRole('option')).toHaveCount(0);
});
