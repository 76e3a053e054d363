/**
 * Adjudication between raters in the app: the open review and two other raters' reviews of the same article
 * (written here, as the app writes review files), the most disputed paragraph first, a flag kept, two merged, one
 * dropped, the adjudicated review saved and opened with each flag's origin.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBody, JournalHeader } from '../shared/journal/journal-event';
import { eventLine } from '../shared/journal/read-journal';
import { withChecksum } from '../shared/journal/line-checksum';
import { numbered, sampleAnnotation } from '../shared/journal/sample-review';
import { expect, test } from './support/fixtures';
import { startHost } from './support/host';
import { flagPhrase } from './support/flag-phrase';
import { RedlinePage } from './support/redline-page';

/** A review file of the same article as `headerLine` (the open review's first line), with these events. */
function writeReview(path: string, headerLine: string, bodies: readonly EventBody[]): string {
  writeFileSync(path, headerLine + numbered(bodies).map(eventLine).join(''));
  return path;
}

test('adds two raters’ reviews, keeps, merges and drops their flags, and saves a review stamped adjudicated that opens with each flag’s origin', async ({
  page,
  files,
  sampleReview: host,
}, testInfo) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('bridge.en.txt', 15);
  // The open review's own flag.
  await flagPhrase(page, 3, '34 million yuan', 'mistrans', /Mistranslation/, 'Major');
  await expect(page.getByRole('button', { name: /^¶ 3:/ })).toHaveCount(1);

  const ownName = readdirSync(files.dir).find((n) => n.endsWith('.redline'))!;
  const headerLine = readFileSync(join(files.dir, ownName), 'utf8').split('\n')[0]! + '\n';
  const headerJson = headerLine.trimEnd().replace(/^\{"crc32":"[0-9a-f]{8}",/, '{');
  const header = JSON.parse(headerJson) as JournalHeader;
  const span = (paragraph: number, phrase: string) => {
    const start = header.paragraphs[paragraph - 1]!.target.indexOf(phrase);
    expect(start, `"${phrase}" in paragraph ${paragraph}`).toBeGreaterThanOrEqual(0);
    return { start, end: start + phrase.length };
  };
  const ben = writeReview(join(files.dir, 'ben.redline'), headerLine, [
    { type: 'rater-set', rater: 'Ben' },
    {
      type: 'annotation-added',
      annotation: sampleAnnotation('b1', 'p3', { rater: 'Ben', severity: 'critical', ...span(3, '34 million') }),
    },
    {
      type: 'annotation-added',
      annotation: sampleAnnotation('b2', 'p5', {
        rater: 'Ben',
        severity: 'minor',
        category: 'Style/Awkward',
        ...span(5, header.paragraphs[4]!.target.split(' ')[1]!),
      }),
    },
  ]);
  const cy = writeReview(join(files.dir, 'cy.redline'), headerLine, [
    { type: 'rater-set', rater: 'Cy' },
    {
      type: 'annotation-added',
      annotation: sampleAnnotation('c1', 'p4', {
        rater: 'Cy',
        severity: 'minor',
        category: 'Fluency/Register',
        ...span(4, 'gonna'),
        comment: 'too casual',
      }),
    },
  ]);
  // A review of another article is refused, naming both.
  const otherHeader: JournalHeader = {
    ...header,
    article: { ...header.article, name: 'budget.txt' },
    paragraphs: header.paragraphs.map((p, i) => (i === 0 ? { ...p, target: 'Another text altogether.' } : p)),
  };
  const other = writeReview(join(files.dir, 'other.redline'), `${withChecksum(JSON.stringify(otherHeader))}\n`, []);

  // From the report: Adjudicate…
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await page.getByRole('button', { name: 'Adjudicate…' }).click();
  const screen = page.getByRole('toolbar', { name: 'Adjudication' });
  await expect(screen.getByRole('heading', { name: 'Adjudicate bridge.en.txt' })).toBeVisible();

  const choose = async (paths: string[]) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), screen.getByRole('button', { name: 'Add reviews…' }).click()]);
    await chooser.setFiles(paths);
  };
  await choose([other]);
  await expect(app.alert).toContainText('other.redline is a review of budget.txt, not of bridge.en.txt');
  await choose([ben, cy]);
  const reviews = page.getByRole('list', { name: 'Reviews adjudicated' });
  await expect(reviews.getByRole('listitem')).toHaveCount(3);
  await expect(reviews).toContainText('ben.redline');
  await expect(reviews).toContainText('cy.redline');

  // The paragraph the raters disagree most about comes first, every rater's flags together.
  const paragraphs = page.getByRole('region', { name: /^Paragraph \d+$/ });
  await expect(paragraphs.first()).toHaveAccessibleName('Paragraph 3');
  await expect(paragraphs).toHaveCount(3);
  const third = page.getByRole('region', { name: 'Paragraph 3' });
  await expect(third.getByRole('listitem')).toHaveCount(2);
  await expect(third.getByRole('listitem', { name: /^Ben: Accuracy\/Mistranslation, critical, “34 million”/ })).toBeVisible();
  await expect(third.locator('mark.flag')).not.toHaveCount(0);
  const count = page.getByRole('toolbar', { name: 'Adjudication' }).getByRole('status');
  await expect(count).toHaveText('4 flags undecided');
  await page.screenshot({ path: testInfo.outputPath('adjudication-start.png') });

  // Merge the two flags on "34 million yuan", as a major mistranslation: X chooses each flag, M merges.
  await third.getByRole('listitem', { name: /^Ben:/ }).focus();
  await page.keyboard.press('x');
  await page.keyboard.press('ArrowDown');
  await expect(third.getByRole('listitem', { name: /major/ })).toBeFocused();
  await page.keyboard.press('x');
  await expect(third.getByRole('checkbox', { checked: true })).toHaveCount(2);
  const mergeForm = third.getByRole('form', { name: 'Merge the selected flags' });
  await expect(mergeForm.getByLabel('Severity')).toHaveValue('critical');
  await mergeForm.getByLabel('Severity').selectOption('major');
  await third.getByRole('listitem', { name: /^Ben:/ }).focus();
  await page.keyboard.press('m');
  await expect(third.getByRole('listitem', { name: /^Ben:/ })).toContainText('Merged with');
  await expect(count).toHaveText('2 flags undecided');

  // Keep Cy's flag with the mouse; drop Ben's other flag from the keyboard.
  const cyFlag = page.getByRole('region', { name: 'Paragraph 4' }).getByRole('listitem', { name: /^Cy:/ });
  await cyFlag.getByRole('button', { name: 'Keep' }).click();
  await expect(cyFlag).toContainText('Kept');
  const benFlag = page.getByRole('region', { name: 'Paragraph 5' }).getByRole('listitem', { name: /^Ben:/ });
  await benFlag.focus();
  await page.keyboard.press('d');
  await expect(benFlag).toContainText('Dropped');
  await expect(count).toHaveText('Nothing undecided');
  await page.screenshot({ path: testInfo.outputPath('adjudication.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('adjudication-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // The decisions, as a file the command line takes.
  const [download] = await Promise.all([page.waitForEvent('download'), screen.getByRole('button', { name: 'Decisions as JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('bridge.en.decisions.json');
  const decisions = JSON.parse(readFileSync(await download.path(), 'utf8')) as { decisions: { action: string }[] };
  expect(decisions.decisions).toEqual([
    {
      action: 'merge',
      flags: ['ben.redline#b1', expect.stringMatching(/^bridge\.en\.redline#/)],
      category: 'Accuracy/Mistranslation',
      severity: 'major',
    },
    { action: 'keep', flag: 'cy.redline#c1' },
    { action: 'drop', flag: 'ben.redline#b2' },
  ]);

  // Leaving the screen loses nothing: back from the report, the reviews and the decisions are still there.
  await page.keyboard.press('Escape');
  await expect(screen).toHaveCount(0);
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await page.getByRole('button', { name: 'Adjudicate…' }).click();
  await expect(reviews.getByRole('listitem')).toHaveCount(3);
  await expect(count).toHaveText('Nothing undecided');

  // Save: the browser host writes into its data folder, and says so.
  await screen.getByRole('button', { name: 'Save adjudicated review…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save adjudicated review' });
  await expect(dialog).toContainText('data folder');
  await dialog.getByLabel('Adjudicator').fill('Lead');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(
    /Saved 2 flags \(1 merged\) into Redline’s data folder as .*bridge\.en\.adjudicated\.redline/,
  );
  await page.screenshot({ path: testInfo.outputPath('adjudication-saved.png') });
  await dialog.getByRole('button', { name: 'Open the adjudicated review' }).click();

  // The adjudicated review opens like any review: its flags kept, each naming where it came from.
  await app.waitForArticle('bridge.en.txt', 15);
  await expect(app.status.getByLabel('Review file')).toContainText('adjudicated');
  const flags = page.getByRole('list', { name: 'Flags' });
  await expect(flags.getByRole('listitem')).toHaveCount(2);
  await expect(flags).toContainText(`Merged from ben.redline#b1, ${ownName}#`);
  await expect(flags).toContainText('too casual — Kept from cy.redline#c1');
  await expect(flags).not.toContainText('ben.redline#b2');
  await page.screenshot({ path: testInfo.outputPath('adjudicated-review.png') });
});

test('a long list of paragraphs to adjudicate is drawn a hundred at a time, and deciding from the keyboard walks on to the flags beyond', async ({
  page,
  files,
}) => {
  const article = files.longArticle('long.txt', 160);
  const host = await startHost([article]);
  try {
    const app = new RedlinePage(page);
    await app.goto(host.url);
    await app.waitForArticle('long.txt', 160);
    const own = readdirSync(files.dir).find((n) => n.endsWith('.redline'))!;
    const headerLine = readFileSync(join(files.dir, own), 'utf8').split('\n')[0]! + '\n';
    // Another rater flags the first word of every paragraph: 160 paragraphs where the two disagree.
    const other = writeReview(join(files.dir, 'dee.redline'), headerLine, [
      { type: 'rater-set', rater: 'Dee' },
      ...Array.from({ length: 160 }, (_, i): EventBody => ({
        type: 'annotation-added',
        annotation: sampleAnnotation(`d${i + 1}`, `p${i + 1}`, { rater: 'Dee', severity: 'minor', start: 0, end: 9 }),
      })),
    ]);
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByRole('button', { name: 'Adjudicate…' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add reviews…' }).click()]);
    await chooser.setFiles([other]);
    const paragraphs = page.getByRole('region', { name: /^Paragraph \d+$/ });
    await expect(paragraphs).toHaveCount(100);
    await expect(page.getByRole('button', { name: 'Show 60 more paragraphs (60 not shown yet)' })).toBeVisible();
    const count = page.getByRole('toolbar', { name: 'Adjudication' }).getByRole('status');
    await expect(count).toHaveText('160 flags undecided');
    // Dropping the first hundred from the keyboard walks down the list; the next undecided flag is drawn when reached.
    await page.getByRole('region', { name: 'Paragraph 1', exact: true }).getByRole('listitem').focus();
    for (let i = 0; i < 100; i++) await page.keyboard.press('d');
    await expect(count).toHaveText('60 flags undecided');
    await expect(paragraphs).toHaveCount(160);
    await expect(page.getByRole('region', { name: 'Paragraph 101' }).getByRole('listitem')).toBeFocused();
    await expect(page.getByRole('button', { name: /more paragraphs/ })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
