/**
 * An XLIFF article from open to export: its tags show as labelled tokens, its quality issues as flags, its notes
 * and states beside the text; a correction keeps the tags, a correction that breaks one is refused, and the
 * download is the original file with the corrected target.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { startHost } from './support/host';
import { RedlinePage } from './support/redline-page';

/** A small XLIFF 2.0 file of our own: paired and standalone tags, a note, states, and one ITS quality issue. */
const FERRY_XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"
       xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">
  <file id="f1" original="ferry.html">
    <unit id="u1">
      <notes>
        <note>Departure board at the pier.</note>
      </notes>
      <segment state="translated">
        <source>The ferry leaves at <pc id="1">nine</pc> sharp.<ph id="2"/></source>
        <target>Die Fähre fährt um <pc id="1">neun</pc> Uhr pünktlich ab.<ph id="2"/></target>
      </segment>
    </unit>
    <unit id="u2">
      <segment state="initial">
        <source>Tickets are sold at the kiosk.</source>
        <target>Karten werden am <mrk id="m1" type="its:generic" its:locQualityIssueType="terminology" its:locQualityIssueSeverity="60" its:locQualityIssueComment="Fahrkarten, not Karten">Kiosk</mrk> verkauft.</target>
      </segment>
    </unit>
    <unit id="u3">
      <segment state="translated">
        <source>Have a pleasant crossing!</source>
        <target>Gute Überfahrt!</target>
      </segment>
    </unit>
  </file>
</xliff>
`;

async function openFerry(page: Page, path: string) {
  const host = await startHost([path]);
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('ferry.xlf', 3);
  return { app, host };
}

test('an XLIFF article shows its tags as tokens and its quality issue as a flag, and downloads corrected with its tags intact', async ({
  page,
  files,
}) => {
  const { app, host } = await openFerry(page, files.write('ferry.xlf', FERRY_XLIFF));
  try {
    const first = app.paragraph(1);
    const translation = first.getByLabel('Translation');
    await expect(translation.getByRole('img', { name: 'inline code <1>' })).toBeVisible();
    await expect(translation.getByRole('img', { name: 'inline code </1>' })).toBeVisible();
    await expect(translation.getByRole('img', { name: 'inline code {2}' })).toBeVisible();
    await expect(first.getByLabel('Source').getByRole('img', { name: 'inline code <1>' })).toBeVisible();
    await expect(first).toContainText('Note: Departure board at the pier.');
    await expect(first).toContainText('translated');
    await expect(page.getByRole('button', { name: /^¶ 2: .*Terminology/ })).toContainText('“Kiosk”');

    await page.screenshot({ path: '/tmp/redline-xliff-article.png' });

    // A correction that keeps the tags is saved.
    await first.click();
    await page.keyboard.press('e');
    const editor = page.getByRole('textbox', { name: 'Text of paragraph 1' });
    await expect(editor).toBeFocused();
    const machine = await editor.inputValue();
    const corrected = machine.replace('fährt', 'legt');
    await editor.fill(corrected);
    const editing = page.getByRole('group', { name: 'Editing paragraph 1' });
    await expect(editing.getByRole('status')).toHaveText('Saved');

    // Cutting a tag in half is refused, saying which tag; what was typed stays in the box.
    const broken = corrected.replace('\ue001', '');
    await editor.fill(broken);
    await expect(editing.getByRole('alert')).toContainText('Not saved: the tag </1> was removed but <1> was kept');
    await expect(editor).toHaveValue(broken);
    await expect(editing.getByRole('status')).toHaveText('');
    await page.screenshot({ path: '/tmp/redline-xliff-editor.png' });
    // The missing tag is offered, and inserting it makes the text whole again.
    // The caret goes back to just after "neun", where the tag was.
    await editor.press('End');
    const after = corrected.slice(corrected.indexOf('\ue001') + 1);
    for (let i = 0; i < after.length; i++) await editor.press('ArrowLeft');
    await editing.getByRole('button', { name: 'Insert </1>' }).click();
    await expect(editing.getByRole('alert')).toHaveCount(0);
    await expect(editing.getByRole('status')).toHaveText('Saved');
    await expect(editor).toHaveValue(corrected);
    await page.keyboard.press('Escape');
    await expect(first.getByLabel('Translation')).toContainText('legt');

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the corrected article' });
    await expect(dialog.getByRole('radio', { name: 'XLIFF (the original file, corrected)' })).toBeChecked();
    for (const name of [
      'XLIFF 2.1 with quality issues',
      'Word with tracked changes and comments',
      'WMT MQM TSV (one row per flag)',
      'JSON (the whole review)',
      'CSV of the flags',
      'Patch from the machine translation',
    ]) {
      await expect(dialog.getByRole('radio', { name })).toBeVisible();
    }
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('ferry.corrected.xlf');
    const xliff = readFileSync((await download.path())!, 'utf8');
    expect(xliff).toContain('<target>Die Fähre legt um <pc id="1">neun</pc> Uhr pünktlich ab.<ph id="2"/></target>');
    expect(xliff).toContain('<source>The ferry leaves at <pc id="1">nine</pc> sharp.<ph id="2"/></source>');
    expect(xliff).toContain('its:locQualityIssueComment="Fahrkarten, not Karten"');
  } finally {
    await host.stop();
  }
});
