/**
 * The page's menu bar (the browser host's copy of the desktop menu): every command of the shared table is there,
 * and each one runs through the same dispatcher as its key and its toolbar button.
 */
import { COMMANDS, isPageCommand, keyLabel, MENUS, plainLabel } from '../shared/commands';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

test('every command of the desktop menu is in the page’s menu bar, under the same menu, with its key', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const bar = page.getByRole('menubar', { name: 'Menu' });
  for (const menu of MENUS) {
    const name = plainLabel(menu.label);
    await bar.getByRole('menuitem', { name, exact: true }).click();
    const list = page.getByRole('menu', { name });
    // Each item reads as its label then its key, as the desktop menu shows them.
    const expected = menu.items.flatMap((i) =>
      i !== 'separator' && isPageCommand(i) ? [COMMANDS[i].label + (COMMANDS[i].key ? keyLabel(COMMANDS[i].key!) : '')] : [],
    );
    await expect(list.getByRole('menuitem')).toHaveText(expected);
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(bar.getByRole('menuitem', { name, exact: true })).toBeFocused();
  }
});

test('commands run from the menu bar do what their keys do', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  const bar = page.getByRole('menubar', { name: 'Menu' });
  const choose = async (menu: string, item: string) => {
    await bar.getByRole('menuitem', { name: menu, exact: true }).click();
    await page
      .getByRole('menu', { name: menu })
      .getByRole('menuitem', { name: new RegExp(`^${item.replace(/[.…?]/g, '.')}`) })
      .click();
  };

  const text = page.getByRole('listitem', { name: /^Paragraph 2 of/ }).locator('.para__text--target');
  const size = async () => Number.parseFloat(await text.evaluate((el) => getComputedStyle(el).fontSize));
  const before = await size();
  await choose('View', 'Larger Text');
  expect(await size()).toBe(before + 1);
  await choose('View', 'Default Text Size');
  expect(await size()).toBe(before);

  await choose('View', 'Show or Hide Side Panel');
  await expect(page.getByRole('complementary', { name: 'Review panel' })).toBeHidden();
  await choose('View', 'Show or Hide Side Panel');
  await expect(page.getByRole('complementary', { name: 'Review panel' })).toBeVisible();

  await page.getByRole('listitem', { name: /^Paragraph 1 of/ }).click();
  await choose('Review', 'Mark Reviewed and Go On');
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Reviewed 1 of 15');

  await choose('Edit', 'Find…');
  await expect(
    page.getByRole('searchbox', { name: 'Find in article' }).or(page.getByRole('textbox', { name: 'Find in article' })),
  ).toBeFocused();
  await page.keyboard.press('Escape');

  await choose('Review', 'Compare Versions');
  await expect(page.getByRole('region', { name: 'Compare versions' })).toBeVisible();
  await page.keyboard.press('Escape');

  await choose('View', 'Keyboard Shortcuts');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // The list names every command's key from the same table the menus come from.
  await expect(shortcuts).toContainText('Ctrl+Shift+E');
  await expect(shortcuts).toContainText('Larger article text');
  await page.keyboard.press('Escape');

  // Undo in the Edit menu takes back the mark made above.
  await choose('Edit', 'Undo');
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Reviewed 0 of 15');
});
