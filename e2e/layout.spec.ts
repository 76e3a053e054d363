/**
 * The frame a reviewer adjusts over a long day: text size, the side panel, a narrow window. And double-click,
 * which selects a word as everywhere else instead of opening the editor.
 */
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

test('in a 1024-pixel window the toolbar and the status bar keep one row, and the version commands are under More', async ({
  page,
  sampleReview: host,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
  const flag = toolbar.getByRole('button', { name: 'Flag', exact: true });
  // One row: every control sits on the row of the Flag button, and none is cut off on the right.
  const row = (await flag.boundingBox())!;
  for (const button of await toolbar.getByRole('button').filter({ visible: true }).all()) {
    const box = (await button.boundingBox())!;
    expect(Math.abs(box.y - row.y), (await button.getAttribute('title')) ?? '').toBeLessThan(row.height);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
  }
  const status = page.getByRole('contentinfo', { name: 'Status' });
  expect((await status.boundingBox())!.height).toBeLessThan(34);

  const more = toolbar.getByRole('button', { name: 'More commands' });
  await more.click();
  const menu = page.getByRole('menu', { name: 'More commands' });
  await expect(menu.getByRole('menuitem', { name: 'Sample' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Save version' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  await more.press('ArrowDown');
  await menu.getByRole('menuitemcheckbox', { name: 'Compare' }).click();
  await expect(page.getByRole('region', { name: 'Compare versions' })).toBeVisible();
});

test('the text size steps with Ctrl+plus and Ctrl+minus, resets with Ctrl+0, and is kept for the next time', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const text = page.getByRole('listitem', { name: /^Paragraph 2 of/ }).locator('.para__text--target');
  const size = async () => Number.parseFloat(await text.evaluate((el) => getComputedStyle(el).fontSize));
  const initial = await size();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  expect(await size()).toBe(initial + 2);
  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  expect(await size()).toBe(initial + 2);
  await page.keyboard.press('Control+-');
  expect(await size()).toBe(initial + 1);
  await page.keyboard.press('Control+0');
  expect(await size()).toBe(initial);
});

test('the side panel is resized from its handle by mouse or keys, hidden with Ctrl+B, and stays as left', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const panel = page.getByRole('complementary', { name: 'Review panel' });
  const handle = page.getByRole('separator', { name: 'Resize side panel' });
  const width = async () => Math.round((await panel.boundingBox())!.width);
  const before = await width();
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await width()).toBe(before + 40);
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 40));

  // Dragging the handle 100 pixels to the right narrows the panel by as much.
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 200, { steps: 5 });
  await page.mouse.up();
  expect(await width()).toBe(before - 60);

  const toggle = page.getByRole('button', { name: 'Side panel' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').press('Control+b');
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // The article takes the room the panel left.
  const article = page.getByRole('listitem', { name: /^Paragraph 1 of/ });
  expect((await article.boundingBox())!.width).toBeGreaterThan(page.viewportSize()!.width - 40);

  await page.reload();
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(panel).toBeHidden();
  await toggle.click();
  await expect(panel).toBeVisible();
  expect(await width()).toBe(before - 60);
});

test('double-clicking a word selects it for a flag; the Edit button opens the editor', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const paragraph = page.getByRole('listitem', { name: /^Paragraph 2 of/ });
  // The paragraph in focus first: focus moves the review buttons from paragraph 1 to this one, and the text moves
  // up with them; on a busy machine that move can fall between the two clicks of a double click.
  await paragraph.click();
  await expect(paragraph).toHaveAttribute('aria-current', 'true');
  await paragraph.locator('.para__text--target').getByText('restoration', { exact: false }).first().dblclick();
  expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toMatch(/^\w+$/);
  await expect(page.getByRole('textbox', { name: /^Text of paragraph/ })).toHaveCount(0);

  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await expect(dialog.getByLabel('Phrase', { exact: true })).toHaveValue(/^\w+$/);
  await page.keyboard.press('Escape');

  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Text of paragraph 2' })).toBeFocused();
});
