/**
 * A Word document dropped on the window opens (its bytes arrive whole), shows its formatting as tags, and goes
 * back out as Word with the reviewer's correction as a tracked change.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { ARTICLE_BODY, makeDocx } from '../shared/formats/docx/test-support/make-docx';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

test('a dropped Word document opens, and a correction downloads as Word with tracked changes', async ({ page, server: host }) => {
  const app = new RedlinePage(page);
  await app.goto(host.url);
  await app.waitForArticle('harbour-bridge.en.txt', 15);

  const bytes = Array.from(makeDocx({ body: ARTICLE_BODY }));
  const dropped = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File([new Uint8Array(data)], 'storm.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    );
    return transfer;
  }, bytes);
  await page.getByRole('region', { name: 'Article' }).dispatchEvent('drop', { dataTransfer: dropped });
  await app.waitForArticle('storm.docx', 5);
  await expect(app.paragraph(2)).toContainText('The storm hit the');
  // Bold, italic and the link are tags around their words.
  await expect(
    app
      .paragraph(2)
      .getByRole('img', { name: /^inline code / })
      .first(),
  ).toBeVisible();

  await app.paragraph(5).click();
  await page.keyboard.press('e');
  const editor = page.getByRole('textbox', { name: 'Text of paragraph 5' });
  await expect(editor).toBeFocused();
  await editor.fill('We have never seen the water this high.');
  await expect(page.getByRole('group', { name: 'Editing paragraph 5' }).getByRole('status')).toHaveText('Saved');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the corrected article' });
  await expect(dialog.getByRole('radio', { name: 'Word (the original document, corrected)' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Word with tracked changes and comments' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('storm.corrected.docx');
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const document = strFromU8(files['word/document.xml']!);
  expect(document).toMatch(/<w:ins [^>]*>.*the .*<\/w:ins>/);
  await expect(dialog.getByRole('status')).toHaveText('Downloaded 5 paragraphs as storm.corrected.docx');
});
