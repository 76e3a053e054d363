/**
 * Exporting the corrected article: a download in the browser host, and the desktop's "Save as", which asks before
 * replacing a file and refuses the review and the article. The desktop flow is driven here in the browser, with
 * the host answering as the desktop shell does (`appInfo.host`), so it runs where Electron is not installed.
 */
import type { Page, Request } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

/** Every request the page makes, with its headers, to check where the token goes. */
function recordRequests(page: Page): { request: Request; headers: Record<string, string> }[] {
  const seen: { request: Request; headers: Record<string, string> }[] = [];
  page.on('request', (request) => {
    void request.allHeaders().then((headers) => seen.push({ request, headers }));
  });
  return seen;
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  return page.getByRole('dialog', { name: 'Export the corrected article' });
}

test('in the browser the corrected article is a download, and the token goes only to the host, only in a header', async ({
  page,
  sampleReview: host,
  files,
}) => {
  const requests = recordRequests(page);
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);

  const dialog = await openExport(page);
  await expect(dialog.getByText('Downloads as bridge.en.corrected.txt')).toBeVisible();
  // No server path to type.
  await expect(dialog.getByLabel('Save as')).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Markdown' }).check();
  await expect(dialog.getByText('Downloads as bridge.en.corrected.md')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('bridge.en.corrected.md');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain("Linjiang's Old Harbour Bridge");
  expect(text.trimEnd().split('\n\n')).toHaveLength(15);
  await expect(dialog.getByRole('status')).toHaveText('Downloaded 15 paragraphs as bridge.en.corrected.md');
  // Nothing was written beside the article on the serving machine.
  expect(readdirSync(files.dir).filter((n) => n.includes('corrected'))).toEqual([]);

  const token = new URL(host.url).searchParams.get('token')!;
  expect(requests.length).toBeGreaterThan(5);
  for (const { request, headers } of requests) {
    const url = request.url();
    if (url.startsWith('blob:')) continue;
    expect(new URL(url).origin, url).toBe(host.origin);
    expect(headers.cookie, url).toBeUndefined();
    // Only the address the host printed, opened once, carries the token in its URL.
    if (url.includes(token)) expect(url).toBe(host.url);
  }
  const api = requests.filter(({ request }) => new URL(request.url()).pathname.startsWith('/api/'));
  expect(api.length).toBeGreaterThan(3);
  for (const { request, headers } of api) expect(headers['x-redline-token'], request.url()).toBe(token);
  expect(api.some(({ request }) => request.url().endsWith('/api/events'))).toBe(true);
});

test('the desktop "Save as" asks before replacing a file, and never writes over the review or the article', async ({
  page,
  sampleReview: host,
  files,
}) => {
  await page.route('**/api/appInfo', async (route) => {
    const answer = await route.fetch();
    const body = (await answer.json()) as { ok: boolean; value?: Record<string, unknown> };
    await route.fulfill({ response: answer, json: { ...body, value: { ...body.value, host: 'electron' } } });
  });
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);

  const target = join(files.dir, 'bridge.en.corrected.txt');
  writeFileSync(target, 'An earlier export.\n');
  const dialog = await openExport(page);
  await expect(dialog.getByLabel('Save as')).toHaveValue(target);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const question = dialog.getByRole('group', { name: 'Confirm replacing bridge.en.corrected.txt' });
  await expect(question).toContainText('Replace bridge.en.corrected.txt?');
  expect(readFileSync(target, 'utf8')).toBe('An earlier export.\n');

  // Keeping the file writes nothing; asking again and replacing writes the export.
  await question.getByRole('button', { name: 'Keep the file' }).click();
  await expect(question).toHaveCount(0);
  expect(readFileSync(target, 'utf8')).toBe('An earlier export.\n');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await question.getByRole('button', { name: 'Replace' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Wrote 15 paragraphs to ${target}`);
  expect(readFileSync(target, 'utf8')).toContain("Linjiang's Old Harbour Bridge");

  // The review file and the article are refused outright, and left as they were.
  const review = join(files.dir, 'bridge.en.redline');
  const article = join(files.dir, 'bridge.en.txt');
  expect(existsSync(review)).toBe(true);
  for (const [path, reason] of [
    [review, /is the review file itself/],
    [article, /is the article under review/],
    [files.dir, /is a folder/],
  ] as const) {
    const before = readFileSync(path === files.dir ? review : path);
    await dialog.getByLabel('Save as').fill(path);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(reason);
    await expect(dialog.getByRole('group', { name: /Confirm replacing/ })).toHaveCount(0);
    expect(readFileSync(path === files.dir ? review : path).equals(before)).toBe(true);
  }
});
