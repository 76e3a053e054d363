import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';
import { flagPhrase } from './support/flag-phrase';

/** The text of a PDF, by poppler's pdftotext. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

test('the report shows the score panel’s figures, leads to a paragraph, and saves as one HTML file that prints to PDF', async ({
  page,
  context,
  sampleReview: host,
}, testInfo) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await flagPhrase(page, 3, '34 million yuan', 'mistrans', /Mistranslation/, 'Major');
  await flagPhrase(page, 4, 'gonna', 'register', /Language register/, 'Minor');
  await expect(page.getByRole('button', { name: /^¶ \d+:/ })).toHaveCount(2);

  const panel = page.getByLabel('Scores');
  const quality = (await page.getByLabel('MQM-Core quality score').locator('.score-big__value').textContent())!.trim();
  const wmt = (await page.getByLabel('WMT score per paragraph').textContent())!.trim();
  const perThousand = (await panel
    .getByRole('term')
    .filter({ hasText: 'Errors / 1k words' })
    .locator('xpath=following-sibling::dd[1]')
    .textContent())!.trim();

  // R opens the report of the open review (the Report button does the same).
  await page.locator('body').press('r');
  const report = page.getByRole('region', { name: 'Quality report' });
  await expect(report.getByRole('heading', { name: 'bridge.en.txt' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Report', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(report.locator('[data-figure="quality"]')).toContainText(quality);
  await expect(report.locator('[data-figure="wmt"]')).toHaveText(new RegExp(`^${wmt.replace('.', '\\.')}`));
  await expect(report.locator('[data-figure="epw"]')).toHaveText(new RegExp(`^${perThousand.replace('.', '\\.')}`));
  await expect(report.locator('[data-figure="flags"]')).toHaveText(/^2/);
  await expect(report.getByRole('img', { name: 'Errors along the article' })).toBeVisible();
  await expect(report.getByRole('img', { name: 'Flags by category and severity' })).toBeVisible();
  // The worst paragraph is quoted with the flagged words marked.
  await expect(report.locator('#para-3 mark')).toHaveText('34 million yuan');
  await page.screenshot({ path: testInfo.outputPath('app-report-light.png'), fullPage: false });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('app-report-dark.png'), fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });

  // Saved as HTML: one file that makes no request and logs no error when opened, and prints with the article's name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.page().getByRole('button', { name: 'Save as HTML' }).click(),
  ]);
  const saved = testInfo.outputPath('bridge.report.html');
  await download.saveAs(saved);
  const html = readFileSync(saved, 'utf8');
  expect(html).toContain('<title>Quality report — bridge.en.txt</title>');

  const viewer = await context.newPage();
  const url = pathToFileURL(saved).href;
  const requests: string[] = [];
  const problems: string[] = [];
  viewer.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  viewer.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  viewer.on('pageerror', (e) => problems.push(e.message));
  await viewer.goto(url);
  await expect(viewer.getByRole('heading', { name: 'bridge.en.txt' })).toBeVisible();
  await expect(viewer.locator('[data-figure="quality"]')).toContainText(quality);
  await viewer.setViewportSize({ width: 1100, height: 900 });
  await viewer.screenshot({ path: testInfo.outputPath('report-light.png'), fullPage: true });
  await viewer.emulateMedia({ colorScheme: 'dark' });
  await viewer.screenshot({ path: testInfo.outputPath('report-dark.png'), fullPage: true });
  await viewer.emulateMedia({ colorScheme: 'light' });
  const pdfPath = testInfo.outputPath('bridge.report.pdf');
  await viewer.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  expect(existsSync(pdfPath) && statSync(pdfPath).size > 1000).toBe(true);
  const text = pdfText(pdfPath);
  expect(text).toContain('bridge.en.txt');
  expect(text).toContain('34 million yuan');
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
  await viewer.close();

  // A paragraph link in the report opens that paragraph in the article.
  await report.locator('#para-3 .rl-para-head a').click();
  await expect(report).toHaveCount(0);
  await expect(app.status.getByLabel('Position')).toHaveText('¶ 3 of 15');
});

test('the Report button opens and closes the report; Escape closes it too', async ({ page, server }) => {
  const app = new RedlinePage(page);
  await app.goto(server.url);
  await expect(app.status.getByLabel('Review file')).toBeVisible({ timeout: 30_000 });
  const button = page.getByRole('button', { name: 'Report', exact: true });
  await button.click();
  const report = page.getByRole('region', { name: 'Quality report' });
  await expect(report.getByRole('heading', { name: 'Score' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);
  await button.click();
  await expect(report).toHaveCount(1);
  await button.click();
  await expect(report).toHaveCount(0);
});
