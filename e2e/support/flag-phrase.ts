import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Flags a phrase of paragraph `n` from the keyboard: focus the paragraph, F, type the phrase, pick a category and severity. */
export async function flagPhrase(page: Page, n: number, phrase: string, search: string, option: RegExp, severity: 'Minor' | 'Major' | 'Critical'): Promise<void> {
  await page.getByRole('listitem', { name: new RegExp(`^Paragraph ${n} of`) }).click();
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an error' });
  await dialog.getByLabel('Phrase', { exact: true }).fill(phrase);
  await dialog.getByRole('combobox', { name: 'Category' }).fill(search);
  await dialog.getByRole('option', { name: option }).first().click();
  await dialog.getByRole('radio', { name: severity }).check();
  await dialog.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}
