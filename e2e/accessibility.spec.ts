import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

/** Every visible control on the page, with the name a screen reader would announce (empty when it has none). */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, [role="combobox"], [role="option"], [tabindex="0"]',
    );
    const unnamed: string[] = [];
    for (const el of controls) {
      if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
      const labelledBy = el.getAttribute('aria-labelledby');
      const byId = labelledBy
        ? labelledBy
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : '';
      const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join(' ') : '';
      const wrapping = el.closest('label')?.textContent ?? '';
      const name = [el.getAttribute('aria-label'), byId, labels, wrapping, el.getAttribute('title'), el.textContent]
        .map((s) => (s ?? '').trim())
        .find((s) => s.length > 0);
      if (!name) unnamed.push(el.outerHTML.slice(0, 120));
    }
    return unnamed;
  });
}

test('every control has an accessible name: main window, flag dialog, settings, compare, shortcuts', async ({
  page,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  expect(await unnamedControls(page)).toEqual([]);

  await page.keyboard.press('f');
  await expect(page.getByRole('dialog', { name: 'Flag an error' })).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Review settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Review settings' })).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Flag the selected phrase');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(app.openDialog).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Compare versions' })).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);
});
