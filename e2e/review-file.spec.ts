/**
 * A review file that cannot be written here, as a reviewer meets it: held by another Redline, or damaged. The
 * app says why, offers the ways out, and never shows an empty review in its place.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { startHost } from './support/host';
import { RedlinePage } from './support/redline-page';
import { eventLine } from '../shared/journal/read-journal';
import { numbered, sampleAnnotation } from '../shared/journal/sample-review';

test('a review another Redline holds opens read-only, names the holder, and refuses to flag', async ({ page, files }) => {
  const args = files.sampleCopy('held');
  const first = await startHost(args);
  const second = await startHost(args);
  try {
    const app = new RedlinePage(page);
    await app.goto(first.url);
    await app.waitForArticle('held.en.txt', 15);
    await expect(page.getByRole('button', { name: 'Flag', exact: true })).toBeEnabled();

    await app.goto(second.url);
    await app.waitForArticle('held.en.txt', 15);
    const banner = page.getByRole('alert', { name: 'Open read-only' });
    await expect(banner).toContainText(
      /Redline in a browser \(redline serve\) \(process \d+, since \d\d:\d\d UTC\) has held\.en\.redline open/,
    );
    await expect(banner.getByRole('button', { name: 'Take over' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Flag', exact: true })).toBeDisabled();
    await expect(app.status.getByLabel('Review file')).toContainText('(read-only)');
    // Taking over is refused while the other Redline still runs.
    await banner.getByRole('button', { name: 'Take over' }).click();
    await expect(banner).toContainText('still has held.en.redline open');
  } finally {
    await second.stop();
    await first.stop();
  }
});

test('a host stopped as Ctrl+C or the system stops it lets go of its review: the next one finds no lock left behind', async ({
  page,
  files,
}) => {
  const args = files.sampleCopy('stopped');
  const lock = join(files.dir, 'stopped.en.redline.lock');
  const first = await startHost(args);
  const app = new RedlinePage(page);
  await app.goto(first.url);
  await app.waitForArticle('stopped.en.txt', 15);
  expect(existsSync(lock)).toBe(true);
  await first.stop();
  expect(existsSync(lock)).toBe(false);

  const second = await startHost(args);
  try {
    await app.goto(second.url);
    await app.waitForArticle('stopped.en.txt', 15);
    await expect(page.getByRole('button', { name: 'Flag', exact: true })).toBeEnabled();
    await expect(page.getByText(/locked; it is no longer running/)).toHaveCount(0);
  } finally {
    await second.stop();
  }
});

test('a damaged review is shown with its line, and recovering brings back everything before the damage', async ({
  page,
  files,
  sampleReview: host,
}) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  await host.stop();
  // Two flags written as the app writes them, then a line whose checksum no longer matches.
  const reviewFile = readdirSync(files.dir).find((n) => n.endsWith('.redline'))!;
  const path = join(files.dir, reviewFile);
  const flags = numbered(
    [
      { type: 'annotation-added', annotation: sampleAnnotation('f1', 'p2') },
      { type: 'annotation-added', annotation: sampleAnnotation('f2', 'p3') },
    ],
    2,
  ).map(eventLine);
  const damagedLine = eventLine(numbered([{ type: 'annotation-removed', id: 'f1' }], 4)[0]!).replace('"f1"', '"f2"');
  const lines = readFileSync(path, 'utf8') + flags.join('') + damagedLine;
  writeFileSync(path, lines);
  const damageAt = lines.split('\n').length - 1;
  const damaged = readFileSync(path);

  const again = await startHost([join(files.dir, 'bridge.en.txt'), '--source', join(files.dir, 'bridge.zh.txt')]);
  try {
    await app.goto(again.url);
    await expect(app.status.getByLabel('Paragraph count')).toHaveText('15 paragraphs');
    const banner = page.getByRole('alert', { name: 'Review file damaged' });
    await expect(banner).toContainText(`line ${damageAt}: its checksum does not match`);
    await expect(page.getByLabel('Review panel')).toContainText('The review is not open');
    expect(readFileSync(path).equals(damaged)).toBe(true);
    await banner.getByRole('button', { name: 'Recover what can be read' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'were recovered' })).toContainText('The damaged file is kept as');
    await expect(page.getByRole('button', { name: /^¶ \d+: Accuracy\/Mistranslation/ })).toHaveCount(2);
    const kept = readdirSync(files.dir).find((n) => n.includes('.damaged-'))!;
    expect(readFileSync(join(files.dir, kept)).equals(damaged)).toBe(true);
  } finally {
    await again.stop();
  }
});
