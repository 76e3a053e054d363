import { expect, test } from './support/fixtures';
import { encodeLegacy } from '../electron/test-support/legacy-encode';
import { RedlinePage } from './support/redline-page';

test('the bundled sample opens at start-up with the source beside the translation, numbered and aligned', async ({
  page,
  server: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  await expect(app.status).toContainText('Source: harbour-bridge.zh.txt');
  await expect(app.status).toContainText('UTF-8');
  const first = app.paragraph(1);
  await expect(first).toContainText('临江老港大桥');
  await expect(first).toContainText("Linjiang's Old Harbour Bridge");
  await expect(app.paragraph(3)).toContainText('3.4亿元');
  await expect(app.paragraph(3)).toContainText('34 million yuan');
  // The token has left the address bar once the page has it.
  expect(page.url()).not.toContain('token=');
});

test('the keyboard moves through paragraphs: next, previous, last, first and go to N', async ({ page, server: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  const position = app.status.getByLabel('Position');
  await expect(position).toHaveText('¶ 1 of 15');
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(position).toHaveText('¶ 3 of 15');
  await page.keyboard.press('k');
  await expect(position).toHaveText('¶ 2 of 15');
  await page.keyboard.press('End');
  await expect(position).toHaveText('¶ 15 of 15');
  await expect(app.paragraph(15)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(position).toHaveText('¶ 1 of 15');
  await page.keyboard.press('Control+g');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(position).toHaveText('¶ 9 of 15');
  await expect(app.paragraph(9)).toBeInViewport();
});

test('a 20,000-paragraph article scrolls to its end, with a progress bar that appears and goes away', async ({
  page,
  server: host,
  files,
}) => {
  const long = files.longArticle('long.txt', 20_000, 12);
  // Long enough to arrive in many pieces, each redrawing the progress bar, on any machine.
  const big = files.longArticle('big.txt', 60_000, 12);
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);

  // Watch for the progress bar from before the open request, so a fast load cannot slip past unseen.
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"]')) w.sawProgress = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  await app.open(big);
  await app.waitForArticle('big.txt', 60_000);
  expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
  await expect(app.progress).toHaveCount(0);

  await app.open(long);
  await app.waitForArticle('long.txt', 20_000);
  await expect(app.paragraph(1)).toContainText('Paragraph 1:');
  // Only the rows on screen exist in the page, however long the article.
  expect(await app.paragraphs.count()).toBeLessThan(100);
  await page.keyboard.press('End');
  await expect(app.paragraph(20_000)).toBeInViewport();
  await expect(app.paragraph(20_000)).toContainText('Paragraph 20000:');
  await expect(app.status.getByLabel('Position')).toHaveText('¶ 20,000 of 20,000');
  // The go-to field offers the whole range, and is wide enough to show it all (not "1–2000"), in a narrow window too.
  await page.setViewportSize({ width: 1024, height: 720 });
  const goTo = page.getByLabel('Go to ¶');
  await expect(goTo).toHaveAttribute('placeholder', '1–20000');
  const room = await goTo.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const pen = document.createElement('canvas').getContext('2d')!;
    pen.font = style.font;
    return input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - pen.measureText(input.placeholder).width;
  });
  expect(room).toBeGreaterThanOrEqual(0);
  // Scrolling back by hand to the middle shows those paragraphs' text, not placeholders.
  const list = page.getByRole('list', { name: 'Paragraphs of long.txt' });
  await list.hover();
  await page.mouse.wheel(0, -(await list.evaluate((el) => el.scrollHeight / 2)));
  // (Row heights are measured as rows render, so exactly which paragraph sits in the middle varies a little.)
  const middle = page.getByRole('listitem', { name: /^Paragraph \d+ of 20000$/ }).nth(3);
  const numberOf = async () => Number((await middle.getAttribute('aria-label'))?.match(/^Paragraph (\d+)/)?.[1] ?? 0);
  await expect.poll(numberOf).toBeLessThan(12_000);
  const n = await numberOf();
  expect(n).toBeGreaterThan(8000);
  await expect(page.getByRole('listitem', { name: /loading/ })).toHaveCount(0);
  await expect(middle).toContainText(`Paragraph ${n}: the reviewer reads`);
});

test('a GB18030 file shows its Chinese correctly and says which encoding it was', async ({ page, server: host, files }) => {
  const text = '临江新闻\n\n老港大桥今天重新开放，市民可以步行过江。\n\n副市长说：“这是我们城市的新客厅。”\n';
  const gb = files.write('gb18030.txt', encodeLegacy(text, 'gb18030'));
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  await app.open(gb);
  await app.waitForArticle('gb18030.txt', 3);
  await expect(app.status.getByLabel('Encoding')).toHaveText('GB18030');
  await expect(app.paragraph(2)).toHaveText(/老港大桥今天重新开放，市民可以步行过江。/);
  await expect(app.paragraph(3)).toContainText('“这是我们城市的新客厅。”');
  // A Chinese translation's edit rate counts characters, and says so.
  await expect(page.getByRole('listitem', { name: 'Version 0: Machine translation' })).toContainText('Char. edit rate 0%');
});

test('paragraph counts that differ are reported and the unmatched paragraphs shown', async ({ page, server: host, files }) => {
  const source = files.write('source.txt', '一。\n\n二。\n\n三。\n\n四。\n');
  const target = files.write('target.txt', 'One.\n\nTwo.\n\nThree.\n');
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  await app.open(target, source);
  await app.waitForArticle('target.txt', 4);
  await expect(page.getByRole('status').filter({ hasText: 'The source has' })).toContainText(
    'The source has 4 paragraphs and the translation 3',
  );
  await expect(page.getByRole('listitem', { name: 'Paragraph 4 of 4, unmatched' })).toContainText('Source only');
  await expect(app.paragraph(4)).toContainText('四。');
});

test('a Markdown article shows headings, list items and quotes as such', async ({ page, server: host, files }) => {
  const md = files.write('notes.md', '# The bridge\n\nIt opens today.\n\n- walkers\n- cyclists\n\n> A fine day.\n');
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  await app.open(md);
  await app.waitForArticle('notes.md', 5);
  await expect(page.getByRole('listitem', { name: 'Paragraph 1 of 5, heading 1' })).toHaveText(/The bridge/);
  await expect(page.getByRole('listitem', { name: 'Paragraph 3 of 5, list item' })).toHaveText(/walkers/);
  await expect(page.getByRole('listitem', { name: 'Paragraph 5 of 5, quote' })).toHaveText(/A fine day\./);
});

test('a file dropped on the window opens, and opened articles are offered again under Recent', async ({ page, server: host, files }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped one.\n\nDropped two.\n'], 'dropped.txt', { type: 'text/plain' }));
    return data;
  });
  await page.getByRole('region', { name: 'Article' }).dispatchEvent('drop', { dataTransfer: dropped });
  await app.waitForArticle('dropped.txt', 2);
  await expect(app.paragraph(2)).toHaveText(/Dropped two\./);

  const md = files.write('recent.md', '# Recent\n\nOpened once.\n');
  await app.open(md);
  await app.waitForArticle('recent.md', 2);
  // The sample is in the File menu (and under More in a narrow window).
  await page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page
    .getByRole('menu', { name: 'File' })
    .getByRole('menuitem', { name: /^Open Sample Article/ })
    .click();
  await app.waitForArticle('harbour-bridge.en.txt', 15);
  await page.getByRole('button', { name: 'Open…' }).click();
  await app.openDialog.getByRole('region', { name: 'Recent articles' }).getByRole('button', { name: 'recent.md' }).click();
  await app.waitForArticle('recent.md', 2);
});
