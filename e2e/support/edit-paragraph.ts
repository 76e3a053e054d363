import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Edits paragraph `n` the way a reviewer does: E on the paragraph, retype a phrase, wait until saved, Escape. */
export async function editParagraph(page: Page, n: number, from: string, to: string): Promise<void> {
  const row = page.getByRole('listitem', { name: new RegExp(`^Paragraph ${n} of`) });
  await row.click();
  await page.keyboard.press('e');
  const editor = page.getByRole('textbox', { name: `Text of paragraph ${n}` });
  await expect(editor).toBeFocused();
  const text = await editor.inputValue();
  expect(text).toContain(from);
  await editor.fill(text.replace(from, to));
  await expect(page.getByRole('group', { name: `Editing paragraph ${n}` }).getByRole('status')).toHaveText(/Saved/);
  await page.keyboard.press('Escape');
  await expect(row).toContainText(to);
}
