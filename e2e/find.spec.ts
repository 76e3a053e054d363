import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startHost } from './support/host';
import { RedlinePage } from './support/redline-page';

const PARAGRAPHS = 3_000;
/** Paragraphs (1-based) that mention the bridge, all far below the first screen. */
const BRIDGE_AT = [1_200, 2_500, 2_900];

function article(): string {
  const parts: string[] = [];
  for (let i = 1; i <= PARAGRAPHS; i++) {
    parts.push(
      BRIDGE_AT.includes(i)
        ? `Paragraph ${i}: the harbour Bridge opens to walkers on Sunday.`
        : `Paragraph ${i}: the council met again to discuss the budget.`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/** The text of the match drawn as the current one, as the page highlights it. */
function currentHighlight(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('redline-find-current') ?? [])].map((r) => r.toString()));
}

test('find a word far below the screen, step through its matches, replace one, replace all, undo, and see it in the saved version', async ({
  page,
  files,
}) => {
  const host = await startHost([files.write('long.txt', article())]);
  try {
    const app = new RedlinePage(page);
    await app.goto(host.url);
    await app.waitForArticle('long.txt', PARAGRAPHS);

    await page.keyboard.press('Control+f');
    const bar = page.getByRole('search', { name: 'Find and replace' });
    const box = bar.getByRole('searchbox', { name: 'Find in article' });
    await expect(box).toBeFocused();
    await box.fill('bridge');
    const status = bar.getByRole('status', { name: 'Matches' });
    await expect(status).toHaveText('1 of 3');
    await expect(app.paragraph(1_200)).toBeInViewport();
    await expect(app.paragraph(1_200)).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => currentHighlight(page)).toEqual(['Bridge']);

    // Enter and Shift+Enter step through the matches, wrapping at the end; the keyboard stays in the box.
    await box.press('Enter');
    await expect(status).toHaveText('2 of 3');
    await expect(app.paragraph(2_500)).toBeInViewport();
    await box.press('Shift+Enter');
    await expect(status).toHaveText('1 of 3');
    await expect(app.paragraph(1_200)).toBeInViewport();
    await bar.getByRole('button', { name: 'Previous match' }).click();
    await expect(status).toHaveText('3 of 3');
    await expect(app.paragraph(2_900)).toBeInViewport();
    await bar.getByRole('button', { name: 'Next match' }).click();
    await expect(status).toHaveText('1 of 3');
    await box.focus();

    // Whole word and case: "Bridge" is a whole word, "bridg" is not.
    await bar.getByRole('checkbox', { name: 'Whole word' }).check();
    await box.fill('bridg');
    await expect(status).toHaveText('No matches');
    await box.fill('bridge');
    await expect(status).toHaveText('1 of 3');
    await bar.getByRole('checkbox', { name: 'Match case' }).check();
    await expect(status).toHaveText('No matches');
    await bar.getByRole('checkbox', { name: 'Match case' }).uncheck();
    await expect(status).toHaveText('1 of 3');

    // Replace the current match, then on to the next one.
    await page.keyboard.press('Control+h');
    const replaceWith = bar.getByRole('textbox', { name: 'Replace with' });
    await replaceWith.fill('tunnel');
    await bar.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect(bar.getByRole('status', { name: 'Replaced' })).toHaveText('Replaced 1 match in paragraph 1,200.');
    await expect(page.getByRole('button', { name: 'Undo replacement' })).toBeVisible();
    await expect(status).toHaveText('1 of 2');
    await expect(app.paragraph(2_500)).toBeInViewport();

    // Replace all: one edit of every paragraph concerned.
    await bar.getByRole('button', { name: 'Replace all' }).click();
    await expect(bar.getByRole('status', { name: 'Replaced' })).toHaveText(/Replaced 2 matches in 2 paragraphs/);
    await expect(status).toHaveText('No matches');
    await expect(app.paragraph(2_500)).toContainText('the harbour tunnel opens');

    // Escape closes the bar and gives the keyboard back to the article.
    await box.press('Escape');
    await expect(bar).toHaveCount(0);
    await expect(page.locator(':focus')).toHaveAttribute('role', 'listitem');

    // One undo takes back the whole Replace all, and only it.
    await page.keyboard.press('Control+z');
    await expect(app.paragraph(2_500)).toContainText('the harbour Bridge opens');
    await page.keyboard.press('Control+f');
    await box.fill('bridge');
    await expect(status).toHaveText(/of 2$/);
    await box.press('Escape');
    await page.keyboard.press('Control+y');
    await expect(app.paragraph(2_500)).toContainText('the harbour tunnel opens');

    // The replacements are edits like any other: the saved version counts them, and its diff shows them.
    await page.keyboard.press('Control+s');
    const save = page.getByRole('dialog', { name: 'Save version 1' });
    await save.getByLabel('Message').fill('Bridge to tunnel');
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('listitem', { name: 'Version 1: Bridge to tunnel' })).toContainText(
      '3 paragraphs changed from the previous',
    );
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    await expect(compare.getByRole('status').first()).toContainText('3 changed');
    await compare.getByRole('checkbox', { name: 'Changed paragraphs only' }).check();
    const changed = compare.getByRole('listitem', { name: 'Paragraph 1200, changed' });
    await expect(changed.getByLabel('Left version').locator('del')).toHaveText(/Bridge/);
    await expect(changed.getByLabel('Right version').locator('ins')).toHaveText(/tunnel/);
  } finally {
    await host.stop();
  }
});

test('Chinese text is found without word boundaries, in the source as in the translation', async ({ page, sampleReview: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  // A phrase selected in the text is what Ctrl+F looks for. (The click first settles the paragraph in focus.)
  await app.paragraph(1).click();
  await page.evaluate(() => {
    const cell = document.querySelector('[data-paragraph-id="p1"][data-text-side="target"]')!;
    const node = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode()!;
    const at = node.nodeValue!.indexOf('Old Harbour');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'Old Harbour'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find and replace' });
  await expect(bar.getByRole('searchbox', { name: 'Find in article' })).toHaveValue('Old Harbour');
  await expect(bar.getByRole('status', { name: 'Matches' })).toHaveText(/^1 of \d+$/);
  await bar.getByRole('combobox', { name: 'Look in' }).selectOption('Source');
  await bar.getByRole('checkbox', { name: 'Whole word' }).check();
  await bar.getByRole('searchbox', { name: 'Find in article' }).fill('大桥');
  const status = bar.getByRole('status', { name: 'Matches' });
  await expect(status).toHaveText(/^1 of \d+$/);
  await expect.poll(() => currentHighlight(page)).toEqual(['大桥']);
  // Replace works on the translation only: searching the source, it says so.
  await page.keyboard.press('Control+h');
  await bar.getByRole('button', { name: 'Replace all' }).click();
  await expect(bar.getByRole('alert')).toHaveText(/translation only, never the source/);
});
